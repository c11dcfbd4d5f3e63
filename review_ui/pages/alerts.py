"""Alerts: the watchlist of stolen or missing sources and persons of interest. A list with
status and kind filters, a form for a new alert, and one alert's details, watchers, proposed
matches (evidence side by side, confirm or reject) and history."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nlp.vocabulary import AlertKind, AlertMatchStatus, AlertStatus, Role
from review_ui.alert_views import (
    alert_details,
    alert_form,
    close_controls,
    history_table,
    match_card,
    watcher_controls,
)
from review_ui.auth import SignedIn
from review_ui.layout import header, require
from review_ui.plain_text import spreadsheet_safe
from storage.alert_matching import list_matches
from storage.alerts import (
    AlertError,
    alert_history,
    get_alert,
    list_alerts,
    possible_watchers,
    watchers_of,
)
from storage.db import session_scope

ANY = "any"


def render() -> None:
    user = require(Role.ANALYST)
    header(
        "Alerts",
        user,
        "Stolen or missing sources and persons of interest. New documents "
        "are matched against open alerts after extraction; confirm or reject each match.",
    )
    with st.expander("New alert"):
        kind = AlertKind(
            st.radio("Kind", list(AlertKind), horizontal=True, key="new_alert_kind") or "source"
        )
        alert_form(f"new_{kind}", kind)
    left, right = st.columns(2)
    status = left.selectbox("Status", [ANY, *AlertStatus], key="alerts_status")
    kind_filter = right.selectbox("Kind", [ANY, *AlertKind], key="alerts_kind")
    with session_scope() as session:
        alerts = list_alerts(
            session=session,
            user=user.username,
            status=None if status == ANY else AlertStatus(status),
            kind=None if kind_filter == ANY else AlertKind(kind_filter),
        )
    if not alerts:
        st.info("No alert.")
        return
    rows = [
        {
            "id": a.id,
            "status": a.status,
            "kind": a.kind,
            "marking": a.marking,
            "title": a.title,
            "nuclide / name": a.nuclide or a.name or "",
        }
        for a in alerts
    ]
    st.dataframe(spreadsheet_safe(pd.DataFrame(rows).astype(str)), hide_index=True)
    ids = [a.id for a in alerts]
    # ?id=N (links from the inbox) opens that alert; else the one chosen last.
    requested = st.query_params.get("id", "")
    chosen = int(requested) if requested.isdigit() else st.session_state.get("alert_id")
    index = ids.index(chosen) if chosen in ids else 0
    alert_id = st.selectbox("Open alert", ids, index=index, format_func=lambda i: f"#{i}")
    if alert_id is not None:
        show_alert(user, int(alert_id))


def show_alert(user: SignedIn, alert_id: int) -> None:
    try:
        with session_scope() as session:
            alert = get_alert(session=session, user=user.username, alert_id=alert_id)
            watchers = watchers_of(session=session, alert_id=alert_id)
            candidates = possible_watchers(session=session, user=user.username, alert_id=alert_id)
            matches = list_matches(session=session, user=user.username, alert_id=alert_id)
            history = alert_history(session=session, user=user.username, alert_id=alert_id)
    except AlertError as error:
        st.error(str(error))
        return
    alert_details(alert, watchers)
    offered = any(m.reports_recovery and m.status == AlertMatchStatus.CONFIRMED for m, _ in matches)
    tab_matches, tab_watchers, tab_edit, tab_history = st.tabs(
        [
            f"Proposed matches ({len(matches)})",
            f"Watchers ({len(watchers)})",
            "Edit / close",
            "History",
        ]
    )
    with tab_matches:
        if not matches:
            st.caption("No match proposed yet.")
        for match, document in matches:
            with st.container(border=True):
                match_card(match, document)
    with tab_watchers:
        st.caption(
            "Watchers are told of new matches above the alert's threshold and of "
            "confirmed matches, in their inbox and by e-mail."
        )
        watcher_controls(int(alert.id or 0), user.username, watchers, candidates)
    with tab_edit:
        close_controls(alert, offered)
        alert_form(f"edit_{alert.id}", AlertKind(alert.kind), alert)
    with tab_history:
        st.dataframe(history_table(history), hide_index=True)


render()
