"""Evidence view: the document text with every finding highlighted, and the review panel."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pandas as pd
import streamlit as st

from nlp.vocabulary import Label, ReviewStatus, Role, Tlp
from review_ui import actions, link_views
from review_ui.auth import SignedIn
from review_ui.layout import header, require, when
from review_ui.plain_text import spreadsheet_safe
from review_ui.safe_html import (
    Span,
    badge,
    block,
    escape_text,
    highlight,
    key_values,
    legend,
    tlp_badge,
)
from storage.db import session_scope
from storage.documents import document_source, get_document, original_file
from storage.incidents import draft_from_document, incidents_of_document
from storage.models import Document, Finding, ReviewEvent, Source
from storage.review import document_findings, document_text, finding_history

LABEL_OPTIONS = [label.value for label in Label]  # widget options: plain strings in the state
SHORTCUTS = (
    "Keyboard: Alt+A confirm · Alt+N / Alt+P next / previous finding · "
    "Alt+Shift+A confirm all pending · Enter submits a form · Tab moves between fields."
)
FORMAT_EXTENSIONS = {
    "html": ".html",
    "pdf": ".pdf",
    "docx": ".docx",
    "eml": ".eml",
    "txt": ".txt",
    "json": ".json",
    "csv": ".csv",
    "rss": ".xml",
}


def _document_id() -> int | None:
    raw = str(st.query_params.get("doc", ""))
    if re.fullmatch(r"\d{1,12}", raw):
        st.session_state["document_id"] = int(raw)
    value = st.session_state.get("document_id")
    return int(value) if value else None


def _choose_document() -> None:
    st.info("Open a document from the review queue, or type its id.")
    with st.form("choose_document", enter_to_submit=True):
        doc = st.number_input("Document id", min_value=1, step=1, key="choose_doc")
        if st.form_submit_button("Open"):
            st.query_params["doc"] = str(int(doc))
            st.session_state["document_id"] = int(doc)
            st.rerun()


def _title(document: Document, source: Source | None) -> None:
    relevance = (
        badge(f"relevant {document.relevance:.2f}", "#d4f3d0")
        if document.relevant
        else badge("not relevant", "#eeeeee")
    )
    grade = f"{document.reliability}{document.credibility}"
    st.markdown(
        block(
            f'<div dir="auto" style="font-size:1.25rem;font-weight:700">'
            f"{escape_text(document.title or '(untitled document)')}</div>"
            f"<div>{tlp_badge(document.marking)}{badge('Admiralty ' + grade)}"
            f"{badge((document.language or '?').upper())}{relevance}"
            f"{badge(source.name if source else 'no source')}{badge('#' + str(document.id))}</div>"
        ),
        unsafe_allow_html=True,
    )


def _finding_choice(findings: list[Finding]) -> Finding | None:
    if not findings:
        return None
    ids = [f.id for f in findings]
    wanted = st.session_state.get("selected_finding")
    if wanted not in ids:
        wanted = next((f.id for f in findings if f.status == ReviewStatus.PENDING), ids[0])
        st.session_state["selected_finding"] = wanted
    by_id = {f.id: f for f in findings}

    def describe(fid: int | None) -> str:
        f = by_id[fid]
        return f"#{fid} {f.label} · {f.text[:40]} · {f.status}"

    st.selectbox("Finding", ids, format_func=describe, key="selected_finding")
    step = st.columns(2)
    index = ids.index(st.session_state["selected_finding"])
    step[0].button(
        "◀ Previous",
        shortcut="Alt+P",
        disabled=index == 0,
        key="prev_finding",
        on_click=_select,
        args=(ids[max(0, index - 1)],),
    )
    step[1].button(
        "Next ▶",
        shortcut="Alt+N",
        disabled=index == len(ids) - 1,
        key="next_finding",
        on_click=_select,
        args=(ids[min(len(ids) - 1, index + 1)],),
    )
    return by_id[st.session_state["selected_finding"]]


def _select(finding_id: int) -> None:
    st.session_state["selected_finding"] = finding_id


def _details(finding: Finding) -> None:
    attributes = dict(finding.attributes or {})
    why = attributes.pop("evidence", None)
    rows = [
        ("Label", finding.label),
        ("Text", finding.text),
        ("Normalized", finding.normalized or "—"),
        ("Status", finding.status),
        ("Confidence", f"{finding.confidence:.2f}"),
        ("Extractor", f"{finding.extractor} {finding.extractor_version}"),
        ("Origin", finding.origin),
        ("Why", why or "—"),
        ("Span", f"{finding.start}-{finding.end}"),
        ("Reviewed by", finding.reviewed_by or "—"),
        ("Version", finding.version),
    ]
    st.markdown(block(key_values(rows)), unsafe_allow_html=True)
    shown = [(k, v) for k, v in attributes.items() if v not in (None, "", [], {})]
    if shown:
        st.markdown("**Attributes**")
        st.markdown(block(key_values(shown)), unsafe_allow_html=True)


def _correct_form(finding: Finding, user: SignedIn, text_length: int) -> None:
    key = f"corr_{finding.id}_{finding.version}"
    with st.form(key, enter_to_submit=True):
        st.selectbox(
            "Label",
            LABEL_OPTIONS,
            index=LABEL_OPTIONS.index(finding.label) if finding.label in LABEL_OPTIONS else 0,
            key=f"{key}_label",
        )
        st.text_input("Normalized value", value=finding.normalized or "", key=f"{key}_normalized")
        st.text_area(
            "Attributes (JSON object or one 'key: value' per line)",
            value=json.dumps(finding.attributes or {}, ensure_ascii=False, indent=1),
            key=f"{key}_attributes",
            height=120,
        )
        span = st.columns(2)
        span[0].number_input("Start", 0, text_length, finding.start, key=f"{key}_start")
        span[1].number_input("End", 0, text_length, finding.end, key=f"{key}_end")
        st.text_input("Reason (optional)", key=f"{key}_reason")
        st.form_submit_button(
            "Save correction",
            on_click=actions.correct,
            args=(finding.id, finding.version, key),
        )


def _reject_form(finding: Finding, user: SignedIn) -> None:
    key = f"rej_{finding.id}_{finding.version}"
    with st.form(key, enter_to_submit=True):
        st.text_input("Reason", key=f"{key}_reason", placeholder="e.g. common word, not a person")
        st.checkbox(
            "Never propose this again here (this value, this label, this source)",
            key=f"{key}_never",
        )
        st.form_submit_button(
            "Reject",
            on_click=actions.reject,
            args=(finding.id, finding.version, key),
        )


def _history(events: list[ReviewEvent]) -> None:
    if not events:
        st.caption("No decision yet on this finding.")
        return
    rows = []
    for event in events:
        before, after = event.before or {}, event.after or {}
        changed = [
            f"{k}: {before.get(k)} → {after.get(k)}"
            for k in after
            if k != "version" and before.get(k) != after.get(k)
        ]
        rows.append(
            {
                "When": when(event.at),
                "Who": event.username,
                "Action": event.action,
                "Reason": event.reason or "",
                "Changes": "; ".join(changed),
            }
        )
    st.dataframe(spreadsheet_safe(pd.DataFrame(rows)), hide_index=True)


def _panel(finding: Finding, user: SignedIn, text_length: int, events: list[ReviewEvent]) -> None:
    _details(finding)
    st.button(
        "Confirm",
        type="primary",
        shortcut="Alt+A",
        key="confirm",
        on_click=actions.confirm,
        args=(finding.id, finding.version),
    )
    with st.expander("Correct"):
        _correct_form(finding, user, text_length)
    with st.expander("Reject"):
        _reject_form(finding, user)
    st.markdown("**History**")
    _history(events)


def _add_tab(document: Document, text: str, user: SignedIn) -> None:
    st.text_input(
        "Find text in the document", key="add_search", on_change=actions.search_text, args=(text,)
    )
    needle = str(st.session_state.get("add_search", ""))
    occurrences = actions.occurrences_of(needle, text)
    if needle:
        if occurrences:
            st.selectbox(
                "Occurrence",
                list(range(len(occurrences))),
                key="add_occurrence",
                index=None,
                format_func=lambda i: (
                    f"{i + 1}: offset {occurrences[i][0]} · "
                    f"…{text[max(0, occurrences[i][0] - 25) : occurrences[i][1] + 25]}…"
                ),
                on_change=actions.pick_occurrence,
                args=(occurrences,),
            )
        else:
            st.caption("Not found in the text.")
    span = st.columns(2)
    span[0].number_input("Start", 0, len(text), key="add_start")
    span[1].number_input("End", 0, len(text), key="add_end")
    start, end = int(st.session_state["add_start"]), int(st.session_state["add_end"])
    preview = text[start:end] if 0 <= start < end <= len(text) else ""
    st.markdown(
        block(f'<div class="ri-quote">{escape_text(preview) or "(empty selection)"}</div>'),
        unsafe_allow_html=True,
    )
    with st.form("add_finding", enter_to_submit=True):
        st.selectbox("Label", LABEL_OPTIONS, key="add_label")
        st.text_input(
            "Normalized value (ISO code, ISO date, canonical material)", key="add_normalized"
        )
        st.form_submit_button(
            "Add finding",
            on_click=actions.add,
            args=(document.id,),
            disabled=not preview.strip(),
        )


def _bulk_tab(document: Document, findings: list[Finding], user: SignedIn) -> None:
    pending = {f.id: f.version for f in findings if f.status == ReviewStatus.PENDING and f.id}
    if not pending:
        st.caption("No pending finding in this document.")
        return
    st.button(
        f"Confirm all {len(pending)} pending",
        shortcut="Alt+Shift+A",
        key="bulk_confirm",
        on_click=actions.bulk,
        args=(document.id, pending, "confirm"),
    )
    with st.form("bulk_reject", enter_to_submit=True):
        st.text_input("Reason for rejecting all pending findings", key="bulk_reason")
        st.form_submit_button(
            f"Reject all {len(pending)} pending",
            on_click=actions.bulk,
            args=(document.id, pending, "reject"),
        )


def _safe_file_name(document: Document) -> str:
    return f"document-{document.id}{FORMAT_EXTENSIONS.get(document.format, '.bin')}"


def _original(document_id: int, clearance: Tlp) -> bytes:
    """The original file, read when the button is pressed: the clearance is checked then."""
    with session_scope() as session:
        data = original_file(session=session, document_id=document_id, clearance=clearance)
    return data or b""


def _provenance(document: Document, source: Source | None, user: SignedIn) -> None:
    rows = [
        ("Source", source.name if source else "—"),
        ("Source kind", source.kind if source else "—"),
        ("Reliability / credibility", f"{document.reliability} / {document.credibility}"),
        ("Published", when(document.published_at)),
        ("Fetched", when(document.fetched_at)),
        ("Format", document.format),
        ("Language", document.language or "—"),
        ("Bureau", f"{document.bureau_country or '—'} {document.bureau_reference or ''}"),
        ("External id", document.external_id or "—"),
        ("URL", document.url or "—"),
    ]
    st.markdown(block(tlp_badge(document.marking) + key_values(rows)), unsafe_allow_html=True)
    url = document.url or ""
    if urlparse(url).scheme in {"http", "https"}:
        st.link_button("Open the original page", url)
    if document.raw_key:
        document_id, clearance = int(document.id or 0), user.clearance
        st.download_button(
            "Download the original file",
            data=lambda: _original(document_id, clearance),
            file_name=_safe_file_name(document),
            mime="application/octet-stream",
            on_click="ignore",
        )


def _evidence(document: Document, text: str) -> None:
    if not document.assessment_evidence:
        st.caption("The assessment recorded no evidence for this document.")
        return
    st.markdown(
        block(
            f"Incident type {badge(document.incident_type or 'none')} · intent "
            f"{badge(document.intent_group or 'unknown')} · countries "
            f"{badge(', '.join(document.countries) or 'none')} · incident date "
            f"{badge(str(document.incident_date or 'unknown'))}"
        ),
        unsafe_allow_html=True,
    )
    for item in document.assessment_evidence:
        start, end = int(item.get("start", 0)), int(item.get("end", 0))
        st.markdown(
            block(
                f"{badge(str(item.get('decision', '')), '#cfe3ff')} "
                f"{escape_text(item.get('note', ''))}"
                f'<div class="ri-quote" dir="auto">{escape_text(text[start:end])}</div>'
            ),
            unsafe_allow_html=True,
        )


def _incidents_tab(document: Document, user: SignedIn) -> None:
    with session_scope() as session:
        document_id, clearance = int(document.id or 0), user.clearance
        linked = incidents_of_document(
            session=session, document_id=document_id, clearance=clearance
        )
        draft = draft_from_document(session=session, document_id=document_id, clearance=clearance)
    for incident in linked:
        if st.button(f"Incident #{incident.id}", key=f"inc_{incident.id}"):
            st.session_state["incident_id"] = incident.id
            st.switch_page("pages/incidents.py")
        st.text(incident.title[:120])  # no Markdown: the title comes from a document
    with st.form("open_incident", enter_to_submit=True):
        st.text_input("Title of the new incident", value=draft.title, key="incident_title")
        st.form_submit_button(
            "Open an incident from this document",
            on_click=actions.open_incident,
            args=(document.id,),
        )
    with st.form("attach_incident", enter_to_submit=True):
        st.number_input("Attach to incident id", min_value=1, step=1, key="attach_incident")
        st.text_input("Reason", key="attach_reason")
        st.form_submit_button("Attach", on_click=actions.attach, args=(document.id,))


def render() -> None:
    user = require(Role.ANALYST)
    header("Document", user)
    document_id = _document_id()
    if document_id is None:
        _choose_document()
        return
    with session_scope() as session:
        document = get_document(session=session, document_id=document_id, clearance=user.clearance)
        source = document_source(session=session, document=document) if document else None
        findings = document_findings(
            session=session, document_id=document_id, clearance=user.clearance
        )
    if document is None:  # missing, or above the user's clearance: the same answer
        st.warning(f"Document {document_id} not found.")
        _choose_document()
        return
    text = document_text(document)
    _title(document, source)
    left, right = st.columns([3, 2], gap="large")
    with right:
        finding = _finding_choice(findings)
        selected = finding.id if finding else None
    with left:
        st.markdown(block(legend()), unsafe_allow_html=True)
        spans = [Span(f.id or 0, f.label, f.start, f.end, f.status) for f in findings]
        st.markdown(
            highlight(text, spans, selected)
            if text
            else '<div class="ri-doc">No extracted text for this document.</div>',
            unsafe_allow_html=True,
        )
        st.caption(SHORTCUTS)
        names = ["Provenance", "Assessment evidence", "Add a finding", "Bulk", "Incidents"]
        tabs = st.tabs([*names, "Proposed links"])
        with tabs[0]:
            _provenance(document, source, user)
        with tabs[1]:
            _evidence(document, text)
        with tabs[2]:
            _add_tab(document, text, user)
        with tabs[3]:
            _bulk_tab(document, findings, user)
        with tabs[4]:
            _incidents_tab(document, user)
        with tabs[5]:
            link_views.syndicated_copies(document_id, user)
            link_views.proposed_links(user, document_id=document_id)
    with right:
        if finding is None or finding.id is None:
            st.info("No finding in this document yet. Add one from the text on the left.")
            return
        with session_scope() as session:
            events = finding_history(
                session=session, finding_id=finding.id, clearance=user.clearance
            )
        _panel(finding, user, len(text), events)


render()
