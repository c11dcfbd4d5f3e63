"""HTML pages: main text with trafilatura (comments excluded), lxml visible text as fallback."""

from __future__ import annotations

import logging
import re
from typing import Any

import lxml.html
import trafilatura
from lxml import etree

from nlp.formats.textutil import (
    charset_from_content_type,
    clean_text,
    decode_text,
    element_text,
    first_line_title,
    parse_iso_date,
)
from nlp.types import ParsedDocument, ParseError

FORMAT = "html"
MIME_TYPES = ("text/html", "application/xhtml+xml")
EXTENSIONS = (".html", ".htm", ".xhtml")
# Dates from metadata only: the extensive text search (dateparser) costs seconds and guesses.
DATE_PARAMS = {"extensive_search": False, "original_date": True}
META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset=["']?([A-Za-z0-9_.:-]{1,40})""", re.I)
logger = logging.getLogger(__name__)


def _trafilatura(markup: str) -> Any | None:
    try:
        return trafilatura.bare_extraction(
            markup,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            prune_xpath=["//noscript", "//template"],
            date_extraction_params=DATE_PARAMS,
        )
    except Exception as error:  # trafilatura is best effort; the lxml fallback follows
        logger.warning("trafilatura failed, lxml fallback: %s: %s", type(error).__name__, error)
        return None


def _fallback(markup: str) -> tuple[str, str | None]:
    """Visible text without scripts/styles, and the <title>."""
    if not markup.strip():
        return "", None
    try:
        root = lxml.html.fromstring(markup.encode("utf-8", "replace"))
    except (etree.ParserError, ValueError) as error:
        raise ParseError(f"unreadable HTML: {error}") from error
    title_element = root.find(".//title")
    title = title_element.text_content() if title_element is not None else None
    return element_text(root), clean_text(title or "") or None


def parse(data: bytes, *, filename: str | None, content_type: str | None) -> list[ParsedDocument]:
    markup = decode_text(data, _charset(data, content_type))
    extracted = _trafilatura(markup)
    fallback_text, fallback_title = _fallback(markup)
    text = clean_text(str(getattr(extracted, "text", None) or "")) if extracted else ""
    flags: list[str] = []
    if not text:
        text = fallback_text
        flags.append("main_text_fallback")
    title = clean_text(str(getattr(extracted, "title", None) or "")) or fallback_title
    published = parse_iso_date(getattr(extracted, "date", None)) if extracted else None
    metadata: dict[str, Any] = {}
    for key in ("author", "sitename", "description"):
        value = getattr(extracted, key, None) if extracted else None
        if value:
            metadata[key] = clean_text(str(value))
    return [
        ParsedDocument(
            text=text,
            format=FORMAT,
            title=title or first_line_title(text),
            published_at=published,
            metadata=metadata,
            flags=flags,
        )
    ]


def _charset(data: bytes, content_type: str | None) -> str | None:
    """The charset the page declares in a <meta> tag, else the one in the content type."""
    match = META_CHARSET.search(data[:4096])
    if match:
        return match.group(1).decode("ascii")
    return charset_from_content_type(content_type)
