"""Search results as safe HTML: the snippet is document text, escaped piece by piece, and
only the hits the database reported are wrapped in <mark>."""

from __future__ import annotations

from review_ui.safe_html import badge, block, escape_text
from storage.search.search import SearchResult

KIND_COLOURS = {
    "document": "#cfe3ff",
    "finding": "#fde2b4",
    "incident": "#ffc9c9",
    "alert": "#d3f9d8",
}


def marked_snippet(snippet: str, hits: tuple[tuple[int, int], ...]) -> str:
    pieces: list[str] = []
    cursor = 0
    for start, end in sorted(hits):
        if start < cursor or end > len(snippet):
            continue  # overlapping or out of range: shown as plain text
        pieces.append(escape_text(snippet[cursor:start]))
        pieces.append(f'<mark class="ri-hit">{escape_text(snippet[start:end])}</mark>')
        cursor = end
    pieces.append(escape_text(snippet[cursor:]))
    return "".join(pieces)


def result_html(result: SearchResult) -> str:
    title = escape_text(result.title or "(no title)")
    reference = f" · {escape_text(result.external_id)}" if result.external_id else ""
    return block(
        f'<div class="ri-result" dir="auto">'
        f"{badge(result.kind, KIND_COLOURS.get(result.kind, '#e8eaed'))}"
        f"<b>{title}</b> <small>#{result.id}{reference}</small>"
        f'<div class="ri-snippet">{marked_snippet(result.snippet, result.hits)}</div></div>'
    )
