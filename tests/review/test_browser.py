"""End to end: the live app (`radintel ui` command line) driven by Debian Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import col, select

from flows.commands.review import streamlit_command, ui_environment
from flows.local_prefect import free_port
from nlp.vocabulary import ReviewStatus, Tlp
from storage.db import engine_for, session_scope
from storage.models import Finding, ReviewEvent
from storage.models.users import UiSession
from storage.schema import create_schema
from storage.seed import seed_synthetic
from storage.ui_sessions import hash_token
from storage.users import create_user
from tests.conftest import IN_CI
from tests.review.factories import make_document, make_finding

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
PASSWORD = "browser test password"


@dataclass
class LiveApp:
    url: str
    engine: Engine
    document_id: int
    finding_id: int


def _wait_healthy(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the review UI exited at start-up")
        try:
            if httpx.get(f"{url}/_stcore/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.5)
    raise RuntimeError("the review UI did not become healthy in 60 s")


@pytest.fixture
def live_app(data_dir: Path) -> Iterator[LiveApp]:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        if IN_CI:
            pytest.fail("Debian Chromium is required in CI")
        pytest.skip("Debian Chromium is not installed (apt-get install chromium)")
    engine = engine_for(f"sqlite:///{(data_dir / 'radintel.db').resolve()}")
    create_schema(engine)
    seed_synthetic(engine=engine, documents=40, findings_per_doc=8)
    with session_scope(engine) as session:
        for name in ("analyst", "admin"):  # the seed marks documents up to TLP:RED
            create_user(
                session=session, username=name, password=PASSWORD, role=name, clearance=Tlp.RED
            )
        document = make_document(session)
        finding = make_finding(session, document, "Norvik Gauge Services")
        ids = (document.id or 0, finding.id or 0)
    port = free_port()
    env = ui_environment() | {"RADINTEL_DATA_DIR": str(data_dir)}
    env.pop("RADINTEL_DATABASE_URL", None)
    process = subprocess.Popen(streamlit_command(port), env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_healthy(url, process)
        yield LiveApp(url, engine, *ids)
    finally:
        process.terminate()
        process.wait(timeout=20)


def _finding(app: LiveApp) -> Finding:
    with session_scope(app.engine) as session:
        finding = session.get(Finding, app.finding_id)
        assert finding is not None
        return finding


def _dismiss_dialog(page: Any) -> None:
    """Streamlit says "page not found" in a modal for a URL outside the navigation."""
    dialog = page.get_by_role("dialog")
    dialog.wait_for(timeout=10_000)
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden", timeout=10_000)


def _settle(page: Any) -> None:
    """Wait until the script rerun an action started has finished drawing the page."""
    page.wait_for_timeout(300)
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for()


def _wait_for(condition: Callable[[], bool], seconds: float = 20) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("the database did not reach the expected state")
        time.sleep(0.2)


def _session_cookie(page: Any) -> dict[str, Any] | None:
    cookies = [c for c in page.context.cookies() if c["name"] == "radintel_session"]
    return cookies[0] if cookies else None


def _check_session_cookie(page: Any, app: LiveApp) -> None:
    """The cookie holds a token whose hash, not the token, is in the database."""
    _wait_for(lambda: _session_cookie(page) is not None)
    cookie = _session_cookie(page)
    assert cookie is not None and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert cookie["expires"] > time.time() + 7 * 3600  # Max-Age: the 8 h session lifetime
    token = str(cookie["value"])
    with session_scope(app.engine) as session:
        stored = session.exec(select(UiSession).where(UiSession.username == "analyst")).one()
    assert stored.token_hash == hash_token(token)
    assert token not in page.url and token not in page.locator("body").inner_text()


def test_review_session_in_the_browser(live_app: LiveApp) -> None:
    from playwright.sync_api import expect, sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1500, "height": 1000})
        page = context.new_page()
        page.set_default_timeout(30_000)
        try:

            def shot(name: str) -> None:
                page.wait_for_timeout(1200)
                page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)

            def sign_in(username: str) -> None:
                page.get_by_role("textbox", name="Username").fill(username)
                page.get_by_role("textbox", name="Password").fill(PASSWORD)
                shot("01-sign-in")
                page.get_by_role("textbox", name="Password").press("Enter")
                expect(page.get_by_text("Signed in as")).to_be_visible()

            def nav(name: str) -> None:
                page.get_by_test_id("stSidebarNav").get_by_text(name, exact=True).click()
                _settle(page)

            page.goto(live_app.url)
            sign_in("analyst")
            expect(page.locator(".ri-page", has_text="Review queue")).to_be_visible()
            shot("02-queue")
            _check_session_cookie(page, live_app)

            nav("Document")
            page.get_by_role("spinbutton", name="Document id").fill(str(live_app.document_id))
            page.get_by_role("spinbutton", name="Document id").press("Enter")
            _settle(page)
            doc = page.locator(".ri-doc")
            expect(doc).to_contain_text("<script>alert(1)</script>")
            expect(doc).to_contain_text("[link](javascript:alert(3)) **bold** :red[red] $x^2$")
            assert doc.locator("script, img, a, strong").count() == 0
            shot("03-document")

            page.get_by_role("button", name="Confirm").click()
            _wait_for(lambda: _finding(live_app).status == ReviewStatus.CONFIRMED)
            expect(page.get_by_text(f"Finding #{live_app.finding_id} confirmed.")).to_be_visible()
            _settle(page)

            page.get_by_text("Correct", exact=True).click()
            key = f"corr_{live_app.finding_id}_2"
            field = page.locator(f".st-key-{key}_normalized input:visible")
            field.fill("Norvik Gauge Services AS")
            field.press("Enter")  # submits the form, as the button does
            _wait_for(lambda: _finding(live_app).normalized == "Norvik Gauge Services AS")
            expect(page.get_by_text("corrected.")).to_be_visible()
            _settle(page)

            page.get_by_text("Reject", exact=True).first.click()
            key = f"rej_{live_app.finding_id}_3"
            page.locator(f".st-key-{key}_reason input:visible").fill("supplier, not the suspect")
            page.get_by_role("button", name="Reject", exact=True).click()
            _wait_for(lambda: _finding(live_app).status == ReviewStatus.REJECTED)
            expect(page.get_by_text("rejected.")).to_be_visible()
            shot("04-document-history")

            page.get_by_role("tab", name="Add a finding").click()
            search = page.get_by_role("textbox", name="Find text in the document")
            search.fill("Rotterdam")
            search.press("Enter")  # selects the first occurrence
            _settle(page)
            page.get_by_role("tab", name="Add a finding").click()
            expect(page.locator(".ri-quote", has_text="Rotterdam")).to_be_visible()
            expect(page.locator(".st-key-add_end input:visible")).to_have_value(str(20))
            shot("05-add-finding")
            page.get_by_role("button", name="Add finding").click()
            expect(page.get_by_text("Finding added.")).to_be_visible()
            _settle(page)

            # someone else changes it behind the page
            with session_scope(live_app.engine) as session:
                session.execute(
                    update(Finding)
                    .where(col(Finding.id) == live_app.finding_id)
                    .values(version=99, reviewed_by="bob")
                )
                session.commit()
            page.get_by_role("button", name="Confirm").click()
            expect(page.get_by_text("bob changed this finding")).to_be_visible()
            shot("06-conflict")
            stale = _finding(live_app)
            assert (stale.version, stale.status) == (99, ReviewStatus.REJECTED)

            for name, file in [("Incidents", "07-incidents"), ("Dashboard", "08-dashboard"),
                               ("Audit trail", "09-audit")]:  # fmt: skip
                nav(name)
                shot(file)

            page.reload()  # a reload resumes the session, on the same page
            expect(page.get_by_text("Signed in as analyst")).to_be_visible()
            expect(page.locator(".ri-page", has_text="Audit trail")).to_be_visible()
            assert page.url.endswith("/audit")
            shot("09b-audit-after-reload")
            tab = context.new_page()  # so does a URL opened in a new tab
            tab.goto(f"{live_app.url}/incidents")
            expect(tab.locator(".ri-page", has_text="Incidents")).to_be_visible()
            tab.close()
            page.get_by_role("button", name="Sign out").click()
            expect(page.get_by_text("You signed out.")).to_be_visible()
            _wait_for(lambda: _session_cookie(page) is None)
            page.reload()
            expect(page.get_by_role("button", name="Sign in")).to_be_visible()
            assert page.get_by_text("Signed in as").count() == 0
            shot("09c-signed-out-after-reload")

            page.goto(f"{live_app.url}/users")  # a direct URL to a page an analyst may not use
            _dismiss_dialog(page)
            sign_in("analyst")
            expect(page.locator(".ri-page", has_text="Review queue")).to_be_visible()
            assert page.get_by_role("button", name="Create user").count() == 0
            shot("10-forbidden-users-as-analyst")

            page.goto(f"{live_app.url}/users")  # the resumed analyst session: still forbidden
            _dismiss_dialog(page)
            expect(page.get_by_text("Signed in as analyst")).to_be_visible()
            assert page.get_by_role("button", name="Create user").count() == 0
            page.get_by_role("button", name="Sign out").click()
            sign_in("admin")
            nav("Users")
            expect(page.get_by_role("button", name="Create user")).to_be_visible()
            shot("11-users")
            nav("Sources")
            shot("12-sources")
            nav("Dashboard")
            page.get_by_role("tab", name="Ingestion health").click()
            shot("13-health")
        except Exception:
            page.screenshot(path=str(SHOTS / "failure.png"), full_page=True)
            raise
        browser.close()

    with session_scope(live_app.engine) as session:
        events = session.exec(select(ReviewEvent).where(ReviewEvent.username == "analyst")).all()
        actions = [e.action for e in events if e.entity_type == "finding"]
    assert actions == ["confirm", "correct", "reject", "add"]
    assert os.listdir(SHOTS)
