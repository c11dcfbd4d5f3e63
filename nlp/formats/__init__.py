"""Format registry: sniff what raw bytes are, parse them, detect each result's language.

Each format is one module declaring FORMAT, MIME_TYPES, EXTENSIONS and parse(); adding a
format is adding a module to FORMAT_MODULES (modelled on OCCRP ingest-file's ingestors).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from types import ModuleType

from nlp.formats import (
    docx,
    email_message,
    feed,
    html,
    pdf,
    submission_csv,
    submission_json,
    text,
)
from nlp.formats.textutil import clean_text
from nlp.language import detect_language
from nlp.types import ParsedDocument, ParseError

Parser = Callable[..., list[ParsedDocument]]
FORMAT_MODULES: tuple[ModuleType, ...] = (
    pdf,
    docx,
    email_message,
    feed,
    html,
    submission_json,
    submission_csv,
    text,
)
MAX_INPUT_BYTES = 64 * 1024 * 1024
SNIFF_BYTES = 4096
UNKNOWN = "unknown"

_MAIL_HEADER = re.compile(rb"^([A-Za-z][A-Za-z0-9-]{0,60}):[ \t]*\S", re.M)
_MAIL_NAMES = {
    b"from",
    b"to",
    b"subject",
    b"date",
    b"message-id",
    b"received",
    b"mime-version",
    b"return-path",
    b"reply-to",
    b"cc",
    b"delivered-to",
}
_XML_PROLOGUE = re.compile(
    rb"^(\s|<\?.*?\?>|<!--.*?-->|<!doctype[^>\[]*(\[.*?\])?\s*>)*", re.S | re.I
)
_ROOT_TAG = re.compile(rb"<([a-z][a-z0-9:_-]*)", re.I)
_CSV_HEADER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*([,;\t][A-Za-z_][A-Za-z0-9_]*){2,}$")


@dataclass(frozen=True)
class FormatSpec:
    format: str
    mime_types: tuple[str, ...]
    extensions: tuple[str, ...]
    parse: Parser


def _spec(module: ModuleType) -> FormatSpec:
    return FormatSpec(module.FORMAT, module.MIME_TYPES, module.EXTENSIONS, module.parse)


FORMATS: dict[str, FormatSpec] = {module.FORMAT: _spec(module) for module in FORMAT_MODULES}


def _zip_format(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except Exception:  # zipfile raises BadZipFile, EOFError, zlib.error... on damaged archives
        # whose local headers may still name the part: sniffing guesses, the parser decides
        names = {"word/document.xml"} if b"word/document.xml" in data[:65536] else set()
    return "docx" if "word/document.xml" in names else "zip"


def _looks_like_mail(head: bytes) -> bool:
    header_block = re.split(rb"\r?\n\r?\n", head, maxsplit=1)[0]
    lines = [line for line in header_block.splitlines() if line and line[:1] not in b" \t"]
    if not lines or not _MAIL_HEADER.match(lines[0]):
        return False
    names = [m.group(1).lower() for line in lines if (m := _MAIL_HEADER.match(line))]
    return len(names) == len(lines) and len(_MAIL_NAMES.intersection(names)) >= 2


def _markup_format(head: bytes) -> str | None:
    prologue = _XML_PROLOGUE.match(head)
    rest = head[prologue.end() :] if prologue else head
    root = _ROOT_TAG.match(rest)
    name = root.group(1).lower() if root else b""
    if name in (b"rss", b"feed", b"rdf:rdf"):
        return "rss"
    if name == b"html" or re.search(rb"<!doctype\s+html|<html[\s>]|<body[\s>]", head, re.I):
        return "html"
    return None


def _looks_like_json(data: bytes) -> bool:
    try:
        json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return False
    return True


def _looks_like_csv(head: bytes) -> bool:
    lines = head.decode("utf-8-sig", "replace").splitlines()
    return len(lines) >= 2 and bool(_CSV_HEADER.match(lines[0].strip()))


def sniff_bytes(data: bytes) -> str | None:
    """The format the content itself shows, or None when it shows none."""
    head = data[:SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_format(data)
    if head.startswith(b"<"):
        return _markup_format(head)
    if _looks_like_mail(head):
        return "eml"
    if head[:1] in (b"{", b"[") and _looks_like_json(data):
        return "json"
    if _looks_like_csv(head):
        return "csv"
    return None


def _by_extension(filename: str | None) -> str | None:
    suffix = PurePosixPath((filename or "").replace("\\", "/")).suffix.lower()
    return next((spec.format for spec in FORMATS.values() if suffix in spec.extensions), None)


def _by_content_type(content_type: str | None) -> str | None:
    mime = (content_type or "").split(";")[0].strip().lower()
    return next((spec.format for spec in FORMATS.values() if mime in spec.mime_types), None)


def sniff_format(data: bytes, filename: str | None, content_type: str | None) -> str:
    """Bytes first, then the file extension, then the declared content type."""
    return (
        sniff_bytes(data)
        or _by_extension(filename)
        or _by_content_type(content_type)
        or ("txt" if b"\x00" not in data[:SNIFF_BYTES] else UNKNOWN)
    )


def _finish(document: ParsedDocument, language_hint: str | None) -> ParsedDocument:
    """Clean text and title; detect the language unless the parser knew better (a bureau
    submission's language is its narrative's, not that of the rendered English headers)."""
    document.text = clean_text(document.text)
    document.title = clean_text(document.title or "") or None
    if document.language is None:
        document.language = detect_language(document.text, language_hint)
    return document


def parse_bytes(
    data: bytes,
    *,
    filename: str | None = None,
    content_type: str | None = None,
    language_hint: str | None = None,
) -> list[ParsedDocument]:
    """Parse raw bytes into documents. Input that cannot be read raises ParseError with a
    readable reason; any other exception is a parser bug, left to the caller's per-item
    handler to log with its traceback."""
    if not data:
        raise ParseError("empty file")
    if len(data) > MAX_INPUT_BYTES:
        raise ParseError(f"file too large: {len(data)} bytes (limit {MAX_INPUT_BYTES})")
    format_name = sniff_format(data, filename, content_type)
    spec = FORMATS.get(format_name)
    if spec is None:
        raise ParseError(f"unsupported format: {format_name}")
    documents = spec.parse(data, filename=filename, content_type=content_type)
    return [_finish(document, language_hint) for document in documents]


__all__ = ["FORMATS", "FormatSpec", "parse_bytes", "sniff_bytes", "sniff_format"]
