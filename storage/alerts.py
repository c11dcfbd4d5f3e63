"""Watchlist alerts: create, edit (optimistic lock), close and reopen, watchers, lists and
history; every change audited with its before and after values (storage.audit).

An alert above a user's clearance is "not found" for them, exactly like a missing id
(storage.clearance). Drafts proposed from theft and loss incidents: storage/alert_drafts.py;
matching documents against alerts: storage/alert_matching.py.
"""

from __future__ import annotations

from typing import Any

from pydantic_core import to_jsonable_python
from sqlmodel import Session, col, select

from nlp.linking.evidence import NUCLIDE
from nlp.vocabulary import AlertCloseReason, AlertKind, AlertStatus, AuditEntity, Tlp
from storage.alert_index import reindex_alert
from storage.assessment_records import clearance_of
from storage.audit import record_event
from storage.authz import REVIEWERS, require_actor
from storage.clearance import readable_markings
from storage.incident_record import country_code
from storage.models import Alert, AlertCreate, AlertWatcher, ReviewEvent, User
from storage.models._base import utcnow
from storage.search.index import index_entities

SOURCE_FIELDS = (
    "nuclide",
    "activity_bq",
    "activity_reference_date",
    "device_make",
    "device_model",
    "serial_number",
    "owner",
    "reported_missing_on",
)
PERSON_FIELDS = ("name", "name_variants", "date_of_birth", "nationality", "role")
UNAUDITED = {"created_at", "updated_at", "version"}


class AlertError(ValueError):
    """An alert operation is not valid; the message says why."""


def create_alert(
    *, session: Session, user: str, alert_create: AlertCreate, incident_id: int | None = None
) -> Alert:
    """A new open alert, checked for its kind, watched by its creator; `incident_id` names
    the incident it was proposed from (storage.alert_drafts)."""
    clearance = _acting_clearance(session, user, "create_alert")
    values = checked(alert_create)
    if Tlp(values.marking).rank > clearance.rank:
        raise AlertError(f"you may not mark an alert above your clearance ({clearance})")
    alert = Alert(**values.model_dump(), created_by=user, incident_id=incident_id)
    session.add(alert)
    session.flush()
    session.add(AlertWatcher(alert_id=alert.id or 0, username=user, added_by=user))
    reindex_alert(session, alert)
    _audit(session, user, "create", alert, after=_state(alert))
    return alert


def checked(alert_create: AlertCreate) -> AlertCreate:
    """The alert with its codes normalised, or AlertError naming every missing field."""
    values = alert_create.model_copy()
    problems = _problems(values)
    if problems:
        raise AlertError(f"{values.kind} alert: " + "; ".join(problems))
    for name in ("country", "nationality"):
        code = getattr(values, name)
        setattr(values, name, country_code(code) if code else None)
    values.name_variants = [v.strip() for v in values.name_variants if v.strip()]
    return values


def _problems(alert: AlertCreate) -> list[str]:
    problems = [] if alert.title.strip() else ["give a title"]
    for name in ("country", "nationality"):
        code = getattr(alert, name)
        try:
            country_code(code) if code else None
        except ValueError as error:
            problems.append(str(error))
    if alert.kind == AlertKind.PERSON:
        if not (alert.name or "").strip():
            problems.append("give the person's name")
        return problems
    if not (alert.nuclide or alert.serial_number or alert.device_model):
        problems.append("give the nuclide, a serial number or the device model")
    if alert.nuclide and not NUCLIDE.match(alert.nuclide):
        problems.append(f"nuclide {alert.nuclide!r} is not canonical (e.g. Cs-137, Am-241/Be)")
    if alert.activity_bq is not None and alert.activity_bq <= 0:
        problems.append("the activity must be positive")
    if alert.activity_bq and not alert.activity_reference_date:
        problems.append("give the date the activity was quoted for")
    if not alert.country:
        problems.append("give the country where it went missing")
    if not alert.reported_missing_on:
        problems.append("give the date it was reported missing")
    return problems


