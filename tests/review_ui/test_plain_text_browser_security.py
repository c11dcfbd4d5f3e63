"""No Markdown from documents, in Chromium: a document titled with a Markdown image, and the
incident made from it, show the title as text, and the page never calls the image's host."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from tests.factories import HOSTILE_METADATA, create_document, create_finding, create_incident
from tests.review_ui.test_browser import Browser, browser, chromium, live_app, settle

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.security]
__all__ = ["browser", "chromium", "live_app"]  # the fixtures, imported for pytest to find
HOSTILE_TITLE = "![x](http://127.0.0.1:1/p.gif) **bold** <img src=x>"
TRAP = "127.0.0.1:1/"


def test_a_markdown_title_is_text_and_calls_no_host(browser: Browser) -> None:
    from playwright.sync_api import expect

    page = browser.page
    with Session(browser.app.engine) as session:
        fields = {**HOSTILE_METADATA, "title": HOSTILE_TITLE}
        document = create_document(session, **fields)
        create_finding(session, document, "Norvik Gauge Services")
        create_incident(session, [document], username=browser.username)
        document_id = document.id or 0
    urls: list[str] = []
    page.context.on("request", lambda request: urls.append(request.url))
    browser.sign_in()
    browser.open_document(document_id)
    page.get_by_role("tab", name="Incidents").click()
    settle(page)
    shown = page.get_by_text(HOSTILE_TITLE, exact=True)
    expect(shown.first).to_be_visible()
    assert shown.count() >= 2  # the document's title and the incident's caption
    page.wait_for_timeout(1000)  # a late image request has time to go
    browser.shot("plain-text-01-document")
    found = page.locator("img[src*='127.0.0.1:1/'], a[href*='127.0.0.1:1/']")
    assert found.count() == 0, found.evaluate_all(
        "els => els.map(e => e.closest('[data-testid^=st]').outerHTML)"
    )
    assert [url for url in urls if TRAP in url] == []
