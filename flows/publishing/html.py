"""The HTML edition: one self-contained page (styles inline, charts as data: URIs) from a
Jinja2 template with autoescape on. The PDF is printed from the same page.

The editor's narrative is Markdown rendered with raw HTML disabled, no images, and links only
to http(s) and mailto; every other value is text escaped by the template.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markdown_it import MarkdownIt
from markupsafe import Markup

from flows.publishing.charts import SCALE
from flows.publishing.document import COUNT_COLUMNS, INCIDENT_COLUMNS, Edition
from nlp.vocabulary import Tlp

FORMAT = "html"
MEDIA_TYPE = "text/html; charset=utf-8"
EXTENSION = ".html"

TEMPLATES = Path(__file__).resolve().parent / "templates"
LINK_SCHEMES = ("http://", "https://", "mailto:")
# TLP 2.0 (FIRST): the label in its colour on a black background.
TLP_COLOURS = {
    Tlp.CLEAR: "#FFFFFF",
    Tlp.GREEN: "#33FF00",
    Tlp.AMBER: "#FFC000",
    Tlp.AMBER_STRICT: "#FFC000",
    Tlp.RED: "#FF2B2B",
}


def _safe_link(url: str) -> bool:
    return url.strip().lower().startswith(LINK_SCHEMES)


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False}).disable("image")
    parser.validateLink = _safe_link  # type: ignore[method-assign]
    return parser


def narrative_html(text: str) -> Markup:
    """An editor's Markdown as HTML: any HTML in it comes out as text, images as their alt
    text and links to anything but http(s) or mailto as plain text."""
    return Markup(_markdown().render(text))


@dataclass(frozen=True)
class Image:
    uri: str  # data: URI
    width: int  # CSS pixels: the chart's own size, so every chart's text prints at one size


def inline_image(png: bytes) -> Image:
    pixels = int.from_bytes(png[16:20], "big")  # the PNG header's width (IHDR)
    uri = "data:image/png;base64," + base64.b64encode(png).decode("ascii")
    return Image(uri, pixels // SCALE)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def page(edition: Edition, images: Mapping[str, bytes]) -> str:
    """The edition as an HTML page, its images as data: URIs."""
    return (
        _environment()
        .get_template("edition.html.j2")
        .render(
            edition=edition,
            images={name: inline_image(png) for name, png in images.items()},
            sections=[(title, narrative_html(text)) for title, text in edition.sections],
            count_columns=COUNT_COLUMNS,
            incident_columns=INCIDENT_COLUMNS,
            tlp_colour=TLP_COLOURS[edition.marking],
        )
    )


def render(edition: Edition, images: Mapping[str, bytes]) -> bytes:
    """The edition as a UTF-8 HTML page with its charts and map inline."""
    return page(edition, images).encode("utf-8")
