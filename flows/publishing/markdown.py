"""The Markdown edition: the editor's narrative as written, the figures and tables as Markdown
tables (Markdown has no images, so charts are given by their tables), and the marking on the
first and last line.

Every value that came from a document is escaped so that it cannot open a link, an image, an
HTML tag or emphasis, nor break a table row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from flows.publishing.document import COUNT_COLUMNS, INCIDENT_COLUMNS, Edition
from nlp.markdown_text import escape

FORMAT = "md"
MEDIA_TYPE = "text/markdown; charset=utf-8"
EXTENSION = ".md"

__all__ = ["escape", "render", "table"]


def table(header: Sequence[str], rows: Iterable[Sequence[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows]
    return [*lines, ""]


def header(edition: Edition) -> list[str]:
    lines = [f"**{edition.marking.value}**", "", f"# {escape(edition.title)}", ""]
    if edition.draft:
        lines += ["**DRAFT: not published**", ""]
    lines += [
        f"- Period: {escape(edition.period)}; compared with {escape(edition.previous_period)}",
        f"- Scope: {escape(edition.scope)}",
        f"- Edition: {edition.edition}",
        f"- Marking: {edition.marking.value} (ceiling {edition.ceiling.value})",
    ]
    if edition.correction:
        lines.append(f"- {escape(edition.correction)}")
    return [*lines, ""]


def figures(edition: Edition) -> list[str]:
    lines = ["## Key figures", "", *table(("Figure", "Value"), edition.key_figures)]
    for count in edition.counts:
        rows = ((row.label, row.current, row.previous, row.change) for row in count.rows)
        lines += [f"### {escape(count.title)}", "", *table((count.title, *COUNT_COLUMNS), rows)]
    return lines


def narrative(edition: Edition) -> list[str]:
    lines: list[str] = []
    for title, text in edition.sections:
        lines += [f"## {title}", "", text.strip() or "_Nothing written._", ""]
    return lines


def render(edition: Edition, images: Mapping[str, bytes]) -> bytes:
    """The edition as UTF-8 Markdown; `images` are not used (Markdown prints the tables)."""
    incidents = [
        "## Incidents",
        "",
        *table(INCIDENT_COLUMNS, (r.cells() for r in edition.incidents)),
    ]
    lines = [
        *header(edition),
        *narrative(edition),
        *figures(edition),
        *incidents,
        "---",
        "",
        escape(edition.footer),
        "",
        f"**{edition.marking.value}**",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")
