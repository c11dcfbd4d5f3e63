"""MISP export: one event per confirmed incident, in MISP's core format (the JSON MISP's
API and `pymisp` read), as `{"response": [{"Event": {...}}, ...]}` like MISP's restSearch.

Per event: `info` is the title, `date` the day it happened (else reported, else confirmed),
`analysis` "2" (completed: an analyst confirmed it), `distribution` "0" (this organisation
only: the recipient decides on sharing further), `threat_level_id` from the intent group
(likely trafficking or malicious "1" high, undetermined "2" medium, not connected "3" low).
Tags: the marking from MISP's `tlp` taxonomy (tlp:clear ... tlp:amber+strict, tlp:red) and
the admiralty grading (`admiralty-scale:source-reliability="b"`,
`admiralty-scale:information-credibility="2"`). Attributes (category "Other"): the summary,
each material as text, the dates, incident type, intent and material status; the place is a
`geolocation` object (template of MISP/misp-objects, objects/geolocation/definition.json).
UUIDs are UUIDv5 of the incident id, so the same data gives the same bytes.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, date, datetime
from typing import Any

from flows.exports.columns import material_text, materials_of
from nlp.vocabulary import ExportKind, IntentGroup
from storage.exports import ExportedIncident, ExportSet

FORMAT = "misp"
EXTENSION = ".json"
MEDIA_TYPE = "application/json"
KINDS = frozenset({ExportKind.INCIDENTS})

NAMESPACE = uuid.UUID("a3e5c2d8-7b1f-5a4e-8c6d-2f9b0e7a1c34")  # never change: uuids depend on it
THREAT_LEVELS = {
    IntentGroup.LIKELY_TRAFFICKING_OR_MALICIOUS: "1",
    IntentGroup.UNDETERMINED: "2",
    IntentGroup.NOT_CONNECTED: "3",
}
GEOLOCATION_TEMPLATE = {
    "name": "geolocation",
    "meta-category": "misc",
    "template_uuid": "fdd30d5f-6752-45ed-bef2-25e8ce4d8a3",  # as MISP/misp-objects spells it
    "template_version": "3",
    "description": "An object to describe a geographic location.",
}


def write(records: ExportSet) -> bytes:
    events = [{"Event": event(exported)} for exported in records.incidents]
    text = json.dumps({"response": events}, indent=2, ensure_ascii=True)
    return (text + "\n").encode("ascii")


def event(exported: ExportedIncident) -> dict[str, Any]:
    incident = exported.incident
    day = incident.occurred_on or incident.reported_on or _day_confirmed(exported)
    found: dict[str, Any] = {
        "uuid": _uuid(exported, "event"),
        "info": incident.title,
        "date": day.isoformat(),
        "threat_level_id": THREAT_LEVELS.get(incident.intent_group, "4"),
        "analysis": "2",
        "distribution": "0",
        "published": False,
        "timestamp": _timestamp(incident.updated_at),
        "Tag": tags(exported),
        "Attribute": attributes(exported),
        "Object": [_geolocation(exported)] if _has_place(exported) else [],
    }
    return found


def tags(exported: ExportedIncident) -> list[dict[str, str]]:
    incident = exported.incident
    return [
        {"name": exported.marking.value.lower()},  # "TLP:AMBER+STRICT" -> "tlp:amber+strict"
        {"name": f'admiralty-scale:source-reliability="{incident.reliability.lower()}"'},
        {"name": f'admiralty-scale:information-credibility="{incident.credibility}"'},
    ]


def attributes(exported: ExportedIncident) -> list[dict[str, Any]]:
    incident = exported.incident
    described: list[tuple[str, str, str | None]] = [("summary", "text", incident.summary)]
    described += [("material", "text", material_text(m)) for m in materials_of(exported)]
    described += [
        ("occurred on", "datetime", _iso(incident.occurred_on)),
        ("occurred until", "datetime", _iso(incident.occurred_until)),
        ("reported on", "datetime", _iso(incident.reported_on)),
        ("incident type", "text", incident.incident_type.value),
        ("intent group", "text", incident.intent_group.value),
        ("material status", "text", incident.material_status.value),
    ]
    described += [("other country", "text", c) for c in incident.other_countries]
    described += [("source", "text", source) for source in exported.sources]
    present = [(comment, kind, value) for comment, kind, value in described if value]
    return [
        _attribute(exported, f"{index}", kind, value, comment)
        for index, (comment, kind, value) in enumerate(present)
    ]


def _attribute(
    exported: ExportedIncident,
    key: str,
    kind: str,
    value: Any,
    comment: str,
    relation: str | None = None,
) -> dict[str, Any]:
    found: dict[str, Any] = {
        "uuid": _uuid(exported, f"attribute:{relation or ''}:{key}"),
        "type": kind,
        "category": "Other",
        "value": str(value),
        "comment": comment,
        "to_ids": False,
        "distribution": "5",  # as the event
        "disable_correlation": kind != "text" or comment == "summary",
        "timestamp": _timestamp(exported.incident.updated_at),
    }
    if relation is not None:
        found["object_relation"] = relation
    return found


def _has_place(exported: ExportedIncident) -> bool:
    incident = exported.incident
    return bool(incident.country or incident.place or incident.latitude is not None)


def _geolocation(exported: ExportedIncident) -> dict[str, Any]:
    incident = exported.incident
    parts = [
        ("country", "text", incident.country),
        ("city", "text", incident.place),
        ("latitude", "float", incident.latitude),
        ("longitude", "float", incident.longitude),
    ]
    return {
        **GEOLOCATION_TEMPLATE,
        "uuid": _uuid(exported, "geolocation"),
        "distribution": "5",
        "timestamp": _timestamp(incident.updated_at),
        "Attribute": [
            _attribute(exported, "place", kind, value, relation, relation)
            for relation, kind, value in parts
            if value is not None
        ],
    }


def _uuid(exported: ExportedIncident, part: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"incident:{exported.incident.id}:{part}"))


def _timestamp(moment: datetime) -> str:
    """Seconds since the epoch as MISP writes them; stored timestamps are naive UTC."""
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return str(int(aware.timestamp()))


def _day_confirmed(exported: ExportedIncident) -> date:
    incident = exported.incident
    return (incident.confirmed_at or incident.created_at).date()


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None
