"""End to end: the live app (`radintel ui` command line) driven by Debian Chromium.
One app serves the module; each test has its own browser context, user and documents, so
one failure does not hide the others. Screenshots go to the test's tmp_path."""

from __future__ import annotations

import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import update
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from flows.commands.review import streamlit_command, ui_environment
from flows.local_prefect import free_port, wait_healthy
from nlp.vocabulary import IncidentStatus, LinkStatus, ReviewStatus, Tlp
from storage.assessments import snapshot_of
from storage.db import engine_for
from storage.incidents import document_ids_of, incidents_of_document
from storage.linking import index_documents, propose_links
from storage.models import Assessment, Finding, LinkProposal, ReviewEvent
from storage.models.users import UiSession
from storage.schema import create_schema
from storage.seed import seed_synthetic
from storage.ui_sessions import hash_token
from tests.conftest import IN_CI
from tests.factories import (
    HOSTILE_METADATA,
    create_document,
    create_finding,
    create_incident,
    create_link_pair,
    create_user,
    ident,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
PASSWORD = "browser test password"
APP_STATE = '[data-testid="stApp"]'
# After WATCH_RERUN, any change of the script state means the rerun of an action has begun.
WATCH_RERUN = """() => {
    window.__radintelObserver?.disconnect();
    window.__radintelRerun = false;
    window.__radintelObserver = new MutationObserver(() => { window.__radintelRerun = true; });
    window.__radintelObserver.observe(document.querySelector('APP_STATE'),
        {attributes: true, attributeFilter: ['data-test-script-state']});
}""".replace("APP_STATE", APP_STATE)
RERUN_DONE = """() => window.__radintelRerun === true &&
    document.querySelector('APP_STATE').getAttribute('data-test-script-state') === 'notRunning'
""".replace("APP_STATE", APP_STATE)


@dataclass
class LiveApp:
    url: str
    engine: Engine


@dataclass
class Browser:
    """A signed-out browser context on the live app, and the user this test signs in as."""

    app: LiveApp
    page: Any
    shots: Path
    username: str

    def shot(self, name: str) -> None:
        settle(self.page)
        self.page.wait_for_function("() => document.fonts.status === 'loaded'")
        self.page.screenshot(path=str(self.shots / f"{name}.png"), full_page=True)

    def sign_in(self, username: str | None = None, shot: str | None = None) -> None:
        from playwright.sync_api import expect

        self.page.get_by_role("textbox", name="Username").fill(username or self.username)
        self.page.get_by_role("textbox", name="Password").fill(PASSWORD)
        if shot:
            self.shot(shot)
        self.page.get_by_role("textbox", name="Password").press("Enter")
        expect(self.page.get_by_text("Signed in as")).to_be_visible()
        settle(self.page)

    def nav(self, name: str) -> None:
        """Open a page from the sidebar; done when its header is drawn and the run is over."""
        from playwright.sync_api import expect

        self.page.get_by_test_id("stSidebarNav").get_by_text(name, exact=True).click()
        expect(self.page.locator(".ri-page", has_text=name)).to_be_visible()
        settle(self.page)

    def open_document(self, document_id: int) -> None:
        self.nav("Document")
        field = self.page.get_by_role("spinbutton", name="Document id")
        field.fill(str(document_id))
        rerun(self.page, lambda: field.press("Enter"))


def settle(page: Any) -> None:
    """Wait until no script run is drawing the page."""
    page.wait_for_function(
        f"() => document.querySelector('{APP_STATE}')"
        "?.getAttribute('data-test-script-state') === 'notRunning'"
    )


def rerun(page: Any, action: Callable[[], None]) -> None:
    """Do an action that reruns the script, and wait until that rerun has finished.

    It starts once the page is idle: on a busy machine a late rerun (a flash message, a form
    drawn again under a new key) can still be replacing the button, and a click on the old one
    is lost, so no rerun would ever come."""
    settle(page)
    page.evaluate(WATCH_RERUN)
    action()
    page.wait_for_function(RERUN_DONE, timeout=60_000)


@pytest.fixture(scope="module")
def live_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveApp]:
    if not Path(CHROMIUM).exists() or shutil.which("chromium") is None:
        if IN_CI:
            pytest.fail("Debian Chromium is required in CI")
        pytest.skip("Debian Chromium is not installed (apt-get install chromium)")
    data_dir = tmp_path_factory.mktemp("live-app") / "var"
    with pytest.MonkeyPatch.context() as env:  # this process writes the app's objects too
        env.setenv("RADINTEL_DATA_DIR", str(data_dir))
        env.delenv("RADINTEL_DATABASE_URL", raising=False)
        env.delenv("RADINTEL_OBJECT_STORE", raising=False)
        engine = engine_for(f"sqlite:///{(data_dir / 'radintel.db').resolve()}")
        create_schema(engine)
        seed_synthetic(engine=engine, documents=40, findings_per_doc=8)
        port = free_port()
        ui_env = ui_environment() | {"RADINTEL_DATA_DIR": str(data_dir)}
        ui_env.pop("RADINTEL_DATABASE_URL", None)
        quiet = subprocess.DEVNULL
        process = subprocess.Popen(streamlit_command(port), env=ui_env, stdout=quiet, stderr=quiet)
        try:
            url = f"http://127.0.0.1:{port}"
            wait_healthy(process, f"{url}/_stcore")
            yield LiveApp(url, engine)
        finally:
            process.terminate()
            process.wait(timeout=20)


