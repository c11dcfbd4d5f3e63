"""Plain factory functions for test data, and the read helpers of the ingestion tests.
Factories go through the storage functions where one exists (documents, sources, users,
incidents); findings are built directly because storage only writes them for an extraction
or an analyst's decision, each with side effects a fixture must not have."""

from __future__ import annotations

import hashlib
import uuid
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlmodel import Session, col, select

from flows.settings import get_flow_settings
from flows.sources_file import put_source
from nlp.linking.evidence import DocumentEvidence
from nlp.vocabulary import (
    AlertKind,
    DocumentStatus,
    ExportKind,
    IncidentStatus,
    MaterialStatus,
    Role,
    SourceKind,
    Tlp,
)
from storage.db import session_scope
from storage.documents import add_documents
from storage.exports import ExportedIncident, ExportSet
from storage.incidents import create_incident as open_incident
from storage.incidents import draft_from_document
from storage.models import (
    Alert,
    AlertMatch,
    AlertWatcher,
    Document,
    DocumentCreate,
    Finding,
    Incident,
    IngestFailure,
    IngestRun,
    Source,
    SourceCreate,
)
from storage.models._base import utcnow
from storage.models.assessments import DIMENSIONS, Assessment, Snapshot, SnapshotIncident
from storage.models.users import User
from storage.objectstore import get_object_store
from storage.sources import upsert_source
from storage.users import create_user as add_user
from storage.users import hash_password

HOSTILE_TEXT = (
    "Customs in Rotterdam seized Cs-137 from Norvik Gauge Services.\n"
    "<script>alert(1)</script> <img src=x onerror=alert(2)> "
    "[link](javascript:alert(3)) **bold** :red[red] $x^2$"
)
# An extracted document as the review UI shows it, with a link a browser must never follow.
HOSTILE_METADATA: dict[str, Any] = {
    "title": "Seizure of Cs-137 in Rotterdam",
    "url": "javascript:alert(4)",
    "status": DocumentStatus.EXTRACTED,
}
PASSWORD = "a long enough password"


def create_source(
    session: Session, name: str | None = None, kind: SourceKind = SourceKind.FEED, **fields: Any
) -> Source:
    name = name or f"source-{uuid.uuid4().hex[:8]}"
    source_create = SourceCreate.model_validate({"name": name, "kind": kind, **fields})
    source = upsert_source(session=session, source_create=source_create)
    session.commit()
    return source


def create_document(
    session: Session, text: str = HOSTILE_TEXT, source: Source | None = None, **fields: Any
) -> Document:
    """A committed document whose text is in the object store. Fields of DocumentCreate go
    through storage's add_documents; the ones extraction fills (countries, relevant, ...)
    are set on the stored row afterwards."""
    key = get_object_store().put(text.encode("utf-8"))
    values: dict[str, Any] = {
        "source_id": source.id if source else None,
        "format": "txt",
        "sha256": hashlib.sha256(uuid.uuid4().bytes).hexdigest(),  # unique, whatever the text
        "raw_key": key,
        "text_key": key,
        **fields,
    }
    declared = {
        name: values.pop(name) for name in list(values) if name in DocumentCreate.model_fields
    }
    added = add_documents(session=session, documents=[DocumentCreate.model_validate(declared)])
    document = added.new[0]
    for name, value in values.items():
        setattr(document, name, value)
    session.add(document)
    session.commit()
    session.refresh(document)
    return document


def create_finding(
    session: Session, document: Document, needle: str, label: str = "ORG", **fields: Any
) -> Finding:
    """An extractor's pending finding on the first occurrence of `needle` in the text."""
    text = get_object_store().get(document.text_key or "").decode("utf-8")
    start = text.index(needle)
    values: dict[str, Any] = {
        "document_id": document.id or 0,
        "label": label,
        "text": needle,
        "start": start,
        "end": start + len(needle),
        "extractor": "spacy-ner",
        "extractor_version": "test-1",
        "confidence": 0.8,
        **fields,
    }
    finding = Finding(**values)
    session.add(finding)
    session.commit()
    session.refresh(finding)
    return finding


