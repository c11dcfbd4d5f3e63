"""Untrusted text becomes inert HTML: no tags, no Markdown, no links."""

from __future__ import annotations

from review_ui.safe_html import Span, block, escape_text, highlight, key_values
from tests.factories import HOSTILE_TEXT


def test_escape_leaves_no_markup() -> None:
    escaped = escape_text(HOSTILE_TEXT)
    for dangerous in ("<", ">", "*", "[", "]", "(", ")", "$", ":", '"', "\n"):
        assert dangerous not in escaped.replace("<br>", "")
    assert "&#60;script&#62;" in escaped


def test_highlight_marks_spans_and_escapes_everything() -> None:
    start = HOSTILE_TEXT.index("<script>")
    html = highlight(HOSTILE_TEXT, [Span(7, "ORG", start, start + 8, "pending")], selected=7)
    assert html.startswith('<div class="ri-doc"') and "\n" not in html
    assert "<script" not in html and "<img" not in html and "javascript:" not in html
    assert "ri-selected" in html and "#7" in html
    assert html.count("<mark") == 1


def test_overlapping_and_out_of_range_spans_are_skipped() -> None:
    spans = [
        Span(1, "ORG", 0, 7, "pending"),
        Span(2, "GPE", 3, 9, "pending"),
        Span(3, "GPE", 5, 10**6, "pending"),
    ]
    assert highlight(HOSTILE_TEXT, spans).count("<mark") == 1


def test_key_values_and_block_escape_values() -> None:
    html = block(key_values([("URL", "https://example.org/<b>"), ("x", "**y**")]))
    assert html.startswith("<div") and "<b>" not in html and "**" not in html
