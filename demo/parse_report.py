"""Parse every demo file with nlp.formats.parse_bytes and print one line per file.

`PYTHONPATH=. .venv/bin/python demo/parse_report.py`
"""

from __future__ import annotations

from pathlib import Path

from demo.corpus import DEMO_DIR
from nlp.formats import parse_bytes, sniff_format
from nlp.types import ParseError

DATA_FOLDERS = ("feed", "web", "inbox")


def demo_files(directory: Path = DEMO_DIR) -> list[Path]:
    return sorted(p for folder in DATA_FOLDERS for p in (directory / folder).iterdir())


def report_line(path: Path) -> str:
    data = path.read_bytes()
    name = str(path.relative_to(DEMO_DIR))
    format_name = sniff_format(data, path.name, None)
    try:
        documents = parse_bytes(data, filename=path.name)
    except ParseError as error:
        return f"{name:52} {format_name:5} ParseError: {str(error)[:90]}"
    languages = ",".join(sorted({d.language or "?" for d in documents}))
    chars = sum(len(d.text) for d in documents)
    flags = ",".join(sorted({f for d in documents for f in d.flags}))
    extra = sum(len(d.attachments) for d in documents)
    rejected = sum(len(d.metadata.get("rejected_rows", [])) for d in documents)
    notes = f"{flags} attachments={extra} rejected={rejected}".strip()
    return (
        f"{name:52} {format_name:5} docs={len(documents):<3} {languages:8} chars={chars:<6} {notes}"
    )


if __name__ == "__main__":
    for demo_path in demo_files():
        print(report_line(demo_path))