def create_user(
    session: Session,
    username: str,
    role: str = "analyst",
    password: str = PASSWORD,
    clearance: Tlp = Tlp.RED,  # test data goes up to TLP:RED; clearance tests pass their own
) -> User:
    user = add_user(
        session=session, username=username, password=password, role=role, clearance=clearance
    )
    session.commit()
    return user


@lru_cache(maxsize=1)
def _unknown_password_hash() -> str:
    """One hash for every create_actor account: hashing is slow on purpose, and nobody signs
    in with a password nobody knows."""
    return hash_password(uuid.uuid4().hex)


def create_actor(
    session: Session, username: str, role: Role = Role.ANALYST, clearance: Tlp = Tlp.RED
) -> str:
    """An enabled account, so storage functions accept `username` as the acting user (the row
    itself: tests act as short names like "a" that sign-up would refuse)."""
    password_hash = _unknown_password_hash()
    session.add(
        User(username=username, role=role, clearance=clearance, password_hash=password_hash)
    )
    session.commit()
    return username


def create_incident(
    session: Session,
    documents: list[Document],
    username: str = "ana",
    status: IncidentStatus = IncidentStatus.OPEN,
    **fields: Any,
) -> Incident:
    """An incident opened from the first document (pre-filled from its findings), with all.
    `status` and other Incident fields (dates, countries, materials...) are set on the stored
    row afterwards, as an analyst's later edits and confirmation would."""
    draft = draft_from_document(session=session, document_id=ident(documents[0]), clearance=Tlp.RED)
    ids = [ident(document) for document in documents]
    incident = open_incident(session=session, username=username, data=draft, document_ids=ids)
    for name, value in {"status": status, **fields}.items():
        setattr(incident, name, value)
    if status == IncidentStatus.CONFIRMED:
        incident.confirmed_by, incident.confirmed_at = username, utcnow()
    session.add(incident)
    session.commit()
    session.refresh(incident)
    return incident


def create_confirmed_incident(
    session: Session, documents: list[Document], username: str = "ana", **fields: Any
) -> Incident:
    """An incident opened from the documents, with `fields` set, confirmed by `username`."""
    return create_incident(session, documents, username, IncidentStatus.CONFIRMED, **fields)


def ident(row: Document | Finding | Any) -> int:
    """The primary key of a stored row (never None once committed)."""
    assert row.id is not None
    return int(row.id)


