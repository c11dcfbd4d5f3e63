"""Plain data passed between nlp/ and the rest. No storage types here: nlp/ is pure."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from nlp.vocabulary import EvidenceDecision, IncidentType, IntentGroup, Label


@dataclass(frozen=True)
class InputDocument:
    """Text to extract from. `id` is opaque to nlp/ (a database id, a JSONL id...)."""

    id: str
    text: str
    language: str | None = None  # ISO 639-1 if known; detected otherwise


@dataclass(frozen=True)
class FindingDraft:
    """One extraction, with offsets into InputDocument.text and why it was made."""

    label: Label
    text: str
    start: int
    end: int
    normalized: str | None
    attributes: dict[str, Any]  # JSON-safe values only (cast numpy scalars to float)
    confidence: float
    extractor: str  # "spacy-ner", "material-rules", "gazetteer", "transformer-ner"...
    extractor_version: str


@dataclass(frozen=True)
class EvidenceSpan:
    decision: EvidenceDecision
    start: int
    end: int
    note: str = ""


@dataclass(frozen=True)
class DocumentAssessment:
    relevant: bool
    relevance: float  # 0..1
    incident_type: IncidentType
    intent_group: IntentGroup
    countries: list[str]  # ISO 3166-1 alpha-2
    incident_date: date | None
    evidence: list[EvidenceSpan] = field(default_factory=list)


@dataclass(frozen=True)
class ExtractionResult:
    id: str
    language: str
    findings: list[FindingDraft]
    assessment: DocumentAssessment
    embedding: list[float] | None  # None when triage skipped the expensive steps
    extractor_version: str


@dataclass(frozen=True)
class Attachment:
    filename: str
    content_type: str | None
    data: bytes


@dataclass
class ParsedDocument:
    """What a format parser makes of raw bytes: text plus metadata, never storage rows."""

    text: str
    format: str  # html, pdf, docx, eml, txt, json, csv, rss
    title: str | None = None
    published_at: datetime | None = None
    language: str | None = None
    url: str | None = None
    external_id: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)  # e.g. validated bureau submission
    attachments: list[Attachment] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # e.g. "needs_ocr"


class ParseError(Exception):
    """Raised by a format parser for input it cannot read. The message is shown to operators."""
