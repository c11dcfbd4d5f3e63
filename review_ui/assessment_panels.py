"""The working panels of one edition, by status: the section editor with its live preview
(draft), comments and the decision (in review), downloads and corrections (published).

The narrative is the editors' own Markdown, previewed with `st.markdown` and never with
`unsafe_allow_html`: HTML in it is shown as text, and a document's words reach it only when
an editor types them.
"""

from __future__ import annotations

import streamlit as st

from review_ui import assessment_actions as act
from review_ui.assessment_views import DOWNLOADS, SECTION_TITLES, download_name
from review_ui.plain_text import plain
from storage.models.assessments import SECTIONS, Assessment
from storage.objectstore import ObjectStoreError, get_object_store


def _ident(assessment: Assessment) -> int:
    assert assessment.id is not None
    return int(assessment.id)


def narrative(assessment: Assessment) -> None:
    """The sections as they will read (read-only)."""
    for name in SECTIONS:
        st.subheader(SECTION_TITLES[name])
        text = str(getattr(assessment, name) or "")
        if text.strip():
            st.markdown(text)
        else:
            st.caption("Not written.")


def _unsaved(assessment_id: int) -> None:
    sections = st.session_state.get(act.unsaved_key(assessment_id))
    if not sections:
        return
    with st.expander("Your text that was not saved (copy what you need)", expanded=True):
        for name, text in sections.items():
            st.caption(SECTION_TITLES.get(name, name))
            st.code(text, language="markdown", wrap_lines=True)


def editor(assessment: Assessment) -> None:
    """Each section in a Markdown text area beside its live preview; Save checks the version."""
    ident, version = _ident(assessment), assessment.version
    _unsaved(ident)
    st.text_input("Title", value=assessment.title, key=act.title_key(ident, version))
    for name in SECTIONS:
        left, right = st.columns(2, gap="medium")
        key = act.section_key(ident, version, name)
        text = left.text_area(
            f"{SECTION_TITLES[name]} (Markdown)",
            value=str(getattr(assessment, name) or ""),
            height=180,
            key=key,
        )
        with right:
            st.caption(f"Preview: {SECTION_TITLES[name]}")
            preview = st.container(border=True)
            if text.strip():
                preview.markdown(text)
            else:
                preview.caption("Nothing written yet.")
    actions = st.container(horizontal=True)
    drawn = {name: str(getattr(assessment, name) or "") for name in SECTIONS}
    drawn["title"] = assessment.title
    actions.button("Save", type="primary", key=f"save_{ident}", on_click=act.save,
                   args=(ident, version, drawn))  # fmt: skip
    actions.button("Refresh data", key=f"refresh_{ident}", on_click=act.refresh, args=(ident,))
    actions.button("Submit for review", key=f"submit_{ident}", on_click=act.submit,
                   args=(ident,))  # fmt: skip
    st.caption("Save before you submit: the review sees the saved text.")


def withdraw_form(assessment: Assessment) -> None:
    ident = _ident(assessment)
    with st.form(f"withdraw_{ident}", enter_to_submit=True):
        st.text_input("Reason for withdrawing", key=f"withdraw_reason_{ident}")
        st.form_submit_button("Withdraw", on_click=act.withdraw_edition, args=(ident,))


def review(assessment: Assessment) -> None:
    """Comments, return to the author, or publish (four eyes: never one's own draft)."""
    ident = _ident(assessment)
    with st.form(f"comment_form_{ident}", enter_to_submit=False):
        st.text_area("Comment", key=f"comment_{ident}", height=100)
        st.form_submit_button("Add comment", on_click=act.comment, args=(ident,))
    with st.form(f"return_{ident}", enter_to_submit=True):
        st.text_input("Reason for returning it to the author", key=f"return_reason_{ident}")
        st.form_submit_button("Return to draft", on_click=act.send_back, args=(ident,))
    st.button("Publish", type="primary", key=f"publish_{ident}", on_click=act.publish_edition,
              args=(ident,))  # fmt: skip
    st.caption(
        "Publishing renders PDF, HTML and Markdown and freezes this edition. Four eyes: an "
        "editor who wrote or edited it may not publish it."
    )


def downloads(assessment: Assessment) -> None:
    """The published outputs, from the object store by their keys (checked on read)."""
    store = get_object_store()
    row = st.container(horizontal=True)
    for fmt, (label, mime) in DOWNLOADS.items():
        key = assessment.outputs.get(fmt)
        if key is None:
            row.caption(f"No {fmt.upper()} output.")
            continue
        try:
            data = store.get(key)
        except ObjectStoreError as error:
            row.error(plain(f"{fmt.upper()} not available: {error}"))
            continue
        row.download_button(
            label,
            data=data,
            file_name=download_name(assessment, fmt),
            mime=mime,
            key=f"download_{fmt}_{assessment.id}",
            on_click="ignore",  # a download changes nothing: no rerun
        )


def correction_form(assessment: Assessment) -> None:
    ident = _ident(assessment)
    with st.form(f"correct_{ident}", enter_to_submit=True):
        st.text_area("What the correction changes", key=f"changes_{ident}", height=80)
        st.form_submit_button("Start correction", on_click=act.correct, args=(ident,))
