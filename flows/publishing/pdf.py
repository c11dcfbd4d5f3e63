"""The PDF edition: the HTML page printed by WeasyPrint on A4, the marking banner in the top
and bottom margin of every page.

The page may only load data: URIs (its charts): `DataOnlyFetcher` refuses file:, http: and
every other scheme, so nothing smuggled into a title or a narrative can read a local file or
reach the network. The PDF carries no creation date (WeasyPrint writes one only when the page
declares it), so the same edition gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher

from flows.publishing import html
from flows.publishing.document import Edition

FORMAT = "pdf"
MEDIA_TYPE = "application/pdf"
EXTENSION = ".pdf"

PRINT_CSS = (html.TEMPLATES / "print.css").read_text(encoding="utf-8")


class RefusedURL(ValueError):
    """A PDF tried to load something other than a data: URI."""


class DataOnlyFetcher(URLFetcher):
    """WeasyPrint's fetcher restricted to data: URIs; anything else raises `RefusedURL`
    (WeasyPrint logs it and leaves the resource out)."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=("data",), allow_redirects=False, timeout=1)

    def fetch(self, url: str, headers: Any = None) -> Any:
        if not url.lower().startswith("data:"):
            raise RefusedURL(f"only data: URIs may be loaded, not {url[:80]!r}")
        return super().fetch(url, headers)


def margin_css(edition: Edition) -> str:
    """The marking, in its TLP 2.0 colour on black, at the top and bottom of every page.
    The marking is a vocabulary value, never document text."""
    box = (
        f'content: "{edition.marking.value}"; background: #000; '
        f"color: {html.TLP_COLOURS[edition.marking]}; font-weight: bold; font-size: 9pt; "
        "font-family: 'DejaVu Sans', sans-serif; padding: 1mm 4mm;"
    )
    return f"@page {{ @top-center {{ {box} }} @bottom-center {{ {box} }} }}"


def write_pdf(page: str, *, css: str = "") -> bytes:
    """`page` (HTML) printed to PDF with the print stylesheet and `css`, loading nothing but
    data: URIs."""
    output = BytesIO()
    fetcher = DataOnlyFetcher()
    stylesheets = [CSS(string=PRINT_CSS + css, url_fetcher=fetcher)]
    HTML(string=page, url_fetcher=fetcher, base_url=None).write_pdf(output, stylesheets=stylesheets)
    return output.getvalue()


def render(edition: Edition, images: Mapping[str, bytes]) -> bytes:
    """The edition as a PDF with its charts and map."""
    return write_pdf(html.page(edition, images), css=margin_css(edition))
