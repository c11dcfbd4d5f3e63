"""Review queue: documents and findings awaiting review, filtered and prioritised."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import streamlit as st

from nlp.vocabulary import Label, ReviewStatus, Role, Tlp
from review_ui.layout import header, require
from review_ui.plain_text import spreadsheet_safe
from review_ui.settings import get_ui_settings
from storage.db import session_scope
from storage.queue import (
    Cursor,
    Page,
    QueueFilters,
    document_queue,
    filter_choices,
    finding_queue,
)

RELEVANCE = {"Any": None, "Relevant only": True, "Not relevant": False}


def _filters_form(choices: dict[str, Any]) -> QueueFilters:
    sources = dict(choices["sources"])
    with st.form("queue_filters", enter_to_submit=True, border=True):
        row1 = st.columns(4)
        statuses = row1[0].multiselect(
            "Status",
            [s.value for s in ReviewStatus],
            default=[ReviewStatus.PENDING.value],
            key="f_status",
        )
        labels = row1[1].multiselect("Label", [label.value for label in Label], key="f_label")
        material = row1[2].selectbox("Material", ["Any", *choices["materials"]], key="f_material")
        country = row1[3].text_input("Country (ISO code)", max_chars=2, key="f_country")
        row2 = st.columns(4)
        source = row2[0].selectbox(
            "Source",
            [None, *sources],
            format_func=lambda i: "Any" if i is None else sources[i],
            key="f_source",
        )
        language = row2[1].selectbox("Language", ["Any", *choices["languages"]], key="f_lang")
        period = row2[2].date_input("Published between", value=[], key="f_dates")
        relevance = row2[3].selectbox("Relevance", list(RELEVANCE), key="f_relevance")
        st.form_submit_button("Apply filters", type="primary")
    dates: tuple[date, ...] = tuple(period) if isinstance(period, tuple | list) else ()
    return QueueFilters(
        statuses=tuple(statuses),
        labels=tuple(labels),
        material=None if material == "Any" else material,
        country=country.strip().upper() or None,
        source_id=source,
        language=None if language == "Any" else language,
        date_from=dates[0] if dates else None,
        date_to=dates[1] if len(dates) > 1 else None,
        relevant=RELEVANCE[relevance],
    )


def _page_start(key: str, filters: QueueFilters) -> Cursor | None:
    """Where the shown page starts; back to the first page when the filters changed."""
    if st.session_state.get(f"{key}_filters") != filters:
        st.session_state[f"{key}_filters"] = filters
        st.session_state[f"{key}_cursors"] = []
    stack: list[Cursor] = st.session_state[f"{key}_cursors"]
    return stack[-1] if stack else None


def _restart(key: str) -> None:
    st.session_state[f"{key}_cursors"] = []


def _next(key: str, cursor: Cursor) -> None:
    st.session_state[f"{key}_cursors"].append(cursor)


def _previous(key: str) -> None:
    st.session_state[f"{key}_cursors"].pop()


def _pager(key: str, page: Page[Any]) -> None:
    """Previous/next by cursor: the queue pages by its sort key, never by offset."""
    earlier = len(st.session_state.get(f"{key}_cursors", []))
    first = earlier * page.limit
    left, middle, right = st.columns([1, 3, 1])
    left.button(
        "◀ Previous", key=f"{key}_prev", disabled=not earlier, on_click=_previous, args=(key,)
    )
    middle.caption(
        f"Page {earlier + 1:,} · rows {first + 1:,}-{first + len(page.items):,} "
        f"of {page.total_label}"
    )
    right.button(
        "Next ▶",
        key=f"{key}_next",
        disabled=page.next_cursor is None,
        on_click=_next,
        args=(key, page.next_cursor),
    )


def _open_document(document_id: int) -> None:
    st.session_state["document_id"] = document_id
    st.switch_page("pages/document.py", query_params={"doc": str(document_id)})


def _documents_tab(filters: QueueFilters, clearance: Tlp, page_size: int) -> None:
    start = _page_start("queue_doc", filters)
    with session_scope() as session:
        page = document_queue(
            session=session,
            filters=filters,
            clearance=clearance,
            limit=page_size,
            after=start,
        )
    if not page.items and start is not None:
        _restart("queue_doc")
        st.rerun()
    if not page.items:
        st.info(
            "No document matches these filters. Widen them, or wait for the next ingestion run."
        )
        return
    frame = pd.DataFrame(
        {
            "Id": [d.id for d in page.items],
            "Title": [d.title or "(untitled)" for d in page.items],
            "Relevant": ["yes" if d.relevant else "no" for d in page.items],
            "Relevance": [d.relevance for d in page.items],
            "Type": [d.incident_type or "" for d in page.items],
            "Countries": [", ".join(d.countries) for d in page.items],
            "Pending": [d.pending for d in page.items],
            "Findings": [d.total for d in page.items],
            "Source": [d.source_name or "" for d in page.items],
            "Lang": [d.language or "" for d in page.items],
            "Marking": [d.marking for d in page.items],
            "Published": [d.published_at for d in page.items],
        }
    )
    event = st.dataframe(
        spreadsheet_safe(frame),
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="doc_table",
        column_config={"Relevance": st.column_config.ProgressColumn(min_value=0, max_value=1)},
    )
    _pager("queue_doc", page)
    rows = event.selection.rows if event else []
    chosen = page.items[rows[0]].id if rows else None
    if (
        st.button(
            "Open selected document",
            type="primary",
            disabled=chosen is None,
            shortcut="Alt+O",
            key="open_doc",
        )
        and chosen is not None
    ):
        _open_document(chosen)
    st.caption("Select a row, then press Open (Alt+O).")


def _findings_tab(filters: QueueFilters, clearance: Tlp, page_size: int) -> None:
    start = _page_start("queue_finding", filters)
    with session_scope() as session:
        page = finding_queue(
            session=session,
            filters=filters,
            clearance=clearance,
            limit=page_size,
            after=start,
        )
    if not page.items and start is not None:
        _restart("queue_finding")
        st.rerun()
    if not page.items:
        st.info("No finding matches these filters.")
        return
    frame = pd.DataFrame(
        {
            "Id": [f.id for f in page.items],
            "Label": [f.label for f in page.items],
            "Text": [f.text for f in page.items],
            "Normalized": [f.normalized or "" for f in page.items],
            "IAEA cat.": [f.iaea_category or "" for f in page.items],
            "Status": [f.status for f in page.items],
            "Confidence": [f.confidence for f in page.items],
            "Document": [f.document_id for f in page.items],
            "Title": [f.document_title or "" for f in page.items],
            "Source": [f.source_name or "" for f in page.items],
        }
    )
    event = st.dataframe(
        spreadsheet_safe(frame),
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        key="finding_table",
    )
    _pager("queue_finding", page)
    rows = event.selection.rows if event else []
    chosen = page.items[rows[0]] if rows else None
    if (
        st.button("Open document of selected finding", disabled=chosen is None, key="open_finding")
        and chosen is not None
    ):
        st.session_state["selected_finding"] = chosen.id
        _open_document(chosen.document_id)


def render() -> None:
    user = require(Role.ANALYST)
    header(
        "Review queue",
        user,
        "Relevant first, then materials by IAEA category 1 → 5, then relevance, newest first.",
    )
    with session_scope() as session:
        choices = filter_choices(session=session, clearance=user.clearance)
    filters = _filters_form(choices)
    page_size = get_ui_settings().page_size
    documents, findings = st.tabs(["Documents awaiting review", "Findings"])
    with documents:
        _documents_tab(filters, user.clearance, page_size)
    with findings:
        _findings_tab(filters, user.clearance, page_size)


render()
