"""What the Notices page's buttons do: one storage step each, as `acting_user()` (re-read
when the callback runs), in its own unit of work, told with `flash` (refusals included,
through review_ui.assessment_actions.run_action)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from flows.publishing.notice import render_notice
from nlp.vocabulary import NoticeKind, Tlp
from review_ui.assessment_actions import run_action
from review_ui.layout import flash
from storage.notice_fields import SECTIONS
from storage.notices import (
    attach_photo,
    draft_notice,
    publish_notice,
    remove_photo,
    return_notice,
    submit_notice,
    update_notice,
    withdraw_notice,
)

SELECTED = "notice_id"  # the notice open on the page


def field_key(notice_id: int, version: int, name: str) -> str:
    """A form field as drawn for this version: a saved version draws fresh fields."""
    return f"notice_{notice_id}_{version}_{name}"


def _text(key: str) -> str:
    return str(st.session_state.get(key) or "").strip()


def _open(done: tuple[bool, Any]) -> None:
    ok, notice = done
    if ok and getattr(notice, "id", None) is not None:
        st.session_state[SELECTED] = int(notice.id)


def choose(key: str) -> None:
    st.session_state[SELECTED] = st.session_state.get(key)


def draft(alert_id: int) -> None:
    kind = NoticeKind(str(st.session_state.get("notice_new_kind") or NoticeKind.ORANGE))
    _open(run_action("Notice drafted from the alert.", draft_notice, alert_id=alert_id, kind=kind))


def save(notice_id: int, version: int) -> None:
    sections = {
        name: str(st.session_state.get(field_key(notice_id, version, name)) or "")
        for name in SECTIONS
    }
    marking = Tlp(str(st.session_state.get(field_key(notice_id, version, "marking"))))
    run_action(
        "Notice saved.",
        update_notice,
        notice_id=notice_id,
        version=version,
        sections=sections,
        title=_text(field_key(notice_id, version, "title")),
        marking=marking,
    )


def attach(notice_id: int, version: int) -> None:
    upload = st.session_state.get(field_key(notice_id, version, "photo"))
    if upload is None:
        flash("error", "Choose an image file first.")
        return
    run_action("Photo attached.", attach_photo, notice_id=notice_id, data=upload.getvalue())


def detach(notice_id: int, key: str) -> None:
    run_action("Photo removed.", remove_photo, notice_id=notice_id, key=key)


def submit(notice_id: int) -> None:
    run_action("Submitted for review.", submit_notice, notice_id=notice_id)


def send_back(notice_id: int) -> None:
    reason = _text(f"notice_return_{notice_id}")
    run_action("Returned to the author.", return_notice, notice_id=notice_id, reason=reason)


def withdraw(notice_id: int) -> None:
    reason = _text(f"notice_withdraw_{notice_id}")
    run_action("Withdrawn.", withdraw_notice, notice_id=notice_id, reason=reason)


def publish(notice_id: int) -> None:
    run_action("Published.", publish_notice, notice_id=notice_id, render=render_notice)
