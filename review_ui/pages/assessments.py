"""Assessments: the editors' workspace for periodic threat assessments. List editions by
status, start a draft, write its sections beside a live preview, submit, review, publish,
withdraw, correct, and see every step. Editors and administrators only."""

from __future__ import annotations

import streamlit as st

from nlp.vocabulary import AssessmentStatus, Role, Tlp
from review_ui import assessment_actions as act
from review_ui import assessment_panels as panels
from review_ui.assessment_views import (
    STATUS_TITLES,
    charts,
    edition_header,
    edition_label,
    history_frame,
    incident_table,
    key_figures,
    list_frame,
)
from review_ui.auth import SignedIn
from review_ui.layout import header, require
from review_ui.plain_text import plain
from storage.assessments import (
    AssessmentError,
    assessment_history,
    get_assessment,
    list_assessments,
    snapshot_of,
)
from storage.clearance import readable_markings
from storage.db import session_scope
from storage.models.assessments import Assessment

STATUSES = list(AssessmentStatus)
TOAST_ICONS = {
    "success": ":material/check_circle:",
    "error": ":material/block:",
    "warning": ":material/warning:",
    "info": ":material/info:",
}


def _new_draft(user: SignedIn) -> None:
    with st.expander("New draft"), st.form("new_draft", enter_to_submit=True):
        cols = st.columns(4)
        cols[0].text_input("Period (2026, 2026-Q3 or 2026-09)", key="new_period")
        cols[1].text_input("Scope (country code or region; empty: world)", key="new_scope")
        ceilings = [marking.value for marking in readable_markings(user.clearance)]
        default = ceilings.index(Tlp.GREEN.value) if Tlp.GREEN.value in ceilings else 0
        cols[2].selectbox("Marking ceiling", ceilings, index=default, key="new_ceiling")
        cols[3].text_input("Title (optional)", key="new_title")
        st.form_submit_button("Create draft", type="primary", on_click=act.create)


def _list(user: SignedIn) -> None:
    status = st.segmented_control(
        "Status",
        STATUSES,
        default=AssessmentStatus.DRAFT,
        required=True,
        format_func=lambda s: STATUS_TITLES[s],
        key="assessment_status",
    )
    with session_scope() as session:
        editions = list_assessments(session=session, clearance=user.clearance, status=status)
    if not editions:
        st.info("No edition with this status.")
        return
    st.dataframe(list_frame(editions), hide_index=True)
    _picker(editions, status)


def _open(key: str) -> None:
    st.session_state[act.SELECTED] = st.session_state.get(key)


def _picker(editions: list[Assessment], status: AssessmentStatus) -> None:
    """Which edition to open; keyed by the open one, so that opening a new draft or a
    correction elsewhere redraws it with that edition chosen."""
    labels = {int(a.id or 0): edition_label(a) for a in editions}
    selected = st.session_state.get(act.SELECTED)
    key = f"open_{status}_{selected}"
    st.selectbox(
        "Open edition",
        list(labels),
        index=list(labels).index(selected) if selected in labels else None,
        format_func=labels.__getitem__,
        placeholder="Choose an edition",
        key=key,
        on_change=_open,
        args=(key,),
    )


def _data(assessment: Assessment) -> None:
    if not assessment.snapshot:
        st.caption("No data yet: use Refresh data.")
        return
    snapshot = snapshot_of(assessment)
    key_figures(snapshot)
    charts(snapshot)
    incident_table(snapshot)


def _work(assessment: Assessment) -> None:
    status = AssessmentStatus(assessment.status)
    if status == AssessmentStatus.DRAFT:
        panels.editor(assessment)
        panels.withdraw_form(assessment)
        return
    panels.narrative(assessment)
    if status == AssessmentStatus.IN_REVIEW:
        st.divider()
        panels.review(assessment)
        panels.withdraw_form(assessment)
    elif status == AssessmentStatus.PUBLISHED:
        st.divider()
        panels.downloads(assessment)
        panels.correction_form(assessment)


def _detail(assessment_id: int, user: SignedIn) -> None:
    try:
        with session_scope() as session:
            assessment = get_assessment(
                session=session, assessment_id=assessment_id, clearance=user.clearance
            )
            history = assessment_history(
                session=session, assessment_id=assessment_id, clearance=user.clearance
            )
    except AssessmentError as error:
        st.warning(plain(error))
        return
    edition_header(assessment)
    work, data, steps = st.tabs(["Narrative", "Data", "History"])
    with work:
        _work(assessment)
    with data:
        _data(assessment)
    with steps:
        st.dataframe(history_frame(history), hide_index=True)


def _echo_outcome() -> None:
    """Repeat what an action did as a toast: the header shows it at the top of the page,
    far above the buttons at the foot of a long edition, where the editor is looking."""
    for kind, message in st.session_state.get("flash", []):
        st.toast(message, icon=TOAST_ICONS.get(kind), duration="long")


def render() -> None:
    user = require(Role.EDITOR)
    _echo_outcome()
    header(
        "Assessments",
        user,
        "Periodic threat assessments built from confirmed incidents: draft, review, publish.",
    )
    _new_draft(user)
    _list(user)
    assessment_id = st.session_state.get(act.SELECTED)
    if assessment_id:
        st.divider()
        _detail(int(assessment_id), user)
    else:
        st.info("Select an edition in the list, or start a new draft.")


render()
