from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from nlp.formats import feed, parse_bytes
from nlp.types import ParseError
from tests.nlp.formats import samples


def test_rss_entries_become_documents() -> None:
    documents = feed.parse(samples.rss_sample(), filename=None, content_type=None)
    assert [d.external_id for d in documents] == ["demo-a", "demo-b"]
    first = documents[0]
    assert first.format == "rss"
    assert first.url == "http://demo.radintel.invalid/web/a.html"
    assert first.title == "Gauge stolen in Leeds"
    assert first.published_at == datetime(2025, 1, 14, 9, 30, tzinfo=UTC)
    assert "caesium-137" in first.text
    assert "<p>" not in first.text and "alert(1)" not in first.text
    assert documents[1].published_at is None


def test_atom_entry_content_is_text() -> None:
    (document,) = parse_bytes(samples.atom_sample())
    assert document.external_id == "urn:demo:c"
    assert document.url == "http://demo.radintel.invalid/web/c.html"
    assert document.text.startswith("La policía de Valencia")
    assert document.language == "es"
    assert document.published_at == datetime(2025, 4, 2, 10, 10, tzinfo=UTC)


def test_malformed_feed_is_a_parse_error_with_reason() -> None:
    with pytest.raises(ParseError, match=r"malformed feed: .+"):
        feed.parse(b"<rss><channel><item><title>broken &", filename=None, content_type=None)


def test_not_a_feed_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="malformed feed"):
        feed.parse(b"hello, I am not XML at all", filename="x.xml", content_type=None)


def test_bozo_feed_with_entries_is_kept_and_flagged() -> None:
    data = samples.rss_sample().replace(b"</channel></rss>", b"<bad & entity></channel></rss>")
    documents = feed.parse(data, filename=None, content_type=None)
    assert documents and all("malformed_feed" in d.flags for d in documents)


def test_empty_valid_feed_has_no_documents() -> None:
    data = b'<rss version="2.0"><channel><title>Empty</title></channel></rss>'
    assert feed.parse(data, filename=None, content_type=None) == []


def test_bytes_naming_a_local_file_or_url_are_never_opened(tmp_path: Path) -> None:
    local_feed = tmp_path / "feed.xml"
    local_feed.write_bytes(samples.rss_sample())
    for data in (str(local_feed).encode(), local_feed.as_uri().encode()):
        with pytest.raises(ParseError, match="malformed feed"):
            parse_bytes(data, filename="feed.xml")
    with pytest.raises(ParseError, match="malformed feed"):
        feed.parse(b"http://127.0.0.1:9/feed.xml", filename=None, content_type=None)


def test_external_entities_are_not_resolved(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    data = (
        f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
        '<rss version="2.0"><channel><title>t</title><item><title>A &x; B</title>'
        "<link>http://demo.radintel.invalid/web/x.html</link>"
        "<description>leak &x; here</description></item></channel></rss>"
    ).encode()
    try:
        documents = feed.parse(data, filename=None, content_type=None)
    except ParseError:
        return
    for document in documents:
        assert "TOP-SECRET-MARKER" not in f"{document.title} {document.text}"
