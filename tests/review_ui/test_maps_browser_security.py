"""Nothing leaves the network: the review UI, maps included, asks only its own host for anything.

Security review item 8. The live app (`radintel ui` command line) is driven by Debian Chromium;
every request and WebSocket of the browser context is recorded while an analyst opens the
dashboard map and an incident's map, and each must go to the app's own host:port.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from sqlalchemy import update
from sqlmodel import Session, col, select

from storage.models import Incident
from tests.review_ui.test_browser import Browser, LiveApp, browser, chromium, live_app, settle

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.security]
__all__ = ["browser", "chromium", "live_app"]  # the fixtures, imported for pytest to find
# Ours, and the tile map (`st.map`) it replaced: the test must see a tile map's requests to fail.
MAP_ELEMENTS = ["stVegaLiteChart", "stDeckGlJsonChart"]
HOSTILE_TITLE = '<img src="https://tiles.example.net/x.png"> theft near Lyon'


def _foreign(urls: list[str], app_url: str) -> list[str]:
    """The URLs that go anywhere but the app: data: and blob: URLs stay in the browser."""
    own = urlsplit(app_url).netloc
    return [u for u in urls if urlsplit(u).scheme not in {"data", "blob"} and
            urlsplit(u).netloc != own]  # fmt: skip


def _make_title_hostile(app: LiveApp) -> None:
    """The seeded incident gets a title that is markup: text from documents reaches maps."""
    with Session(app.engine) as session:
        incident = session.exec(select(Incident).where(col(Incident.latitude).is_not(None))).first()
        assert incident is not None and incident.id is not None
        session.execute(
            update(Incident).where(col(Incident.id) == incident.id).values(title=HOSTILE_TITLE)
        )
        session.commit()


def _map(page: Any, shots: Path, name: str) -> Any:
    """The map once Vega has drawn it, saved as a picture to look at."""
    maps = page.locator(", ".join(f'[data-testid="{kind}"]' for kind in MAP_ELEMENTS))
    chart = maps.filter(has=page.locator("canvas, svg")).last
    chart.scroll_into_view_if_needed()
    chart.locator("canvas, svg").first.wait_for()
    page.wait_for_timeout(1000)
    chart.screenshot(path=str(shots / f"{name}.png"))
    return chart


def _is_blue(red: int, green: int, blue: int) -> bool:
    """The colour of the points; countries, borders and the sea are grey or white."""
    return blue > 150 and blue - red > 90


def _hover_the_point(page: Any, chart: Any) -> None:
    """Vega draws on a canvas: find the one incident point by its colour, above the legend."""
    from PIL import Image

    picture = Image.open(io.BytesIO(chart.screenshot())).convert("RGB")
    width, height = picture.size
    pixels = picture.load()
    spots = [(x, y) for x in range(width) for y in range(int(height * 0.8))
             if _is_blue(*pixels[x, y])]  # fmt: skip
    assert spots, "no point drawn on the map"
    box = chart.bounding_box()
    page.mouse.move(box["x"] + sum(x for x, _ in spots) / len(spots),
                    box["y"] + sum(y for _, y in spots) / len(spots))  # fmt: skip


def test_the_ui_and_its_maps_ask_no_host_but_their_own(browser: Browser) -> None:
    from playwright.sync_api import expect

    page, app = browser.page, browser.app
    _make_title_hostile(app)
    urls: list[str] = []
    page.context.on("request", lambda request: urls.append(request.url))
    page.on("websocket", lambda socket: urls.append(socket.url))
    page.reload()  # the first load happened before the recorders: record it again
    browser.sign_in()

    browser.nav("Dashboard")
    chart = _map(page, browser.shots, "maps-01-dashboard")
    page.wait_for_timeout(1500)  # late requests (fonts, tiles, beacons) have time to go
    assert _foreign(urls, app.url) == [], "the dashboard map asked another host"
    _hover_the_point(page, chart)
    tooltip = page.locator("#vg-tooltip-element")
    expect(tooltip).to_contain_text(HOSTILE_TITLE)  # the title as text, not markup
    assert tooltip.locator("img").count() == 0
    page.screenshot(path=str(browser.shots / "maps-01b-dashboard-tooltip.png"))

    browser.nav("Incidents")
    table = page.get_by_test_id("stDataFrame").first
    box = table.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 17)  # the first row's selector
    settle(page)
    expect(page.locator(".ri-block", has_text=HOSTILE_TITLE)).to_be_visible()  # as text
    page.get_by_role("tab", name="Places").click()
    expect(_map(page, browser.shots, "maps-02-incident")).to_be_visible()
    page.wait_for_timeout(1500)

    assert urls, "the recorder saw the page load"
    assert _foreign(urls, app.url) == []
