from __future__ import annotations

import pytest

from nlp.formats import parse_bytes, text
from nlp.types import ParseError
from tests.nlp.formats import samples


@pytest.mark.parametrize(
    ("content", "encoding"),
    [
        (samples.EN_TEXT, "utf-8"),
        (samples.FR_TEXT, "latin-1"),
        (samples.ES_TEXT, "cp1252"),
        (samples.AR_TEXT, "cp1256"),
        (samples.AR_TEXT, "utf-16"),
        (samples.FR_TEXT, "utf-8-sig"),
    ],
)
def test_encodings_are_detected(content: str, encoding: str) -> None:
    (document,) = text.parse(content.encode(encoding), filename=None, content_type=None)
    assert document.text == content
    assert document.format == "txt"


def test_declared_charset_in_content_type() -> None:
    data = samples.FR_TEXT.encode("latin-1")
    (document,) = text.parse(data, filename=None, content_type="text/plain; charset=ISO-8859-1")
    assert document.text == samples.FR_TEXT


def test_title_is_first_line() -> None:
    (document,) = parse_bytes(b"\n\n  Liaison note  \n\nBody text here.", filename="n.txt")
    assert document.title == "Liaison note"


def test_binary_is_refused() -> None:
    with pytest.raises(ParseError, match="binary"):
        text.parse(bytes(range(256)) * 8, filename=None, content_type=None)
