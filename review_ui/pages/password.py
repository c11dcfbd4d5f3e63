"""Change one's own password; after an administrator's reset, the only page until done."""

from __future__ import annotations

import streamlit as st

from nlp.vocabulary import Role
from review_ui.auth import client_address
from review_ui.layout import flash, header, require
from storage.db import session_scope
from storage.passwords import MIN_LENGTH, PASSPHRASE_LENGTH
from storage.users import UserError, change_password

FIELDS = ("pw_current", "pw_new", "pw_repeat")
RULES = (
    f"At least {MIN_LENGTH} characters mixing three of lower-case, upper-case, digits and "
    f"symbols, or a passphrase of {PASSPHRASE_LENGTH}+ characters; not a common password "
    "and not containing your username."
)


def _change(username: str) -> None:
    current, new, repeat = (str(st.session_state.get(key, "")) for key in FIELDS)
    for key in FIELDS:
        st.session_state[key] = ""
    if new != repeat:
        flash("error", "Not changed: the two new passwords differ.")
        return
    problem = None
    with session_scope() as session:  # commits even on a wrong current password: audit
        try:
            change_password(
                session=session,
                username=username,
                current_password=current,
                new_password=new,
                client_address=client_address(),
            )
        except UserError as error:
            problem = str(error)
    if problem:
        flash("error", f"Not changed: {problem}")
    else:
        flash("success", "Password changed.")


def render() -> None:
    user = require(Role.ANALYST)
    header("Password", user, RULES)
    if user.must_change_password:
        st.warning("An administrator reset your password: choose a new one to continue.")
    with st.form("change_password", enter_to_submit=True):
        st.text_input(
            "Current password", type="password", key=FIELDS[0], autocomplete="current-password"
        )
        st.text_input("New password", type="password", key=FIELDS[1], autocomplete="new-password")
        st.text_input(
            "New password again", type="password", key=FIELDS[2], autocomplete="new-password"
        )
        st.form_submit_button(
            "Change password", type="primary", on_click=_change, args=(user.username,)
        )


render()
