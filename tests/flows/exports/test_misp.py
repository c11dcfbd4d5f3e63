"""MISP core-format events: one per incident, tlp and admiralty-scale tags, stable uuids."""

from __future__ import annotations

import json
import uuid
from typing import Any

from flows.exports import misp
from nlp.vocabulary import IntentGroup, Tlp
from tests.factories import HOSTILE_TEXT, exported_incident, incident_export


def events_of(data: bytes) -> list[dict[str, Any]]:
    return [item["Event"] for item in json.loads(data)["response"]]


def test_one_event_per_incident_in_core_format() -> None:
    hostile = exported_incident(1, title=HOSTILE_TEXT, intent_group=IntentGroup.NOT_CONNECTED)
    first, second = events_of(misp.write(incident_export(hostile, exported_incident(2))))
    assert first["info"] == HOSTILE_TEXT
    assert first["date"] == "2026-03-02"
    assert (first["threat_level_id"], second["threat_level_id"]) == ("3", "2")
    assert first["analysis"] == "2" and first["distribution"] == "0"
    assert first["published"] is False
    uuid.UUID(first["uuid"])
    assert first["uuid"] != second["uuid"]
    attributes = {(a["comment"], a["type"], a["value"]) for a in first["Attribute"]}
    assert ("occurred on", "datetime", "2026-03-02") in attributes
    assert ("other country", "text", "BE") in attributes
    assert ("source", "text", "Reuters") in attributes
    (material,) = [a for a in first["Attribute"] if a["comment"] == "material"]
    assert material["category"] == "Other"
    assert (
        material["value"].startswith("Cs-137, 3.7e+10 Bq")
        and "serial: NG-1234" in material["value"]
    )
    for attribute in first["Attribute"]:
        assert set(attribute) >= {"uuid", "type", "category", "value", "to_ids"}


def test_place_is_a_geolocation_object() -> None:
    (event,) = events_of(misp.write(incident_export(exported_incident(1))))
    (place,) = event["Object"]
    assert place["name"] == "geolocation"
    relations = {a["object_relation"]: a["value"] for a in place["Attribute"]}
    assert relations == {
        "country": "NL",
        "city": "Rotterdam",
        "latitude": "51.92",
        "longitude": "4.48",
    }
    (nowhere,) = events_of(
        misp.write(incident_export(exported_incident(2, country=None, place=None, latitude=None)))
    )
    assert nowhere["Object"] == []


def test_tags_carry_marking_and_admiralty_grading() -> None:
    strict = exported_incident(1, marking=Tlp.AMBER_STRICT, reliability="C", credibility=3)
    (event,) = events_of(misp.write(incident_export(strict)))
    assert [tag["name"] for tag in event["Tag"]] == [
        "tlp:amber+strict",
        'admiralty-scale:source-reliability="c"',
        'admiralty-scale:information-credibility="3"',
    ]


def test_same_data_gives_the_same_bytes() -> None:
    records = incident_export(exported_incident(1), exported_incident(2))
    assert misp.write(records) == misp.write(
        incident_export(exported_incident(1), exported_incident(2))
    )
