"""STIX 2.1 bundles: valid under stix2-validator, marked, stable, hostile text kept as data."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from stix2validator import ValidationOptions, validate_string

from flows.exports import ExportError, stix
from nlp.vocabulary import Tlp
from tests.factories import HOSTILE_TEXT, exported_incident, incident_export


def objects_of(data: bytes) -> list[dict[str, Any]]:
    bundle = json.loads(data)
    assert bundle["type"] == "bundle"
    objects: list[dict[str, Any]] = bundle["objects"]
    return objects


def of_type(objects: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [o for o in objects if o["type"] == kind]


def test_bundle_with_materials_places_and_hostile_text_validates() -> None:
    hostile = exported_incident(
        1, title=HOSTILE_TEXT, summary='"}, {"type": "malware"', place="<b>Rotterdam</b>"
    )
    bare = exported_incident(2, country=None, latitude=None, longitude=None, materials=[])
    data = stix.write(incident_export(hostile, bare))
    result = validate_string(data.decode(), ValidationOptions(version="2.1"))
    assert result.is_valid, result.errors
    objects = objects_of(data)
    incidents = of_type(objects, "incident")
    assert [i["name"] for i in incidents] == [HOSTILE_TEXT, "Seizure of a Cs-137 gauge (2)"]
    assert not of_type(objects, "malware")  # the summary stayed a string
    assert incidents[0]["first_seen"] == "2026-03-02T00:00:00Z"
    assert incidents[0]["reliability"] == "B" and incidents[0]["credibility"] == 2
    assert of_type(objects, "identity")[0]["name"] == stix.UNIT_NAME


def test_locations_materials_and_relationships() -> None:
    objects = objects_of(stix.write(incident_export(exported_incident(1))))
    places = of_type(objects, "location")
    assert {(p.get("name"), p["country"]) for p in places} == {("Rotterdam", "NL"), (None, "BE")}
    rotterdam = next(p for p in places if p.get("name"))
    assert (rotterdam["latitude"], rotterdam["longitude"]) == (51.92, 4.48)
    (material,) = of_type(objects, "x-radintel-material")
    assert material["name"] == "Cs-137" and material["serial_number"] == "NG-1234"
    (observed,) = of_type(objects, "observed-data")
    assert observed["object_refs"] == [material["id"]]
    incident_id = of_type(objects, "incident")[0]["id"]
    targets = {r["target_ref"] for r in of_type(objects, "relationship")}
    assert targets == {p["id"] for p in places} | {observed["id"]}
    assert {r["source_ref"] for r in of_type(objects, "relationship")} == {incident_id}


@pytest.mark.parametrize(
    ("marking", "definition"),
    [
        (Tlp.CLEAR, "white"),
        (Tlp.GREEN, "green"),
        (Tlp.AMBER, "amber"),
        (Tlp.AMBER_STRICT, "amber"),
        (Tlp.RED, "red"),
    ],
)
def test_every_object_of_an_incident_carries_its_marking(marking: Tlp, definition: str) -> None:
    objects = objects_of(stix.write(incident_export(exported_incident(1, marking=marking))))
    (marking_definition,) = of_type(objects, "marking-definition")
    assert marking_definition["name"] == f"TLP:{definition.upper()}"
    unit_objects = {"identity", "extension-definition", "marking-definition"}
    for obj in objects:
        if obj["type"] not in unit_objects:
            assert obj["object_marking_refs"] == [marking_definition["id"]], obj["type"]
    notes = of_type(objects, "note")
    assert [n["abstract"] for n in notes] == (
        ["TLP:AMBER+STRICT"] if marking == Tlp.AMBER_STRICT else []
    )


def test_same_data_gives_the_same_bytes() -> None:
    first = stix.write(incident_export(exported_incident(1), exported_incident(2)))
    second = stix.write(incident_export(exported_incident(1), exported_incident(2)))
    assert first == second
    other = stix.write(incident_export(exported_incident(1)))
    assert objects_of(other)[0] == objects_of(first)[0]  # the unit's identity is stable


def test_an_invalid_bundle_is_an_error() -> None:
    data = json.loads(stix.write(incident_export(exported_incident(1))))
    incident = next(o for o in data["objects"] if o["type"] == "incident")
    del incident["name"]  # required by STIX 2.1
    with pytest.raises(ExportError, match="invalid STIX bundle, not written"):
        stix.validate(json.dumps(data))


def test_timestamps_in_whole_milliseconds_validate_whatever_their_digits() -> None:
    """Created at .040000 and modified at .040305 of one second: stix2 would write "24.040Z"
    and "24.040305Z", which validators compare as strings and find out of order."""
    created = datetime(2026, 12, 2, 16, 43, 24, 40000, tzinfo=UTC)
    modified = created.replace(microsecond=40305)
    data = stix.write(
        incident_export(exported_incident(1, created_at=created, updated_at=modified))
    )
    result = validate_string(data.decode(), ValidationOptions(version="2.1"))
    assert result.is_valid, result.errors
    [incident] = of_type(objects_of(data), "incident")
    assert (incident["created"], incident["modified"]) == (
        "2026-12-02T16:43:24.040Z",
        "2026-12-02T16:43:24.040Z",
    )
