"""Sniffing (bytes before extension before content type) and parse_bytes dispatch."""

from __future__ import annotations

import pytest

from nlp import formats
from nlp.formats import FormatSpec, parse_bytes, sniff_format
from nlp.types import ParsedDocument, ParseError
from tests.nlp.formats import samples


@pytest.mark.parametrize("expected", sorted(samples.valid_samples()))
def test_every_sample_is_sniffed_from_bytes_alone(expected: str) -> None:
    assert sniff_format(samples.valid_samples()[expected], None, None) == expected


def test_atom_is_a_feed() -> None:
    assert sniff_format(samples.atom_sample(), None, None) == "rss"


@pytest.mark.parametrize(
    ("sample", "lying_name", "lying_type", "expected"),
    [
        ("pdf", "notes.txt", "text/plain", "pdf"),
        ("eml", "report.pdf", "application/pdf", "eml"),
        ("docx", "page.html", "text/html", "docx"),
        ("rss", "data.json", "application/json", "rss"),
        ("json", "table.csv", "text/csv", "json"),
        ("html", "mail.eml", "message/rfc822", "html"),
    ],
)
def test_bytes_beat_a_lying_extension_and_content_type(
    sample: str, lying_name: str, lying_type: str, expected: str
) -> None:
    data = samples.valid_samples()[sample]
    assert sniff_format(data, lying_name, lying_type) == expected
    documents = parse_bytes(data, filename=lying_name, content_type=lying_type)
    assert documents and all(doc.format == expected for doc in documents)


def test_extension_beats_content_type_when_bytes_say_nothing() -> None:
    assert sniff_format(b"<p>fragment</p>", "page.html", "text/plain") == "html"
    assert sniff_format(b"just words", "notes.txt", "text/html") == "txt"
    assert sniff_format(b"just words", None, "text/html") == "html"


def test_unknown_binary_and_empty_input_are_parse_errors() -> None:
    with pytest.raises(ParseError, match="empty file"):
        parse_bytes(b"")
    with pytest.raises(ParseError, match="unsupported format"):
        parse_bytes(b"\x00\x01\x02\x03binary\x00", filename="blob.bin")
    with pytest.raises(ParseError, match="zip"):
        parse_bytes(b"PK\x05\x06" + b"\x00" * 18, filename="archive.zip")


def test_a_parser_bug_is_not_turned_into_a_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """The caller's per-item handler logs it with its traceback; here it passes untouched."""

    def broken(
        data: bytes, *, filename: str | None, content_type: str | None
    ) -> list[ParsedDocument]:
        raise KeyError("missing part")

    spec = FormatSpec("txt", ("text/plain",), (".txt",), broken)
    monkeypatch.setitem(formats.FORMATS, "txt", spec)
    with pytest.raises(KeyError, match="missing part"):
        parse_bytes(b"some plain words", filename="a.txt")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (samples.EN_TEXT, "en"),
        (samples.FR_TEXT, "fr"),
        (samples.ES_TEXT, "es"),
        (samples.AR_TEXT, "ar"),
    ],
)
def test_language_is_detected_on_every_result(text: str, language: str) -> None:
    assert parse_bytes(text.encode(), filename="n.txt")[0].language == language


def test_language_hint_is_used_for_short_text() -> None:
    assert parse_bytes(b"Cs-137", filename="n.txt", language_hint="fr")[0].language == "fr"


def test_nul_and_surrogates_never_reach_the_text() -> None:
    document = parse_bytes(b"abc\x00def " * 5, filename="n.txt", content_type="text/plain")[0]
    assert "\x00" not in document.text
    document.text.encode("utf-8")
