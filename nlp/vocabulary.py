"""Every closed vocabulary of radintel, one `StrEnum` each (see ../shared/DOMAIN.md).

The bottom of the stack: nlp/, storage/, flows/ and review_ui/ all import from here, and this
module imports nothing of theirs. Values are what is stored and exchanged (database rows,
JSONL records, gold files); they never change. Member names say what the value says.
"""

from __future__ import annotations

from enum import StrEnum


class Label(StrEnum):
    """What a finding is: a named entity (spaCy's label names) or a material mention."""

    PERSON = "PERSON"
    ORG = "ORG"
    GPE = "GPE"  # countries, cities, states
    LOC = "LOC"  # other places: regions, mountains, bodies of water
    FAC = "FAC"  # facilities: ports, plants, airports
    DATE = "DATE"
    MATERIAL = "MATERIAL"  # nuclear or radioactive material, device, scam material


ENTITY_LABELS = tuple(label for label in Label if label is not Label.MATERIAL)


class IncidentType(StrEnum):
    THEFT = "theft"
    LOSS = "loss"
    TRAFFICKING_OR_SMUGGLING = "trafficking_or_smuggling"
    UNAUTHORIZED_POSSESSION = "unauthorized_possession"
    SCAM_OR_FRAUD = "scam_or_fraud"
    ORPHAN_SOURCE_FOUND = "orphan_source_found"
    SABOTAGE_OR_ATTACK = "sabotage_or_attack"
    OTHER = "other"
    NONE = "none"  # not an RN incident at all


class IntentGroup(StrEnum):
    """ITDB fact-sheet intent groups."""

    LIKELY_TRAFFICKING_OR_MALICIOUS = "likely_trafficking_or_malicious"
    UNDETERMINED = "undetermined"
    NOT_CONNECTED = "not_connected"  # not connected with trafficking or malicious intent


class MaterialGroup(StrEnum):
    NUCLEAR = "nuclear"
    RADIOACTIVE_SOURCE = "radioactive_source"
    CONTAMINATED = "contaminated"
    NONE = "none"  # scams: claimed material that is not nuclear


class EvidenceDecision(StrEnum):
    """Which part of a document assessment an evidence span supports."""

    RELEVANT = "relevant"
    INCIDENT_TYPE = "incident_type"
    INTENT_GROUP = "intent_group"
    COUNTRY = "country"
    INCIDENT_DATE = "incident_date"


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


class Role(StrEnum):
    ANALYST = "analyst"
    EDITOR = "editor"
    ADMIN = "admin"


class SourceKind(StrEnum):
    FEED = "feed"  # RSS or Atom
    WEB = "web"  # a list of web pages
    INBOX_FOLDER = "inbox_folder"  # bureau submissions dropped in a folder
    INBOX_S3 = "inbox_s3"  # bureau submissions under an object-store prefix


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


class IncidentStatus(StrEnum):
    OPEN = "open"  # being built by analysts; counts nowhere yet
    CONFIRMED = "confirmed"  # an analyst confirmed it: assessments and exports count it
    MERGED = "merged"  # folded into another incident (merged_into_id)


class MaterialStatus(StrEnum):
    """What became of the material (ITDB): the state last reported."""

    MISSING = "missing"  # lost, whereabouts unknown
    STOLEN = "stolen"
    SEIZED = "seized"  # taken by authorities from unauthorised hands
    RECOVERED = "recovered"  # a lost or stolen item back under control
    FOUND = "found"  # uncontrolled (orphan) material discovered
    UNKNOWN = "unknown"


class LinkKind(StrEnum):
    """What a link proposal joins: two documents, or a document and an incident."""

    DOCUMENT = "document"
    INCIDENT = "incident"


class LinkStatus(StrEnum):
    """pending -> accepted or rejected by an analyst; closed when linking by hand made it
    moot. A rejected pair is never proposed again."""

    PENDING = "pending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    CLOSED = "closed"


class AssessmentStatus(StrEnum):
    """draft -> in_review -> published; draft or in_review -> withdrawn; in_review -> draft
    when a reviewer returns it. A published edition never changes: a correction is a new one."""

    DRAFT = "draft"
    IN_REVIEW = "in_review"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class AuditEntity(StrEnum):
    """What an audit event (a ReviewEvent) is about."""

    FINDING = "finding"
    INCIDENT = "incident"
    USER = "user"
    ASSESSMENT = "assessment"
    FAILURE = "failure"  # an ingestion failure retried from the dashboard
    EXPORT = "export"  # a machine-readable export written from the command line
    LINK = "link"  # a link proposal accepted or rejected
    ALERT = "alert"  # a watchlist alert created, edited, closed or reopened
    ALERT_MATCH = "alert_match"  # a proposed match confirmed or rejected
    NOTICE = "notice"  # a notice draft through four-eyes publishing


class AlertKind(StrEnum):
    """What a watchlist alert watches for."""

    SOURCE = "source"  # a stolen or missing radioactive source (or device)
    PERSON = "person"  # a person involved in radioactive crime


class AlertStatus(StrEnum):
    """open -> matched (a match was confirmed; still watched) -> closed; open -> closed.
    A closed alert can be reopened. Only open and matched alerts are matched against."""

    OPEN = "open"
    MATCHED = "matched"
    CLOSED = "closed"


class AlertCloseReason(StrEnum):
    RECOVERED = "recovered"  # the source is back under control
    WITHDRAWN = "withdrawn"  # no longer of interest, or raised in error


class AlertMatchStatus(StrEnum):
    """pending -> confirmed or rejected by an analyst. A rejected (alert, document) pair is
    never proposed again."""

    PENDING = "pending"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


class NotificationKind(StrEnum):
    NEW_MATCH = "new_match"  # a proposed match scored above the alert's threshold
    CONFIRMED_MATCH = "confirmed_match"
    ALERT_CLOSED = "alert_closed"


class NoticeKind(StrEnum):
    """Draft notices in the structure of INTERPOL's colour-coded notices."""

    ORANGE = "orange"  # a threat from a source or a person
    PURPLE = "purple"  # a modus operandi


class ExportKind(StrEnum):
    """What `radintel export` writes: confirmed incidents, their documents, or the findings
    analysts confirmed or corrected."""

    INCIDENTS = "incidents"
    DOCUMENTS = "documents"
    FINDINGS = "findings"


class RunStatus(StrEnum):
    RUNNING = "running"
    SUCCEEDED = "succeeded"
    PARTIAL = "partial"  # finished, some items failed
    FAILED = "failed"
    CRASHED = "crashed"  # found still "running" by a later run
