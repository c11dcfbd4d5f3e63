"""Rendering a notice draft: JSON (schemas/notice-v1.schema.json) and a PDF printed by
WeasyPrint from a Jinja2 page with autoescape on, in the assessment's conventions (its
stylesheets, the marking in the margin of every page, data: URIs only, Markdown without raw
HTML or images and links only to http(s) and mailto).

Device photos are embedded as data: URIs from their checked bytes; the JSON names them by
their SHA-256 only. Nothing here touches the database; `render_notice` reads the photos from
the object store.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from flows.publishing import html, pdf
from nlp.vocabulary import AssessmentStatus, NoticeKind, Tlp
from storage.models import Notice
from storage.notice_fields import SECTION_TITLES, SECTIONS
from storage.notices import checked_photo
from storage.objectstore import get_object_store

SCHEMA_FILE = Path(__file__).resolve().parent / "schemas" / "notice-v1.schema.json"
SCHEMA_ID = "radintel-notice/1"
FORMATS = ("pdf", "json")
# The colours of the two notice kinds, for the band under the title.
KIND_COLOURS = {NoticeKind.ORANGE: "#f28c28", NoticeKind.PURPLE: "#7b3f9e"}
KIND_NAMES = {NoticeKind.ORANGE: "Orange notice", NoticeKind.PURPLE: "Purple notice"}


@lru_cache(maxsize=1)
def notice_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    return schema


def _sections(notice: Notice) -> list[tuple[str, str, str]]:
    written = notice.content.get("sections", {})
    return [(name, SECTION_TITLES[name], str(written.get(name, ""))) for name in SECTIONS]


def notice_data(notice: Notice, photos: Mapping[str, bytes]) -> dict[str, Any]:
    """The notice as the JSON output holds it (see the schema)."""
    return {
        "schema": SCHEMA_ID,
        "id": notice.id,
        "kind": NoticeKind(notice.kind).value,
        "title": notice.title,
        "marking": Tlp(notice.marking).value,
        "status": AssessmentStatus(notice.status).value,
        "alert_id": notice.alert_id,
        "as_of": notice.content.get("as_of"),
        "author": notice.author,
        "published_by": notice.published_by,
        "published_at": notice.published_at.isoformat() if notice.published_at else None,
        "identifiers": list(notice.content.get("fields", [])),
        "sections": [
            {"name": name, "title": title, "markdown": text}
            for name, title, text in _sections(notice)
        ],
        "photos": [
            {"sha256": key, "media_type": checked_photo(photos[key])} for key in notice.photos
        ],
    }


def render_json(notice: Notice, photos: Mapping[str, bytes]) -> bytes:
    data = notice_data(notice, photos)
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _data_uri(data: bytes) -> str:
    return f"data:{checked_photo(data)};base64," + base64.b64encode(data).decode("ascii")


def page(notice: Notice, photos: Mapping[str, bytes]) -> str:
    kind, marking = NoticeKind(notice.kind), Tlp(notice.marking)
    template = html._environment().get_template("notice.html.j2")
    return template.render(
        notice=notice,
        kind_name=KIND_NAMES[kind],
        kind_colour=KIND_COLOURS[kind],
        marking=marking.value,
        tlp_colour=html.TLP_COLOURS[marking],
        draft=AssessmentStatus(notice.status) is not AssessmentStatus.PUBLISHED,
        fields=notice.content.get("fields", []),
        as_of=notice.content.get("as_of", ""),
        sections=[(title, html.narrative_html(text)) for _, title, text in _sections(notice)],
        photos=[_data_uri(photos[key]) for key in notice.photos],
    )


def render_pdf(notice: Notice, photos: Mapping[str, bytes]) -> bytes:
    marking = Tlp(notice.marking)
    box = (
        f'content: "{marking.value}"; background: #000; color: {html.TLP_COLOURS[marking]}; '
        "font-weight: bold; font-size: 9pt; font-family: 'DejaVu Sans', sans-serif; "
        "padding: 1mm 4mm;"
    )
    margin = f"@page {{ @top-center {{ {box} }} @bottom-center {{ {box} }} }}"
    return pdf.write_pdf(page(notice, photos), css=margin)


def render(notice: Notice, fmt: str, photos: Mapping[str, bytes] | None = None) -> bytes:
    """The notice in one format ("pdf" or "json"); photos read from the object store."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    images = photos if photos is not None else load_photos(notice)
    return render_pdf(notice, images) if fmt == "pdf" else render_json(notice, images)


def load_photos(notice: Notice) -> dict[str, bytes]:
    store = get_object_store()
    return {key: store.get(key) for key in notice.photos}


def render_notice(notice: Notice) -> dict[str, bytes]:
    """Every format of the notice, keyed "json" and "pdf" (what publishing stores)."""
    images = load_photos(notice)
    return {fmt: render(notice, fmt, images) for fmt in FORMATS}