@pytest.fixture(scope="module")
def chromium(live_app: LiveApp) -> Iterator[Any]:
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=30_000)  # as the pages' default: a loaded machine reruns slowly
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser(live_app: LiveApp, chromium: Any, tmp_path: Path) -> Iterator[Browser]:
    """A fresh context and analyst; the last screen is saved whether the test passed or not."""
    username = f"analyst-{uuid.uuid4().hex[:8]}"
    with Session(live_app.engine) as session:
        create_user(session, username, password=PASSWORD)
    context = chromium.new_context(viewport={"width": 1500, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.goto(live_app.url)
    try:
        yield Browser(live_app, page, tmp_path, username)
    finally:
        page.screenshot(path=str(tmp_path / "last.png"), full_page=True)
        context.close()


def hostile_finding(app: LiveApp, **fields: Any) -> tuple[int, int]:
    """A new extracted document with hostile text and one finding on it: their ids."""
    with Session(app.engine) as session:
        document = create_document(session, **HOSTILE_METADATA)
        finding = create_finding(session, document, "Norvik Gauge Services", **fields)
        return document.id or 0, finding.id or 0


def _finding(app: LiveApp, finding_id: int) -> Finding:
    with Session(app.engine) as session:
        finding = session.get(Finding, finding_id)
        assert finding is not None
        return finding


def _finding_actions(app: LiveApp, username: str) -> list[str]:
    with Session(app.engine) as session:
        events = session.exec(select(ReviewEvent).where(ReviewEvent.username == username)).all()
        return [e.action for e in events if e.entity_type == "finding"]


def _dismiss_dialog(page: Any) -> None:
    """Streamlit says "page not found" in a modal for a URL outside the navigation."""
    dialog = page.get_by_role("dialog")
    dialog.wait_for(timeout=10_000)
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden", timeout=10_000)


HAS_SESSION_COOKIE = (
    "() => document.cookie.split('; ').some(c => c.startsWith('radintel_session='))"
)


def _session_cookie(page: Any) -> dict[str, Any] | None:
    cookies = [c for c in page.context.cookies() if c["name"] == "radintel_session"]
    return cookies[0] if cookies else None


def test_sign_in_sets_a_session_cookie_and_opens_the_queue(browser: Browser) -> None:
    from playwright.sync_api import expect

    page = browser.page
    browser.sign_in(shot="01-sign-in")
    expect(page.locator(".ri-page", has_text="Review queue")).to_be_visible()
    browser.shot("02-queue")
    page.wait_for_function(HAS_SESSION_COOKIE)
    cookie = _session_cookie(page)
    assert cookie is not None and cookie["sameSite"] == "Strict" and cookie["path"] == "/"
    assert cookie["expires"] > time.time() + 7 * 3600  # Max-Age: the 8 h session lifetime
    token = str(cookie["value"])  # its hash, not the token, is in the database
    with Session(browser.app.engine) as session:
        query = select(UiSession).where(UiSession.username == browser.username)
        stored = session.exec(query).one()
    assert stored.token_hash == hash_token(token)
    assert token not in page.url and token not in page.locator("body").inner_text()


def test_evidence_view_shows_hostile_text_literally(browser: Browser) -> None:
    from playwright.sync_api import expect

    document_id, _ = hostile_finding(browser.app)
    browser.sign_in()
    browser.open_document(document_id)
    doc = browser.page.locator(".ri-doc")
    expect(doc).to_contain_text("<script>alert(1)</script>")
    expect(doc).to_contain_text("[link](javascript:alert(3)) **bold** :red[red] $x^2$")
    assert doc.locator("script, img, a, strong").count() == 0
    browser.shot("03-document")


def test_confirm_correct_and_reject_a_finding(browser: Browser) -> None:
    from playwright.sync_api import expect

    page, app = browser.page, browser.app
    document_id, finding_id = hostile_finding(app)
    browser.sign_in()
    browser.open_document(document_id)

    rerun(page, page.get_by_role("button", name="Confirm").click)
    expect(page.get_by_text(f"Finding #{finding_id} confirmed.")).to_be_visible()
    assert _finding(app, finding_id).status == ReviewStatus.CONFIRMED

    settle(page)  # the confirmed finding's forms are drawn again under its new version
    page.get_by_text("Correct", exact=True).click()
    field = page.locator(f".st-key-corr_{finding_id}_2_normalized input:visible")
    field.fill("Norvik Gauge Services AS")
    rerun(page, page.get_by_role("button", name="Save correction").click)
    expect(page.get_by_text("corrected.")).to_be_visible()
    assert _finding(app, finding_id).normalized == "Norvik Gauge Services AS"

    page.get_by_text("Reject", exact=True).first.click()
    reason = page.locator(f".st-key-rej_{finding_id}_3_reason input:visible")
    reason.fill("supplier, not the suspect")
    rerun(page, page.get_by_role("button", name="Reject", exact=True).click)
    expect(page.get_by_text("rejected.")).to_be_visible()
    assert _finding(app, finding_id).status == ReviewStatus.REJECTED
    browser.shot("04-document-history")
    assert _finding_actions(app, browser.username) == ["confirm", "correct", "reject"]


def test_add_a_missed_finding(browser: Browser) -> None:
    from playwright.sync_api import expect

    page = browser.page
    document_id, _ = hostile_finding(browser.app)
    browser.sign_in()
    browser.open_document(document_id)
    page.get_by_role("tab", name="Add a finding").click()
    search = page.get_by_role("textbox", name="Find text in the document")
    search.fill("Rotterdam")
    rerun(page, lambda: search.press("Enter"))  # selects the first occurrence
    page.get_by_role("tab", name="Add a finding").click()
    expect(page.locator(".ri-quote", has_text="Rotterdam")).to_be_visible()
    expect(page.locator(".st-key-add_end input:visible")).to_have_value(str(20))
    browser.shot("05-add-finding")
    rerun(page, page.get_by_role("button", name="Add finding").click)
    expect(page.get_by_text("Finding added.")).to_be_visible()
    assert _finding_actions(browser.app, browser.username) == ["add"]


def test_a_concurrent_change_is_a_conflict_and_nothing_is_overwritten(browser: Browser) -> None:
    from playwright.sync_api import expect

    page, app = browser.page, browser.app
    document_id, finding_id = hostile_finding(app, status=ReviewStatus.REJECTED)
    browser.sign_in()
    browser.open_document(document_id)
    with Session(app.engine) as session:  # someone else changes it behind the page
        session.execute(
            update(Finding)
            .where(col(Finding.id) == finding_id)
            .values(version=99, reviewed_by="bob")
        )
        session.commit()
    rerun(page, page.get_by_role("button", name="Confirm").click)
    expect(page.get_by_text("bob changed this finding")).to_be_visible()
    browser.shot("06-conflict")
    stale = _finding(app, finding_id)
    assert (stale.version, stale.status) == (99, ReviewStatus.REJECTED)


def test_incidents_dashboard_and_audit_pages(browser: Browser) -> None:
    from playwright.sync_api import expect

    browser.sign_in()
    for name, file in [("Incidents", "07-incidents"), ("Dashboard", "08-dashboard"),
                       ("Audit trail", "09-audit")]:  # fmt: skip
        browser.nav(name)
        browser.shot(file)
    expect(browser.page.locator(".ri-page", has_text="Audit trail")).to_be_visible()


def test_a_reload_or_a_new_tab_resumes_the_session(browser: Browser) -> None:
    from playwright.sync_api import expect

    page = browser.page
    browser.sign_in()
    browser.nav("Audit trail")
    page.wait_for_function(HAS_SESSION_COOKIE)
    page.reload()  # a reload resumes the session, on the same page
    expect(page.get_by_text(f"Signed in as {browser.username}")).to_be_visible()
    expect(page.locator(".ri-page", has_text="Audit trail")).to_be_visible()
    assert page.url.endswith("/audit")
    browser.shot("09b-audit-after-reload")
    tab = page.context.new_page()  # so does a URL opened in a new tab
    tab.goto(f"{browser.app.url}/incidents")
    expect(tab.locator(".ri-page", has_text="Incidents")).to_be_visible()
    tab.close()


def test_sign_out_ends_the_session(browser: Browser) -> None:
    from playwright.sync_api import expect

    page = browser.page
    browser.sign_in()
    page.wait_for_function(HAS_SESSION_COOKIE)
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You signed out.")).to_be_visible()
    page.wait_for_function(f"() => !({HAS_SESSION_COOKIE})()")
    assert _session_cookie(page) is None
    page.reload()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    assert page.get_by_text("Signed in as").count() == 0
    browser.shot("09c-signed-out-after-reload")


def test_an_analyst_cannot_open_the_users_page(browser: Browser) -> None:
    from playwright.sync_api import expect

    page = browser.page
    page.goto(f"{browser.app.url}/users")  # a direct URL to a page an analyst may not use
    _dismiss_dialog(page)
    browser.sign_in()
    expect(page.locator(".ri-page", has_text="Review queue")).to_be_visible()
    assert page.get_by_role("button", name="Create user").count() == 0
    browser.shot("10-forbidden-users-as-analyst")
    page.wait_for_function(HAS_SESSION_COOKIE)
    page.goto(f"{browser.app.url}/users")  # the resumed analyst session: still forbidden
    _dismiss_dialog(page)
    expect(page.get_by_text(f"Signed in as {browser.username}")).to_be_visible()
    settle(page)
    assert page.get_by_role("button", name="Create user").count() == 0


def test_admin_pages(browser: Browser) -> None:
    from playwright.sync_api import expect

    admin = f"admin-{uuid.uuid4().hex[:8]}"
    with Session(browser.app.engine) as session:
        create_user(session, admin, role="admin", password=PASSWORD)
    page = browser.page
    browser.sign_in(admin)
    browser.nav("Users")
    expect(page.get_by_role("button", name="Create user")).to_be_visible()
    browser.shot("11-users")
    browser.nav("Sources")
    browser.shot("12-sources")
    browser.nav("Dashboard")
    page.get_by_role("tab", name="Ingestion health").click()
    browser.shot("13-health")


def _incident_actions(app: LiveApp, incident_id: int) -> list[str]:
    with Session(app.engine) as session:
        query = select(ReviewEvent).where(
            ReviewEvent.entity_type == "incident", ReviewEvent.entity_id == incident_id
        )
        return [e.action for e in session.exec(query.order_by(col(ReviewEvent.id))).all()]


def test_edit_and_confirm_an_incident_record(browser: Browser) -> None:
    from playwright.sync_api import expect

    page, app = browser.page, browser.app
    with Session(app.engine) as session:
        document = create_document(
            session, countries=["NL"], incident_date=date(2025, 3, 1), **HOSTILE_METADATA
        )
        create_finding(
            session,
            document,
            "Cs-137",
            "MATERIAL",
            normalized="Cs-137",
            status=ReviewStatus.CONFIRMED,
            attributes={"material_group": "radioactive_source", "iaea_category": 4},
        )
        incident_id = ident(create_incident(session, [document], username=browser.username))
    browser.sign_in()
    page.goto(f"{app.url}/incidents?incident={incident_id}")
    settle(page)
    record = page.locator(".ri-block", has_text="Reporting delay")
    expect(record).to_contain_text("Seizure of Cs-137 in Rotterdam")
    page.get_by_role("textbox", name="Place").fill("Port of Rotterdam")
    status = page.get_by_role("combobox", name="Material status")
    status.focus()  # typing opens the list, filtered; Enter takes the first match
    status.press_sequentially("seized")
    status.press("Enter")
    page.get_by_role("button", name="Save record").scroll_into_view_if_needed()
    browser.shot("14a-incident-record-form")
    rerun(page, page.get_by_role("button", name="Save record").click)
    expect(page.get_by_text("Record saved.")).to_be_visible()
    expect(record).to_contain_text("material seized")
    rerun(page, page.get_by_role("button", name="Confirm incident").click)
    expect(page.get_by_text("Incident confirmed")).to_be_visible()
    expect(record).to_contain_text(f"by {browser.username}")
    browser.shot("14-incident-record")
    page.get_by_role("tab", name="Sources and grading").click()
    expect(page.get_by_text("Proposed grading F6: one source only")).to_be_visible()
    browser.shot("14b-incident-sources")
    assert _incident_actions(app, incident_id) == ["open", "edit", "confirm"]
    browser.nav("Audit trail")
    page.get_by_role("textbox", name="User").fill(browser.username)
    page.get_by_role("textbox", name="Entity id").fill(str(incident_id))
    rerun(page, page.get_by_role("button", name="Search").first.click)
    expect(page.get_by_text("rows 1-3 of 3")).to_be_visible()  # open, edit, confirm
    browser.shot("15-incident-audit")


HOSTILE_INCIDENT = "<img src=x onerror=alert(5)> **Cs-137** [gauge](javascript:alert(6))"


def _told(page: Any, message: str) -> None:
    """The outcome of an action, as the toast shown wherever the editor has scrolled to;
    the toast is drawn by the action's rerun, so once it shows the rerun has begun."""
    from playwright.sync_api import expect

    expect(page.get_by_test_id("stToast").filter(has_text=message)).to_be_visible()
    settle(page)


def _choose(page: Any, label: str, option: str) -> None:
    """Pick an option of a Streamlit selectbox."""
    page.get_by_role("combobox", name=label).click()
    page.get_by_role("option", name=option).first.click()


def test_editor_workspace_draft_review_and_four_eyes_publish(browser: Browser) -> None:
    from playwright.sync_api import expect

    suffix = uuid.uuid4().hex[:8]
    author, second = f"editor-a-{suffix}", f"editor-b-{suffix}"
    with Session(browser.app.engine) as session:
        for name in (author, second):
            create_user(session, name, role="editor", password=PASSWORD)
        document = create_document(session, **HOSTILE_METADATA, marking=Tlp.GREEN)
        create_incident(session, [document], author, IncidentStatus.CONFIRMED,
                        title=HOSTILE_INCIDENT, occurred_on=date(2026, 5, 3), country="NL",
                        latitude=51.92, longitude=4.48, place="Rotterdam")  # fmt: skip
    page = browser.page
    browser.sign_in(author)
    browser.nav("Assessments")
    page.get_by_text("New draft", exact=True).click()
    page.get_by_role("textbox", name="Period").fill("2026-Q2")
    page.get_by_role("textbox", name="Title (optional)").fill("<b>Q2</b> [x](javascript:1)")
    page.get_by_role("button", name="Create draft").click()
    _told(page, "Draft for 2026-Q2 created.")
    expect(page.locator(".ri-block", has_text="<b>Q2</b> [x](javascript:1)")).to_be_visible()
    browser.shot("20-assessments-new-draft")
    summary = page.get_by_role("textbox", name="Summary (Markdown)")
    summary.fill("Seizures **rose** in the quarter.\n\n- Cs-137 gauges\n- scams")
    summary.press("Control+Enter")
    expect(page.locator("strong", has_text="rose")).to_be_visible()  # the live preview
    settle(page)
    browser.shot("21-assessment-editor-preview")
    page.get_by_role("button", name="Save").click()
    _told(page, "Sections saved.")
    page.get_by_role("button", name="Submit for review").click()
    _told(page, "Submitted for review.")
    page.get_by_role("button", name="Publish").click()
    _told(page, "another editor must publish it")
    browser.shot("22-assessment-four-eyes-refused")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()
    browser.sign_in(second)
    expect(page.get_by_text("Waiting for editors: 0 draft(s), 1 in review.")).to_be_visible()
    browser.nav("Assessments")
    page.get_by_role("radio", name="In review").click()
    expect(page.get_by_role("combobox", name="Open edition")).to_be_visible()  # none in draft
    settle(page)
    _choose(page, "Open edition", "2026-Q2")
    expect(page.get_by_role("button", name="Publish")).to_be_visible()
    settle(page)
    page.get_by_role("button", name="Publish").click()
    _told(page, "Published.")
    download = page.get_by_role("button", name="Download PDF")
    expect(download).to_be_visible()
    browser.shot("23-assessment-published")
    with page.expect_download() as pdf:
        download.click()
    assert pdf.value.suggested_filename == "assessment-2026-Q2-ed1.pdf"
    page.get_by_role("tab", name="History").click()
    history = page.get_by_role("tabpanel", name="History").get_by_test_id("stDataFrame")
    expect(history).to_be_visible()
    browser.shot("24-assessment-history")
    page.get_by_role("tab", name="Data").click()
    expect(
        page.get_by_role("tabpanel", name="Data").get_by_test_id("stMetric").first
    ).to_be_visible()
    browser.shot("25-assessment-data")
    incidents = page.get_by_role("tabpanel", name="Data").get_by_test_id("stDataFrame")
    incidents.scroll_into_view_if_needed()
    browser.shot("26-assessment-data-charts")
    with Session(browser.app.engine) as session:
        published = session.exec(select(Assessment).where(Assessment.author == author)).one()
    assert [i.title for i in snapshot_of(published).incidents] == [HOSTILE_INCIDENT]


def test_accept_a_link_proposal(browser: Browser) -> None:
    from playwright.sync_api import expect

    page, app = browser.page, browser.app
    with Session(app.engine) as session:
        english, spanish = create_link_pair(session, title=HOSTILE_INCIDENT)
        ids = [ident(english), ident(spanish)]
        index_documents(session=session, document_ids=ids)
        [proposal] = propose_links(session=session, document_ids=ids)
        session.commit()
        proposal_id = ident(proposal)
    browser.sign_in()
    browser.open_document(ids[0])
    page.get_by_role("tab", name="Proposed links").click()
    expect(page.get_by_text("1 pending link proposal(s)")).to_be_visible()
    browser.shot("16a-document-proposed-links")
    browser.nav("Link proposals")
    card = page.locator(".ri-block", has_text="Same incident?")
    expect(card).to_be_visible()
    expect(page.locator(".ri-block", has_text="<img src=x onerror=alert(5)>").first).to_be_visible()
    browser.shot("16-link-proposals")
    page.get_by_role("textbox", name="Reason (optional)").fill("same gauge, same site")
    rerun(page, page.get_by_role("button", name="Accept").click)
    expect(page.get_by_text(f"Link proposal #{proposal_id} accepted.")).to_be_visible()
    expect(page.get_by_text("No pending link proposal.")).to_be_visible()
    with Session(app.engine) as session:
        accepted = session.get(LinkProposal, proposal_id)
        assert accepted is not None and accepted.status == LinkStatus.ACCEPTED
        [incident] = incidents_of_document(session=session, document_id=ids[0], clearance=Tlp.RED)
        assert document_ids_of(session=session, incident_id=ident(incident)) == ids
    browser.shot("16b-link-accepted")
