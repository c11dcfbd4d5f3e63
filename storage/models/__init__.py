"""The radintel data model. Importing this package registers every table."""

from storage.models.documents import Document, DocumentCreate, DocumentEmbedding
from storage.models.enums import (
    AssessmentStatus,
    DocumentStatus,
    FindingOrigin,
    IncidentStatus,
    IncidentType,
    IntentGroup,
    MaterialGroup,
    ReviewStatus,
    Role,
    RunStatus,
    SourceKind,
    Tlp,
)
from storage.models.findings import Finding, ReviewEvent, Suppression
from storage.models.incidents import Incident, IncidentCreate, IncidentDocument
from storage.models.sources import IngestFailure, IngestRun, Source, SourceCreate
from storage.models.users import SignInAttempt, User

__all__ = [
    "AssessmentStatus",
    "Document",
    "DocumentCreate",
    "DocumentEmbedding",
    "DocumentStatus",
    "Finding",
    "FindingOrigin",
    "Incident",
    "IncidentCreate",
    "IncidentDocument",
    "IncidentStatus",
    "IncidentType",
    "IngestFailure",
    "IngestRun",
    "IntentGroup",
    "MaterialGroup",
    "ReviewEvent",
    "ReviewStatus",
    "Role",
    "RunStatus",
    "SignInAttempt",
    "Source",
    "SourceCreate",
    "SourceKind",
    "Suppression",
    "Tlp",
    "User",
]
