from __future__ import annotations

from datetime import UTC, datetime

from nlp.formats import html, parse_bytes
from tests.nlp.formats import samples


def test_main_text_title_and_date() -> None:
    (document,) = parse_bytes(samples.html_sample(), filename="page.html")
    assert document.format == "html"
    assert document.title == "Gauge stolen"
    assert document.published_at == datetime(2025, 1, 14, tzinfo=UTC)
    assert "Calder Haulage" in document.text
    assert document.language == "en"


def test_page_full_of_scripts_yields_only_its_text() -> None:
    scripts = "".join(f"<script>var tracker{i} = 'SCRIPT {i}';</script>" for i in range(200))
    data = (
        f"<html><head>{scripts}<style>.x {{}}</style></head><body>{scripts}"
        f"<p>Only this sentence is visible.</p>{scripts}<noscript>enable js</noscript>"
        "</body></html>"
    ).encode()
    (document,) = html.parse(data, filename=None, content_type=None)
    assert document.text == "Only this sentence is visible."
    assert "SCRIPT" not in (document.title or "")


def test_scripts_never_leak_into_extracted_article() -> None:
    (document,) = html.parse(samples.html_sample(), filename=None, content_type=None)
    assert "SCRIPT TEXT" not in document.text
    assert "color: red" not in document.text


def test_comments_are_excluded() -> None:
    data = (
        "<html><body><article><h1>Title</h1>"
        f"<p>{samples.EN_TEXT}</p><p>{samples.EN_TEXT}</p></article>"
        '<section id="comments" class="comments"><div class="comment">'
        "<p>READER COMMENT about something else entirely.</p></div></section>"
        "</body></html>"
    ).encode()
    (document,) = html.parse(data, filename=None, content_type=None)
    assert "Calder Haulage" in document.text
    assert "READER COMMENT" not in document.text


def test_meta_charset_is_honoured() -> None:
    body = "<p>Détection à la frontière de Genève : césium 137 saisi.</p>"
    data = f'<html><head><meta charset="windows-1252"></head><body>{body}</body></html>'
    (document,) = html.parse(data.encode("cp1252"), filename=None, content_type=None)
    assert "Détection à la frontière" in document.text


def test_empty_page_gives_empty_text() -> None:
    (document,) = html.parse(b"<html><body></body></html>", filename=None, content_type=None)
    assert document.text == ""
