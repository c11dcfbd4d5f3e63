"""Closed vocabularies of the data model (see ../shared/DOMAIN.md)."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    ANALYST = "analyst"
    EDITOR = "editor"
    ADMIN = "admin"


class SourceKind(StrEnum):
    FEED = "feed"  # RSS or Atom
    WEB = "web"  # a list of web pages
    INBOX_FOLDER = "inbox_folder"  # bureau submissions dropped in a folder
    INBOX_S3 = "inbox_s3"  # bureau submissions under an object-store prefix


class Tlp(StrEnum):
    """Traffic Light Protocol 2.0, least to most restrictive."""

    CLEAR = "TLP:CLEAR"
    GREEN = "TLP:GREEN"
    AMBER = "TLP:AMBER"
    AMBER_STRICT = "TLP:AMBER+STRICT"
    RED = "TLP:RED"

    @property
    def rank(self) -> int:
        return list(Tlp).index(self)


class DocumentStatus(StrEnum):
    PENDING = "pending"  # stored, awaiting extraction
    EXTRACTED = "extracted"
    NEEDS_OCR = "needs_ocr"  # stored, no text layer
    FAILED = "failed"  # stored raw bytes, could not be parsed


class ReviewStatus(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    CORRECTED = "corrected"
    REJECTED = "rejected"


class FindingOrigin(StrEnum):
    MACHINE = "machine"
    ANALYST = "analyst"


class IncidentType(StrEnum):
    THEFT = "theft"
    LOSS = "loss"
    TRAFFICKING_OR_SMUGGLING = "trafficking_or_smuggling"
    UNAUTHORIZED_POSSESSION = "unauthorized_possession"
    SCAM_OR_FRAUD = "scam_or_fraud"
    ORPHAN_SOURCE_FOUND = "orphan_source_found"
    SABOTAGE_OR_ATTACK = "sabotage_or_attack"
    OTHER = "other"
    NONE = "none"


class IntentGroup(StrEnum):
    """ITDB fact-sheet intent groups."""

    MALICIOUS = "likely_trafficking_or_malicious"
    UNDETERMINED = "undetermined"
    NOT_MALICIOUS = "not_connected"


class MaterialGroup(StrEnum):
    NUCLEAR = "nuclear"
    RADIOACTIVE_SOURCE = "radioactive_source"
    CONTAMINATED = "contaminated"
    NONE = "none"  # scams: claimed material that is not nuclear


class IncidentStatus(StrEnum):
    OPEN = "open"
    MERGED = "merged"


class AssessmentStatus(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"


class RunStatus(StrEnum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    PARTIAL = "partial"  # finished, some items failed
    FAILED = "failed"
    CRASHED = "crashed"  # found still "running" by a later run
