"""Synthetic data at scale for demos, UI tests and benchmarks.

A few hundred synthetic texts (fictional people and companies, real places and isotope
facts; English, French, Spanish, Arabic) are stored once in the object store and shared by
many documents; findings point at real spans of those texts. Rows go in by batches of
10,000: COPY on PostgreSQL, executemany on SQLite.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection, Engine

from nlp.vocabulary import (
    DocumentStatus,
    FindingOrigin,
    IncidentType,
    IntentGroup,
    Label,
    MaterialGroup,
    ReviewStatus,
    RunStatus,
    SourceKind,
    Tlp,
)
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

PEOPLE = [
    "Tomas Velkov",
    "Anika Brandt",
    "Rami Haddad",
    "Lucía Ferrer",
    "Jean-Marc Dorval",
    "Samira Khoury",
    "Piotr Zalewski",
    "Elena Marchetti",
    "Karim Bensaid",
    "Nora Lindqvist",
]
COMPANIES = [
    "Veltrana Logistics",
    "Norvik Gauge Services",
    "Celadon Radiography",
    "Ostrel Testing",
    "Miradores Industrial",
    "Qasr Engineering",
    "Baltec Well Services",
    "Lumen Isotopes",
]
# (city, ISO country, latitude, longitude)
CITIES = [
    ("Lyon", "FR", 45.76, 4.84),
    ("Madrid", "ES", 40.42, -3.70),
    ("Casablanca", "MA", 33.57, -7.59),
    ("Amman", "JO", 31.95, 35.93),
    ("Rotterdam", "NL", 51.92, 4.48),
    ("Tbilisi", "GE", 41.72, 44.78),
    ("Almaty", "KZ", 43.24, 76.89),
    ("Johannesburg", "ZA", -26.20, 28.05),
    ("Manila", "PH", 14.60, 120.98),
    ("Valencia", "ES", 39.47, -0.38),
]
# (surface en, surface fr, surface es, surface ar, canonical, group, activity Bq, category, device)
MATERIALS = [
    (
        "Cs-137",
        "césium 137",
        "cesio-137",
        "سيزيوم-137",
        "Cs-137",
        MaterialGroup.RADIOACTIVE_SOURCE,
        3.7e10,
        4,
        "portable moisture/density gauge",
    ),
    (
        "Ir-192",
        "iridium 192",
        "iridio-192",
        "إيريديوم-192",
        "Ir-192",
        MaterialGroup.RADIOACTIVE_SOURCE,
        1.5e12,
        2,
        "industrial radiography camera",
    ),
    (
        "Co-60",
        "cobalt 60",
        "cobalto-60",
        "كوبالت-60",
        "Co-60",
        MaterialGroup.RADIOACTIVE_SOURCE,
        5.0e13,
        1,
        "teletherapy head",
    ),
    (
        "Am-241/Be",
        "américium-béryllium",
        "americio-berilio",
        "أمريسيوم-بيريليوم",
        "Am-241/Be",
        MaterialGroup.RADIOACTIVE_SOURCE,
        7.4e11,
        3,
        "well-logging tool",
    ),
    (
        "depleted uranium",
        "uranium appauvri",
        "uranio empobrecido",
        "يورانيوم مستنفد",
        "depleted uranium",
        MaterialGroup.NUCLEAR,
        None,
        None,
        None,
    ),
    (
        "red mercury",
        "mercure rouge",
        "mercurio rojo",
        "الزئبق الأحمر",
        "red mercury",
        MaterialGroup.NONE,
        None,
        None,
        None,
    ),
]
NOT_SEEDED_TYPES = {IncidentType.SABOTAGE_OR_ATTACK, IncidentType.OTHER, IncidentType.NONE}
INCIDENT_TYPES = [t for t in IncidentType if t not in NOT_SEEDED_TYPES]

Slot = tuple[Label, str, str | None, dict[str, Any]]
TEMPLATES: dict[str, list[list[str]]] = {
    "en": [
        [
            "Police in ",
            "{city}",
            " arrested ",
            "{person}",
            " on ",
            "{date}",
            " after a container holding ",
            "{material}",
            " was found in a van of ",
            "{company}",
            ". ",
            "{person2}",
            ", a driver, told investigators that ",
            "{company2}",
            " had paid him. Officers in ",
            "{city2}",
            " are searching for a second source.",
        ]
    ],
    "fr": [
        [
            "La police de ",
            "{city}",
            " a interpellé ",
            "{person}",
            " le ",
            "{date}",
            " : un conteneur de ",
            "{material}",
            " appartenant à ",
            "{company}",
            " avait disparu. ",
            "{person2}",
            ", technicien chez ",
            "{company2}",
            ", a signalé le vol. Une enquête est ouverte à ",
            "{city2}",
            ".",
        ]
    ],
    "es": [
        [
            "La Guardia Civil detuvo en ",
            "{city}",
            " a ",
            "{person}",
            " el ",
            "{date}",
            " con un equipo que contenía ",
            "{material}",
            " robado a ",
            "{company}",
            ". ",
            "{person2}",
            ", empleado de ",
            "{company2}",
            ", denunció la pérdida. La fuente fue recuperada cerca de ",
            "{city2}",
            ".",
        ]
    ],
    "ar": [
        [
            "أعلنت الشرطة في ",
            "{city}",
            " توقيف ",
            "{person}",
            " يوم ",
            "{date}",
            " بعد العثور على حاوية تحتوي على ",
            "{material}",
            " تابعة لشركة ",
            "{company}",
            ". وقال ",
            "{person2}",
            " من شركة ",
            "{company2}",
            " إن المصدر سُرق. ويجري البحث في ",
            "{city2}",
            ".",
        ]
    ],
}
TITLES = {
    "en": "Arrest in {city} over missing {material}",
    "fr": "Interpellation à {city} : {material} disparu",
    "es": "Detención en {city} por {material} robado",
    "ar": "توقيف في {city} بسبب {material}",
}
LANGUAGE_INDEX = {"en": 0, "fr": 1, "es": 2, "ar": 3}


@dataclass(frozen=True)
class SyntheticText:
    key: str
    language: str
    title: str
    country: str
    spans: list[dict[str, Any]]  # label, text, start, end, normalized, attributes


def _slots(rng: random.Random, language: str) -> dict[str, Slot]:
    city, country, _, _ = rng.choice(CITIES)
    city2, country2, _, _ = rng.choice(CITIES)
    person, person2 = rng.sample(PEOPLE, 2)
    company, company2 = rng.sample(COMPANIES, 2)
    material: tuple[Any, ...] = rng.choice(MATERIALS)
    day = (utcnow() - timedelta(days=rng.randint(5, 400))).date()
    attributes = {
        "canonical": material[4],
        "material_group": material[5],
        "activity_bq": material[6],
        "iaea_category": material[7],
        "device": material[8],
        "evidence": "material rule: isotope name",
    }
    surface = str(material[LANGUAGE_INDEX[language]])
    return {
        "{city}": (Label.GPE, city, country, {}),
        "{city2}": (Label.GPE, city2, country2, {}),
        "{person}": (Label.PERSON, person, None, {}),
        "{person2}": (Label.PERSON, person2, None, {}),
        "{company}": (Label.ORG, company, None, {}),
        "{company2}": (Label.ORG, company2, None, {}),
        "{date}": (Label.DATE, day.isoformat(), day.isoformat(), {}),
        "{material}": (Label.MATERIAL, surface, str(material[4]), attributes),
    }


def compose_text(rng: random.Random, language: str) -> tuple[str, list[dict[str, Any]], str]:
    """A synthetic text, its entity spans and its country, from a random template."""
    slots = _slots(rng, language)
    pieces: list[str] = []
    spans: list[dict[str, Any]] = []
    offset = 0
    for part in rng.choice(TEMPLATES[language]):
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
    texts = []
    for i in range(count):
        language = list(TEMPLATES)[i % len(TEMPLATES)]
        body, spans, country = compose_text(rng, language)
        city = next(s["text"] for s in spans if s["label"] == Label.GPE)
        material = next(s["text"] for s in spans if s["label"] == Label.MATERIAL)
        title = TITLES[language].format(city=city, material=material)
        key = store.put(body.encode("utf-8"))
        texts.append(SyntheticText(key, language, title, country, spans))
    return texts


def _seed_sources(connection: Connection) -> list[int]:
    names = [
        "Synthetic wire (EN)",
        "Synthetic régional (FR)",
        "Synthetic diario (ES)",
        "Synthetic bureau inbox (AR)",
        "Synthetic regulator notices",
    ]
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


def _copy_rows(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL COPY of a batch (JSON columns serialised, NULL as \\N)."""
    columns = list(rows[0])
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(_copy_value(row[c]) for c in columns) + "\n")
    quoted = ", ".join(f'"{c}"' for c in columns)
    raw: Any = connection.connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
        copy.write(buffer.getvalue())