def update_alert(
    *, session: Session, user: str, alert_id: int, version: int, alert_update: AlertCreate
) -> Alert:
    """Replace the alert's fields by the form's (the kind stays); one "edit" event."""
    alert = _editable(session, user, "edit_alert", alert_id, version)
    values = checked(alert_update)
    if values.kind != alert.kind:
        raise AlertError("an alert keeps its kind: create a new one")
    if Tlp(values.marking).rank > clearance_of(_user(session, user)).rank:
        raise AlertError("you may not mark an alert above your clearance")
    _change(session, user, alert, values.model_dump(), "edit")
    return alert


def close_alert(
    *,
    session: Session,
    user: str,
    alert_id: int,
    version: int,
    reason: AlertCloseReason,
    note: str = "",
) -> Alert:
    """Open or matched -> closed (recovered or withdrawn): matching stops looking for it."""
    alert = _editable(session, user, "close_alert", alert_id, version)
    if alert.status == AlertStatus.CLOSED:
        raise AlertError(f"alert {alert_id} is already closed")
    wanted = {
        "status": AlertStatus.CLOSED,
        "close_reason": AlertCloseReason(reason),
        "closed_by": user,
        "closed_at": utcnow(),
    }
    _change(session, user, alert, wanted, "close", reason=note.strip() or str(reason))
    return alert


def reopen_alert(*, session: Session, user: str, alert_id: int, version: int, reason: str) -> Alert:
    """Closed -> open, with the reason: matching looks for it again."""
    if not reason.strip():
        raise AlertError("reopening needs a reason")
    alert = _editable(session, user, "reopen_alert", alert_id, version)
    if alert.status != AlertStatus.CLOSED:
        raise AlertError(f"alert {alert_id} is not closed")
    wanted = {
        "status": AlertStatus.OPEN,
        "close_reason": None,
        "closed_by": None,
        "closed_at": None,
    }
    _change(session, user, alert, wanted, "reopen", reason=reason.strip())
    return alert


def add_watcher(*, session: Session, user: str, alert_id: int, username: str) -> AlertWatcher:
    """`username` is told about the alert's matches from now on. Refused for an unknown or
    disabled account, or one whose clearance does not cover the alert's marking: they could
    never be told anything, and the adder would believe they were."""
    alert = _visible_alert(session, user, "add_watcher", alert_id)
    existing = session.get(AlertWatcher, (alert_id, username))
    if existing is not None:
        return existing
    account = session.exec(select(User).where(User.username == username)).first()
    if account is None or account.disabled:
        raise AlertError(f"no active user {username!r}")
    if Tlp(alert.marking).rank > Tlp(account.clearance).rank:
        raise AlertError(
            f"{username} may not read a {Tlp(alert.marking).value} alert "
            f"(clearance {Tlp(account.clearance).value})"
        )
    watcher = AlertWatcher(alert_id=alert_id, username=username, added_by=user)
    session.add(watcher)
    _audit(session, user, "add_watcher", alert, after={"watcher": username})
    session.flush()
    return watcher


def remove_watcher(*, session: Session, user: str, alert_id: int, username: str) -> None:
    alert = _visible_alert(session, user, "remove_watcher", alert_id)
    watcher = session.get(AlertWatcher, (alert_id, username))
    if watcher is None:
        raise AlertError(f"{username} does not watch alert {alert_id}")
    session.delete(watcher)
    _audit(session, user, "remove_watcher", alert, before={"watcher": username})
    session.flush()


def possible_watchers(*, session: Session, user: str, alert_id: int) -> list[str]:
    """Active users who may read the alert and do not watch it yet (for the Alerts page)."""
    alert = _visible_alert(session, user, "read_alerts", alert_id)
    watching = set(watchers_of(session=session, alert_id=alert_id))
    query = select(User.username, User.clearance).where(col(User.disabled).is_(False))
    return sorted(
        name
        for name, clearance in session.exec(query).all()
        if name not in watching and Tlp(alert.marking).rank <= Tlp(clearance).rank
    )


