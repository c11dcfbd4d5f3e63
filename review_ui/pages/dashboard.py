"""Dashboard: counts and trends, incidents on a map, ingestion health with retry."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nlp.vocabulary import Role, Tlp
from review_ui.layout import acting_user, flash, header, require, when
from review_ui.maps import MapPoint, map_spec
from review_ui.plain_text import spreadsheet_safe
from storage.authz import PermissionDenied
from storage.dashboard import (
    incidents_by,
    incidents_for_map,
    material_findings_by_group,
    overview,
    quarantined_files,
    recent_runs,
    relevant_documents_by_type,
    unresolved_failures,
    weekly_documents,
    weekly_incidents,
)
from storage.db import session_scope
from storage.runs import retry_failure


def _retry(failure_id: int) -> None:
    username = acting_user().username
    try:
        with session_scope() as session:
            retry_failure(session=session, failure_id=failure_id, username=username)
    except (LookupError, PermissionDenied) as error:
        flash("error", str(error))
        return
    flash("success", f"Failure #{failure_id} marked for retry by the next ingestion run.")


def _bars(pairs: list[tuple[str, int]], name: str) -> None:
    if not pairs:
        st.caption("Nothing to show yet.")
        return
    st.bar_chart(pd.DataFrame(pairs, columns=[name, "count"]).set_index(name), height=220)


def _figures(clearance: Tlp) -> None:
    with session_scope() as session:
        figures = overview(session=session, clearance=clearance)
        weeks = weekly_documents(session=session, clearance=clearance)
        incident_weeks = weekly_incidents(session=session, clearance=clearance)
        by_type = incidents_by(session=session, field_name="incident_type", clearance=clearance)
        by_group = incidents_by(session=session, field_name="material_group", clearance=clearance)
        by_country = incidents_by(session=session, field_name="country", clearance=clearance)
        materials = material_findings_by_group(session=session, clearance=clearance)
        doc_types = relevant_documents_by_type(session=session, clearance=clearance)
        points = incidents_for_map(session=session, clearance=clearance)
    cols = st.columns(6)
    for col, (label, value) in zip(
        cols,
        [
            ("Documents", figures.documents),
            ("Relevant", figures.relevant_documents),
            ("Pending findings", figures.pending_findings),
            ("Reviewed", figures.reviewed_findings),
            ("Incidents (open or confirmed)", figures.open_incidents),
            ("Unresolved failures", figures.unresolved_failures),
        ],
        strict=True,
    ):
        col.metric(label, f"{value:,}")
    left, right = st.columns(2)
    with left:
        st.markdown("**Documents per ISO week of publication**")
        if weeks:
            st.bar_chart(pd.DataFrame(weeks).set_index("week"), height=240, stack=False)
        else:
            st.caption("No document published in the last two years.")
        st.markdown("**Incidents by type**")
        _bars(by_type, "type")
        st.markdown("**Incidents by country**")
        _bars(by_country, "country")
    with right:
        st.markdown("**Incidents per ISO week (occurred)**")
        if incident_weeks:
            st.bar_chart(pd.DataFrame(incident_weeks).set_index("week"), height=240)
        else:
            st.caption("No incident yet.")
        st.markdown("**Incidents by material group**")
        _bars(by_group, "material group")
        st.markdown("**Confirmed materials**")
        _bars(materials, "material")
    st.markdown("**Relevant documents by incident type**")
    _bars(doc_types, "incident type")
    st.markdown("**Incidents on the map**")
    if points:
        located = [
            MapPoint(p["latitude"], p["longitude"], p["title"], p["incident_type"]) for p in points
        ]
        st.vega_lite_chart(spec=map_spec(located), width="stretch")
    else:
        st.caption("No incident has coordinates yet.")


def _health() -> None:
    with session_scope() as session:
        runs = recent_runs(session=session)
        failures = unresolved_failures(session=session)
        quarantined = quarantined_files(session=session)
    st.markdown("**Recent runs**")
    if runs:
        st.dataframe(
            spreadsheet_safe(
                pd.DataFrame(
                    [
                        {
                            "Run": r.id,
                            "Flow": r.flow,
                            "Source": r.source_id,
                            "Started": when(r.started_at),
                            "Finished": when(r.finished_at),
                            "Status": str(r.status),
                            "Counts": ", ".join(f"{k} {v}" for k, v in r.counts.items()),
                            "Error": r.error or "",
                        }
                        for r in runs
                    ]
                )
            ),
            hide_index=True,
        )
    else:
        st.caption("No ingestion run recorded yet.")
    st.markdown("**Unresolved failures**")
    if not failures:
        st.success("No unresolved failure.")
    for failure in failures:
        cols = st.columns([1, 4, 4, 2, 2])
        cols[0].write(f"#{failure.id}")
        cols[1].text(failure.item[:120])
        cols[2].text(failure.reason[:200])
        cols[3].caption(
            f"retried {when(failure.retried_at)}" if failure.retried_at else when(failure.at)
        )
        cols[4].button("Retry", key=f"retry_{failure.id}", on_click=_retry, args=(failure.id,))
    st.markdown("**Quarantined files**")
    if quarantined:
        st.dataframe(
            spreadsheet_safe(
                pd.DataFrame(
                    [
                        {
                            "Failure": q.id,
                            "Path": q.quarantine_path,
                            "Reason": q.reason,
                            "At": when(q.at),
                        }
                        for q in quarantined
                    ]
                )
            ),
            hide_index=True,
        )
    else:
        st.caption("No quarantined file.")


def render() -> None:
    user = require(Role.ANALYST)
    header("Dashboard", user)
    figures, health = st.tabs(["Figures and trends", "Ingestion health"])
    with figures:
        _figures(user.clearance)
    with health:
        _health()


render()