def _copy_value(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool):
        value = "t" if value else "f"
    escaped = str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    return escaped.replace("\r", "\\r")


def _write(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        _copy_rows(connection, table, rows)
    else:
        connection.execute(insert(table), rows)


def _batches(start: int, count: int) -> Iterator[range]:
    for first in range(start, start + count, BATCH):
        yield range(first, min(first + BATCH, start + count))


def _fix_sequences(connection: Connection) -> None:
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
    *, engine: Engine, documents: int, findings_per_doc: int = 10, seed: int = 11
) -> dict[str, int]:
    """Insert `documents` documents with `findings_per_doc` findings each, plus incidents,
    runs and failures. Returns the counts inserted."""
    rng = random.Random(seed)
    texts = synthetic_texts()
    findings_table = Finding.__table__  # type: ignore[attr-defined]
    with engine.begin() as connection:
        source_ids = _seed_sources(connection)
        first_doc = _next_id(connection, Document.__table__)  # type: ignore[attr-defined]
        next_finding = _next_id(connection, findings_table)
        for ids in _batches(first_doc, documents):
            doc_rows, finding_rows = [], []
            for doc_id in ids:
                synthetic = rng.choice(texts)
                doc_rows.append(_document_row(doc_id, rng, synthetic, source_ids))
                finding_rows += _finding_rows(
                    doc_rows[-1], next_finding, rng, synthetic, findings_per_doc
                )
                next_finding += findings_per_doc
            _write(connection, Document.__table__, doc_rows)  # type: ignore[attr-defined]
            for start in range(0, len(finding_rows), BATCH):
                _write(connection, findings_table, finding_rows[start : start + BATCH])
        incidents = _seed_incidents(connection, rng, first_doc, documents)
        runs = _seed_runs(connection, rng, source_ids)
        _fix_sequences(connection)
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
        city, country, lat, lon = rng.choice(CITIES)
        material = rng.choice(MATERIALS)
        occurred = (utcnow() - timedelta(days=rng.randint(10, 700))).date()
        incidents.append(
            {
                "id": first_id + i,
                "title": f"{material[4]} {rng.choice(['theft', 'loss', 'seizure'])} near {city}",
                "occurred_on": occurred,
                "reported_on": occurred + timedelta(days=rng.randint(0, 400)),
                "incident_type": rng.choice(INCIDENT_TYPES),
                "intent_group": rng.choice(list(IntentGroup)),
                "material_group": material[5],
                "materials": [material[4]],
                "country": country,
                "place": city,
                "latitude": lat,
                "longitude": lon,
                "recovered": rng.random() < 0.5,
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
    _write(connection, Incident.__table__, incidents)  # type: ignore[attr-defined]
    _write(connection, IncidentDocument.__table__, links)  # type: ignore[attr-defined]
    return count


FAILURE_REASONS = [
    "HTTP 503 from the feed",
    "PDF has no text layer (needs OCR)",
    "invalid e-mail: no Date header",
    "charset could not be detected",
]


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
                        "reason": rng.choice(FAILURE_REASONS),
                        "at": started,
                        "raw_key": None,
                        "retried_at": None,
                        "resolved": False,
                        "quarantine_path": f"quarantine/synthetic-{i}-{j}.pdf" if j else None,
                    }
                )
    _write(connection, IngestRun.__table__, runs)  # type: ignore[attr-defined]
    _write(connection, IngestFailure.__table__, failures)  # type: ignore[attr-defined]
    return len(runs)
