"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one ParsedDocument per entry (feedparser)."""

from __future__ import annotations

import calendar
import io
import time
from datetime import UTC, datetime
from typing import Any

import feedparser

from nlp.formats.textutil import clean_text, html_to_text
from nlp.types import ParsedDocument, ParseError

FORMAT = "rss"
MIME_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
EXTENSIONS = (".rss", ".atom", ".xml")
MAX_ENTRIES = 1000
ENTRY_KEYS = ("title", "link", "id", "summary", "content")
HTML_TYPES = ("text/html", "application/xhtml+xml")


def _entry_datetime(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            try:
                return datetime.fromtimestamp(calendar.timegm(value), tz=UTC)
            except (OverflowError, OSError, ValueError):
                continue
    return None


def _as_text(detail: Any) -> str:
    value = str(detail.get("value") or "")
    if str(detail.get("type") or "text/html") in HTML_TYPES or "<" in value:
        return html_to_text(value)
    return clean_text(value)


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content blocks and its summary, reduced to text."""
    candidates = [_as_text(block) for block in entry.get("content") or []]
    if entry.get("summary_detail"):
        candidates.append(_as_text(entry["summary_detail"]))
    elif entry.get("summary"):
        candidates.append(html_to_text(str(entry["summary"])))
    return max(candidates, key=len, default="")


def _entry_document(entry: Any, feed_title: str | None) -> ParsedDocument:
    title = clean_text(html_to_text(str(entry.get("title") or ""))) or None
    return ParsedDocument(
        text=_entry_text(entry),
        format=FORMAT,
        title=title,
        published_at=_entry_datetime(entry),
        url=str(entry.get("link") or "") or None,
        external_id=str(entry.get("id") or entry.get("link") or "") or None,
        metadata={"feed_title": feed_title} if feed_title else {},
    )


def _has_content(entry: Any) -> bool:
    """The loose parser turns a broken <item> into an empty entry; that is not an entry."""
    return any(entry.get(key) for key in ENTRY_KEYS)


def parse(data: bytes, *, filename: str | None, content_type: str | None) -> list[ParsedDocument]:
    try:
        # A stream, never the bytes: feedparser opens bytes that name a file or fetches a URL.
        stream = io.BytesIO(data)
        parsed = feedparser.parse(stream, resolve_relative_uris=False, sanitize_html=True)
    except Exception as error:  # feedparser falls back to a loose parser; anything may surface
        raise ParseError(f"malformed feed: {error}") from error
    entries = [entry for entry in parsed.get("entries") or [] if _has_content(entry)]
    if parsed.get("bozo") and not entries:
        reason = parsed.get("bozo_exception") or "not a feed"
        raise ParseError(f"malformed feed: {reason}")
    if not entries and not parsed.get("version"):
        raise ParseError("malformed feed: no RSS or Atom root element")
    feed_title = clean_text(str(parsed.get("feed", {}).get("title") or "")) or None
    documents = [_entry_document(entry, feed_title) for entry in entries[:MAX_ENTRIES]]
    if parsed.get("bozo"):
        for document in documents:
            document.flags.append("malformed_feed")
    return documents
