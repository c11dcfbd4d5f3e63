"""The radintel data model. Importing this package registers every table."""

from storage.models.alerts import (
    Alert,
    AlertCreate,
    AlertKey,
    AlertMatch,
    AlertWatcher,
    Notice,
    Notification,
)
from storage.models.assessments import Assessment, Snapshot, SnapshotIncident
from storage.models.documents import Document, DocumentCreate, DocumentEmbedding
from storage.models.findings import Finding, ReviewEvent, Suppression
from storage.models.incidents import Incident, IncidentCreate, IncidentDocument, IncidentMaterial
from storage.models.links import LinkIndex, LinkKey, LinkProposal
from storage.models.search import SearchEntry, SearchNameToken
from storage.models.sources import IngestFailure, IngestRun, Source, SourceCreate
from storage.models.users import SignInAttempt, User

__all__ = [
    "Alert",
    "AlertCreate",
    "AlertKey",
    "AlertMatch",
    "AlertWatcher",
    "Assessment",
    "Document",
    "DocumentCreate",
    "DocumentEmbedding",
    "Finding",
    "Incident",
    "IncidentCreate",
    "IncidentDocument",
    "IncidentMaterial",
    "IngestFailure",
    "IngestRun",
    "LinkIndex",
    "LinkKey",
    "LinkProposal",
    "Notice",
    "Notification",
    "ReviewEvent",
    "SearchEntry",
    "SearchNameToken",
    "SignInAttempt",
    "Snapshot",
    "SnapshotIncident",
    "Source",
    "SourceCreate",
    "Suppression",
    "User",
]
