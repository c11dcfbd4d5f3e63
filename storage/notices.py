"""Notice drafts written from an alert, in the structure of an INTERPOL Orange notice (a
source or person posing a serious and imminent threat) or Purple notice (a modus operandi),
published through the four-eyes steps of assessments: draft -> in review -> published by an
editor who neither wrote nor edited it; return to draft; withdraw. Every step is an audit
event (AuditEntity.NOTICE); the shared rules live in storage.four_eyes.

A notice holds (`Notice.content`):
- `fields`: the alert's identifiers, frozen when drafted (storage.notice_fields), with the
  activity decay-corrected to the drafting day;
- `sections`: Markdown the editors write (summary, modus operandi, requested actions),
  pre-filled from the alert, its text escaped;
and device photos (`Notice.photos`: object keys of images checked with Pillow). Its marking is
at least the alert's and at most the editor's clearance; a notice above a reader's clearance
is "no notice N", like a missing one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from io import BytesIO
from typing import Any

from PIL import Image, UnidentifiedImageError
from sqlmodel import Session, col, select

from nlp.vocabulary import AssessmentStatus, AuditEntity, NoticeKind, Tlp
from storage import four_eyes
from storage.audit import auditor
from storage.authz import EDITORS, require_actor
from storage.clearance import readable_markings
from storage.models import Alert, Notice, ReviewEvent, User
from storage.models._base import utcnow
from storage.notice_fields import SECTIONS, notice_fields, prefilled_sections
from storage.objectstore import get_object_store

OPEN_STATUSES = (AssessmentStatus.DRAFT, AssessmentStatus.IN_REVIEW)
PHOTO_FORMATS = {"JPEG": "image/jpeg", "PNG": "image/png"}  # what the PDF printer embeds
MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_PHOTO_PIXELS = 40_000_000  # larger is refused before decoding (decompression bombs)
MAX_PHOTOS = 6
Renderer = Callable[[Notice], Mapping[str, bytes]]


class NoticeError(ValueError):
    """A notice step that cannot be done; the message is safe to show the editor."""


def _clearance(user: User | None) -> Tlp:
    return Tlp.RED if user is None else Tlp(user.clearance)  # None: the command-line operator


def _editor(session: Session, username: str, action: str, **details: Any) -> Tlp:
    """The acting editor's clearance, once they may act (a refusal is audited)."""
    user = require_actor(
        session=session,
        username=username,
        roles=EDITORS,
        action=f"notice {action}",
        details=details,
    )
    return _clearance(user)


def get_notice(*, session: Session, notice_id: int, clearance: Tlp) -> Notice:
    notice = session.get(Notice, notice_id)
    if notice is None or Tlp(notice.marking).rank > clearance.rank:
        raise NoticeError(f"no notice {notice_id}")
    return notice


def list_notices(*, session: Session, clearance: Tlp, alert_id: int | None = None) -> list[Notice]:
    """The notices the reader may see, newest first (optionally of one alert)."""
    query = select(Notice).where(col(Notice.marking).in_(readable_markings(clearance)))
    if alert_id is not None:
        query = query.where(col(Notice.alert_id) == alert_id)
    return list(session.exec(query.order_by(col(Notice.id).desc())).all())


def notice_history(*, session: Session, notice_id: int, clearance: Tlp) -> list[ReviewEvent]:
    """The notice's audit events, oldest first."""
    get_notice(session=session, notice_id=notice_id, clearance=clearance)
    query = (
        select(ReviewEvent)
        .where(
            col(ReviewEvent.entity_type) == AuditEntity.NOTICE,
            col(ReviewEvent.entity_id) == notice_id,
        )
        .order_by(col(ReviewEvent.at), col(ReviewEvent.id))
    )
    return list(session.exec(query).all())


def _state(notice: Notice) -> dict[str, Any]:
    return notice.model_dump(mode="json", exclude={"content", "created_at", "updated_at"})


_audit = auditor(AuditEntity.NOTICE)


def _require(notice: Notice, *allowed: AssessmentStatus) -> None:
    four_eyes.require_status(
        AssessmentStatus(notice.status),
        allowed,
        what=f"notice {notice.id}",
        published="published notices never change; draft a new one",
        error=NoticeError,
    )