def document_create(text: str, **fields: Any) -> DocumentCreate:
    """An unsaved document whose sha256 is that of `text` (equal texts, equal documents)."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    return DocumentCreate.model_validate({"format": "txt", "sha256": sha, **fields})


def declare(name: str, kind: str, **fields: Any) -> SourceCreate:
    """A source declared in the sources file, as an operator would."""
    source = SourceCreate.model_validate({"name": name, "kind": kind, **fields})
    put_source(get_flow_settings().resolved_sources_file, source)
    return source


def documents(session: Session | None = None) -> list[Document]:
    with session_scope() as own:
        query = select(Document).order_by(col(Document.id))
        return list((session or own).exec(query).all())


def failures() -> list[IngestFailure]:
    with session_scope() as session:
        return list(session.exec(select(IngestFailure).order_by(col(IngestFailure.id))).all())


def runs() -> list[IngestRun]:
    with session_scope() as session:
        return list(session.exec(select(IngestRun).order_by(col(IngestRun.id))).all())


def by_source(results: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {result["source"]: result for result in results}


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def exported_incident(
    incident_id: int = 1,
    marking: Tlp = Tlp.GREEN,
    sources: tuple[str, ...] = ("Reuters",),
    **fields: Any,
) -> ExportedIncident:
    """A confirmed incident as storage.exports hands it to the export formats (not stored):
    Cs-137 in a gauge, seized in Rotterdam, with fixed timestamps."""
    values: dict[str, Any] = {
        "id": incident_id,
        "title": f"Seizure of a Cs-137 gauge ({incident_id})",
        "status": IncidentStatus.CONFIRMED,
        "occurred_on": date(2026, 3, 2),
        "reported_on": date(2026, 3, 5),
        "materials": [
            {"name": "Cs-137", "activity_bq": 3.7e10, "device": "moisture gauge",
             "serial_number": "NG-1234", "iaea_category": 4},
        ],
        "material_status": MaterialStatus.SEIZED,
        "country": "NL",
        "other_countries": ["BE"],
        "place": "Rotterdam",
        "latitude": 51.92,
        "longitude": 4.48,
        "reliability": "B",
        "credibility": 2,
        "summary": "Customs found a gauge in a container.",
        "created_by": "ana",
        "created_at": datetime(2026, 3, 6, 9, 0, tzinfo=UTC),
        "updated_at": datetime(2026, 3, 7, 10, 30, tzinfo=UTC),
        "confirmed_by": "ana",
        "confirmed_at": datetime(2026, 3, 7, 10, 30, tzinfo=UTC),
        **fields,
    }  # fmt: skip
    incident = Incident.model_validate(values)
    incident.id = incident_id
    return ExportedIncident(incident, marking, sources, (incident_id * 10,))


def incident_export(*incidents: ExportedIncident, limit: Tlp = Tlp.RED) -> ExportSet:
    return ExportSet(ExportKind.INCIDENTS, limit, incidents=incidents)


# A hostile incident title: markup, Markdown table and link syntax, a spreadsheet formula.
HOSTILE_TITLE = (
    "<script>alert(1)</script> Cs-137 | seized *twice* [link](javascript:alert(1)) "
    '=HYPERLINK("http://evil.example","x") <img src="file:///etc/passwd">'
)
# Where the sample incidents happened: French and Arabic place names, (place, country, lat, lon).
SAMPLE_PLACES = (
    ("Saint-Étienne", "FR", 45.43, 4.39),
    ("Besançon", "FR", 47.24, 6.02),
    ("الدار البيضاء", "MA", 33.57, -7.59),
    ("عمّان", "JO", 31.95, 35.93),
    ("Rotterdam", "NL", 51.92, 4.48),
    ("Almaty", "KZ", 43.24, 76.89),
)
SAMPLE_KINDS = (  # (incident type, intent group, material group, material, category, status)
    ("theft", "likely_trafficking_or_malicious", "radioactive_source",
     "Ir-192, 1.2 TBq, Cat 2", 2, "stolen"),
    ("trafficking_or_smuggling", "likely_trafficking_or_malicious", "nuclear",
     "HEU, 15 g", None, "seized"),
    ("loss", "not_connected", "radioactive_source", "Cs-137, 3.7 GBq, Cat 4", 4, "missing"),
    ("orphan_source_found", "undetermined", "radioactive_source",
     "Co-60, 40 TBq, Cat 1", 1, "found"),
    ("scam_or_fraud", "undetermined", "none", "red mercury", None, "seized"),
    ("unauthorized_possession", "not_connected", "contaminated",
     "contaminated scrap metal", None, "recovered"),
)  # fmt: skip


def sample_incident(number: int, **fields: Any) -> SnapshotIncident:
    """The `number`th sample incident (places and kinds cycle), dated in 2026-Q3."""
    place, country, latitude, longitude = SAMPLE_PLACES[number % len(SAMPLE_PLACES)]
    kind, intent, group, material, category, status = SAMPLE_KINDS[number % len(SAMPLE_KINDS)]
    values: dict[str, Any] = {
        "id": 100 + number,
        "title": f"{kind.replace('_', ' ').capitalize()} in {place}",
        "occurred_on": date(2026, 7, 1) + timedelta(days=7 * number),
        "occurred_until": None,
        "reported_on": date(2026, 7, 3) + timedelta(days=7 * number),
        "incident_type": kind,
        "intent_group": intent,
        "material_group": None if group == "none" else group,
        "materials": [material],
        "iaea_category": category,
        "material_status": status,
        "country": country,
        "other_countries": [],
        "place": place,
        "latitude": latitude,
        "longitude": longitude,
        "sources": ["Le Progrès (B2)", "الغد (C3)"] if number % 2 else ["Reuters (A1)"],
        "reliability": "B",
        "credibility": 2,
        "marking": Tlp.GREEN if number % 3 else Tlp.AMBER,
    }
    return SnapshotIncident(**(values | fields))


def _counts(incidents: list[SnapshotIncident]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {dimension: {} for dimension in DIMENSIONS}
    for incident in incidents:
        for dimension in DIMENSIONS:
            value = getattr(incident, dimension)
            key = "unknown" if value is None else str(value)
            counts[dimension][key] = counts[dimension].get(key, 0) + 1
    return counts


def sample_snapshot(count: int = 14, **fields: Any) -> Snapshot:
    """A 2026-Q3 snapshot of `count` incidents, a hostile title among them, with two left out
    above its ceiling (TLP:AMBER) and one undated."""
    incidents = [sample_incident(n) for n in range(count)]
    if len(incidents) > 1:
        incidents[1] = sample_incident(1, title=HOSTILE_TITLE, occurred_until=date(2026, 7, 12))
    values: dict[str, Any] = {
        "period": "2026-Q3",
        "period_start": date(2026, 7, 1),
        "period_end": date(2026, 9, 30),
        "previous_period": "2026-Q2",
        "scope": None,
        "ceiling": Tlp.AMBER,
        "built_at": datetime(2026, 10, 1, 6, 30, tzinfo=UTC),
        "marking": Tlp.AMBER if any(i.marking is Tlp.AMBER for i in incidents) else Tlp.GREEN,
        "incidents": incidents,
        "counts": _counts(incidents),
        "previous_counts": _counts([sample_incident(n) for n in range(0, 2 * count, 3)]),
        "previous_total": len(range(0, 2 * count, 3)),
        "left_out_above_ceiling": 2,
        "left_out_undated": 1,
    }
    return Snapshot(**(values | fields))


def sample_assessment(snapshot: Snapshot | None = None, **fields: Any) -> Assessment:
    """A draft assessment of `snapshot` (default `sample_snapshot()`) with every narrative
    section written, hostile Markdown in one of them."""
    snapshot = snapshot or sample_snapshot()
    values: dict[str, Any] = {
        "id": 7,
        "series_id": 7,
        "title": "RN trafficking threat assessment, third quarter 2026",
        "period": snapshot.period,
        "period_start": snapshot.period_start,
        "period_end": snapshot.period_end,
        "scope": snapshot.scope,
        "ceiling": snapshot.ceiling,
        "marking": snapshot.marking,
        "key_judgements": "- Thefts of **Category 2** sources rose.\n- Scams persist.",
        "summary": "Seizures near [ports](https://example.org/ports) dominated the quarter.",
        "trends": '<img src="file:///etc/passwd"> <script>alert(2)</script>\n\n'
        "[click](javascript:alert(3)) ![x](http://tracker.example/pixel.png)",
        "outlook": "Expect more reports from Saint-Étienne and عمّان.",
        "snapshot": snapshot.model_dump(mode="json"),
        "snapshot_at": snapshot.built_at,
        "author": "edna",
    }
    return Assessment(**(values | fields))


def link_evidence(document_id: str = "doc", **fields: Any) -> DocumentEvidence:
    """DocumentEvidence for the linking tests: an English report with nothing in it but
    what the test gives (sets as any iterable, dates as ISO strings)."""
    values: dict[str, Any] = {
        "document_id": document_id,
        "language": "en",
        "title": document_id,
        "published": None,
        "incident_date": None,
        "incident_type": "theft",
    }
    for key, value in fields.items():
        if key in ("published", "incident_date") and isinstance(value, str):
            value = date.fromisoformat(value)
        elif key == "dates":
            value = frozenset(date.fromisoformat(v) for v in value)
        elif isinstance(value, list | set | tuple) and key not in ("activities", "quantities"):
            value = frozenset(value)
        values[key] = value
    return DocumentEvidence(**values)


LINK_THEFT_EN = (
    "A Cs-137 gauge was stolen from a construction site in Monterrey on Monday, "
    "civil protection said. The source is dangerous if opened."
)
LINK_THEFT_ES = (
    "Robaron una fuente de Cs-137 de una obra en Monterrey, informó Protección Civil "
    "el lunes. Piden no manipular el contenedor."
)


def create_link_pair(session: Session, **fields: Any) -> tuple[Document, Document]:
    """Two reports of one Cs-137 theft in Monterrey, in English and Spanish, a day apart."""
    english = create_link_report(session, LINK_THEFT_EN, city="Monterrey", **fields)
    spanish = create_link_report(
        session, LINK_THEFT_ES, city="Monterrey", incident_date="2026-03-03", language="es"
    )
    return english, spanish


def create_link_report(
    session: Session,
    text: str,
    *,
    nuclide: str = "Cs-137",
    city: str | None = None,
    country: str = "MX",
    incident_date: str = "2026-03-02",
    **fields: Any,
) -> Document:
    """A relevant, extracted report for the linking tests: `nuclide` and `city` (when given)
    must occur in `text`; they become a MATERIAL and a resolved city finding."""
    document = create_document(
        session,
        text,
        relevant=True,
        relevance=0.9,
        status=DocumentStatus.EXTRACTED,
        incident_type="theft",
        countries=[country],
        incident_date=date.fromisoformat(incident_date),
        **{"language": "en", "title": text[:40], **fields},
    )
    material = {"canonical": nuclide, "material_group": "radioactive_source"}
    create_finding(session, document, nuclide, "MATERIAL", normalized=nuclide, attributes=material)
    if city:
        place = {"place_kind": "city", "place_name": city}
        create_finding(session, document, city, "GPE", normalized=country, attributes=place)
    return document


def create_alert(session: Session, username: str = "ana", **fields: Any) -> Alert:
    """A source alert (a stolen Ir-192 radiography camera) as storage.alerts would store it;
    `fields` override any Alert field (kind, marking, the person fields...)."""
    values: dict[str, Any] = {
        "kind": AlertKind.SOURCE,
        "title": "Stolen Ir-192 radiography camera",
        "marking": Tlp.AMBER,
        "nuclide": "Ir-192",
        "activity_bq": 1.2e12,
        "activity_reference_date": date(2026, 3, 1),
        "device_make": "Sentinel",
        "device_model": "880 Delta",
        "serial_number": "D-4417",
        "owner": "Norvik Inspection Ltd",
        "country": "MX",
        "place": "Monterrey",
        "reported_missing_on": date(2026, 3, 2),
        "created_by": username,
        **fields,
    }
    alert = Alert(**values)
    session.add(alert)
    session.commit()
    session.refresh(alert)
    return alert


def create_watcher(session: Session, alert: Alert, username: str) -> AlertWatcher:
    watcher = AlertWatcher(alert_id=ident(alert), username=username, added_by=username)
    session.add(watcher)
    session.commit()
    return watcher


def create_alert_match(
    session: Session, alert: Alert, document: Document, score: float = 0.93, **fields: Any
) -> AlertMatch:
    """A proposed match of `document` on `alert`, as the matcher would store it."""
    evidence = {"shared": [{"kind": "serial_number", "alert": "D-4417", "document": "D4417"}]}
    match = AlertMatch(
        alert_id=ident(alert), document_id=ident(document), score=score, evidence=evidence, **fields
    )
    session.add(match)
    session.commit()
    session.refresh(match)
    return match
