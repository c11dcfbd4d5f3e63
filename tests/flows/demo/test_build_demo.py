"""The committed demo sources parse as documented in demo/README.md."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from demo import build
from demo.corpus import DEMO_DIR, FOOTER
from demo.pages import BASE_URL
from demo.parse_report import demo_files
from nlp.formats import parse_bytes
from nlp.types import ParsedDocument, ParseError

DEMO = DEMO_DIR
EXPECTED_ERRORS = {
    "inbox/corrupt_report.pdf": "corrupt PDF",
    "inbox/encrypted_report.pdf": "encrypted PDF",
    "inbox/large_annex.docx": "zip bomb suspected",
    "inbox/submission_invalid.json": "invalid bureau submission",
}


def _parse(relative: str) -> list[ParsedDocument]:
    return parse_bytes((DEMO / relative).read_bytes(), filename=Path(relative).name)


@cache
def _built() -> dict[str, bytes]:
    return build.build()


def _documents() -> dict[str, list[ParsedDocument]]:
    """Every file of the demo folders, the built ones and those written by hand."""
    names = [str(path.relative_to(DEMO)) for path in demo_files()]
    return {name: _parse(name) for name in names if name not in EXPECTED_ERRORS}


def test_committed_files_match_the_generator() -> None:
    for relative, data in _built().items():
        assert (DEMO / relative).read_bytes() == data, relative


@pytest.mark.parametrize(("relative", "reason"), sorted(EXPECTED_ERRORS.items()))
def test_broken_inbox_files_are_parse_errors(relative: str, reason: str) -> None:
    with pytest.raises(ParseError, match=reason):
        _parse(relative)


def test_corpus_size_languages_and_synthetic_marker() -> None:
    documents = _documents()
    flat = [doc for docs in documents.values() for doc in docs]
    assert (
        len([name for name in documents if name.startswith("inbox/")]) + len(EXPECTED_ERRORS) >= 20
    )
    assert len([name for name in documents if name.startswith("web/")]) >= 6
    assert len(documents["feed/feed.xml"]) + len(documents["feed/atom.xml"]) >= 14
    assert len(flat) >= 45
    assert {doc.language for doc in flat} >= {"en", "fr", "es", "ar"}
    for name, docs in documents.items():
        for doc in docs:
            assert FOOTER in doc.text or "needs_ocr" in doc.flags, name


def test_feed_links_point_to_demo_web_pages() -> None:
    documents = _documents()
    for feed_name in ("feed/feed.xml", "feed/atom.xml"):
        for entry in documents[feed_name]:
            assert entry.url and entry.url.startswith(f"{BASE_URL}/web/")
            assert (DEMO / entry.url.removeprefix(f"{BASE_URL}/")).is_file()


def test_special_inbox_cases() -> None:
    documents = _documents()
    assert documents["inbox/scanned_notice.pdf"][0].flags == ["needs_ocr"]
    (mail,) = documents["inbox/mail_forward_red_mercury.eml"]
    (attachment,) = mail.attachments
    assert attachment.filename == "Kenya note (red mercury).pdf"
    assert "red mercury" in parse_bytes(attachment.data, filename=attachment.filename)[0].text
    assert "arrêté à Bruxelles" in documents["inbox/mail_wrong_charset_brussels.eml"][0].text
    assert documents["inbox/mail_cp1256_oran.eml"][0].language == "ar"
    csv_docs = documents["inbox/submissions_2025-q2.csv"]
    assert len(csv_docs) == 3 and csv_docs[0].metadata["rejected_rows"][0]["row"] == 4
    assert (DEMO / "inbox/COPY_rapport_lyon_jauge.pdf").read_bytes() == (
        DEMO / "inbox/rapport_lyon_jauge.pdf"
    ).read_bytes()
    clipping = documents["inbox/clipping_en-tbilisi-uranium-seizure.txt"][0]
    assert clipping.text in {entry.text for entry in documents["feed/feed.xml"]}


def test_web_boilerplate_does_not_leak_into_article_text() -> None:
    documents = _documents()
    for name, (page,) in ((n, d) for n, d in documents.items() if n.startswith("web/")):
        for marker in (
            "READER COMMENT",
            "TRACKING SCRIPT",
            "Most read",
            "Cookie settings",
            "dataLayer",
        ):
            assert marker not in page.text, (name, marker)
        assert page.published_at is not None and page.title