def _load(session: Session, username: str, notice_id: int, action: str) -> Notice:
    clearance = _editor(session, username, action, notice_id=notice_id)
    return get_notice(session=session, notice_id=notice_id, clearance=clearance)


def _touch(session: Session, notice: Notice) -> None:
    notice.version += 1
    notice.updated_at = utcnow()
    session.add(notice)


def draft_notice(
    *,
    session: Session,
    username: str,
    alert_id: int,
    kind: NoticeKind,
    today: date | None = None,
) -> Notice:
    """A draft notice pre-filled from the alert: its identifiers (activity decay-corrected to
    `today`), summary and requested actions, marked as the alert."""
    clearance = _editor(session, username, "draft", alert_id=alert_id)
    alert = session.get(Alert, alert_id)
    if alert is None or Tlp(alert.marking).rank > clearance.rank:
        raise NoticeError(f"no alert {alert_id}")
    kind = NoticeKind(kind)
    day = today or date.today()
    noun = "Orange" if kind == NoticeKind.ORANGE else "Purple"
    notice = Notice(
        alert_id=alert_id,
        kind=kind,
        title=f"{noun} notice (draft): {alert.title}"[:300],
        marking=Tlp(alert.marking),
        content={
            "fields": notice_fields(alert, day),
            "as_of": day.isoformat(),
            "sections": prefilled_sections(alert, kind),
        },
        author=username,
    )
    session.add(notice)
    session.flush()
    _audit(session, username, "draft", notice.id or 0, after=_state(notice))
    session.flush()
    return notice


def update_notice(
    *,
    session: Session,
    username: str,
    notice_id: int,
    version: int,
    sections: Mapping[str, str] | None = None,
    title: str | None = None,
    marking: Tlp | None = None,
) -> Notice:
    """Edit a draft's sections, title or marking; `version` is the one the editor loaded, so
    a concurrent edit is refused instead of overwritten. The marking stays at least the
    alert's and within the editor's clearance."""
    clearance = _editor(session, username, "edit", notice_id=notice_id)
    notice = get_notice(session=session, notice_id=notice_id, clearance=clearance)
    _require(notice, AssessmentStatus.DRAFT)
    if notice.version != version:
        raise NoticeError(f"notice {notice_id} was changed by someone else; reload and edit again")
    changes: dict[str, Any] = {}
    current = dict(notice.content.get("sections", {}))
    edited = {name: text for name, text in (sections or {}).items() if current.get(name) != text}
    unknown = sorted(set(edited) - set(SECTIONS))
    if unknown:
        raise NoticeError(f"unknown sections: {', '.join(unknown)} (known: {', '.join(SECTIONS)})")
    if edited:
        changes["sections"] = edited
        notice.content = {**notice.content, "sections": {**current, **edited}}
    if title is not None and title.strip() and title.strip() != notice.title:
        changes["title"] = notice.title = title.strip()[:300]
    if marking is not None and Tlp(marking) != notice.marking:
        changes["marking"] = _checked_marking(session, notice, Tlp(marking), clearance).value
        notice.marking = Tlp(marking)
    if not changes:
        return notice
    _touch(session, notice)
    _audit(session, username, "edit", notice.id or 0, after=changes)
    session.flush()
    return notice


def _checked_marking(session: Session, notice: Notice, marking: Tlp, clearance: Tlp) -> Tlp:
    alert = session.get(Alert, notice.alert_id)
    floor = Tlp(alert.marking) if alert else Tlp.RED
    if marking.rank < floor.rank:
        raise NoticeError(f"the marking may not be below the alert's ({floor.value})")
    if marking.rank > clearance.rank:
        raise NoticeError(f"the marking may not be above your clearance ({clearance.value})")
    return marking


def checked_photo(data: bytes) -> str:
    """The image's media type, once Pillow has read it whole as a JPEG or PNG within the
    size caps; NoticeError for anything else (a renamed file, a bomb, a truncated image)."""
    if not data or len(data) > MAX_PHOTO_BYTES:
        raise NoticeError(f"a photo must be 1 byte to {MAX_PHOTO_BYTES // (1024 * 1024)} MiB")
    try:
        with Image.open(BytesIO(data)) as image:
            kind = image.format or ""
            if kind not in PHOTO_FORMATS:
                raise NoticeError(f"a photo must be JPEG or PNG, not {kind or 'unknown'}")
            width, height = image.size
            if width * height > MAX_PHOTO_PIXELS:
                raise NoticeError(f"the photo is too large ({width} x {height} pixels)")
            image.load()  # decodes every pixel: a truncated or corrupt file fails here
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError) as error:
        raise NoticeError(f"not a readable image ({type(error).__name__})") from None
    return PHOTO_FORMATS[kind]


