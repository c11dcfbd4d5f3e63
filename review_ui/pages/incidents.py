"""Incidents: list, the ITDB record (edit, confirm, reopen), documents, materials, sources
and grading, places, timeline, merge and split."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import streamlit as st

from nlp.vocabulary import IncidentStatus, Role, Tlp
from review_ui.alert_actions import raise_from_incident
from review_ui.auth import SignedIn
from review_ui.incident_form import (
    edit_form,
    materials_table,
    record,
    record_actions,
    sources_table,
)
from review_ui.layout import acting_user, flash, header, page_offset, pager, require
from review_ui.link_views import proposed_links
from review_ui.maps import MapPoint, map_spec
from review_ui.plain_text import plain, spreadsheet_safe
from storage.alert_drafts import NOT_RECOVERED, RAISES_ALERTS
from storage.authz import PermissionDenied
from storage.db import session_scope
from storage.incidents import (
    IncidentDetail,
    IncidentError,
    detach_document,
    get_incident,
    list_incidents,
    merge_incidents,
    split_incident,
)

PAGE = 25


def _run(success: str, action: Any, **kwargs: Any) -> None:
    try:
        with session_scope() as session:
            action(session=session, **kwargs)
    except PermissionDenied as error:
        flash("error", str(error))
        return
    except (IncidentError, ValueError) as error:
        flash("error", f"Not saved: {error}")
        return
    flash("success", success)


def _merge(incident_id: int) -> None:
    user = acting_user()
    _run(
        "Incidents merged.",
        merge_incidents,
        merged_id=int(st.session_state["merge_from"]),
        into_id=incident_id,
        username=user.username,
        reason=str(st.session_state["merge_reason"]),
        clearance=user.clearance,
    )


def _split(incident_id: int) -> None:
    _run(
        "Documents moved to a new incident.",
        split_incident,
        incident_id=incident_id,
        document_ids=list(st.session_state["split_docs"]),
        username=acting_user().username,
        reason=str(st.session_state["split_reason"]),
        title=str(st.session_state["split_title"]),
    )


def _detach(incident_id: int) -> None:
    _run(
        "Document detached.",
        detach_document,
        incident_id=incident_id,
        document_id=int(st.session_state["detach_doc"]),
        username=acting_user().username,
        reason=str(st.session_state["detach_reason"]),
    )


def _list(clearance: Tlp) -> None:
    search = st.text_input("Search titles", key="incident_search")
    status = st.segmented_control(
        "Status", ["open", "confirmed", "all"], default="all", key="incident_status"
    )
    merged = st.toggle("Include merged incidents", key="incident_merged")
    with session_scope() as session:
        rows, total = list_incidents(
            session=session,
            clearance=clearance,
            include_merged=merged,
            status=IncidentStatus(status) if status in ("open", "confirmed") else None,
            search=search or None,
            limit=PAGE,
            offset=page_offset("incident_page", PAGE),
        )
    if not rows:
        st.info("No incident yet. Open one from a document's Incidents tab.")
        return
    frame = pd.DataFrame(
        [
            {
                "Id": i.id,
                "Title": i.title,
                "Type": i.incident_type,
                "Intent": i.intent_group,
                "Country": i.country or "",
                "Occurred": i.occurred_on,
                "Reported": i.reported_on,
                "Documents": n,
                "Status": str(i.status),
            }
            for i, n in rows
        ]
    )
    event = st.dataframe(
        spreadsheet_safe(frame),
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="incident_table",
    )
    pager("incident_page", total, PAGE)
    if event and event.selection.rows:
        chosen = int(rows[event.selection.rows[0]][0].id or 0)
        st.session_state["incident_id"] = chosen
        st.query_params["incident"] = str(chosen)


def _incident_id() -> int | None:
    """The incident chosen in the list, or named in the URL (?incident=12), a link target."""
    raw = str(st.query_params.get("incident", ""))
    if re.fullmatch(r"\d{1,12}", raw):
        st.session_state["incident_id"] = int(raw)
    value = st.session_state.get("incident_id")
    return int(value) if value else None


def _documents(detail: IncidentDetail) -> None:
    if not detail.documents:
        st.caption("No document linked.")
        return
    st.dataframe(
        spreadsheet_safe(
            pd.DataFrame(
                [
                    {
                        "Id": d.id,
                        "Title": d.title or "",
                        "Published": d.published_at,
                        "Language": d.language,
                        "Marking": str(d.marking),
                    }
                    for d in detail.documents
                ]
            )
        ),
        hide_index=True,
    )
    for d in detail.documents:
        st.page_link(
            "pages/document.py", label=f"Open document #{d.id}", query_params={"doc": str(d.id)}
        )


def _materials(detail: IncidentDetail) -> None:
    materials_table(detail.incident)
    incident = detail.incident
    if (
        incident.status == IncidentStatus.CONFIRMED
        and incident.incident_type in RAISES_ALERTS
        and incident.material_status in NOT_RECOVERED
    ):
        st.button(
            "Raise source alerts (one per material)",
            key=f"raise_alerts_{incident.id}",
            on_click=raise_from_incident,
            args=(incident.id,),
        )
    if detail.materials:
        st.markdown("**Material mentions in the documents** (every finding not rejected)")
        mentions = pd.DataFrame(detail.materials).astype(str)
        st.dataframe(spreadsheet_safe(mentions), hide_index=True)


def _places(detail: IncidentDetail) -> None:
    located = [
        MapPoint(p.latitude, p.longitude, p.name, p.kind)
        for p in detail.places
        if p.latitude is not None and p.longitude is not None
    ]
    if located:
        st.vega_lite_chart(spec=map_spec(located, framed=True, height=320), width="stretch")
    places = [
        {"Place": p.name, "Kind": p.kind, "Latitude": p.latitude, "Longitude": p.longitude}
        for p in detail.places
    ]
    st.dataframe(spreadsheet_safe(pd.DataFrame(places)), hide_index=True)


def _timeline(detail: IncidentDetail) -> None:
    if not detail.timeline:
        st.caption("No dates known.")
        return
    frame = pd.DataFrame(
        [{"Date": e.day, "What": e.what, "Entry": e.label} for e in detail.timeline]
    )
    st.scatter_chart(frame, x="Date", y="What", color="What", height=220)
    st.dataframe(spreadsheet_safe(frame), hide_index=True)


def _operations(detail: IncidentDetail, user: SignedIn) -> None:
    incident_id = int(detail.incident.id or 0)
    doc_ids = [int(d.id or 0) for d in detail.documents]
    with st.form("merge", enter_to_submit=True):
        st.number_input("Merge incident id into this one", min_value=1, step=1, key="merge_from")
        st.text_input("Reason", key="merge_reason")
        st.form_submit_button("Merge", on_click=_merge, args=(incident_id,))
    with st.form("split", enter_to_submit=True):
        st.multiselect("Documents to move to a new incident", doc_ids, key="split_docs")
        st.text_input("Title of the new incident", key="split_title")
        st.text_input("Reason", key="split_reason")
        st.form_submit_button("Split", on_click=_split, args=(incident_id,))
    with st.form("detach", enter_to_submit=True):
        st.selectbox("Document to detach", doc_ids, key="detach_doc")
        st.text_input("Reason", key="detach_reason")
        st.form_submit_button("Detach", on_click=_detach, args=(incident_id,))


def _detail(incident_id: int, user: SignedIn) -> None:
    try:
        with session_scope() as session:
            detail = get_incident(
                session=session, incident_id=incident_id, clearance=user.clearance
            )
    except IncidentError as error:
        st.warning(plain(error))
        return
    record(detail)
    names = ["Edit record", "Documents", "Materials", "Sources and grading", "Places"]
    tabs = st.tabs([*names, "Timeline", "Proposed links", "Merge / split"])
    merged = detail.incident.status == IncidentStatus.MERGED
    with tabs[0]:
        if merged:
            st.caption("This incident was merged; edit the incident it was merged into.")
        else:
            record_actions(detail)
            edit_form(detail)
    with tabs[1]:
        _documents(detail)
    with tabs[2]:
        _materials(detail)
    with tabs[3]:
        sources_table(detail)
    with tabs[4]:
        _places(detail)
    with tabs[5]:
        _timeline(detail)
    with tabs[6]:
        proposed_links(user, incident_id=incident_id)
    with tabs[7]:
        if not merged:
            _operations(detail, user)
        else:
            st.caption("This incident was merged; work on the incident it was merged into.")


def render() -> None:
    user = require(Role.ANALYST)
    header("Incidents", user, "ITDB-like incident records built from documents.")
    left, right = st.columns([2, 3], gap="large")
    with left:
        _list(user.clearance)
    with right:
        incident_id = _incident_id()
        if incident_id:
            _detail(incident_id, user)
        else:
            st.info(
                "Select an incident in the list to see its documents, materials, places "
                "and timeline."
            )


render()
