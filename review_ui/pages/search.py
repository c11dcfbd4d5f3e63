"""Search: one box over documents, findings and incidents, with filters; results labelled by
kind with highlighted snippets, paged by cursor ("More"), each opening its document or
incident. Only what the signed-in user's clearance allows is ever selected."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from nlp.vocabulary import Role, Tlp
from review_ui.layout import acting_user, header, require
from review_ui.search_views import result_html
from storage.db import session_scope
from storage.search.kinds import KINDS
from storage.search.query import SearchError, SearchFilters
from storage.search.search import SearchPage, SearchResult, search
from storage.sources import list_sources

PAGE_SIZE = 20
STATE = "search_state"  # {"query", "filters", "results", "next"}


def _words(value: str) -> tuple[str, ...]:
    return tuple(w.strip() for w in value.replace(",", " ").split() if w.strip())


def _form(sources: dict[str, int]) -> tuple[str, SearchFilters] | None:
    with st.form("search_form", enter_to_submit=True, border=True):
        query = st.text_input(
            "Search",
            key="search_query",
            placeholder="words, a name in any script, Cs-137, a serial",
        )
        with st.expander("Filters"):
            left, middle, right = st.columns(3)
            kinds = left.multiselect("Kinds", list(KINDS), key="search_kinds")
            markings = left.multiselect("Marking", list(Tlp), key="search_markings")
            since = middle.date_input("From", value=None, key="search_since")
            until = middle.date_input("To", value=None, key="search_until")
            countries = middle.text_input("Countries (ISO codes)", key="search_countries")
            materials = right.text_input("Materials (nuclide or group)", key="search_materials")
            chosen = right.multiselect("Sources", list(sources), key="search_sources")
            statuses = right.text_input("Statuses", key="search_statuses")
        if not st.form_submit_button("Search", type="primary"):
            return None
    filters = SearchFilters(
        kinds=tuple(kinds),
        since=since if isinstance(since, date) else None,
        until=until if isinstance(until, date) else None,
        countries=tuple(c.upper() for c in _words(countries)),
        materials=_words(materials),
        sources=tuple(sources[name] for name in chosen),
        markings=tuple(markings),
        statuses=_words(statuses),
    )
    return query, filters


def _run(query: str, filters: SearchFilters, cursor: str | None, clearance: Tlp) -> SearchPage:
    with session_scope() as session:
        return search(
            session=session,
            query=query,
            clearance=clearance,
            filters=filters,
            cursor=cursor,
            limit=PAGE_SIZE,
        )


def _show(result: SearchResult) -> None:
    st.markdown(result_html(result), unsafe_allow_html=True)
    if result.page_id is None:
        return
    if result.page == "incident":
        target, params, label = "pages/incidents.py", {"incident": str(result.page_id)}, "incident"
    elif result.page == "alert":
        target, params, label = "pages/alerts.py", {"id": str(result.page_id)}, "alert"
    else:
        target, params, label = "pages/document.py", {"doc": str(result.page_id)}, "document"
    st.page_link(target, label=f"Open {label} #{result.page_id}", query_params=params)


def render() -> None:
    user = require(Role.ANALYST)
    header("Search", user, "Documents, findings, incidents and alerts you may read.")
    with session_scope() as session:
        sources = {s.name: s.id for s in list_sources(session=session) if s.id is not None}
    submitted = _form(sources)
    state: dict[str, Any] = st.session_state.setdefault(STATE, {})
    try:
        if submitted is not None:
            query, filters = submitted
            page = _run(query, filters, None, user.clearance)
            state.clear()
            state.update(query=query, filters=filters, results=page.results, next=page.next_cursor)
    except SearchError as error:
        st.error(str(error))
        return
    if not state:
        st.info("Type words, a person's name in any script, an isotope or a serial number.")
        return
    results: list[SearchResult] = state["results"]
    st.caption(f"{len(results)} result(s) shown" + ("; more below" if state["next"] else ""))
    if not results:
        st.info("Nothing found within your clearance.")
    for result in results:
        _show(result)
    if state["next"]:
        st.button("More", key="search_more", on_click=_more)


def _more() -> None:
    """The next page, read with the clearance of whoever is signed in when the click runs."""
    state = st.session_state.get(STATE) or {}
    if not state.get("next"):
        return
    page = _run(state["query"], state["filters"], state["next"], acting_user().clearance)
    state.update(results=state["results"] + page.results, next=page.next_cursor)


render()
