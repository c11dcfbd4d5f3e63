"""Notice drafts: pre-filled from the alert (decay-corrected activity, escaped text), photos
checked with Pillow, the four-eyes workflow shared with assessments (audited refusals), and
the published outputs: JSON valid against its schema, and one PDF (slow: rendered once)."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import jsonschema
import pytest
from PIL import Image
from pypdf import PdfReader
from sqlmodel import Session, col, select

from flows.publishing.notice import notice_schema, render, render_notice
from nlp.vocabulary import AlertKind, AssessmentStatus, AuditEntity, NoticeKind, Role, Tlp
from storage.authz import PermissionDenied
from storage.db import session_scope
from storage.models import Notice, ReviewEvent
from storage.notice_fields import notice_fields
from storage.notices import (
    NoticeError,
    attach_photo,
    draft_notice,
    list_notices,
    publish_notice,
    return_notice,
    submit_notice,
    update_notice,
    withdraw_notice,
)
from storage.objectstore import get_object_store
from tests.factories import create_actor, create_alert, ident

TODAY = date(2026, 7, 29)  # 150 days after the alert's reference date


@pytest.fixture
def db_url(data_dir: Path) -> str:
    """SQLite here; the workflow is plain ORM (the PostgreSQL paths are the assessments')."""
    return f"sqlite:///{data_dir / 'test.db'}"


def png(size: tuple[int, int] = (64, 48)) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def editors(session: Session) -> tuple[str, str]:
    create_actor(session, "writer", Role.EDITOR, Tlp.AMBER)
    create_actor(session, "chief", Role.EDITOR, Tlp.AMBER)
    create_actor(session, "ana", Role.ANALYST, Tlp.RED)
    return "writer", "chief"


def test_identifiers_carry_the_decay_corrected_activity(session: Session) -> None:
    alert = create_alert(session)
    fields = {f["name"]: f["value"] for f in notice_fields(alert, TODAY)}
    assert fields["activity"] == "1.2 TBq (32.4 Ci) on 2026-03-01"
    # 1.2 TBq of Ir-192 (73.83 d) after 150 days: about 0.29 TBq (DOMAIN.md).
    assert (
        fields["activity_today"].startswith("293 GBq") and "2026-07-29" in fields["activity_today"]
    )
    assert fields["serial_number"] == "D-4417" and fields["device_model"] == "880 Delta"
    person = create_alert(
        session, kind=AlertKind.PERSON, name="Ivan Petrov", name_variants=["Иван Петров"],
        nuclide=None, activity_bq=None, date_of_birth=date(1970, 1, 2), nationality="GE",
        role="broker",
    )  # fmt: skip
    names = [f["name"] for f in notice_fields(person, TODAY)]
    assert names[:5] == ["name", "name_variants", "date_of_birth", "nationality", "role"]


def test_four_eyes_workflow_with_audit_and_published_outputs(
    session: Session, editors: tuple[str, str]
) -> None:
    writer, chief = editors
    alert = create_alert(session, title="[x](javascript:alert(1)) <b>Stolen</b> camera")
    with session_scope() as s:
        notice = draft_notice(
            session=s, username=writer, alert_id=ident(alert), kind=NoticeKind.ORANGE, today=TODAY
        )
    notice_id = ident(notice)
    summary = notice.content["sections"]["summary"]
    assert "\\[x\\](javascript\\:alert(1)) \\<b\\>Stolen" in summary  # escaped Markdown
    assert notice.marking == Tlp.AMBER
    with pytest.raises(NoticeError, match="below the alert's"), session_scope() as s:
        update_notice(session=s, username=writer, notice_id=notice_id, version=1,
                      marking=Tlp.GREEN)  # fmt: skip
    with pytest.raises(NoticeError, match="not a readable image"), session_scope() as s:
        attach_photo(session=s, username=writer, notice_id=notice_id, data=b"GIF89a not really")
    with session_scope() as s:
        key = attach_photo(session=s, username=writer, notice_id=notice_id, data=png())
        update_notice(session=s, username=writer, notice_id=notice_id, version=2,
                      sections={"requested_actions": "- Report any sighting."})  # fmt: skip
    with pytest.raises(PermissionDenied), session_scope() as s:  # analysts do not publish
        submit_notice(session=s, username="ana", notice_id=notice_id)
    with session_scope() as s:
        submit_notice(session=s, username=writer, notice_id=notice_id)
        return_notice(session=s, username=chief, notice_id=notice_id, reason="add the owner")
        update_notice(session=s, username=chief, notice_id=notice_id, version=5,
                      title="Orange notice: stolen Ir-192 camera D-4417")  # fmt: skip
        submit_notice(session=s, username=writer, notice_id=notice_id)
    for editor in (writer, chief):  # both wrote it: neither may publish
        with pytest.raises(PermissionDenied, match="four-eyes"), session_scope() as s:
            publish_notice(session=s, username=editor, notice_id=notice_id, render=render_notice)
    create_actor(session, "third", Role.EDITOR, Tlp.AMBER)
    with session_scope() as s:
        published = publish_notice(
            session=s, username="third", notice_id=notice_id, render=lambda n: {
                "json": render(n, "json")
            },
        )  # fmt: skip
    assert published.status == AssessmentStatus.PUBLISHED and set(published.outputs) == {"json"}
    data = __import__("json").loads(get_object_store().get(published.outputs["json"]))
    jsonschema.validate(data, notice_schema())
    assert data["photos"] == [{"sha256": key, "media_type": "image/png"}]
    assert data["published_by"] == "third" and data["kind"] == "orange"
    with pytest.raises(NoticeError, match="published notices never change"), session_scope() as s:
        withdraw_notice(session=s, username="third", notice_id=notice_id, reason="late")
    events = session.exec(
        select(ReviewEvent)
        .where(col(ReviewEvent.entity_type) == AuditEntity.NOTICE)
        .order_by(col(ReviewEvent.id))
    ).all()
    actions = [(e.username, e.action) for e in events]
    assert actions[0] == (writer, "draft") and actions[-1] == ("third", "publish")
    assert actions.count((writer, "refused")) == 1 and actions.count((chief, "refused")) == 1
    assert list_notices(session=session, clearance=Tlp.GREEN) == []  # AMBER: not found
    assert session.get(Notice, notice_id) is not None


def test_the_pdf_prints_marking_identifiers_and_photo(
    session: Session, editors: tuple[str, str], tmp_path: Path
) -> None:
    writer, _ = editors
    alert = create_alert(session, marking=Tlp.AMBER)
    with session_scope() as s:
        notice = draft_notice(
            session=s, username=writer, alert_id=ident(alert), kind=NoticeKind.ORANGE, today=TODAY
        )
        attach_photo(session=s, username=writer, notice_id=ident(notice), data=png((320, 240)))
    pdf = render(notice, "pdf")
    assert pdf.startswith(b"%PDF")
    reader = PdfReader(BytesIO(pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert text.count("TLP:AMBER") >= 2 and "D-4417" in text and "293 GBq" in text
    assert "Orange notice" in text and "DRAFT" in text
    images = [image for page in reader.pages for image in page.images]
    assert images, "the device photo is embedded"
