"""The demo texts as data: `texts/articles.yaml` (feeds and web pages), `texts/inbox.yaml`
(the built inbox files) and `texts/site.yaml` (feed titles and web page boilerplate)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DEMO_DIR = Path(__file__).resolve().parent
TEXTS_DIR = DEMO_DIR / "texts"


def read_texts(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((TEXTS_DIR / name).read_text(encoding="utf-8"))
    return data


FOOTER: str = read_texts("articles.yaml")["footer"]


@dataclass(frozen=True)
class Article:
    slug: str
    feed: str  # "rss" or "atom"
    language: str
    relevant: bool
    published: str  # RFC 3339
    title: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join((*self.paragraphs, FOOTER))


@cache
def articles() -> tuple[Article, ...]:
    entries = read_texts("articles.yaml")["articles"]
    return tuple(
        Article(**{**entry, "paragraphs": tuple(entry["paragraphs"])}) for entry in entries
    )


@cache
def inbox_texts() -> dict[str, Any]:
    """pdf_reports, attached_pdf, docx_notes and emails, keyed by file name where named."""
    return read_texts("inbox.yaml")


@cache
def site() -> dict[str, str]:
    return read_texts("site.yaml")
