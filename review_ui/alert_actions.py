"""Callbacks of the Alerts page: each re-reads the signed-in user (review_ui.layout.
acting_user), runs one storage function in its own unit of work and flashes the outcome."""

from __future__ import annotations

from typing import Any

import streamlit as st
from pydantic import ValidationError

from nlp.vocabulary import AlertCloseReason, AlertKind
from review_ui.layout import acting_user, flash
from storage.alert_drafts import propose_alerts_from_incident
from storage.alert_matching import decide_match
from storage.alerts import (
    AlertError,
    add_watcher,
    close_alert,
    create_alert,
    remove_watcher,
    reopen_alert,
    update_alert,
)
from storage.authz import PermissionDenied
from storage.db import session_scope
from storage.models import AlertCreate

FORM_FIELDS = (
    "title",
    "marking",
    "notes",
    "nuclide",
    "activity_tbq",
    "activity_reference_date",
    "device_make",
    "device_model",
    "serial_number",
    "owner",
    "country",
    "place",
    "reported_missing_on",
    "name",
    "name_variants",
    "date_of_birth",
    "nationality",
    "role",
)


def _run(success: str, operation: Any, **kwargs: Any) -> Any:
    try:
        with session_scope() as session:
            result = operation(session=session, user=acting_user().username, **kwargs)
    except PermissionDenied as error:
        flash("error", str(error))
        return None
    except (AlertError, ValidationError, ValueError) as error:
        flash("error", f"Not saved: {error}")
        return None
    flash("success", success)
    return result


def form_values(key: str, kind: AlertKind) -> AlertCreate | None:
    """The alert the form holds (activity typed in TBq), or None after flashing why not."""
    state = {name: st.session_state.get(f"{key}_{name}") for name in FORM_FIELDS}
    tbq = state.pop("activity_tbq")
    variants = str(state.pop("name_variants") or "")
    stripped = {k: (v.strip() or None) if isinstance(v, str) else v for k, v in state.items()}
    values: dict[str, Any] = {k: v for k, v in stripped.items() if v is not None}
    try:
        values |= {
            "kind": kind,
            "activity_bq": float(tbq) * 1e12 if tbq else None,
            "name_variants": [v.strip() for v in variants.splitlines() if v.strip()],
        }
        return AlertCreate.model_validate(values)
    except (ValidationError, ValueError) as error:
        flash("error", f"Not saved: {error}")
        return None


def create(key: str, kind: AlertKind) -> None:
    draft = form_values(key, kind)
    if draft is not None:
        alert = _run("Alert created; you watch it.", create_alert, alert_create=draft)
        if alert is not None:
            st.session_state["alert_id"] = alert.id


def edit(key: str, kind: AlertKind, alert_id: int, version: int) -> None:
    draft = form_values(key, kind)
    if draft is not None:
        _run(
            f"Alert #{alert_id} saved.",
            update_alert,
            alert_id=alert_id,
            version=version,
            alert_update=draft,
        )


def close(alert_id: int, version: int, reason: AlertCloseReason, key: str) -> None:
    note = str(st.session_state.get(f"{key}_note", ""))
    _run(
        f"Alert #{alert_id} closed ({reason}).",
        close_alert,
        alert_id=alert_id,
        version=version,
        reason=reason,
        note=note,
    )


def reopen(alert_id: int, version: int, key: str) -> None:
    reason = str(st.session_state.get(f"{key}_reason", ""))
    _run(
        f"Alert #{alert_id} reopened.",
        reopen_alert,
        alert_id=alert_id,
        version=version,
        reason=reason,
    )


def watch(alert_id: int, username: str | None = None) -> None:
    """Add `username` (the chosen user when None is passed) to the alert's watchers."""
    who = username or str(st.session_state.get(f"watch_{alert_id}_user") or "")
    me = who == acting_user().username
    done = "You watch" if me else f"{who} watches"
    _run(f"{done} alert #{alert_id}.", add_watcher, alert_id=alert_id, username=who)


def unwatch(alert_id: int, username: str | None = None) -> None:
    who = username or str(st.session_state.get(f"unwatch_{alert_id}_user") or "")
    me = who == acting_user().username
    done = "You no longer watch" if me else f"{who} no longer watches"
    _run(f"{done} alert #{alert_id}.", remove_watcher, alert_id=alert_id, username=who)


def raise_from_incident(incident_id: int) -> None:
    """Create the source alerts a confirmed theft or loss proposes (storage.alert_drafts)."""

    def operation(*, session: Any, user: str) -> list[Any]:
        drafts = propose_alerts_from_incident(session=session, incident_id=incident_id)
        return [
            create_alert(session=session, user=user, alert_create=d, incident_id=incident_id)
            for d in drafts
        ]

    _run(f"Source alerts raised from incident #{incident_id}: see the Alerts page.", operation)


def decide(match_id: int, confirm: bool, key: str) -> None:
    reason = str(st.session_state.get(f"{key}_reason", ""))
    verb = "confirmed: watchers are told" if confirm else "rejected: never proposed again"
    decision = _run(
        f"Match #{match_id} {verb}.",
        decide_match,
        match_id=match_id,
        confirm=confirm,
        reason=reason,
    )
    if decision is not None and decision.propose_close:
        flash("info", "This report says the source was found: close the alert as recovered?")
