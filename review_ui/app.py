"""Entry point of the review UI: `streamlit run review_ui/app.py` (see `radintel ui`).

Not signed in: only the sign-in page exists (a reload resumes the session from its
cookie, see review_ui/auth.py). Signed in: the navigation holds only the pages the user's
role may use, so a forbidden page is neither listed nor reachable; after an administrator
reset the password, only the password page exists until a new one is chosen.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `streamlit run` puts only review_ui/ on the path
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from nlp.vocabulary import AssessmentStatus, Role  # noqa: E402
from review_ui.auth import (  # noqa: E402
    SignedIn,
    current_user,
    sign_in_page,
    sign_out,
    sync_cookie,
)
from review_ui.plain_text import plain  # noqa: E402
from review_ui.safe_html import STYLE  # noqa: E402
from storage.assessments import waiting_for_editors  # noqa: E402
from storage.authz import EDITORS  # noqa: E402
from storage.db import session_scope  # noqa: E402
from storage.notifications import unread_count  # noqa: E402

log = logging.getLogger("review_ui")
PAGES = Path(__file__).resolve().parent / "pages"
ANALYST_PAGES = [
    ("queue.py", "Review queue", ":material/inbox:"),
    ("inbox.py", "Inbox", ":material/notifications:"),
    ("search.py", "Search", ":material/search:"),
    ("document.py", "Document", ":material/description:"),
    ("incidents.py", "Incidents", ":material/crisis_alert:"),
    ("links.py", "Link proposals", ":material/link:"),
    ("alerts.py", "Alerts", ":material/notifications_active:"),
    ("dashboard.py", "Dashboard", ":material/monitoring:"),
    ("audit.py", "Audit trail", ":material/history:"),
    ("password.py", "Password", ":material/key:"),
]
EDITOR_PAGES = [
    ("assessments.py", "Assessments", ":material/article:"),
    ("notices.py", "Notices", ":material/campaign:"),
]
ADMIN_PAGES = [
    ("users.py", "Users", ":material/group:"),
    ("sources.py", "Sources", ":material/rss_feed:"),
]


def pages_for(role: Role) -> dict[str, list[st.Page]]:
    def page(name: str, title: str, icon: str) -> st.Page:
        return st.Page(PAGES / name, title=title, icon=icon, default=name == "queue.py")

    sections = {"Review": [page(*p) for p in ANALYST_PAGES]}
    if role in EDITORS:
        sections["Publishing"] = [page(*p) for p in EDITOR_PAGES]
    if role == Role.ADMIN:
        sections["Administration"] = [page(*p) for p in ADMIN_PAGES]
    return sections


def waiting_notice(assessments_page: st.Page, user: SignedIn) -> None:
    """Tell editors, on every page, that drafts or editions in review wait for them."""
    with session_scope() as session:
        waiting = waiting_for_editors(session=session, clearance=user.clearance)
    if not waiting:
        return
    in_review = sum(1 for a in waiting if a.status == AssessmentStatus.IN_REVIEW)
    drafts = len(waiting) - in_review
    with st.sidebar:
        st.info(f"Waiting for editors: {drafts} draft(s), {in_review} in review.")
        st.page_link(assessments_page, label="Open assessments", icon=":material/article:")


def inbox_badge(inbox_page: st.Page, user: SignedIn) -> None:
    """The user's unread notifications, on every page (nothing when there are none)."""
    with session_scope() as session:
        unread = unread_count(session=session, username=user.username)
    if not unread:
        return
    with st.sidebar:
        st.warning(f"Inbox: {unread} unread notification{'s' * (unread != 1)}.")
        st.page_link(inbox_page, label="Open the inbox", icon=":material/notifications:")


def main() -> None:
    st.set_page_config(page_title="radintel review", page_icon="☢", layout="wide")
    st.markdown(STYLE, unsafe_allow_html=True)
    user = current_user()
    if user is None:
        sync_cookie()
        st.navigation([st.Page(sign_in_page, title="Sign in", url_path="signin")]).run()
        return
    with st.sidebar:
        sync_cookie()
        st.caption(plain(f"Signed in as {user.username} ({user.role.value})"))
        if st.button("Sign out", key="signout"):
            sign_out("You signed out.")
            st.rerun()
    if user.must_change_password:  # after an administrator's reset: nothing else until done
        page = st.navigation([st.Page(PAGES / "password.py", title="Change password")])
    else:
        sections = pages_for(user.role)
        page = st.navigation(sections, expanded=True)  # every page, no "View more"
        inbox_badge(sections["Review"][1], user)
        if "Publishing" in sections:
            waiting_notice(sections["Publishing"][0], user)
    try:
        page.run()
    except Exception:
        log.exception("page %s failed", page.title)
        st.error("This page hit an unexpected error; it was logged. Reload or try again.")


main()
