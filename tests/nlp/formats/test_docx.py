from __future__ import annotations

import io
import time
import zipfile

import pytest

from demo.builders import zip_bomb_docx_bytes
from nlp.formats import docx, parse_bytes
from nlp.types import ParseError
from tests.nlp.formats import samples


def test_paragraphs_and_tables_in_order() -> None:
    (document,) = parse_bytes(samples.docx_sample(), filename="note.docx")
    assert document.format == "docx"
    assert document.title == "Note du bureau"
    lines = document.text.splitlines()
    assert lines[0] == "Note du bureau"
    assert lines.index("Nucléide | Activité") < lines.index("Fin de la note.")
    assert "Cs-137 | 0,3 GBq" in lines
    assert document.language == "fr"


def test_zip_bomb_is_refused_before_parsing() -> None:
    bomb = zip_bomb_docx_bytes(64 * 1024 * 1024)
    assert len(bomb) < 200_000
    started = time.monotonic()
    with pytest.raises(ParseError, match=r"zip bomb suspected: .*ratio"):
        docx.parse(bomb, filename="annex.docx", content_type=None)
    assert time.monotonic() - started < 2


def test_total_declared_size_limit() -> None:
    bomb = zip_bomb_docx_bytes(docx.MAX_UNCOMPRESSED_BYTES + 2 * 1024 * 1024)
    with pytest.raises(ParseError, match=r"zip bomb suspected: .*bytes uncompressed"):
        docx.check_zip(bomb)


def _lying_zip(inflated: int, declared: int) -> bytes:
    """A zip whose word/document.xml headers claim `declared` bytes but inflate to `inflated`."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * inflated)
    data = bytearray(buffer.getvalue())
    real, fake = inflated.to_bytes(4, "little"), declared.to_bytes(4, "little")
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    assert data[local + 22 : local + 26] == real and data[central + 24 : central + 28] == real
    data[local + 22 : local + 26] = fake
    data[central + 24 : central + 28] = fake
    return bytes(data)


def test_lying_header_sizes_never_inflate_the_bomb() -> None:
    data = _lying_zip(inflated=docx.MAX_UNCOMPRESSED_BYTES + 1024 * 1024, declared=1000)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.getinfo("word/document.xml").file_size == 1000
    started = time.monotonic()
    with pytest.raises(ParseError, match=r"zip bomb suspected|corrupt DOCX archive"):
        docx.parse(data, filename=None, content_type=None)
    assert time.monotonic() - started < 5


def test_corrupt_archive_is_a_parse_error() -> None:
    data = samples.docx_sample()
    with pytest.raises(ParseError, match=r"corrupt DOCX archive|unreadable DOCX"):
        docx.parse(data[: len(data) // 2], filename=None, content_type=None)


def test_zip_that_is_not_a_document_is_unreadable() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<not-wordml/>")
    with pytest.raises(ParseError, match="unreadable DOCX"):
        docx.parse(buffer.getvalue(), filename=None, content_type=None)
