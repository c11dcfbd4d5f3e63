"""Security review item 5: bounded expansion. One input file expands into a bounded number
of documents, attachments and characters, nested e-mails included; past a bound the whole
file is refused with the bound named (never cut short in silence), and every DOCX part,
however small, passes the compression-ratio check."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path

import pytest

from flows.ingest import ingest_flow
from flows.ingest_plan import RawItem, plan_item
from nlp.formats import docx, email_message
from nlp.formats.expansion import ExpansionBudget, ExpansionRefused
from nlp.types import ParseError
from nlp.vocabulary import DocumentStatus
from tests.factories import by_source, declare, documents, failures, write
from tests.flows.conftest import ingest_env  # noqa: F401  (fixture)
from tests.flows.test_ingest_plan import SOURCE
from tests.nlp.formats import samples as format_samples

pytestmark = pytest.mark.security
NOTE = "Seized shipment of Cs-137 sources reported by customs at the port."


def mail(subject: str, attachments: list[tuple[str, bytes]]) -> bytes:
    message = EmailMessage(policy=default_policy)
    message["Subject"], message["From"] = subject, "desk@bureau.example"
    message["To"], message["Date"] = "rn@radintel.example", "Mon, 3 Nov 2025 09:00:00 +0000"
    message.set_content(NOTE)
    for name, data in attachments:
        message.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return message.as_bytes()


def notes(count: int) -> list[tuple[str, bytes]]:
    return [(f"note-{index}.txt", f"{NOTE} ({index})".encode()) for index in range(count)]


def inbox_item(name: str, data: bytes) -> RawItem:
    return RawItem(item=f"/srv/inbox/ma/{name}", data=data, filename=name, inbox_name=name)


def assert_refused_whole(plans: list, bound: str) -> None:
    (plan,) = plans
    assert plan.document.status == DocumentStatus.FAILED and plan.children == []
    assert bound in (plan.document.error or "")


def test_an_email_over_the_attachment_bound_is_refused_not_truncated() -> None:
    data = mail("many", notes(email_message.MAX_ATTACHMENTS + 10))
    with pytest.raises(ExpansionRefused, match=f"the bound is {email_message.MAX_ATTACHMENTS}"):
        email_message.parse(data, filename="many.eml", content_type=None)
    assert_refused_whole(plan_item(inbox_item("many.eml", data), SOURCE), "the bound is 50")


def test_nested_emails_count_towards_the_bound_of_the_whole_file() -> None:
    inner = mail("inner", notes(45))  # each under the per-e-mail bound
    outer = mail("outer", [(f"fwd-{index}.eml", inner) for index in range(5)])
    plans = plan_item(inbox_item("outer.eml", outer), SOURCE)
    assert_refused_whole(plans, "more than 200 attachments, nested ones included")
    small = plan_item(inbox_item("outer.eml", outer), SOURCE, budget=ExpansionBudget(10**6, 1000))
    assert sum(1 for _ in small[0].walk()) == 1 + 5 + 5 * 45  # under a looser bound: all kept


def test_attachments_nested_too_deep_refuse_the_file() -> None:
    data = mail("level 0", notes(1))
    for level in range(1, 6):
        data = mail(f"level {level}", [(f"level-{level}.eml", data)])
    assert_refused_whole(plan_item(inbox_item("deep.eml", data), SOURCE), "nested more than 3")


def test_documents_over_the_bound_refuse_the_file() -> None:
    data = mail("some", notes(12))
    refused = plan_item(inbox_item("some.eml", data), SOURCE, budget=ExpansionBudget(10))
    assert_refused_whole(refused, "more than 10 documents")


def test_a_text_over_the_character_bound_is_refused() -> None:
    text = ("Radiation portal alarm at the border crossing. " * 200).encode()
    budget = ExpansionBudget(max_chars=1000)
    assert_refused_whole(
        plan_item(inbox_item("long.txt", text), SOURCE, budget=budget), "more than 1000 characters"
    )


def test_a_small_docx_part_with_a_huge_ratio_is_refused() -> None:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(format_samples.docx_sample())) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info, source.read(info))
        target.writestr("word/media/padding.bin", bytes(512 * 1024))  # about 500 B compressed
    with pytest.raises(ParseError, match=r"zip bomb suspected: word/media/padding.bin .*ratio"):
        docx.parse(buffer.getvalue(), filename="annex.docx", content_type=None)
    assert docx.parse(format_samples.docx_sample(), filename=None, content_type=None)[0].text


@pytest.mark.usefixtures("prefect_harness")
def test_a_refused_email_is_quarantined_whole_and_recorded(
    ingest_env: Path,  # noqa: F811
) -> None:
    inbox = ingest_env / "inbox" / "bureau"
    write(inbox, "many.eml", mail("many", notes(email_message.MAX_ATTACHMENTS + 1)))
    write(inbox, "fine.eml", mail("fine", notes(2)))
    declare("bureau", "inbox_folder", inbox="inbox/bureau")
    counts = by_source(ingest_flow())["bureau"]["counts"]
    assert counts["new"] == 3 and counts["failed"] == 1  # fine.eml and its two notes
    (failure,) = failures()
    assert failure.item.endswith("many.eml") and "the bound is 50" in failure.reason
    assert failure.quarantine_path and Path(failure.quarantine_path).exists()
    assert (inbox / "processed" / "fine.eml").exists() and not (inbox / "many.eml").exists()
    assert [d.status for d in documents() if d.external_id.endswith("many.eml")] == [
        DocumentStatus.FAILED
    ]


@pytest.mark.usefixtures("prefect_harness")
def test_the_character_bound_comes_from_the_flow_settings(
    ingest_env: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from flows.settings import get_flow_settings

    monkeypatch.setenv("RADINTEL_MAX_CHARS_PER_INPUT", "1000")
    get_flow_settings.cache_clear()
    inbox = ingest_env / "inbox" / "bureau"
    write(inbox, "long.txt", ("Radiation portal alarm at the border. " * 100).encode())
    declare("bureau", "inbox_folder", inbox="inbox/bureau")
    by_source(ingest_flow())
    (failure,) = failures()
    assert "more than 1000 characters" in failure.reason and failure.quarantine_path
