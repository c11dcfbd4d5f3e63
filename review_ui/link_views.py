"""Link proposals in the review UI: one card per proposal (both sides side by side, the
evidence they share and what disagrees, Accept / Reject), the "Proposed links" section of
the document and incident pages, and a document's syndicated copies. All document text goes
through safe_html (HTML blocks) or plain_text (tables); callbacks re-read the signed-in user
and pass the version the card was drawn with, so a stale card cannot decide twice."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from nlp.vocabulary import LinkKind
from review_ui.auth import SignedIn
from review_ui.layout import acting_user, flash, when
from review_ui.plain_text import spreadsheet_safe
from review_ui.safe_html import badge, block, escape_text, key_values, tlp_badge
from storage.authz import PermissionDenied
from storage.db import session_scope
from storage.link_review import LinkError, accept_proposal, list_proposals, reject_proposal
from storage.link_views import ProposalView, Side, proposal_views, story_of

EVIDENCE_COLUMNS = ["kind", "left", "right", "note"]


def _decide(success: str, operation: Any, **kwargs: Any) -> None:
    user = acting_user()
    try:
        with session_scope() as session:
            operation(session=session, username=user.username, clearance=user.clearance, **kwargs)
    except PermissionDenied as error:
        flash("error", str(error))
        return
    except LinkError as error:
        flash("error", f"Not saved: {error}")
        return
    flash("success", success)


def accept(proposal_id: int, version: int, key: str) -> None:
    _decide(
        f"Link proposal #{proposal_id} accepted.",
        accept_proposal,
        proposal_id=proposal_id,
        version=version,
        reason=str(st.session_state.get(f"{key}_accept_reason", "")),
    )


def reject(proposal_id: int, version: int, key: str) -> None:
    _decide(
        f"Link proposal #{proposal_id} rejected: that pair will not be proposed again.",
        reject_proposal,
        proposal_id=proposal_id,
        version=version,
        reason=str(st.session_state.get(f"{key}_reject_reason", "")),
    )


def _side(title: str, side: Side) -> str:
    document = side.document
    published = document.published_at.date() if document.published_at else "unknown"
    rows = [
        ("Document", f"#{document.id}"),
        ("Title", document.title or "(untitled)"),
        ("Language", (document.language or "?").upper()),
        ("Source", side.outlet or document.external_id or "—"),
        ("Published", published),
        ("Incident date", document.incident_date or "unknown"),
    ]
    return f"<div><b>{escape_text(title)}</b> {tlp_badge(document.marking)}</div>" + key_values(
        rows
    )


def _incident(view: ProposalView) -> str:
    incident = view.incident
    if incident is None:
        return ""
    rows = [
        ("Incident", f"#{incident.id} ({incident.status})"),
        ("Title", incident.title),
        ("Occurred", incident.occurred_on or "unknown"),
        ("Place", ", ".join(p for p in (incident.place, incident.country) if p) or "unknown"),
    ]
    return "<div><b>Attach to incident</b></div>" + key_values(rows)


def _evidence_table(items: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(items, columns=[*EVIDENCE_COLUMNS, "weight"])
    return spreadsheet_safe(frame[EVIDENCE_COLUMNS].astype(str))


def proposal_card(view: ProposalView, key: str) -> None:
    """One proposal: both sides, the evidence, Accept (reason optional) and Reject (reason
    required)."""
    proposal = view.proposal
    what = (
        "Attach the document to the incident"
        if proposal.kind == LinkKind.INCIDENT
        else ("Same incident?")
    )
    heading = f"{badge(f'score {proposal.score:.2f}', '#fff3c4')} {escape_text(what)} · " + (
        escape_text(f"proposed {when(proposal.created_at)}")
    )
    st.markdown(block(heading), unsafe_allow_html=True)
    left, right = st.columns(2)
    left.markdown(block(_side("Report", view.left)), unsafe_allow_html=True)
    other = (
        _side("Its closest report" if view.incident else "Report", view.right) if view.right else ""
    )
    right.markdown(block(_incident(view) + other), unsafe_allow_html=True)
    st.caption("Evidence both reports share")
    st.dataframe(_evidence_table(proposal.evidence.get("shared", [])), hide_index=True)
    conflicts = proposal.evidence.get("conflicts", [])
    if conflicts:
        st.caption("What disagrees")
        st.dataframe(_evidence_table(conflicts), hide_index=True)
    _actions(view, key)


def _actions(view: ProposalView, key: str) -> None:
    proposal = view.proposal
    args = (proposal.id, proposal.version, key)
    accept_column, reject_column = st.columns(2)
    with accept_column.form(f"{key}_accept", enter_to_submit=True):
        st.text_input("Reason (optional)", key=f"{key}_accept_reason")
        st.form_submit_button("Accept", on_click=accept, args=args, type="primary")
    with reject_column.form(f"{key}_reject", enter_to_submit=True):
        st.text_input("Reason (required)", key=f"{key}_reject_reason")
        st.form_submit_button("Reject", on_click=reject, args=args)


def pending_views(
    user: SignedIn,
    *,
    document_id: int | None = None,
    incident_id: int | None = None,
    limit: int = 20,
    offset: int = 0,
) -> tuple[list[ProposalView], int]:
    with session_scope() as session:
        proposals, total = list_proposals(
            session=session,
            clearance=user.clearance,
            document_id=document_id,
            incident_id=incident_id,
            limit=limit,
            offset=offset,
        )
        return proposal_views(session=session, clearance=user.clearance, proposals=proposals), total


def proposed_links(
    user: SignedIn, *, document_id: int | None = None, incident_id: int | None = None
) -> None:
    """The "Proposed links" section of a document or an incident page."""
    views, total = pending_views(user, document_id=document_id, incident_id=incident_id)
    if not views:
        st.caption("No pending link proposal.")
        return
    st.caption(f"{total} pending link proposal(s), highest score first.")
    for view in views:
        with st.container(border=True):
            proposal_card(view, f"link_{view.proposal.id}")


def syndicated_copies(document_id: int, user: SignedIn) -> None:
    """The document's story: itself and the syndicated copies other outlets carried."""
    with session_scope() as session:
        copies = story_of(session=session, document_id=document_id, clearance=user.clearance)
    if len(copies) < 2:
        return
    outlets = sorted({c.outlet or f"document {c.document.id}" for c in copies})
    rows = [(f"#{c.document.id}", f"{c.outlet or '—'}: {c.document.title or ''}") for c in copies]
    st.markdown(
        block(
            f"<div><b>One story, {len(copies)} copies from {len(outlets)} outlet(s)</b> "
            f"{escape_text('(counted as one source)')}</div>" + key_values(rows)
        ),
        unsafe_allow_html=True,
    )
