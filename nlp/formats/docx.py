"""Word documents (DOCX): paragraphs and tables in body order (python-docx), zip checked first."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx as python_docx
from docx.document import Document as DocxDocument
from docx.table import Table

from nlp.formats.textutil import clean_text, first_line_title
from nlp.types import ParsedDocument, ParseError

FORMAT = "docx"
MIME_TYPES = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",)
EXTENSIONS = (".docx",)
MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024  # whole package, counted while inflating
# Uncompressed / compressed, for every member however small, as declared and as inflated:
# many small members each inflating a hundredfold add up. Word's own parts stay near 30.
MAX_RATIO = 100
MAX_MEMBERS = 5000
CHUNK = 1024 * 1024
MAX_CHARS = 1_000_000


def _bomb(reason: str) -> ParseError:
    return ParseError(f"zip bomb suspected: {reason}")


def _ratio_refusal(info: zipfile.ZipInfo, size: int) -> ParseError | None:
    ratio = size / max(info.compress_size, 1)
    return _bomb(f"{info.filename} compression ratio {ratio:.0f}:1") if ratio > MAX_RATIO else None


def _inflated_size(archive: zipfile.ZipFile, info: zipfile.ZipInfo, budget: int) -> int:
    """Bytes a member really inflates to (headers can lie), stopping past the budget or
    the ratio."""
    size = 0
    with archive.open(info) as member:
        while chunk := member.read(CHUNK):
            size += len(chunk)
            if size > budget:
                raise _bomb(f"{info.filename} inflates past {MAX_UNCOMPRESSED_BYTES} bytes")
            if refusal := _ratio_refusal(info, size):
                raise refusal
    return size


def check_zip(data: bytes) -> None:
    """Refuse archives whose size or compression ratio could exhaust memory, before parsing."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise _bomb(f"{len(infos)} members")
            declared = sum(info.file_size for info in infos)
            if declared > MAX_UNCOMPRESSED_BYTES:
                raise _bomb(f"{declared} bytes uncompressed")
            for info in infos:
                if refusal := _ratio_refusal(info, info.file_size):
                    raise refusal
            budget = MAX_UNCOMPRESSED_BYTES
            for info in infos:
                budget -= _inflated_size(archive, info, budget)
    except ParseError:
        raise
    except Exception as error:  # BadZipFile, zlib.error, EOFError, unsupported compression...
        raise ParseError(f"corrupt DOCX archive: {error}") from error


def _table_lines(table: Table) -> list[str]:
    lines = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            value = " ".join(cell.text.split())
            if not cells or cells[-1] != value:  # merged cells repeat their text
                cells.append(value)
        lines.append(" | ".join(cells))
    return lines


def _body_text(document: DocxDocument) -> str:
    lines: list[str] = []
    for block in document.iter_inner_content():
        lines.extend(_table_lines(block) if isinstance(block, Table) else [block.text])
    return clean_text("\n".join(lines))


def _core(document: DocxDocument) -> dict[str, Any]:
    properties = document.core_properties
    return {"title": properties.title, "author": properties.author}


def parse(data: bytes, *, filename: str | None, content_type: str | None) -> list[ParsedDocument]:
    check_zip(data)
    try:
        document = python_docx.Document(io.BytesIO(data))
        text = _body_text(document)
        core = _core(document)
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors...
        raise ParseError(f"unreadable DOCX: {error}") from error
    flags = ["truncated"] if len(text) > MAX_CHARS else []
    text = text[:MAX_CHARS]
    metadata = {"author": clean_text(str(core["author"]))} if core.get("author") else {}
    title = clean_text(str(core.get("title") or "")) or first_line_title(text)
    return [ParsedDocument(text=text, format=FORMAT, title=title, metadata=metadata, flags=flags)]
