"""Render an assessment to its output formats: `render` one (the CLI), `render_all` every one
(the publish workflow stores each under its hash)."""

from __future__ import annotations

from collections.abc import Mapping
from types import ModuleType

from flows.publishing import html, markdown, pdf
from flows.publishing.charts import chart_images
from flows.publishing.document import build_edition, checked_snapshot
from storage.models.assessments import Assessment

FORMATS: dict[str, ModuleType] = {module.FORMAT: module for module in (html, pdf, markdown)}


def format_module(fmt: str) -> ModuleType:
    """The module rendering `fmt`; ValueError naming the formats for any other."""
    try:
        return FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(sorted(FORMATS))}") from None


def _render(assessment: Assessment, formats: list[str]) -> Mapping[str, bytes]:
    modules = [format_module(fmt) for fmt in formats]
    edition = build_edition(assessment)
    images = chart_images(checked_snapshot(assessment))
    return {module.FORMAT: module.render(edition, images) for module in modules}


def render(assessment: Assessment, fmt: str) -> bytes:
    """The assessment in one format ("html", "pdf" or "md")."""
    return _render(assessment, [fmt])[fmt]


def render_all(assessment: Assessment) -> dict[str, bytes]:
    """The assessment in every format, keyed "html", "pdf", "md"."""
    return dict(_render(assessment, list(FORMATS)))