def attach_photo(*, session: Session, username: str, notice_id: int, data: bytes) -> str:
    """Store a device photo of a draft (object store) and attach it; its object key."""
    notice = _load(session, username, notice_id, "attach photo")
    _require(notice, AssessmentStatus.DRAFT)
    checked_photo(data)
    if len(notice.photos) >= MAX_PHOTOS:
        raise NoticeError(f"a notice holds at most {MAX_PHOTOS} photos")
    key = get_object_store().put(data)
    if key in notice.photos:
        raise NoticeError("this photo is already attached")
    notice.photos = [*notice.photos, key]
    _touch(session, notice)
    _audit(session, username, "edit", notice.id or 0, after={"photo_added": key})
    session.flush()
    return key


def remove_photo(*, session: Session, username: str, notice_id: int, key: str) -> Notice:
    notice = _load(session, username, notice_id, "remove photo")
    _require(notice, AssessmentStatus.DRAFT)
    if key not in notice.photos:
        raise NoticeError("no such photo on this notice")
    notice.photos = [photo for photo in notice.photos if photo != key]
    _touch(session, notice)
    _audit(session, username, "edit", notice.id or 0, after={"photo_removed": key})
    session.flush()
    return notice


def _transition(
    session: Session,
    notice: Notice,
    username: str,
    action: str,
    status: AssessmentStatus,
    reason: str | None = None,
) -> Notice:
    before = _state(notice)
    notice.status = status
    _touch(session, notice)
    after = _state(notice)
    _audit(session, username, action, notice.id or 0, before=before, after=after, reason=reason)
    session.flush()
    return notice


def submit_notice(*, session: Session, username: str, notice_id: int) -> Notice:
    """Draft -> in review: a second editor is asked to read and publish it."""
    notice = _load(session, username, notice_id, "submit")
    _require(notice, AssessmentStatus.DRAFT)
    notice.submitted_by, notice.submitted_at = username, utcnow()
    return _transition(session, notice, username, "submit", AssessmentStatus.IN_REVIEW)


def return_notice(*, session: Session, username: str, notice_id: int, reason: str) -> Notice:
    """In review -> draft, with the reason the author should read."""
    notice = _load(session, username, notice_id, "return")
    _require(notice, AssessmentStatus.IN_REVIEW)
    if not reason.strip():
        raise NoticeError("returning a notice needs a reason")
    return _transition(session, notice, username, "return", AssessmentStatus.DRAFT, reason.strip())


def withdraw_notice(*, session: Session, username: str, notice_id: int, reason: str) -> Notice:
    notice = _load(session, username, notice_id, "withdraw")
    _require(notice, *OPEN_STATUSES)
    if not reason.strip():
        raise NoticeError("withdrawing needs a reason")
    return _transition(
        session, notice, username, "withdraw", AssessmentStatus.WITHDRAWN, reason.strip()
    )


def publish_notice(*, session: Session, username: str, notice_id: int, render: Renderer) -> Notice:
    """In review -> published by a second editor (four eyes); the outputs `render` makes
    ("pdf", "json") are stored in the object store and the notice never changes again."""
    notice = _load(session, username, notice_id, "publish")
    _require(notice, AssessmentStatus.IN_REVIEW)
    four_eyes.require_second_editor(
        session, entity=AuditEntity.NOTICE, entity_id=notice_id, author=notice.author,
        username=username,
    )  # fmt: skip
    before = _state(notice)
    notice.status = AssessmentStatus.PUBLISHED
    notice.published_by, notice.published_at = username, utcnow()
    rendered = render(notice)  # after the fields above: the outputs print them
    store = get_object_store()
    notice.outputs = {fmt: store.put(rendered[fmt]) for fmt in sorted(rendered)}
    _touch(session, notice)
    _audit(session, username, "publish", notice.id or 0, before=before, after=_state(notice))
    session.flush()
    return notice
