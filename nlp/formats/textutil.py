"""Helpers shared by the format parsers: byte decoding, HTML reduction, clean text, dates."""

from __future__ import annotations

import codecs
import re
from datetime import UTC, date, datetime

import lxml.html
from charset_normalizer import from_bytes
from lxml import etree

# Encodings of the working languages, tried before charset-normalizer's open guess: a short
# latin-1 French text is otherwise often read as cp1250, and Arabic mail is cp1256 or ISO-8859-6.
PREFERRED_ENCODINGS = ["utf_8", "cp1252", "cp1256", "iso8859_6", "latin_1", "utf_16"]
# Declared charsets that decode almost any byte string, so success proves nothing.
WEAK_CHARSETS = {"ascii", "iso8859-1", "cp1252", "iso8859-15"}
BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
DROPPED_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe", "object")
BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "section",
    "article",
    "blockquote",
    "pre",
    "ul",
    "ol",
    "dd",
    "dt",
    "header",
    "footer",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLANK_LINES = re.compile(r"\n{3,}")
TITLE_MAX_CHARS = 200


def clean_text(text: str) -> str:
    """Valid Unicode without NUL/control characters or lone surrogates (PostgreSQL-safe)."""
    text = text.encode("utf-8", "replace").decode("utf-8")
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _BLANK_LINES.sub("\n\n", text).strip()


def _codec_name(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return codecs.lookup(charset.strip().strip('"')).name
    except (LookupError, ValueError):
        return None


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type or "charset=" not in content_type.lower():
        return None
    return content_type.lower().split("charset=", 1)[1].split(";")[0].strip() or None


def guess_decode(data: bytes) -> str | None:
    """Decode bytes of unknown encoding, or None when they do not look like text."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return data.decode(encoding, "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = from_bytes(data, cp_isolation=PREFERRED_ENCODINGS).best() or from_bytes(data).best()
    return None if match is None else str(match)


def _declared_is_plausible(data: bytes, codec: str) -> bool:
    if codec not in WEAK_CHARSETS or data.isascii():
        return True
    return from_bytes(data, cp_isolation=[codec]).best() is not None


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode with the declared charset when it fits, else guess; never raises."""
    codec = _codec_name(declared)
    if codec is not None:
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            text = None
        if text is not None and _declared_is_plausible(data, codec):
            return text
    guessed = guess_decode(data)
    return guessed if guessed is not None else data.decode("utf-8", "replace")


def html_to_text(markup: str | bytes) -> str:
    """Visible text of an HTML document or fragment, scripts and styles removed."""
    if isinstance(markup, str):
        markup = markup.encode("utf-8", "replace")
    if not markup.strip():
        return ""
    try:
        root = lxml.html.fromstring(markup, parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError):
        return ""
    return element_text(root)


def element_text(root: lxml.html.HtmlElement) -> str:
    for element in list(root.iter(*DROPPED_TAGS)):
        if element is not root and element.getparent() is not None:
            element.drop_tree()
    etree.strip_tags(root, etree.Comment, etree.ProcessingInstruction)
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        is_tag = isinstance(element.tag, str)
        if event == "start":
            if is_tag and element.tag in BLOCK_TAGS:
                parts.append("\n")
            if is_tag and element.text:
                parts.append(element.text)
            continue
        if is_tag and element.tag in BLOCK_TAGS:
            parts.append("\n")
        if element.tail and element is not root:
            parts.append(element.tail)
    lines = (" ".join(line.split()) for line in "".join(parts).splitlines())
    return clean_text("\n".join(lines))


def first_line_title(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:TITLE_MAX_CHARS]
    return None


def parse_iso_date(value: object) -> datetime | None:
    """Datetime (UTC when naive) from an ISO 8601 date or datetime string, else None."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(value.strip()[:10]), datetime.min.time())
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
