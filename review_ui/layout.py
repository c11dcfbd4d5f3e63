"""Shared page furniture: header, flash messages, pagination, role checks."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Literal

import streamlit as st

from nlp.vocabulary import Role, Tlp
from review_ui.auth import SignedIn, current_user

FlashKind = Literal["success", "error", "warning", "info"]
ROLE_RANK = {Role.ANALYST: 0, Role.EDITOR: 1, Role.ADMIN: 2}
NOBODY = SignedIn("", Role.ANALYST, Tlp.CLEAR)  # no account has an empty name: storage refuses it


def require(role: Role) -> SignedIn:
    """The signed-in user if their role is at least `role`; otherwise stop the page."""
    user = current_user()
    if user is None or ROLE_RANK[user.role] < ROLE_RANK[role]:
        st.error("You do not have access to this page.")
        st.stop()
    assert user is not None
    return user


def acting_user() -> SignedIn:
    """Who is signed in when a callback runs, from the server-side session: never a name or
    clearance captured when the button was drawn (callbacks run before the page's own checks).
    Nobody signed in any more gives NOBODY, which storage refuses and records."""
    return current_user() or NOBODY


def header(title: str, user: SignedIn, subtitle: str | None = None) -> None:
    st.markdown(
        f'<div class="ri-header"><div><div class="ri-brand">radintel</div>'
        f'<div class="ri-page">{html.escape(title)}</div></div>'
        f'<div class="ri-user">{html.escape(user.username)} · {html.escape(user.role.value)}'
        f"</div></div>",
        unsafe_allow_html=True,
    )
    if subtitle:
        st.caption(subtitle)
    show_flash()


def flash(kind: FlashKind, message: str) -> None:
    """A message the app wrote, Markdown allowed: it never quotes document text (the storage
    errors it may carry name ids and rules); such text goes through `plain_text.plain`."""
    st.session_state.setdefault("flash", []).append((kind, message))


def show_flash() -> None:
    for kind, message in st.session_state.pop("flash", []):
        getattr(st, kind)(message)


def when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "—"


def page_offset(key: str, page_size: int) -> int:
    return (max(1, int(st.session_state.get(key, 1))) - 1) * page_size


def _turn(key: str, step: int) -> None:
    st.session_state[key] = max(1, int(st.session_state.get(key, 1)) + step)


def pager(key: str, total: int, page_size: int) -> None:
    """Previous/next controls under a paged table."""
    pages = max(1, -(-total // page_size))
    page = min(max(1, int(st.session_state.get(key, 1))), pages)
    first = (page - 1) * page_size
    left, middle, right = st.columns([1, 3, 1])
    left.button(
        "◀ Previous",
        key=f"{key}_prev",
        disabled=page <= 1,
        on_click=_turn,
        args=(key, -1),
    )
    middle.caption(
        f"Page {page} of {pages:,} · rows {min(first + 1, total):,}-"
        f"{min(first + page_size, total):,} of {total:,}"
    )
    right.button(
        "Next ▶",
        key=f"{key}_next",
        disabled=page >= pages,
        on_click=_turn,
        args=(key, 1),
    )
