"""Plain text files in any common encoding (charset-normalizer)."""

from __future__ import annotations

from nlp.formats.textutil import (
    charset_from_content_type,
    clean_text,
    decode_text,
    first_line_title,
    guess_decode,
)
from nlp.types import ParsedDocument, ParseError

FORMAT = "txt"
MIME_TYPES = ("text/plain", "text/markdown")
EXTENSIONS = (".txt", ".text", ".md")
MAX_CHARS = 1_000_000


def parse(data: bytes, *, filename: str | None, content_type: str | None) -> list[ParsedDocument]:
    declared = charset_from_content_type(content_type)
    decoded = decode_text(data, declared) if declared else guess_decode(data)
    if decoded is None:
        raise ParseError("binary data, not text")
    text = clean_text(decoded)
    flags = ["truncated"] if len(text) > MAX_CHARS else []
    text = text[:MAX_CHARS]
    return [ParsedDocument(text=text, format=FORMAT, title=first_line_title(text), flags=flags)]
