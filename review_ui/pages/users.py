"""Administration of users: list, create, disable or enable, set their TLP clearance and the
address their alert notifications are e-mailed to, reset a password."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nlp.vocabulary import Role, Tlp
from review_ui.auth import SignedIn
from review_ui.layout import acting_user, flash, header, require, when
from review_ui.plain_text import spreadsheet_safe
from storage.authz import PermissionDenied
from storage.db import session_scope
from storage.passwords import MIN_LENGTH
from storage.users import (
    UserError,
    create_user,
    list_users,
    reset_password,
    set_clearance,
    set_disabled,
    set_email,
)

TLP = [marking.value for marking in Tlp]


def _create() -> None:
    state = st.session_state
    admin = acting_user().username
    try:
        with session_scope() as session:
            create_user(
                session=session,
                username=str(state["u_name"]).strip().lower(),
                password=str(state["u_password"]),
                role=state["u_role"],
                clearance=state["u_clearance"],
                email=str(state.get("u_email") or ""),
                created_by=admin,
            )
    except PermissionDenied as error:
        flash("error", str(error))
        return
    except UserError as error:
        flash("error", f"Not created: {error}")
        return
    finally:
        state["u_password"] = ""
    flash("success", f"User {state['u_name']} created.")


def _toggle(disabled: bool) -> None:
    username = str(st.session_state.get("t_user") or "")
    admin = acting_user().username
    try:
        with session_scope() as session:
            set_disabled(session=session, username=username, disabled=disabled, by=admin)
    except (UserError, PermissionDenied) as error:
        flash("error", str(error))
        return
    flash("success", f"User {username} {'disabled' if disabled else 'enabled'}.")


def _set_clearance() -> None:
    username = str(st.session_state.get("t_user") or "")
    clearance = str(st.session_state.get("t_clearance") or "")
    admin = acting_user().username
    try:
        with session_scope() as session:
            set_clearance(session=session, username=username, clearance=clearance, by=admin)
    except (UserError, PermissionDenied) as error:
        flash("error", str(error))
        return
    flash("success", f"User {username} may now read up to {clearance}.")


def _set_email() -> None:
    username = str(st.session_state.get("e_user") or "")
    admin = acting_user().username
    try:
        with session_scope() as session:
            address = set_email(
                session=session,
                username=username,
                email=str(st.session_state.get("e_email") or ""),
                by=admin,
            ).email
    except (UserError, PermissionDenied) as error:
        flash("error", str(error))
        return
    st.session_state["e_email"] = ""
    done = f"e-mailed to {address}" if address else "in the inbox only (no e-mail)"
    flash("success", f"Notifications of {username}: {done}.")


def _reset() -> None:
    username = str(st.session_state.get("t_user") or "")
    admin = acting_user().username
    try:
        with session_scope() as session:
            temporary = reset_password(session=session, username=username, by=admin)
    except (UserError, PermissionDenied) as error:
        flash("error", str(error))
        return
    flash(
        "success",
        f"Temporary password for {username}: `{temporary}` (shown once; pass it on privately). "
        "They must choose a new one at their next sign-in.",
    )


def _table(user: SignedIn) -> None:
    with session_scope() as session:
        users = list_users(session=session)
    st.dataframe(
        spreadsheet_safe(
            pd.DataFrame(
                [
                    {
                        "User": u.username,
                        "Role": u.role.value,
                        "Clearance": u.clearance.value,
                        "E-mail": u.email or "",
                        "Disabled": u.disabled,
                        "Must change password": u.must_change_password,
                        "Created": when(u.created_at),
                    }
                    for u in users
                ]
            )
        ),
        hide_index=True,
    )
    with st.form("toggle_user", enter_to_submit=True):
        st.selectbox(
            "User", [u.username for u in users if u.username != user.username], key="t_user"
        )
        cols = st.columns(3)
        cols[0].form_submit_button("Disable", on_click=_toggle, args=(True,))
        cols[1].form_submit_button("Enable", on_click=_toggle, args=(False,))
        cols[2].form_submit_button("Reset password", on_click=_reset)
        st.selectbox("Clearance (most restrictive marking readable)", TLP, key="t_clearance")
        st.form_submit_button("Set clearance", on_click=_set_clearance)
    with st.form("user_email", enter_to_submit=True):
        st.selectbox("Notification e-mail of user", [u.username for u in users], key="e_user")
        st.text_input(
            "Address (empty: notifications stay in the inbox)",
            max_chars=254,
            key="e_email",
        )
        st.form_submit_button("Set e-mail", on_click=_set_email)


def render() -> None:
    user = require(Role.ADMIN)
    header("Users", user, "Roles: analyst (review, incidents) · editor · admin (users, sources).")
    left, right = st.columns([3, 2], gap="large")
    with left:
        _table(user)
    with right, st.form("create_user", enter_to_submit=True):
        st.text_input("Username", key="u_name")
        st.selectbox("Role", [r.value for r in Role], key="u_role")
        st.selectbox("Clearance", TLP, index=TLP.index(Tlp.GREEN.value), key="u_clearance")
        st.text_input("E-mail for alert notifications (optional)", max_chars=254, key="u_email")
        st.text_input(
            f"Initial password ({MIN_LENGTH}+ characters, see the Password page)",
            type="password",
            key="u_password",
        )
        st.form_submit_button("Create user", type="primary", on_click=_create)


render()
