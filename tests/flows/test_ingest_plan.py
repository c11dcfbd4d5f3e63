"""Pure steps: planning documents from raw items, without database or Prefect."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from flows.ingest_plan import RawItem, SourceSpec, as_utc, plan_item, sha256_hex, tlp_or_none
from flows.ingest_store import count_batch
from nlp.types import Attachment, ParsedDocument, ParseError
from nlp.vocabulary import DocumentStatus, SourceKind, Tlp
from tests.flows import samples

SOURCE = SourceSpec(
    id=7,
    name="bureau-ma",
    kind=SourceKind.INBOX_FOLDER,
    url=None,
    urls=(),
    inbox="/srv/inbox/ma",
    reliability="B",
    default_marking=Tlp.AMBER,
    language_hint="ar",
    bureau_country="MA",
    allow_private_network=False,
    http_cache={},
)


def inbox_item(name: str, data: bytes) -> RawItem:
    return RawItem(item=f"/srv/inbox/ma/{name}", data=data, filename=name, inbox_name=name)


def test_a_text_file_becomes_one_pending_document_with_provenance() -> None:
    (plan,) = plan_item(inbox_item("note.txt", samples.ARABIC_NOTE), SOURCE)
    document = plan.document
    assert document.sha256 == sha256_hex(samples.ARABIC_NOTE)
    assert document.status == DocumentStatus.PENDING and document.language == "ar"
    assert (document.source_id, document.reliability, document.marking) == (7, "B", Tlp.AMBER)
    assert document.bureau_country == "MA" and document.external_id == "/srv/inbox/ma/note.txt"
    assert plan.text.startswith("مذكرة")


def test_unparseable_bytes_are_kept_as_a_failed_document() -> None:
    (plan,) = plan_item(inbox_item("x.pdf", b"%PDF-1.7 nothing else"), SOURCE)
    assert plan.document.status == DocumentStatus.FAILED and plan.document.error
    assert plan.raw == b"%PDF-1.7 nothing else" and plan.document.format == "pdf"


def test_attachments_become_children_and_their_failures_stay_local() -> None:
    def parse(item: RawItem, source: SourceSpec) -> list[ParsedDocument]:
        if item.filename == "broken.docx":
            raise ParseError("corrupt docx")
        if item.filename == "mail.eml":
            attachments = [
                Attachment("nota.txt", "text/plain", samples.SPANISH_NOTE),
                Attachment("broken.docx", None, b"PK\x03\x04 nope"),
            ]
            return [ParsedDocument(text="mail body", format="eml", attachments=attachments)]
        return [ParsedDocument(text=item.data.decode(), format="txt")]

    (plan,) = plan_item(inbox_item("mail.eml", b"raw mail"), SOURCE, parse=parse)
    statuses = [child.document.status for child in plan.children]
    assert statuses == [DocumentStatus.PENDING, DocumentStatus.FAILED]
    assert (plan.children[0].document.external_id or "").endswith("#attachment1:nota.txt")
    counts, failed = count_batch([plan], written={node.document.sha256 for node in plan.walk()})
    assert counts == {"new": 2, "failed": 1} and failed[0].document.error == "corrupt docx"
    again, failed_again = count_batch([plan], written=set())
    assert again == {"duplicates": 3}
    assert failed_again == []


def test_entries_of_one_payload_are_identified_by_address_and_content() -> None:
    entries = [
        ParsedDocument(text="Lost gauge in Oran.", format="rss", url="https://n.example/1"),
        ParsedDocument(text="Lost gauge in Oran.", format="rss", url="https://n.example/2"),
    ]
    plans = plan_item(inbox_item("feed.xml", b"<rss/>"), SOURCE, parse=lambda i, s: entries)
    assert len({plan.document.sha256 for plan in plans}) == 2


def test_a_feed_entry_without_its_page_stands_for_itself() -> None:
    entry = ParsedDocument(
        text="Une source a été retrouvée.",
        format="rss",
        url="https://n.example/fr",
        title="Source retrouvée",
        published_at=datetime(2025, 3, 3, 11, tzinfo=timezone(timedelta(hours=1))),
    )
    item = RawItem(
        item=entry.url or "",
        data=b"",
        url=entry.url,
        entry=entry,
        note="linked page not fetched: HTTP 404",
    )
    (plan,) = plan_item(item, SOURCE)
    assert plan.document.error == "linked page not fetched: HTTP 404"
    assert plan.document.published_at == datetime(2025, 3, 3, 10, tzinfo=UTC)
    assert plan.document.title == "Source retrouvée" and plan.document.url == entry.url


@pytest.mark.parametrize(
    ("value", "expected"),
    [("TLP:RED", Tlp.RED), ("amber+strict", Tlp.AMBER_STRICT), ("SECRET", None), (3, None)],
)
def test_tlp_markings_are_read_leniently(value: object, expected: Tlp | None) -> None:
    assert tlp_or_none(value) == expected


def test_naive_datetimes_are_taken_as_utc() -> None:
    assert as_utc(datetime(2025, 1, 1)) == datetime(2025, 1, 1, tzinfo=UTC)
