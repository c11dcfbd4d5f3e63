from __future__ import annotations

import io

import pytest
from reportlab.pdfgen import canvas

from nlp.formats import parse_bytes, pdf
from nlp.types import ParseError
from tests.nlp.formats import samples


def test_text_layer_is_extracted() -> None:
    (document,) = parse_bytes(samples.pdf_sample(samples.FR_TEXT), filename="r.pdf")
    assert document.format == "pdf"
    assert "Armor Sondages" in document.text
    assert document.title == "Liaison report"
    assert document.language == "fr"
    assert document.flags == []
    assert document.metadata["pages"] == 1


def test_pdf_without_text_layer_needs_ocr() -> None:
    (document,) = pdf.parse(samples.scanned_pdf_sample(), filename=None, content_type=None)
    assert document.text == ""
    assert document.flags == ["needs_ocr"]


def test_encrypted_pdf_is_refused() -> None:
    with pytest.raises(ParseError, match=r"^encrypted PDF$"):
        pdf.parse(samples.encrypted_pdf_sample(), filename=None, content_type=None)


def test_corrupt_pdf_is_a_parse_error() -> None:
    data = samples.pdf_sample()
    corrupt = data[:9] + bytes(b ^ 0x5A for b in data[9 : len(data) // 2])
    with pytest.raises(ParseError, match="corrupt PDF"):
        pdf.parse(corrupt, filename=None, content_type=None)


def test_truncated_pdf_is_a_parse_error() -> None:
    data = samples.pdf_sample()[:200]
    with pytest.raises(ParseError):
        pdf.parse(data, filename=None, content_type=None)


def test_page_cap_bounds_work() -> None:
    buffer = io.BytesIO()
    page = canvas.Canvas(buffer, invariant=1)
    for number in range(pdf.MAX_PAGES + 2):
        page.drawString(72, 720, f"Page {number} of a very long synthetic annex.")
        page.showPage()
    page.save()
    (document,) = pdf.parse(buffer.getvalue(), filename=None, content_type=None)
    assert "truncated" in document.flags
    assert document.metadata["pages"] == pdf.MAX_PAGES
    assert f"Page {pdf.MAX_PAGES - 1} of" in document.text
    assert f"Page {pdf.MAX_PAGES} of" not in document.text
