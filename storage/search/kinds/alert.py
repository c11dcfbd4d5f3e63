"""Watchlist alerts: title, notes, owner, device and place; a person alert's name and its other
spellings (matched across scripts like any name); the source's nuclide and serial number
exactly. Found by the reader's clearance on the alert's own marking."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.sql import ColumnElement
from sqlmodel import Session, col, select

from nlp.search_terms import SIMPLE_CONFIG, identifier_keys, indexable, material_values
from nlp.vocabulary import Tlp
from storage.clearance import document_visible
from storage.models import Alert
from storage.search.kinds.base import Entry

name = "alert"


def entries(*, session: Session, ids: Sequence[int]) -> list[Entry]:
    alerts = session.exec(select(Alert).where(col(Alert.id).in_(ids))).all()
    return [_entry(alert) for alert in alerts]


def _entry(alert: Alert) -> Entry:
    device = " ".join(filter(None, [alert.device_make, alert.device_model]))
    names = [n for n in [alert.name, *alert.name_variants] if n]
    entry = Entry(
        kind=name,
        entity_id=alert.id or 0,
        title=indexable(alert.title),
        body=indexable(
            " ".join(filter(None, [alert.notes, alert.owner, device, alert.place, *names]))
        ),
        # Analysts write alerts in any working language: no stemming rather than the wrong one.
        config=SIMPLE_CONFIG,
        day=alert.reported_missing_on or alert.created_at.date(),
        status=str(alert.status),
        marking=alert.marking,
    )
    entry.add_names(names)
    entry.keys |= identifier_keys(
        [alert.nuclide] if alert.nuclide else [],
        [alert.serial_number] if alert.serial_number else [],
    )
    entry.add_filters(
        countries=[alert.country, alert.nationality],
        materials=material_values(alert.nuclide) if alert.nuclide else [],
    )
    return entry


def all_ids(*, session: Session) -> list[int]:
    return [i for i in session.exec(select(Alert.id)).all() if i is not None]


def visible(clearance: Tlp, entry: Table) -> ColumnElement[bool]:
    """The alert's marking, as its entry holds it, is readable (storage.clearance)."""
    return document_visible(clearance, entry.c.marking)


def marked(marking: Tlp, entry: Table) -> ColumnElement[bool]:
    return entry.c.marking == marking


def link(entry: Any) -> tuple[str, int | None]:
    return "alert", entry.entity_id
