"""Link proposals: documents that seem to report one incident, highest score first, each
with both sides, the evidence they share and what disagrees; accept or reject."""

from __future__ import annotations

import streamlit as st

from nlp.vocabulary import Role
from review_ui.layout import header, page_offset, pager, require
from review_ui.link_views import pending_views, proposal_card

PAGE = 10


def render() -> None:
    user = require(Role.ANALYST)
    header(
        "Link proposals",
        user,
        "Reports that seem to describe one incident. Accept attaches the document to the "
        "incident, or opens one from both; Reject needs a reason, and the pair is never "
        "proposed again.",
    )
    views, total = pending_views(user, limit=PAGE, offset=page_offset("links_page", PAGE))
    if not views:
        st.info("No pending link proposal.")
        return
    for view in views:
        with st.container(border=True):
            proposal_card(view, f"queue_{view.proposal.id}")
    pager("links_page", total, PAGE)


render()
