"""Notices: notice drafts written from alerts (Orange: a source or person posing a threat;
Purple: a modus operandi), for editors. `?alert=ID` offers a draft from that alert. Edit the
sections (Markdown, previewed), the title and marking, attach device photos, submit; a second
editor publishes (four eyes); download the published PDF and JSON; see every step.

Identifiers and titles may carry a document's words: they are shown as plain text or in
dataframes; the sections are the editors' Markdown, previewed without HTML.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nlp.vocabulary import AssessmentStatus, NoticeKind, Role, Tlp
from review_ui import notice_actions as act
from review_ui.auth import SignedIn
from review_ui.layout import header, require, when
from review_ui.plain_text import plain, spreadsheet_safe
from storage.clearance import readable_markings
from storage.db import session_scope
from storage.models import Notice
from storage.notice_fields import SECTION_TITLES, SECTIONS
from storage.notices import NoticeError, get_notice, list_notices, notice_history
from storage.objectstore import ObjectStoreError, get_object_store

STATUS_TITLES = {
    AssessmentStatus.DRAFT: "Draft",
    AssessmentStatus.IN_REVIEW: "In review",
    AssessmentStatus.PUBLISHED: "Published",
    AssessmentStatus.WITHDRAWN: "Withdrawn",
}
DOWNLOADS = {
    "pdf": ("Download PDF", "application/pdf"),
    "json": ("Download JSON", "application/json"),
}


def _alert_param() -> int | None:
    raw = str(st.query_params.get("alert", "")).strip()
    return int(raw) if raw.isdigit() else None


def _new_draft(alert_id: int) -> None:
    with st.container(border=True):
        st.markdown(f"**Draft a notice from alert #{alert_id}**")
        st.radio(
            "Kind",
            [k.value for k in NoticeKind],
            horizontal=True,
            key="notice_new_kind",
            format_func=lambda k: (
                "Orange: a threat from a source or person"
                if k == "orange"
                else "Purple: a modus operandi"
            ),
        )
        st.button(
            "Draft notice", type="primary", key="notice_draft", on_click=act.draft, args=(alert_id,)
        )


def _list(user: SignedIn, alert_id: int | None) -> None:
    with session_scope() as session:
        notices = list_notices(session=session, clearance=user.clearance, alert_id=alert_id)
    if not notices:
        st.info("No notice yet." if alert_id is None else f"No notice of alert #{alert_id} yet.")
        return
    frame = pd.DataFrame(
        [
            {
                "Notice": n.id,
                "Alert": n.alert_id,
                "Kind": NoticeKind(n.kind).value.capitalize(),
                "Status": STATUS_TITLES[AssessmentStatus(n.status)],
                "Marking": Tlp(n.marking).value,
                "Title": n.title,
                "Author": n.author,
                "Updated": when(n.updated_at),
            }
            for n in notices
        ]
    )
    st.dataframe(spreadsheet_safe(frame), hide_index=True)
    labels = {
        int(n.id or 0): f"#{n.id} · {STATUS_TITLES[AssessmentStatus(n.status)]}" for n in notices
    }
    selected = st.session_state.get(act.SELECTED)
    key = f"notice_pick_{selected}"  # keyed by the open one: a new draft redraws it chosen
    st.selectbox(
        "Open notice",
        list(labels),
        format_func=labels.__getitem__,
        index=list(labels).index(selected) if selected in labels else None,
        placeholder="Choose a notice",
        key=key,
        on_change=act.choose,
        args=(key,),
    )


def _identifiers(notice: Notice) -> None:
    fields = notice.content.get("fields", [])
    st.caption(
        f"Identifiers as recorded on alert #{notice.alert_id} on {notice.content.get('as_of', '?')}"
    )
    if fields:
        frame = pd.DataFrame([{"Identifier": f["label"], "Value": f["value"]} for f in fields])
        st.dataframe(spreadsheet_safe(frame), hide_index=True)


def _photos(notice: Notice, editable: bool) -> None:
    store = get_object_store()
    columns = st.columns(3)
    for index, key in enumerate(notice.photos):
        with columns[index % 3]:
            try:
                st.image(store.get(key), caption=f"Photo {index + 1}")
            except ObjectStoreError as error:
                st.error(plain(f"Photo not available: {error}"))
            if editable:
                st.button(
                    "Remove",
                    key=f"photo_rm_{key[:16]}",
                    on_click=act.detach,
                    args=(int(notice.id or 0), key),
                )


def _editor(notice: Notice, user: SignedIn) -> None:
    ident, version = int(notice.id or 0), notice.version
    sections = notice.content.get("sections", {})
    st.text_input("Title", value=notice.title, key=act.field_key(ident, version, "title"))
    markings = [m.value for m in readable_markings(user.clearance)]
    current = Tlp(notice.marking).value
    st.selectbox(
        "Marking (at least the alert's)",
        markings,
        index=markings.index(current) if current in markings else 0,
        key=act.field_key(ident, version, "marking"),
    )
    for name in SECTIONS:
        left, right = st.columns(2, gap="medium")
        text = left.text_area(
            f"{SECTION_TITLES[name]} (Markdown)",
            value=str(sections.get(name, "")),
            height=150,
            key=act.field_key(ident, version, name),
        )
        with right:
            st.caption(f"Preview: {SECTION_TITLES[name]}")
            st.container(border=True).markdown(text or "_Nothing written._")
    row = st.container(horizontal=True)
    row.button(
        "Save", type="primary", key=f"notice_save_{ident}", on_click=act.save, args=(ident, version)
    )
    row.button(
        "Submit for review", key=f"notice_submit_{ident}", on_click=act.submit, args=(ident,)
    )
    st.subheader("Photos of the device")
    _photos(notice, editable=True)
    st.file_uploader(
        "JPEG or PNG, up to 8 MiB",
        type=["jpg", "jpeg", "png"],
        key=act.field_key(ident, version, "photo"),
    )
    st.button(
        "Attach photo", key=f"notice_attach_{ident}", on_click=act.attach, args=(ident, version)
    )


def _read_only(notice: Notice) -> None:
    sections = notice.content.get("sections", {})
    for name in SECTIONS:
        st.subheader(SECTION_TITLES[name])
        st.markdown(str(sections.get(name, "")) or "_Nothing written._")
    if notice.photos:
        st.subheader("Photos of the device")
        _photos(notice, editable=False)


def _withdraw_form(ident: int) -> None:
    with st.form(f"notice_withdraw_form_{ident}", enter_to_submit=True):
        st.text_input("Reason for withdrawing", key=f"notice_withdraw_{ident}")
        st.form_submit_button("Withdraw", on_click=act.withdraw, args=(ident,))


def _review(ident: int) -> None:
    with st.form(f"notice_return_form_{ident}", enter_to_submit=True):
        st.text_input("Reason for returning it to the author", key=f"notice_return_{ident}")
        st.form_submit_button("Return to draft", on_click=act.send_back, args=(ident,))
    st.button(
        "Publish",
        type="primary",
        key=f"notice_publish_{ident}",
        on_click=act.publish,
        args=(ident,),
    )
    st.caption(
        "Publishing renders the PDF and JSON and freezes the notice. Four eyes: an "
        "editor who wrote or edited it may not publish it."
    )


def _downloads(notice: Notice) -> None:
    store, row = get_object_store(), st.container(horizontal=True)
    for fmt, (label, mime) in DOWNLOADS.items():
        key = notice.outputs.get(fmt)
        if key is None:
            continue
        try:
            data = store.get(key)
        except ObjectStoreError as error:
            row.error(plain(f"{fmt.upper()} not available: {error}"))
            continue
        row.download_button(
            label,
            data=data,
            file_name=f"notice-{notice.id}.{fmt}",
            mime=mime,
            key=f"notice_dl_{fmt}_{notice.id}",
            on_click="ignore",
        )


def _detail(notice_id: int, user: SignedIn) -> None:
    try:
        with session_scope() as session:
            notice = get_notice(session=session, notice_id=notice_id, clearance=user.clearance)
            history = notice_history(session=session, notice_id=notice_id, clearance=user.clearance)
    except NoticeError as error:
        st.warning(plain(error))
        return
    status = AssessmentStatus(notice.status)
    kind = "Orange" if notice.kind == NoticeKind.ORANGE else "Purple"
    st.markdown(f"### {plain(notice.title)}")
    st.caption(
        f"{kind} notice #{notice.id} · alert #{notice.alert_id} · {STATUS_TITLES[status]} · "
        f"{Tlp(notice.marking).value} · by {plain(notice.author)}"
    )
    work, steps = st.tabs(["Notice", "History"])
    with work:
        _identifiers(notice)
        if status == AssessmentStatus.DRAFT:
            _editor(notice, user)
        else:
            _read_only(notice)
        if status == AssessmentStatus.IN_REVIEW:
            st.divider()
            _review(int(notice_id))
        if status == AssessmentStatus.PUBLISHED:
            st.divider()
            _downloads(notice)
        if status in (AssessmentStatus.DRAFT, AssessmentStatus.IN_REVIEW):
            _withdraw_form(int(notice_id))
    with steps:
        frame = pd.DataFrame(
            [
                {"When": when(e.at), "Who": e.username, "Step": e.action, "Reason": e.reason or ""}
                for e in history
            ]
        )
        st.dataframe(spreadsheet_safe(frame), hide_index=True)


def render() -> None:
    user = require(Role.EDITOR)
    header(
        "Notices",
        user,
        "Notice drafts from alerts, in the structure of INTERPOL Orange and "
        "Purple notices: write, submit, and have a second editor publish.",
    )
    alert_id = _alert_param()
    if alert_id is not None:
        _new_draft(alert_id)
    _list(user, alert_id)
    notice_id = st.session_state.get(act.SELECTED)
    if notice_id:
        st.divider()
        _detail(int(notice_id), user)


render()
