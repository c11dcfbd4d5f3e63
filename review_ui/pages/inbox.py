"""Inbox: the notifications the signed-in user received about the alerts they watch, newest
first, with links to the alert and the document; mark read one by one or all at once.

The text of a notification is written by radintel, but the alert and document titles inside
it came from users and documents: it is shown with `st.text` (no Markdown, no HTML).
"""

from __future__ import annotations

import streamlit as st
from streamlit.errors import StreamlitAPIException

from nlp.vocabulary import NotificationKind, Role
from review_ui.layout import acting_user, flash, header, require, when
from storage.db import session_scope
from storage.models import Notification
from storage.notifications import (
    documents_of,
    list_notifications,
    mark_all_read,
    mark_read,
    unread_count,
)

PAGE = 20
CURSOR = "inbox_before"  # the id under which the page starts (None: the newest)
KIND_TITLES = {
    NotificationKind.NEW_MATCH: "New match",
    NotificationKind.CONFIRMED_MATCH: "Confirmed match",
    NotificationKind.ALERT_CLOSED: "Alert closed",
}


def _read(notification_id: int) -> None:
    with session_scope() as session:
        mark_read(
            session=session, username=acting_user().username, notification_ids=[notification_id]
        )


def _read_all() -> None:
    with session_scope() as session:
        changed = mark_all_read(session=session, username=acting_user().username)
    flash("success", f"{changed} notification(s) marked read.")


def _page_to(before: int | None) -> None:
    st.session_state[CURSOR] = before


def _link(page: str, label: str, params: dict[str, str]) -> None:
    """A link to another page by the URL convention of the app; a page this user's navigation
    does not hold (the alerts page before it is installed, say) is named instead."""
    try:
        st.page_link(page, label=label, query_params=params)
    except StreamlitAPIException:
        st.caption(label)


def _item(notification: Notification, document_id: int | None) -> None:
    ident = int(notification.id or 0)
    with st.container(border=True):
        unread = notification.read_at is None
        kind = KIND_TITLES.get(NotificationKind(notification.kind), str(notification.kind))
        st.caption(f"{'● Unread · ' if unread else ''}{kind} · {when(notification.created_at)}")
        st.text(notification.subject)
        st.text(notification.body)
        row = st.columns([2, 2, 1])
        with row[0]:
            _link(
                "pages/alerts.py",
                f"Open alert #{notification.alert_id}",
                {"id": str(notification.alert_id)},
            )
        if document_id is not None:
            with row[1]:
                _link(
                    "pages/document.py", f"Open document #{document_id}", {"doc": str(document_id)}
                )
        if unread:
            row[2].button("Mark read", key=f"read_{ident}", on_click=_read, args=(ident,))


def render() -> None:
    user = require(Role.ANALYST)
    header(
        "Inbox",
        user,
        "What the alerts you watch matched: new matches above the alert's threshold and "
        "confirmed ones. E-mailed too when your account has an address.",
    )
    unread_only = st.toggle("Unread only", key="inbox_unread_only")
    before = st.session_state.get(CURSOR)
    with session_scope() as session:
        unread = unread_count(session=session, username=user.username)
        items = list_notifications(
            session=session,
            username=user.username,
            limit=PAGE + 1,
            before_id=before,
            unread_only=unread_only,
        )
        documents = documents_of(session=session, notifications=items)
    top = st.container(horizontal=True)
    top.metric("Unread", unread)
    top.button("Mark all read", key="read_all", on_click=_read_all, disabled=unread == 0)
    if not items:
        st.info("No notification." if before is None else "No older notification.")
    for notification in items[:PAGE]:
        _item(notification, documents.get(int(notification.id or 0)))
    nav = st.container(horizontal=True)
    if before is not None:
        nav.button("◀ Newest", key="inbox_newest", on_click=_page_to, args=(None,))
    if len(items) > PAGE:
        nav.button(
            "Older ▶", key="inbox_older", on_click=_page_to, args=(int(items[PAGE - 1].id or 0),)
        )


render()
