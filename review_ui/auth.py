"""Signed-in user in the Streamlit session: sign-in, expiry (lifetime and idle), sign-out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import streamlit as st

from review_ui.settings import get_ui_settings
from storage.db import session_scope
from storage.models import Role
from storage.models._base import utcnow
from storage.users import authenticate, get_user, is_locked

AUTH_KEY = "auth"


@dataclass(frozen=True)
class SignedIn:
    username: str
    role: Role


def _expired(state: dict[str, Any], now: datetime) -> str | None:
    settings = get_ui_settings()
    if now - state["signed_in_at"] > timedelta(minutes=settings.session_lifetime_minutes):
        return "Your session reached its maximum length. Please sign in again."
    if now - state["last_seen"] > timedelta(minutes=settings.idle_timeout_minutes):
        return "You were signed out after a period of inactivity."
    return None


def current_user() -> SignedIn | None:
    """The signed-in user, re-checked against the database on every run."""
    state = st.session_state.get(AUTH_KEY)
    if not state:
        return None
    now = utcnow()
    reason = _expired(state, now)
    with session_scope() as session:
        user = get_user(session=session, username=state["username"])
    if reason is None and (user is None or user.disabled):
        reason = "Your account is no longer active."
    if reason is not None or user is None:
        sign_out(reason)
        return None
    state["last_seen"] = now
    return SignedIn(user.username, Role(user.role))


def sign_out(reason: str | None = None) -> None:
    st.session_state.pop(AUTH_KEY, None)
    if reason:
        st.session_state["signed_out_reason"] = reason


def _submit_sign_in() -> None:
    username = str(st.session_state.get("signin_username", "")).strip().lower()
    password = str(st.session_state.get("signin_password", ""))
    st.session_state["signin_password"] = ""
    with session_scope() as session:
        user = authenticate(session=session, username=username, password=password)
        locked = user is None and is_locked(session=session, username=username)
    if user is None:
        st.session_state["signin_error"] = (
            "Too many failed attempts: sign-in is locked for a while. Try again later."
            if locked
            else "Unknown username or wrong password."
        )
        return
    now = utcnow()
    st.session_state[AUTH_KEY] = {"username": user.username, "signed_in_at": now, "last_seen": now}
    st.session_state.pop("signin_error", None)
    st.session_state.pop("signed_out_reason", None)


def sign_in_page() -> None:
    _, middle, _ = st.columns([1, 1.2, 1])
    with middle:
        st.markdown(
            '<div class="ri-brand">radintel · RN incident intelligence</div>',
            unsafe_allow_html=True,
        )
        st.subheader("Sign in")
        reason = st.session_state.get("signed_out_reason")
        if reason:
            st.info(reason)
        with st.form("signin", enter_to_submit=True):
            st.text_input("Username", key="signin_username", autocomplete="username")
            st.text_input(
                "Password", type="password", key="signin_password", autocomplete="current-password"
            )
            st.form_submit_button("Sign in", type="primary", on_click=_submit_sign_in)
        error = st.session_state.get("signin_error")
        if error:
            st.error(error)
        st.caption("Sessions end after 30 minutes without activity. All decisions are audited.")
