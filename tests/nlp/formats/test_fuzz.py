"""Property-based robustness: whatever the bytes, only ParseError may escape, and quickly.

Each parser module's parse() is called directly, and parse_bytes adds no wrapper of its
own, so any other exception is a parser bug and fails the test."""

from __future__ import annotations

from datetime import timedelta
from functools import cache
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp.formats import FORMAT_MODULES, parse_bytes
from nlp.language import detect_language
from nlp.types import ParsedDocument, ParseError
from tests.nlp.formats import samples

FUZZ = settings(
    max_examples=100,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
FILENAMES = st.sampled_from(
    [None, "x.pdf", "x.docx", "x.eml", "x.xml", "x.html", "x.json", "x.csv", "x.txt", "x.bin"]
)
CONTENT_TYPES = st.sampled_from(
    [
        None,
        "application/pdf",
        "text/html; charset=utf-8",
        "application/json",
        "text/plain; charset=bogus",
    ]
)
pytestmark = pytest.mark.timeout(120)


@pytest.fixture(scope="module", autouse=True)
def _language_models_loaded() -> None:
    """lingua loads its models on first use, seconds on a busy machine: not parsing time."""
    for sample in (
        "Police recovered the gauge",
        "عثرت الشرطة على المصدر",
        "Полиция нашла источник",
    ):
        detect_language(sample * 2)


@cache
def _valid() -> dict[str, bytes]:
    return samples.valid_samples()


def _check(documents: list[ParsedDocument]) -> None:
    for document in documents:
        assert isinstance(document.text, str)
        document.text.encode("utf-8")
        assert "\x00" not in document.text


@st.composite
def mutated(draw: st.DrawFn, data: bytes) -> bytes:
    """The sample with a few flips, insertions, deletions or a truncation."""
    buffer = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "repeat"]))
        position = draw(st.integers(0, max(len(buffer) - 1, 0)))
        if kind == "flip" and buffer:
            buffer[position] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            buffer[position:position] = draw(st.binary(min_size=1, max_size=64))
        elif kind == "delete":
            del buffer[position : position + draw(st.integers(1, 256))]
        elif kind == "truncate":
            del buffer[position:]
        elif kind == "repeat":
            buffer[position:position] = buffer[position : position + 64] * draw(st.integers(1, 20))
    return bytes(buffer)


def _parse_quietly(parser: object, data: bytes, **kwargs: object) -> None:
    try:
        _check(parser(data, **kwargs))  # type: ignore[operator]
    except ParseError as error:
        assert str(error)


@FUZZ
@given(data=st.binary(max_size=4096), filename=FILENAMES, content_type=CONTENT_TYPES)
def test_random_bytes_through_parse_bytes(
    data: bytes, filename: str | None, content_type: str | None
) -> None:
    _parse_quietly(parse_bytes, data, filename=filename, content_type=content_type)


MODULES = {module.FORMAT: module for module in FORMAT_MODULES}
MAGIC = st.sampled_from(
    [
        ("pdf", b"%PDF-1.4\n"),
        ("docx", b"PK\x03\x04"),
        ("rss", b'<?xml version="1.0"?><rss version="2.0"><channel><item>'),
        ("rss", b'<feed xmlns="http://www.w3.org/2005/Atom"><entry>'),
        ("html", b"<!DOCTYPE html><html><body>"),
        (
            "eml",
            b"From: a@b.invalid\nSubject: x\nContent-Type: multipart/mixed; boundary=b\n\n--b\n",
        ),
        ("json", b'{"bureau_country": "FR", "materials": ['),
        ("csv", b"bureau_country,reference,reporting_date,narrative\n"),
    ]
)


@FUZZ
@given(magic=MAGIC, tail=st.binary(max_size=2048), filename=FILENAMES)
def test_magic_prefix_and_random_tail_through_its_parser(
    magic: tuple[str, bytes], tail: bytes, filename: str | None
) -> None:
    format_name, prefix = magic
    parse = MODULES[format_name].parse
    _parse_quietly(parse, prefix + tail, filename=filename, content_type=None)


@pytest.mark.parametrize("module", FORMAT_MODULES, ids=lambda m: m.FORMAT)
def test_random_bytes_through_each_parser(module: ModuleType) -> None:
    @FUZZ
    @given(data=st.binary(max_size=4096))
    def run(data: bytes) -> None:
        _parse_quietly(module.parse, data, filename=None, content_type=None)

    run()


@pytest.mark.parametrize("sample", sorted(samples.valid_samples()))
def test_mutated_samples_through_parse_bytes_and_their_parser(sample: str) -> None:
    module = MODULES[sample]

    @FUZZ
    @given(data=mutated(_valid()[sample]), filename=FILENAMES)
    def run(data: bytes, filename: str | None) -> None:
        _parse_quietly(parse_bytes, data, filename=filename)
        _parse_quietly(module.parse, data, filename=filename, content_type=None)

    run()
