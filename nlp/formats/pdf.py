"""PDF documents: the text layer page by page (pypdf); scans without text are flagged for OCR."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader

from nlp.formats.textutil import clean_text, first_line_title
from nlp.types import ParsedDocument, ParseError

FORMAT = "pdf"
MIME_TYPES = ("application/pdf", "application/x-pdf")
EXTENSIONS = (".pdf",)
MAX_PAGES = 300  # bounds the time spent on one file; later pages are flagged "truncated"
MAX_CHARS = 1_000_000
PAGE_SEPARATOR = "\n\n"


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        encrypted = reader.is_encrypted
    except Exception as error:  # pypdf raises many types on damaged files
        raise ParseError(f"corrupt PDF: {error}") from error
    if encrypted:
        try:
            unlocked = reader.decrypt("")  # owner-password-only files open with an empty password
        except Exception as error:  # pypdf: damaged or unsupported encryption dictionaries
            raise ParseError("encrypted PDF") from error
        if not unlocked:
            raise ParseError("encrypted PDF")
    return reader


def _page_texts(reader: PdfReader) -> tuple[list[str], bool]:
    texts: list[str] = []
    total = 0
    try:
        pages = reader.pages
        count = len(pages)
        for index in range(min(count, MAX_PAGES)):
            text = clean_text(pages[index].extract_text() or "")
            texts.append(text)
            total += len(text)
            if total >= MAX_CHARS:
                return texts, True
    except Exception as error:  # pypdf raises many types on damaged page trees and streams
        raise ParseError(f"corrupt PDF: {error}") from error
    return texts, count > MAX_PAGES


def _info(reader: PdfReader) -> dict[str, Any]:
    try:
        info = reader.metadata
        return {} if info is None else {"title": info.title, "author": info.author}
    except Exception:  # a damaged info dictionary costs the title, not the text
        return {}


def parse(data: bytes, *, filename: str | None, content_type: str | None) -> list[ParsedDocument]:
    reader = _open(data)
    texts, truncated = _page_texts(reader)
    text = PAGE_SEPARATOR.join(page for page in texts if page)[:MAX_CHARS]
    flags = ["truncated"] if truncated else []
    if not text:
        flags.append("needs_ocr")
    info = _info(reader)
    title = clean_text(str(info.get("title") or "")) or first_line_title(text)
    metadata: dict[str, Any] = {"pages": len(texts)}
    if info.get("author"):
        metadata["author"] = clean_text(str(info["author"]))
    return [ParsedDocument(text=text, format=FORMAT, title=title, metadata=metadata, flags=flags)]