def watchers_of(*, session: Session, alert_id: int) -> list[str]:
    query = select(AlertWatcher.username).where(AlertWatcher.alert_id == alert_id)
    return sorted(session.exec(query).all())


def list_alerts(
    *,
    session: Session,
    user: str,
    status: AlertStatus | None = None,
    kind: AlertKind | None = None,
    limit: int = 500,
) -> list[Alert]:
    """The alerts the user may read, newest first."""
    clearance = clearance_of(_user(session, user))
    query = select(Alert).where(col(Alert.marking).in_(readable_markings(clearance)))
    if status is not None:
        query = query.where(Alert.status == status)
    if kind is not None:
        query = query.where(Alert.kind == kind)
    return list(session.exec(query.order_by(col(Alert.id).desc()).limit(limit)).all())


def get_alert(*, session: Session, user: str, alert_id: int) -> Alert:
    """The alert; one above the user's clearance is "not found", like a missing one."""
    alert = session.get(Alert, alert_id)
    clearance = clearance_of(_user(session, user))
    if alert is None or Tlp(alert.marking).rank > clearance.rank:
        raise AlertError(f"no alert {alert_id}")
    return alert


def alert_history(*, session: Session, user: str, alert_id: int) -> list[ReviewEvent]:
    """The alert's audit events, oldest first (its matches' decisions included)."""
    get_alert(session=session, user=user, alert_id=alert_id)
    query = (
        select(ReviewEvent)
        .where(ReviewEvent.entity_type == AuditEntity.ALERT, ReviewEvent.entity_id == alert_id)
        .order_by(col(ReviewEvent.at), col(ReviewEvent.id))
    )
    return list(session.exec(query).all())


def _user(session: Session, user: str) -> Any:
    """The account (None for the command-line operator, who holds the database itself)."""
    return require_actor(session=session, username=user, roles=REVIEWERS, action="read_alerts")


def _acting_clearance(session: Session, user: str, action: str) -> Tlp:
    return clearance_of(
        require_actor(session=session, username=user, roles=REVIEWERS, action=action)
    )


def _visible_alert(session: Session, user: str, action: str, alert_id: int) -> Alert:
    _acting_clearance(session, user, action)
    return get_alert(session=session, user=user, alert_id=alert_id)


def _editable(session: Session, user: str, action: str, alert_id: int, version: int) -> Alert:
    alert = _visible_alert(session, user, action, alert_id)
    if alert.version != version:
        raise AlertError(f"alert {alert_id} was changed by someone else, reload it")
    return alert


def _state(alert: Alert) -> dict[str, Any]:
    return alert.model_dump(mode="json", exclude=UNAUDITED)


def _change(
    session: Session,
    user: str,
    alert: Alert,
    wanted: dict[str, Any],
    action: str,
    *,
    reason: str | None = None,
) -> None:
    """Set the fields whose value differs, reindex, audit before and after."""
    stored = alert.model_dump(mode="json")
    update = {k: v for k, v in wanted.items() if to_jsonable_python(v) != stored.get(k)}
    if not update:
        raise AlertError("nothing changed")
    for name, value in update.items():
        setattr(alert, name, value)
    alert.version += 1
    alert.updated_at = utcnow()
    session.add(alert)
    session.flush()
    reindex_alert(session, alert)
    before = {name: stored.get(name) for name in update}
    after = {name: to_jsonable_python(value) for name, value in update.items()}
    _audit(session, user, action, alert, before=before, after=after, reason=reason)


def _audit(
    session: Session,
    user: str,
    action: str,
    alert: Alert,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str | None = None,
) -> None:
    index_entities(session=session, kind="alert", ids=[alert.id or 0])
    record_event(
        session,
        entity=AuditEntity.ALERT,
        entity_id=alert.id or 0,
        username=user,
        action=action,
        before=before,
        after=after,
        reason=reason,
    )
