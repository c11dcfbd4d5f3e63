"""Callbacks of the document page. Each runs before the rerun, with the finding version
captured when the button was drawn, so a stale page cannot overwrite a newer decision, and
with the user signed in now (`acting_user`), whom storage re-checks before writing."""

from __future__ import annotations

import json
import re
from typing import Any

import streamlit as st

from review_ui.layout import acting_user, flash
from storage.authz import PermissionDenied
from storage.db import session_scope
from storage.incidents import IncidentError, attach_document, create_incident, draft_from_document
from storage.review import (
    ConflictError,
    ReviewError,
    add_finding,
    bulk_decide,
    confirm_finding,
    correct_finding,
    reject_finding,
)


def _run(success: str, operation: Any, **kwargs: Any) -> bool:
    try:
        with session_scope() as session:
            operation(session=session, **kwargs)
    except (ConflictError, PermissionDenied) as error:
        flash("error", str(error))
        return False
    except (ReviewError, IncidentError, ValueError) as error:
        flash("error", f"Not saved: {error}")
        return False
    flash("success", success)
    return True


def confirm(finding_id: int, version: int) -> None:
    _run(
        f"Finding #{finding_id} confirmed.",
        confirm_finding,
        finding_id=finding_id,
        expected_version=version,
        username=acting_user().username,
    )


def reject(finding_id: int, version: int, key: str) -> None:
    _run(
        f"Finding #{finding_id} rejected.",
        reject_finding,
        finding_id=finding_id,
        expected_version=version,
        username=acting_user().username,
        reason=str(st.session_state.get(f"{key}_reason", "")),
        never_again=bool(st.session_state.get(f"{key}_never")),
    )


def parse_attributes(raw: str) -> dict[str, Any]:
    """Attributes typed as a JSON object, or as `key: value` lines."""
    raw = raw.strip()
    if not raw:
        return {}
    if raw.startswith("{"):
        value = json.loads(raw)
        if not isinstance(value, dict):
            raise ValueError("attributes must be a JSON object")
        return value
    pairs: dict[str, Any] = {}
    for line in raw.splitlines():
        if line.strip():
            key, sep, value = line.partition(":")
            if not sep or not key.strip():
                raise ValueError(f"not a 'key: value' line: {line[:40]!r}")
            pairs[key.strip()] = _scalar(value.strip())
    return pairs


def _scalar(value: str) -> Any:
    try:
        return json.loads(value)
    except json.JSONDecodeError:
        return value


def correct(finding_id: int, version: int, key: str) -> None:
    state = st.session_state
    try:
        attributes = parse_attributes(str(state.get(f"{key}_attributes", "")))
    except ValueError as error:
        flash("error", f"Not saved: attributes: {error}")
        return
    _run(
        f"Finding #{finding_id} corrected.",
        correct_finding,
        finding_id=finding_id,
        expected_version=version,
        username=acting_user().username,
        label=state.get(f"{key}_label"),
        normalized=str(state.get(f"{key}_normalized", "")),
        attributes=attributes,
        start=int(state.get(f"{key}_start", 0)),
        end=int(state.get(f"{key}_end", 0)),
        reason=str(state.get(f"{key}_reason", "")) or None,
    )


def add(document_id: int) -> None:
    state = st.session_state
    done = _run(
        "Finding added.",
        add_finding,
        document_id=document_id,
        username=acting_user().username,
        label=str(state.get("add_label", "")),
        start=int(state.get("add_start", 0)),
        end=int(state.get("add_end", 0)),
        normalized=str(state.get("add_normalized", "")) or None,
    )
    if done:
        state["add_search"] = ""


def occurrences_of(needle: str, text: str, limit: int = 50) -> list[tuple[int, int]]:
    if not needle:
        return []
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)][:limit]


def search_text(text: str) -> None:
    """Typing a search selects its first occurrence, so Enter is enough for the usual case."""
    state = st.session_state
    found = occurrences_of(str(state.get("add_search", "")), text)
    state["add_occurrence"] = 0 if found else None
    if found:
        state["add_start"], state["add_end"] = found[0]


def pick_occurrence(occurrences: list[tuple[int, int]]) -> None:
    index = st.session_state.get("add_occurrence")
    if isinstance(index, int) and 0 <= index < len(occurrences):
        st.session_state["add_start"], st.session_state["add_end"] = occurrences[index]


def bulk(document_id: int, versions: dict[int, int], action: str) -> None:
    reason = str(st.session_state.get("bulk_reason", "")) or None
    _run(
        f"{len(versions)} findings {'confirmed' if action == 'confirm' else 'rejected'}.",
        bulk_decide,
        document_id=document_id,
        username=acting_user().username,
        action=action,
        expected_versions=versions,
        reason=reason,
    )


def open_incident(document_id: int) -> None:
    user = acting_user()

    def create(*, session: Any) -> None:
        draft = draft_from_document(
            session=session, document_id=document_id, clearance=user.clearance
        )
        draft.title = str(st.session_state.get("incident_title", "")).strip() or draft.title
        incident = create_incident(
            session=session, username=user.username, data=draft, document_ids=[document_id]
        )
        st.session_state["incident_id"] = incident.id

    _run("Incident opened from this document.", create)


def attach(document_id: int) -> None:
    user = acting_user()
    _run(
        "Document attached to the incident.",
        attach_document,
        incident_id=int(st.session_state.get("attach_incident", 0)),
        document_id=document_id,
        username=user.username,
        clearance=user.clearance,
        reason=str(st.session_state.get("attach_reason", "")),
    )
