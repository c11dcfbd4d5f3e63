"""HTML built from untrusted text. Every piece of document text goes through `escape_text`.

`st.markdown(..., unsafe_allow_html=True)` still parses Markdown, so escaping HTML is not
enough: Markdown punctuation (`*`, `[`, `$`, `:`...) becomes a numeric character reference
and newlines become `<br>`, so the whole fragment is one HTML block with no Markdown in it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from nlp.vocabulary import Label, ReviewStatus, Tlp

MARKDOWN_CHARACTERS = "\\`*_{}[]()#+-.!|~$:<>&\"'=^"
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in MARKDOWN_CHARACTERS}

LABEL_COLOURS = {
    Label.PERSON: "#fde2b4",
    Label.ORG: "#cfe3ff",
    Label.GPE: "#d4f3d0",
    Label.LOC: "#c9f0ea",
    Label.FAC: "#e6dcfb",
    Label.DATE: "#f1f1f1",
    Label.MATERIAL: "#ffc9c9",
}
TLP_STYLES = {
    Tlp.CLEAR: ("#ffffff", "#000000"),
    Tlp.GREEN: ("#33ff00", "#000000"),
    Tlp.AMBER: ("#ffc000", "#000000"),
    Tlp.AMBER_STRICT: ("#ffc000", "#000000"),
    Tlp.RED: ("#ff2b2b", "#000000"),
}


def escape_text(value: object) -> str:
    """Untrusted text as inert HTML: no tags, no Markdown, no Streamlit directives."""
    text = "" if value is None else str(value)
    return text.translate(_ENTITIES).replace("\r\n", "\n").replace("\n", "<br>")


@dataclass(frozen=True)
class Span:
    finding_id: int
    label: Label
    start: int
    end: int
    status: ReviewStatus


def _non_overlapping(spans: Iterable[Span], length: int) -> list[Span]:
    kept: list[Span] = []
    cursor = 0
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if span.start >= cursor and 0 <= span.start < span.end <= length:
            kept.append(span)
            cursor = span.end
    return kept


def highlight(text: str, spans: Sequence[Span], selected: int | None = None) -> str:
    """The document text with each finding span marked in its label colour."""
    pieces: list[str] = []
    cursor = 0
    for span in _non_overlapping(spans, len(text)):
        pieces.append(escape_text(text[cursor : span.start]))
        colour = LABEL_COLOURS.get(span.label, "#eeeeee")
        classes = "ri-mark ri-selected" if span.finding_id == selected else "ri-mark"
        if span.status == ReviewStatus.REJECTED:
            classes += " ri-rejected"
        pieces.append(
            f'<mark class="{classes}" style="background:{colour}" '
            f'title="{escape_text(span.label)} #{span.finding_id}">'
            f"{escape_text(text[span.start : span.end])}"
            f'<sup class="ri-tag">{escape_text(span.label)}</sup></mark>'
        )
        cursor = span.end
    pieces.append(escape_text(text[cursor:]))
    return f'<div class="ri-doc" dir="auto">{"".join(pieces)}</div>'


def badge(text: str, background: str = "#e8eaed", colour: str = "#1f2328") -> str:
    return (
        f'<span class="ri-badge" style="background:{html.escape(background)};'
        f'color:{html.escape(colour)}">{escape_text(text)}</span>'
    )


def tlp_badge(marking: Tlp) -> str:
    return badge(marking, "#000000", TLP_STYLES[marking][0])


def key_values(rows: Iterable[tuple[str, object]]) -> str:
    """A two-column table of (label, untrusted value)."""
    body = "".join(
        f"<tr><th>{escape_text(key)}</th><td>{escape_text(value)}</td></tr>" for key, value in rows
    )
    return f'<table class="ri-kv">{body}</table>'


def block(fragment: str) -> str:
    """One HTML block (a div, no newline): Markdown never runs inside it, not even autolinks."""
    return f'<div class="ri-block">{fragment.replace(chr(10), " ")}</div>'


def legend() -> str:
    return " ".join(badge(label, colour) for label, colour in LABEL_COLOURS.items())


STYLE = """<style>
[data-testid="stMainBlockContainer"]{padding-top:2.2rem}
.ri-doc{font-family:Georgia,serif;font-size:1.02rem;line-height:1.75;padding:1rem 1.2rem;
 border:1px solid #d0d7de;border-radius:6px;background:#fff;max-height:62vh;overflow:auto;
 white-space:normal;unicode-bidi:plaintext}
.ri-mark{padding:0 2px;border-radius:3px}
.ri-selected{outline:2px solid #0b5cad}
.ri-rejected{text-decoration:line-through;opacity:.6}
.ri-tag{font-family:sans-serif;font-size:.6rem;font-weight:600;margin-left:2px;color:#444}
.ri-badge{display:inline-block;padding:1px 8px;margin:0 4px 2px 0;border-radius:10px;
 font-size:.78rem;font-weight:600;font-family:sans-serif}
.ri-kv{border-collapse:collapse;width:100%;font-size:.88rem}
.ri-kv th{text-align:left;color:#57606a;font-weight:600;padding:2px 8px 2px 0;width:38%;
 vertical-align:top}
.ri-kv td{padding:2px 0;word-break:break-word}
.ri-header{display:flex;justify-content:space-between;align-items:center;
 border-bottom:2px solid #0b3d6e;padding:.2rem 0 .4rem 0;margin-bottom:.8rem}
.ri-brand{font-weight:700;color:#0b3d6e;font-size:1.05rem;font-family:sans-serif}
.ri-page{font-size:1.5rem;font-weight:700;font-family:sans-serif}
.ri-user{font-size:.85rem;color:#57606a;font-family:sans-serif}
.ri-result{padding:.5rem .2rem;border-bottom:1px solid #eaeef2;font-family:sans-serif}
.ri-snippet{color:#24292f;font-size:.92rem;margin-top:.2rem;unicode-bidi:plaintext}
.ri-hit{background:#fff3a3;padding:0 1px;border-radius:2px}
.ri-quote{border-left:3px solid #0b5cad;padding:.2rem .6rem;background:#f6f8fa;margin:.2rem 0}
</style>"""
