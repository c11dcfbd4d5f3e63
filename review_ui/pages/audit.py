"""Audit trail: search every recorded decision."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pandas as pd
import streamlit as st

from nlp.vocabulary import AuditEntity, Role
from review_ui.layout import header, page_offset, pager, require, when
from review_ui.plain_text import spreadsheet_safe
from storage.db import session_scope
from storage.review import search_events

PAGE = 50
ENTITIES = ["Any", *(entity.value for entity in AuditEntity)]


def render() -> None:
    user = require(Role.ANALYST)
    header("Audit trail", user, "Every decision, who made it and when. Append-only.")
    with st.form("audit_filters", enter_to_submit=True):
        cols = st.columns(5)
        who = cols[0].text_input("User", key="a_user")
        action = cols[1].text_input("Action (confirm, reject, merge…)", key="a_action")
        entity = cols[2].selectbox("Entity", ENTITIES, key="a_entity")
        entity_id = cols[3].text_input("Entity id", key="a_id")
        period = cols[4].date_input("Between", value=[], key="a_dates")
        st.form_submit_button("Search")
    dates = tuple(period) if isinstance(period, tuple | list) else ()
    with session_scope() as session:
        events, total = search_events(
            session=session,
            clearance=user.clearance,
            username=who.strip() or None,
            action=action.strip() or None,
            entity_type=None if entity == "Any" else entity,
            entity_id=int(entity_id) if entity_id.strip().isdigit() else None,
            since=datetime.combine(dates[0], time.min, tzinfo=UTC) if dates else None,
            until=datetime.combine(dates[1] + timedelta(days=1), time.min, tzinfo=UTC)
            if len(dates) > 1
            else None,
            limit=PAGE,
            offset=page_offset("audit_page", PAGE),
        )
    if not events:
        st.info("No recorded decision matches.")
        return
    st.dataframe(
        spreadsheet_safe(
            pd.DataFrame(
                [
                    {
                        "When": when(e.at),
                        "Who": e.username,
                        "Action": e.action,
                        "Entity": e.entity_type,
                        "Id": e.entity_id,
                        "Reason": e.reason or "",
                        "Before": _summary(e.before),
                        "After": _summary(e.after),
                    }
                    for e in events
                ]
            )
        ),
        hide_index=True,
    )
    pager("audit_page", total, PAGE)


def _summary(state: dict[str, object] | None) -> str:
    if not state:
        return ""
    return "; ".join(f"{k}={v}" for k, v in state.items() if k not in {"attributes", "version"})[
        :200
    ]


render()
