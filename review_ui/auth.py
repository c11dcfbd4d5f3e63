"""Signed-in user: sign-in, server-side session kept across reloads by a cookie, sign-out.

The session lives in the database (storage.ui_sessions); the Streamlit session holds its
token in server memory, and the browser holds it in a cookie so that a reload or a new tab
resumes it. Streamlit cannot set cookies from Python, so a script in the page sets or clears
the cookie; `st.context.cookies` reads it when a new Streamlit session starts.
"""

from __future__ import annotations

import ipaddress
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta

import streamlit as st
from sqlmodel import Session

from nlp.vocabulary import Role, Tlp
from review_ui.settings import get_ui_settings
from storage.db import session_scope
from storage.models._base import utcnow
from storage.throttle import throttled_until
from storage.ui_sessions import (
    EndReason,
    SessionEnded,
    create_session,
    resume_session,
    revoke_session,
)
from storage.users import authenticate

AUTH_KEY = "auth"  # the session token, in server memory only
COOKIE_READ_KEY = "auth_cookie_read"  # the cookie is read once per Streamlit session
COOKIE_WRITTEN_KEY = "auth_cookie_written"  # this Streamlit session wrote a cookie
COOKIE_NAME = "radintel_session"
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9_-]{32,128}")
END_MESSAGES: dict[EndReason, str] = {
    "expired": "Your session reached its maximum length. Please sign in again.",
    "idle": "You were signed out after a period of inactivity.",
    "revoked": "Your session was ended: you signed out elsewhere, or an administrator did.",
    "inactive": "Your account is no longer active.",
    "unknown": "Your session ended. Please sign in again.",
}


@dataclass(frozen=True)
class SignedIn:
    username: str
    role: Role
    clearance: Tlp  # re-read from the database on every run, like the role
    must_change_password: bool = False  # after an administrator's reset: nothing else until


def _ip(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return str(ipaddress.ip_address(value.strip()))
    except ValueError:
        return None


def address_from(headers: Mapping[str, str], peer: object, trust_forwarded_for: bool) -> str | None:
    """The client's address: the one our proxy appended to X-Forwarded-For (the last
    entry) when the proxy is trusted, else the peer of the connection (None for localhost);
    anything that is not an IP address counts as unknown."""
    forwarded = headers.get("X-Forwarded-For") if trust_forwarded_for else None
    last = forwarded.rsplit(",", 1)[-1] if isinstance(forwarded, str) else None
    return _ip(last) or _ip(peer)


def client_address() -> str | None:
    trusted = get_ui_settings().trust_forwarded_for
    return address_from(st.context.headers, st.context.ip_address, trusted)


def current_token() -> str | None:
    """The session token the browser's cookie carried when this Streamlit session began."""
    value = st.context.cookies.get(COOKIE_NAME)
    return value if isinstance(value, str) and TOKEN_PATTERN.fullmatch(value) else None


def _token() -> tuple[str | None, bool]:
    """The token of this Streamlit session, else the cookie's (read once); and which one."""
    token = st.session_state.get(AUTH_KEY)
    if isinstance(token, str):
        return token, False
    if st.session_state.get(COOKIE_READ_KEY):
        return None, False
    st.session_state[COOKIE_READ_KEY] = True
    return current_token(), True


def current_user() -> SignedIn | None:
    """The signed-in user; the session and the account are re-checked on every run."""
    token, from_cookie = _token()
    if token is None:
        return None
    resumed = _resume(token, timedelta(minutes=get_ui_settings().idle_timeout_minutes))
    if not isinstance(resumed, SignedIn):
        quiet = from_cookie and resumed == "unknown"  # a stale or foreign cookie
        _forget(None if quiet else END_MESSAGES[resumed])
        return None
    st.session_state[AUTH_KEY] = token
    return resumed


def _resume(token: str, idle: timedelta) -> SignedIn | EndReason:
    """The signed-in user, or why the session ended. SessionEnded is caught inside the unit
    of work, so the revocation of a disabled account's session commits."""
    with session_scope() as session:
        try:
            user = resume_session(session=session, token=token, idle_timeout=idle)
        except SessionEnded as ended:
            return ended.reason
        return SignedIn(
            user.username, Role(user.role), Tlp(user.clearance), user.must_change_password
        )


def _forget(reason: str | None) -> None:
    st.session_state.pop(AUTH_KEY, None)
    if reason:
        st.session_state["signed_out_reason"] = reason


def sign_out(reason: str | None = None) -> None:
    """Revoke the session in the database, forget it here and clear the browser's cookie."""
    token = st.session_state.get(AUTH_KEY)
    if isinstance(token, str):
        with session_scope() as session:
            revoke_session(session=session, token=token)
    _forget(reason)


def _cookie_script(value: str, max_age: int) -> str:
    attributes = f"; Path=/; SameSite=Strict; Max-Age={max_age}"
    return (
        "<script>(() => {"
        "const secure = window.location.protocol === 'https:' ? '; Secure' : '';"
        f"document.cookie = '{COOKIE_NAME}=' + {json.dumps(value)} + '{attributes}' + secure;"
        "})();</script>"
    )


def sync_cookie() -> None:
    """Make the browser's cookie hold this session's token, or nothing once signed out.

    The script stays in the page on every run until a new Streamlit session shows the
    browser sent the right cookie: the component that runs it loads lazily, and a script
    sent once could be replaced by the next run before a busy browser had run it. Writing
    the same cookie again changes nothing but its expiry, which the server never trusts."""
    token = st.session_state.get(AUTH_KEY)
    sent = current_token()  # what the browser sent when this Streamlit session began
    if isinstance(token, str):
        if token != sent:
            lifetime = get_ui_settings().session_lifetime_minutes * 60
            st.html(_cookie_script(token, lifetime), unsafe_allow_javascript=True)
            st.session_state[COOKIE_WRITTEN_KEY] = True
    elif sent is not None or st.session_state.get(COOKIE_WRITTEN_KEY):
        st.html(_cookie_script("", 0), unsafe_allow_javascript=True)


def _refusal(session: Session, username: str, address: str | None) -> str:
    now = utcnow()
    until = throttled_until(session=session, username=username, client_address=address, now=now)
    if until is None:
        return "Unknown username or wrong password."
    seconds = math.ceil((until - now).total_seconds())
    return f"Too many failed attempts: try again in {seconds} seconds."


def _submit_sign_in() -> None:
    username = str(st.session_state.get("signin_username", "")).strip().lower()[:64]
    password = str(st.session_state.get("signin_password", ""))
    st.session_state["signin_password"] = ""
    address = client_address()
    lifetime = timedelta(minutes=get_ui_settings().session_lifetime_minutes)
    with session_scope() as session:
        user = authenticate(
            session=session, username=username, password=password, client_address=address
        )
        if user is None:
            st.session_state["signin_error"] = _refusal(session, username, address)
            return
        _, token = create_session(session=session, username=user.username, lifetime=lifetime)
    st.session_state[AUTH_KEY] = token
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
        idle = get_ui_settings().idle_timeout_minutes
        st.caption(
            f"Sessions end after {idle} minutes without activity. All decisions are audited."
        )
