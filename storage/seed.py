"""Synthetic data at scale for demos, UI tests and benchmarks.

A few hundred synthetic texts (fictional people and companies, real places and isotope
facts; English, French, Spanish, Arabic) are stored once in the object store and shared by
many documents; findings point at real spans of those texts. The names, places, materials
and templates they are made of are data: `synthetic/templates.yaml`. Rows go in by batches of
10,000: COPY on PostgreSQL, executemany on SQLite.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection, Engine

from nlp.vocabulary import (
    DocumentStatus,
    FindingOrigin,
    IncidentType,
    IntentGroup,
    Label,
    MaterialStatus,
    ReviewStatus,
    RunStatus,
    SourceKind,
    Tlp,
)
from storage.bulk import write_rows
from storage.models import (
    Document,
    Finding,
    Incident,
    IncidentDocument,
    IngestFailure,
    IngestRun,
    Source,
)
from storage.models._base import utcnow
from storage.objectstore import get_object_store
from storage.priority import document_priority, finding_priority

BATCH = 10_000
TEXTS = 300
EXTRACTOR_VERSION = "synthetic-1"

TEMPLATES_FILE = Path(__file__).resolve().parents[1] / "synthetic" / "templates.yaml"
SLOT = re.compile(r"(\{\w+\})")


class City(NamedTuple):
    name: str
    country: str
    latitude: float
    longitude: float


class Material(NamedTuple):
    canonical: str
    surfaces: dict[str, str]  # language -> how that language writes it
    group: str
    activity_bq: float | None
    iaea_category: int | None
    device: str | None


@dataclass(frozen=True)
class SeedTemplates:
    """The names, places, materials and text templates the synthetic data is made of."""

    people: list[str]
    companies: list[str]
    cities: list[City]
    materials: list[Material]
    templates: dict[str, list[list[str]]]  # language -> templates, each as text and slot parts
    titles: dict[str, str]
    sources: list[str]
    failure_reasons: list[str]


@lru_cache
def seed_templates(path: Path = TEMPLATES_FILE) -> SeedTemplates:
    """The templates file of the repository (`synthetic/templates.yaml`); it is not installed
    with the package, so seeding needs a checkout of the repository."""
    if not path.is_file():
        raise FileNotFoundError(f"synthetic data needs {path} (a checkout of the repository)")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return SeedTemplates(
        people=list(data["people"]),
        companies=list(data["companies"]),
        cities=[City(**city) for city in data["cities"]],
        materials=[Material(**material) for material in data["materials"]],
        templates={
            language: [[part for part in SLOT.split(text) if part] for text in texts]
            for language, texts in data["templates"].items()
        },
        titles=dict(data["titles"]),
        sources=list(data["sources"]),
        failure_reasons=list(data["failure_reasons"]),
    )


NOT_SEEDED_TYPES = {IncidentType.SABOTAGE_OR_ATTACK, IncidentType.OTHER, IncidentType.NONE}
INCIDENT_TYPES = [t for t in IncidentType if t not in NOT_SEEDED_TYPES]

Slot = tuple[Label, str, str | None, dict[str, Any]]


@dataclass(frozen=True)
class SyntheticText:
    key: str
    language: str
    title: str
    country: str
    spans: list[dict[str, Any]]  # label, text, start, end, normalized, attributes


def _slots(rng: random.Random, language: str) -> dict[str, Slot]:
    data = seed_templates()
    city, country, _, _ = rng.choice(data.cities)
    city2, country2, _, _ = rng.choice(data.cities)
    person, person2 = rng.sample(data.people, 2)
    company, company2 = rng.sample(data.companies, 2)
    material = rng.choice(data.materials)
    day = (utcnow() - timedelta(days=rng.randint(5, 400))).date()
    attributes = {
        "canonical": material.canonical,
        "material_group": material.group,
        "activity_bq": material.activity_bq,
        "iaea_category": material.iaea_category,
        "device": material.device,
        "evidence": "material rule: isotope name",
    }
    surface = material.surfaces[language]
    return {
        "{city}": (Label.GPE, city, country, {}),
        "{city2}": (Label.GPE, city2, country2, {}),
        "{person}": (Label.PERSON, person, None, {}),
        "{person2}": (Label.PERSON, person2, None, {}),
        "{company}": (Label.ORG, company, None, {}),
        "{company2}": (Label.ORG, company2, None, {}),
        "{date}": (Label.DATE, day.isoformat(), day.isoformat(), {}),
        "{material}": (Label.MATERIAL, surface, material.canonical, attributes),
    }


def compose_text(rng: random.Random, language: str) -> tuple[str, list[dict[str, Any]], str]:
    """A synthetic text, its entity spans and its country, from a random template."""
    slots = _slots(rng, language)
    pieces: list[str] = []
    spans: list[dict[str, Any]] = []
    offset = 0
    for part in rng.choice(seed_templates().templates[language]):
        slot = slots.get(part)
        surface = slot[1] if slot else part
        if slot:
            label, _, normalized, attributes = slot
            spans.append(
                {
                    "label": label,
                    "text": surface,
                    "start": offset,
                    "end": offset + len(surface),
                    "normalized": normalized,
                    "attributes": attributes,
                }
            )
        pieces.append(surface)
        offset += len(surface)
    city = slots["{city}"]
    return "".join(pieces), spans, city[2] or ""


def synthetic_texts(count: int = TEXTS, seed: int = 7) -> list[SyntheticText]:
    """`count` texts, stored in the object store (idempotent: same seed, same keys)."""
    rng = random.Random(seed)
    store = get_object_store()
    data = seed_templates()
    texts = []
    for i in range(count):
        language = list(data.templates)[i % len(data.templates)]
        body, spans, country = compose_text(rng, language)
        city = next(s["text"] for s in spans if s["label"] == Label.GPE)
        material = next(s["text"] for s in spans if s["label"] == Label.MATERIAL)
        title = data.titles[language].format(city=city, material=material)
        key = store.put(body.encode("utf-8"))
        texts.append(SyntheticText(key, language, title, country, spans))
    return texts


def seed_sources(connection: Connection) -> list[int]:
    names = seed_templates().sources
    existing: dict[str, int] = dict(connection.execute(select(Source.name, Source.id)).all())  # type: ignore[call-overload]
    rows: list[dict[str, Any]] = [
        {
            "name": n,
            "kind": SourceKind.FEED.name,
            "url": None,
            "urls": [],
            "reliability": "BCDEB"[i],
            "default_marking": Tlp.GREEN.name,
            "schedule_minutes": 15,
            "enabled": True,
            "allow_private_network": False,
            "http_cache": {},
            "created_at": utcnow(),
        }
        for i, n in enumerate(names)
        if n not in existing
    ]
    if rows:
        connection.execute(insert(Source.__table__), rows)  # type: ignore[attr-defined]
    return [int(i) for i in connection.execute(select(Source.id)).scalars()]  # type: ignore[call-overload]


def _next_id(connection: Connection, table: Any) -> int:
    return int(connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one()) + 1


def _document_row(
    doc_id: int, rng: random.Random, synthetic: SyntheticText, source_ids: Sequence[int]
) -> dict[str, Any]:
    published = utcnow() - timedelta(days=rng.randint(0, 180), minutes=rng.randint(0, 1440))
    relevant = rng.random() < 0.6
    relevance = round(rng.uniform(0.55, 0.99) if relevant else rng.uniform(0.01, 0.45), 3)
    first_sentence_end = next(s["end"] for s in synthetic.spans if s["label"] == Label.MATERIAL)
    return {
        "id": doc_id,
        "source_id": rng.choice(source_ids),
        "parent_id": None,
        "external_id": f"synthetic:{doc_id}",
        "url": f"https://news.example.org/item/{doc_id}",
        "title": synthetic.title,
        "published_at": published,
        "fetched_at": published + timedelta(hours=rng.randint(1, 12)),
        "language": synthetic.language,
        "format": "txt",
        "sha256": hashlib.sha256(f"synthetic-document-{doc_id}".encode()).hexdigest(),
        "raw_key": synthetic.key,
        "text_key": synthetic.key,
        "size_bytes": 400,
        "marking": rng.choice([Tlp.CLEAR, Tlp.GREEN, Tlp.GREEN, Tlp.AMBER, Tlp.RED]).name,
        "reliability": rng.choice("ABCDEF"),
        "credibility": rng.randint(1, 6),
        "bureau_country": None,
        "bureau_reference": None,
        "submission": None,
        "status": DocumentStatus.EXTRACTED.name,
        "error": None,
        "extractor_version": EXTRACTOR_VERSION,
        "extracted_at": published + timedelta(hours=13),
        "relevant": relevant,
        "relevance": relevance,
        "priority": document_priority(relevant, relevance),
        "incident_type": rng.choice(INCIDENT_TYPES) if relevant else IncidentType.NONE,
        "intent_group": rng.choice(list(IntentGroup)) if relevant else None,
        "countries": [synthetic.country],
        "incident_date": (published - timedelta(days=3)).date(),
        "assessment_evidence": [
            {
                "decision": "relevant" if relevant else "not_relevant",
                "start": 0,
                "end": first_sentence_end,
                "note": "synthetic: a material and an arrest are mentioned",
            }
        ],
    }


STATUS_WEIGHTS = [
    (ReviewStatus.PENDING, 70),
    (ReviewStatus.CONFIRMED, 20),
    (ReviewStatus.CORRECTED, 5),
    (ReviewStatus.REJECTED, 5),
]


def _finding_rows(
    document: dict[str, Any],
    first_id: int,
    rng: random.Random,
    synthetic: SyntheticText,
    per_doc: int,
) -> list[dict[str, Any]]:
    statuses = [s for s, _ in STATUS_WEIGHTS]
    weights = [w for _, w in STATUS_WEIGHTS]
    rows = []
    for i in range(per_doc):
        span = synthetic.spans[i % len(synthetic.spans)]
        status = rng.choices(statuses, weights)[0]
        now = utcnow()
        rows.append(
            {
                "id": first_id + i,
                "document_id": document["id"],
                "label": span["label"],
                "text": span["text"],
                "start": span["start"],
                "end": span["end"],
                "normalized": span["normalized"],
                "attributes": span["attributes"],
                "confidence": round(rng.uniform(0.5, 0.99), 2),
                "extractor": "material-rules" if span["label"] == Label.MATERIAL else "spacy-ner",
                "extractor_version": EXTRACTOR_VERSION,
                "origin": FindingOrigin.MACHINE.name,
                "status": status.name,
                "priority": finding_priority(
                    relevant=document["relevant"],
                    relevance=document["relevance"],
                    label=span["label"],
                    attributes=span["attributes"],
                ),
                "version": 1,
                "created_at": now,
                "updated_at": now,
                "reviewed_by": None if status == ReviewStatus.PENDING else "analyst",
            }
        )
    return rows


def _batches(start: int, count: int) -> Iterator[range]:
    for first in range(start, start + count, BATCH):
        yield range(first, min(first + BATCH, start + count))


def fix_sequences(connection: Connection) -> None:
    if connection.dialect.name != "postgresql":
        return
    for table in ("document", "finding", "incident", "ingestrun", "ingestfailure", "source"):
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            )
        )


def seed_synthetic(
    *,
    engine: Engine,
    documents: int,
    findings_per_doc: int = 10,
    seed: int = 11,
    texts: int = TEXTS,
) -> dict[str, int]:
    """Insert `documents` documents with `findings_per_doc` findings each, plus incidents,
    runs and failures; each document takes one of `texts` texts at random (as many texts as
    documents leaves about a third of them copies of another). Returns the counts inserted."""
    rng = random.Random(seed)
    texts_used = synthetic_texts(texts)
    findings_table = Finding.__table__  # type: ignore[attr-defined]
    with engine.begin() as connection:
        source_ids = seed_sources(connection)
        first_doc = _next_id(connection, Document.__table__)  # type: ignore[attr-defined]
        next_finding = _next_id(connection, findings_table)
        for ids in _batches(first_doc, documents):
            doc_rows, finding_rows = [], []
            for doc_id in ids:
                synthetic = rng.choice(texts_used)
                doc_rows.append(_document_row(doc_id, rng, synthetic, source_ids))
                finding_rows += _finding_rows(
                    doc_rows[-1], next_finding, rng, synthetic, findings_per_doc
                )
                next_finding += findings_per_doc
            write_rows(connection, Document.__table__, doc_rows)  # type: ignore[attr-defined]
            for start in range(0, len(finding_rows), BATCH):
                write_rows(connection, findings_table, finding_rows[start : start + BATCH])
        incidents = _seed_incidents(connection, rng, first_doc, documents)
        runs = _seed_runs(connection, rng, source_ids)
        fix_sequences(connection)
    return {
        "documents": documents,
        "findings": documents * findings_per_doc,
        "incidents": incidents,
        "runs": runs,
    }


def _seed_incidents(
    connection: Connection, rng: random.Random, first_doc: int, documents: int
) -> int:
    count = min(max(documents // 50, 1), 2000)
    first_id = _next_id(connection, Incident.__table__)  # type: ignore[attr-defined]
    incidents, links = [], []
    for i in range(count):
        city, country, lat, lon = rng.choice(seed_templates().cities)
        material = rng.choice(seed_templates().materials)
        occurred = (utcnow() - timedelta(days=rng.randint(10, 700))).date()
        event = rng.choice(["theft", "loss", "seizure"])
        incidents.append(
            {
                "id": first_id + i,
                "title": f"{material.canonical} {event} near {city}",
                "occurred_on": occurred,
                "reported_on": occurred + timedelta(days=rng.randint(0, 400)),
                "incident_type": rng.choice(INCIDENT_TYPES),
                "intent_group": rng.choice(list(IntentGroup)),
                "material_group": material.group,
                "materials": [{"name": material.canonical, "material_group": material.group}],
                "country": country,
                "place": city,
                "latitude": lat,
                "longitude": lon,
                "material_status": rng.choice(list(MaterialStatus)),
                "other_countries": [],
                "reliability": rng.choice("BCD"),
                "credibility": rng.randint(2, 4),
                "summary": "Synthetic incident for demonstration and load tests.",
                "status": "OPEN",
                "merged_into_id": None,
                "created_by": "analyst",
                "created_at": utcnow(),
                "updated_at": utcnow(),
                "version": 1,
            }
        )
        for doc_id in {first_doc + rng.randrange(documents) for _ in range(rng.randint(1, 3))}:
            links.append(
                {
                    "incident_id": first_id + i,
                    "document_id": doc_id,
                    "linked_by": "analyst",
                    "linked_at": utcnow(),
                    "reason": "synthetic",
                }
            )
    write_rows(connection, Incident.__table__, incidents)  # type: ignore[attr-defined]
    write_rows(connection, IncidentDocument.__table__, links)  # type: ignore[attr-defined]
    return count


def _seed_runs(connection: Connection, rng: random.Random, source_ids: Sequence[int]) -> int:
    first_run = _next_id(connection, IngestRun.__table__)  # type: ignore[attr-defined]
    first_failure = _next_id(connection, IngestFailure.__table__)  # type: ignore[attr-defined]
    runs: list[dict[str, Any]] = []
    failures: list[dict[str, Any]] = []
    for i in range(12):
        started = utcnow() - timedelta(hours=2 * i + 1)
        failed = i % 4 == 1
        runs.append(
            {
                "id": first_run + i,
                "flow": "ingest",
                "source_id": rng.choice(source_ids),
                "started_at": started,
                "finished_at": started + timedelta(seconds=40),
                "status": (RunStatus.PARTIAL if failed else RunStatus.SUCCEEDED).name,
                "counts": {
                    "fetched": 20,
                    "stored": 18 if failed else 20,
                    "failed": 2 if failed else 0,
                },
                "error": None,
            }
        )
        if failed:
            for j in range(2):
                failures.append(
                    {
                        "id": first_failure + len(failures),
                        "run_id": first_run + i,
                        "source_id": runs[-1]["source_id"],
                        "item": f"inbox/synthetic-{i}-{j}.pdf",
                        "reason": rng.choice(seed_templates().failure_reasons),
                        "at": started,
                        "raw_key": None,
                        "retried_at": None,
                        "resolved": False,
                        "quarantine_path": f"quarantine/synthetic-{i}-{j}.pdf" if j else None,
                    }
                )
    write_rows(connection, IngestRun.__table__, runs)  # type: ignore[attr-defined]
    write_rows(connection, IngestFailure.__table__, failures)  # type: ignore[attr-defined]
    return len(runs)
