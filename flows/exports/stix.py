"""STIX 2.1 export of confirmed incidents, built with `stix2` and checked with
`stix2-validator` before anything is written: an invalid bundle is an ExportError.

The bundle holds the unit's `identity`; the `extension-definition` of radintel's properties;
the TLP `marking-definition`s used; and per incident an `incident` SDO with its `location`s
(where it happened, with the place and coordinates when known, and the other countries
involved), one `observed-data` of its materials, and the relationships between them. Every
object of an incident carries the incident's marking in `object_marking_refs`.

- `first_seen`/`last_seen` (what OpenCTI reads on incidents) and the ITDB fields
  (incident_type, intent_group, material_group, material_status, reported_on, reliability,
  credibility) are top-level properties of the incident declared by a
  `toplevel-property-extension` (STIX 2.1, section 7.3), so they need no `x_` prefix.
- Materials are `x-radintel-material` cyber-observables declared by a `new-sco` extension
  (STIX has no observable for a radioactive source), referenced by the `observed-data`.
- Markings: STIX 2.1 fixes the ids of the TLP 1.0 marking definitions only. TLP 2.0 is mapped
  so: CLEAR -> TLP:WHITE, GREEN -> GREEN, AMBER -> AMBER, RED -> RED, and AMBER+STRICT ->
  TLP:AMBER plus a `note` on the incident saying it is AMBER+STRICT (share within the
  recipient's organisation only), since plain AMBER would let the recipient pass it to clients.
- Ids are UUIDv5 from a fixed namespace and the incident id, timestamps come from the stored
  rows: the same data gives the same bytes, and a re-export updates objects in OpenCTI instead
  of duplicating them. (The validator warns that SDO ids SHOULD be UUIDv4; stable ids matter
  more for re-exports.)
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from typing import Any

import stix2
from stix2validator import ValidationOptions, validate_string

from flows.exports.columns import materials_of
from flows.exports.errors import ExportError
from nlp.vocabulary import ExportKind, Tlp
from storage.exports import ExportedIncident, ExportSet

FORMAT = "stix"
EXTENSION = ".json"
MEDIA_TYPE = "application/stix+json;version=2.1"
KINDS = frozenset({ExportKind.INCIDENTS})

NAMESPACE = uuid.UUID("5b0d1a6e-2f4c-5e8a-9c3d-7a1b6e4f0d21")  # never change: ids depend on it
DEFINED_ON = datetime(2026, 1, 1, tzinfo=UTC)  # creation of the unit's identity and extensions
UNIT_NAME = "RN terrorism prevention unit (radintel)"
MARKINGS = {
    Tlp.CLEAR: stix2.TLP_WHITE,
    Tlp.GREEN: stix2.TLP_GREEN,
    Tlp.AMBER: stix2.TLP_AMBER,
    Tlp.AMBER_STRICT: stix2.TLP_AMBER,
    Tlp.RED: stix2.TLP_RED,
}
INCIDENT_PROPERTIES = [
    "first_seen", "last_seen", "reported_on", "incident_type", "intent_group",
    "material_group", "material_status", "reliability", "credibility",
]  # fmt: skip
MATERIAL_PROPERTIES = [
    "name", "material_group", "activity_bq", "activity_reference_date", "quantity_g",
    "enrichment_pct", "count", "device", "serial_number", "iaea_category",
]  # fmt: skip
STRICT_NOTE = (
    "Marked TLP:AMBER+STRICT in radintel: share only within your own organisation, not with "
    "its clients. STIX 2.1 fixes no marking definition for AMBER+STRICT, so TLP:AMBER is set."
)


def stix_id(kind: str, key: str) -> str:
    return f"{kind}--{uuid.uuid5(NAMESPACE, f'{kind}:{key}')}"


UNIT_ID = stix_id("identity", "unit")
INCIDENT_EXTENSION = stix_id("extension-definition", "incident-properties")
MATERIAL_EXTENSION = stix_id("extension-definition", "material-observable")


def write(records: ExportSet) -> bytes:
    objects = [*_preamble(records), *(o for i in records.incidents for o in _incident(i))]
    ids = ",".join(str(i.incident.id) for i in records.incidents)
    bundle = stix2.Bundle(objects=objects, id=stix_id("bundle", ids), allow_custom=True)
    # Keys sorted: stix2 orders custom properties as they come, which varies between runs.
    text = json.dumps(json.loads(bundle.serialize()), indent=2, sort_keys=True, ensure_ascii=True)
    validate(text)
    return (text + "\n").encode("ascii")


def validate(text: str) -> None:
    """Nothing but a bundle valid under stix2-validator is written."""
    result = validate_string(text, ValidationOptions(version="2.1"))
    if not result.is_valid:
        errors = "; ".join(str(e) for r in _object_results(result) for e in r.errors)
        if "Cannot locate a schema" in errors:  # the validator, not the bundle, is broken
            errors = f"stix2-validator has no schemas (install 3.2.0, see pyproject): {errors}"
        raise ExportError(f"invalid STIX bundle, not written: {errors[:500]}")


def _object_results(result: Any) -> list[Any]:
    return list(getattr(result, "object_results", None) or [result])


def _preamble(records: ExportSet) -> list[Any]:
    markings = sorted({MARKINGS[i.marking].id for i in records.incidents})
    by_id = {marking.id: marking for marking in MARKINGS.values()}
    return [_unit(), *_extensions(), *(by_id[m] for m in markings)]


def _unit() -> stix2.Identity:
    return stix2.Identity(
        id=UNIT_ID, name=UNIT_NAME, identity_class="organization", **_times(DEFINED_ON)
    )


def _extensions() -> list[stix2.ExtensionDefinition]:
    common = {"created_by_ref": UNIT_ID, "version": "1.0.0", **_times(DEFINED_ON)}
    incident = stix2.ExtensionDefinition(
        id=INCIDENT_EXTENSION,
        name="radintel incident properties",
        description="ITDB-like fields of a confirmed RN incident.",
        schema="Top-level incident properties: " + ", ".join(INCIDENT_PROPERTIES),
        extension_types=["toplevel-property-extension"],
        extension_properties=INCIDENT_PROPERTIES,
        **common,
    )
    material = stix2.ExtensionDefinition(
        id=MATERIAL_EXTENSION,
        name="radintel RN material",
        description="A nuclear or radioactive material (x-radintel-material observable).",
        schema="x-radintel-material properties: " + ", ".join(MATERIAL_PROPERTIES),
        extension_types=["new-sco"],
        **common,
    )
    return [incident, material]


def _incident(exported: ExportedIncident) -> Iterator[Any]:
    incident = exported.incident
    marked = {"object_marking_refs": [MARKINGS[exported.marking]], "created_by_ref": UNIT_ID}
    sdo = stix2.Incident(
        id=stix_id("incident", str(incident.id)),
        name=incident.title,
        allow_custom=True,
        extensions={INCIDENT_EXTENSION: {"extension_type": "toplevel-property-extension"}},
        **_incident_properties(exported),
        **_times(incident.created_at, incident.updated_at),
        **marked,
    )
    yield sdo
    if exported.marking == Tlp.AMBER_STRICT:
        yield _strict_note(exported, sdo.id, marked)
    yield from _locations(exported, sdo.id, marked)
    yield from _observed_materials(exported, sdo.id, marked)


def _incident_properties(exported: ExportedIncident) -> dict[str, Any]:
    incident = exported.incident
    first, last = _seen(exported)
    values: dict[str, Any] = {
        "description": incident.summary or None,
        "first_seen": first,
        "last_seen": last,
        "reported_on": incident.reported_on.isoformat() if incident.reported_on else None,
        "incident_type": incident.incident_type.value,
        "intent_group": incident.intent_group.value,
        "material_group": incident.material_group.value if incident.material_group else None,
        "material_status": incident.material_status.value,
        "reliability": incident.reliability,
        "credibility": incident.credibility,
    }
    return {key: value for key, value in values.items() if value is not None}


def _seen(exported: ExportedIncident) -> tuple[datetime, datetime]:
    """When it happened (first and last day), else when it was reported, else confirmed."""
    incident = exported.incident
    fallback = incident.confirmed_at or incident.created_at
    first = incident.occurred_on or incident.reported_on or fallback.date()
    last = max(first, incident.occurred_until or first)
    return _at(first), _at(last)


def _strict_note(exported: ExportedIncident, incident_id: str, marked: dict[str, Any]) -> Any:
    return stix2.Note(
        id=stix_id("note", f"{exported.incident.id}:amber-strict"),
        abstract=Tlp.AMBER_STRICT.value,
        content=STRICT_NOTE,
        object_refs=[incident_id],
        **_times(DEFINED_ON),
        **marked,
    )


def _locations(
    exported: ExportedIncident, incident_id: str, marked: dict[str, Any]
) -> Iterator[Any]:
    incident, key = exported.incident, str(exported.incident.id)
    place = _place(exported, marked)
    if place is not None:
        yield place
        yield _relationship(f"{key}:place", incident_id, "located-at", place.id, marked, exported)
    for country in incident.other_countries:
        location = stix2.Location(
            id=stix_id("location", f"{key}:country:{country}"),
            country=country,
            **_times(incident.created_at, incident.updated_at),
            **marked,
        )
        yield location
        yield _relationship(
            f"{key}:country:{country}", incident_id, "related-to", location.id, marked, exported
        )


def _place(exported: ExportedIncident, marked: dict[str, Any]) -> stix2.Location | None:
    """Where it happened; None when neither a country nor coordinates are known (a STIX
    location needs one of them)."""
    incident = exported.incident
    point = incident.latitude is not None and incident.longitude is not None
    if incident.country is None and not point:
        return None
    values: dict[str, Any] = {"name": incident.place, "country": incident.country}
    if point:
        values |= {"latitude": incident.latitude, "longitude": incident.longitude}
    return stix2.Location(
        id=stix_id("location", f"{incident.id}:place"),
        **{key: value for key, value in values.items() if value is not None},
        **_times(incident.created_at, incident.updated_at),
        **marked,
    )


def _observed_materials(
    exported: ExportedIncident, incident_id: str, marked: dict[str, Any]
) -> Iterator[Any]:
    materials = materials_of(exported)
    if not materials:
        return
    key = str(exported.incident.id)
    observables = [
        _material(f"{key}:{index}", material.model_dump(mode="json"), marked)
        for index, material in enumerate(materials)
    ]
    first, last = _seen(exported)
    observed = stix2.ObservedData(
        id=stix_id("observed-data", key),
        first_observed=first,
        last_observed=last,
        number_observed=1,
        object_refs=[observable["id"] for observable in observables],
        allow_custom=True,
        **_times(exported.incident.created_at, exported.incident.updated_at),
        **marked,
    )
    yield from observables
    yield observed
    yield _relationship(
        f"{key}:materials", incident_id, "related-to", observed.id, marked, exported
    )


def _material(key: str, material: dict[str, Any], marked: dict[str, Any]) -> dict[str, Any]:
    values = {name: material.get(name) for name in MATERIAL_PROPERTIES}
    return {
        "type": "x-radintel-material",
        "spec_version": "2.1",
        "id": stix_id("x-radintel-material", key),
        **{name: value for name, value in values.items() if value is not None},
        "object_marking_refs": [m.id for m in marked["object_marking_refs"]],
        "extensions": {MATERIAL_EXTENSION: {"extension_type": "new-sco"}},
    }


def _relationship(
    key: str,
    source: str,
    kind: str,
    target: str,
    marked: dict[str, Any],
    exported: ExportedIncident,
) -> stix2.Relationship:
    return stix2.Relationship(
        id=stix_id("relationship", key),
        source_ref=source,
        relationship_type=kind,
        target_ref=target,
        **_times(exported.incident.created_at, exported.incident.updated_at),
        **marked,
    )


def _times(created: datetime, modified: datetime | None = None) -> dict[str, datetime]:
    """Stored timestamps are naive UTC; STIX wants them timezone-aware, modified >= created,
    in whole milliseconds: stix2 writes "24.040Z" for 24.040000 but "24.040305Z" for
    24.040305, and validators compare the strings ("24.040305Z" < "24.040Z")."""
    first = _utc(created)
    return {"created": first, "modified": max(first, _utc(modified or created))}


def _utc(moment: datetime) -> datetime:
    whole = moment.replace(microsecond=moment.microsecond // 1000 * 1000)
    return whole if whole.tzinfo else whole.replace(tzinfo=UTC)


def _at(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)
