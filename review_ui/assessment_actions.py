"""What the editor workspace's buttons do. Each callback acts as `acting_user()` (re-read when
it runs), does one storage action in its own unit of work and says how it went with `flash`.

Storage refuses what the person may not do (`PermissionDenied`, e.g. publishing one's own
draft) and what the edition's state forbids (`AssessmentError`). Their messages may quote
what the editor typed (an unknown scope), so they are shown through `plain`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import streamlit as st

from flows.publishing.render import render_all
from nlp.vocabulary import Tlp
from review_ui.layout import acting_user, flash
from review_ui.plain_text import plain
from storage.assessments import (
    AssessmentError,
    add_comment,
    create_draft,
    publish,
    refresh_snapshot,
    return_to_draft,
    start_correction,
    submit_for_review,
    update_sections,
    withdraw,
)
from storage.authz import PermissionDenied
from storage.db import session_scope
from storage.models.assessments import SECTIONS
from storage.periods import parse_period

SELECTED = "assessment_id"  # the edition open in the workspace


def section_key(assessment_id: int, version: int, section: str) -> str:
    """The text area of one section as drawn for this version: a saved version draws fresh
    areas from the database, so nobody edits text older than what they see."""
    return f"section_{assessment_id}_{version}_{section}"


def title_key(assessment_id: int, version: int) -> str:
    return f"title_{assessment_id}_{version}"


def unsaved_key(assessment_id: int) -> str:
    """The sections a stale save could not store, kept for the editor to copy from."""
    return f"unsaved_{assessment_id}"


def run_action(success: str, action: Callable[..., Any], **kwargs: Any) -> tuple[bool, Any]:
    """Whether the action was done, and what it returned; a refusal is flashed."""
    try:
        with session_scope() as session:
            result = action(session=session, username=acting_user().username, **kwargs)
    except PermissionDenied as error:
        message = str(error)  # "Refused: ..." from authz; the four-eyes rule names itself
        refused = message if message.startswith("Refused") else f"Refused: {message}"
        flash("error", plain(refused))
        return False, None
    except (AssessmentError, ValueError) as error:
        flash("error", f"Not done: {plain(error)}")  # it may quote what was typed
        return False, None
    flash("success", success)
    return True, result


def _open(done: tuple[bool, Any]) -> None:
    """Open the edition an action created (a new draft, a correction)."""
    ok, created = done
    if ok and getattr(created, "id", None) is not None:
        st.session_state[SELECTED] = int(created.id)


def _text(key: str) -> str:
    return str(st.session_state.get(key) or "").strip()


def create() -> None:
    try:
        period = parse_period(_text("new_period")).label
    except ValueError as error:
        flash("error", f"Not created: {plain(error)}")
        return
    done = run_action(
        f"Draft for {period} created.",
        create_draft,
        period=period,
        ceiling=Tlp(str(st.session_state["new_ceiling"])),
        scope=_text("new_scope") or None,
        title=_text("new_title") or None,
    )
    _open(done)


def save(assessment_id: int, version: int, drawn: Mapping[str, str]) -> None:
    """Store the sections that differ from the text drawn (`drawn`: section -> text, and
    the title), so the history names what each save changed."""
    typed = {name: str(st.session_state.get(section_key(assessment_id, version, name)) or "")
             for name in SECTIONS}  # fmt: skip
    changed = {name: text for name, text in typed.items() if text != drawn.get(name)}
    title = _text(title_key(assessment_id, version))
    new_title = title if title and title != drawn.get("title") else None
    if not changed and new_title is None:
        flash("info", "Nothing changed since the last save.")
        return
    saved, _ = run_action(
        "Sections saved.",
        update_sections,
        assessment_id=assessment_id,
        version=version,
        sections=changed,
        title=new_title,
    )
    if saved:
        st.session_state.pop(unsaved_key(assessment_id), None)
    else:
        st.session_state[unsaved_key(assessment_id)] = changed


def refresh(assessment_id: int) -> None:
    run_action(
        "Data rebuilt from the confirmed incidents.", refresh_snapshot, assessment_id=assessment_id
    )


def submit(assessment_id: int) -> None:
    run_action("Submitted for review.", submit_for_review, assessment_id=assessment_id)


def comment(assessment_id: int) -> None:
    key = f"comment_{assessment_id}"
    done, _ = run_action(
        "Comment added.", add_comment, assessment_id=assessment_id, text=_text(key)
    )
    if done:
        st.session_state[key] = ""


def send_back(assessment_id: int) -> None:
    reason = _text(f"return_reason_{assessment_id}")
    run_action("Returned to the author as a draft.", return_to_draft, assessment_id=assessment_id,
         reason=reason)  # fmt: skip


def publish_edition(assessment_id: int) -> None:
    run_action("Published.", publish, assessment_id=assessment_id, render=render_all)


def withdraw_edition(assessment_id: int) -> None:
    reason = _text(f"withdraw_reason_{assessment_id}")
    run_action("Withdrawn.", withdraw, assessment_id=assessment_id, reason=reason)


def correct(assessment_id: int) -> None:
    changes = _text(f"changes_{assessment_id}")
    _open(
        run_action(
            "Correction started: a new draft edition.",
            start_correction,
            assessment_id=assessment_id,
            changes=changes,
        )
    )
