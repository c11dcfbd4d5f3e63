"""The radintel data model. Importing this package registers every table."""

from storage.models.documents import Document, DocumentCreate, DocumentEmbedding
from storage.models.findings import Finding, ReviewEvent, Suppression
from storage.models.incidents import Incident, IncidentCreate, IncidentDocument
from storage.models.sources import IngestFailure, IngestRun, Source, SourceCreate
from storage.models.users import SignInAttempt, User

__all__ = [
    "Document",
    "DocumentCreate",
    "DocumentEmbedding",
    "Finding",
    "Incident",
    "IncidentCreate",
    "IncidentDocument",
    "IngestFailure",
    "IngestRun",
    "ReviewEvent",
    "SignInAttempt",
    "Source",
    "SourceCreate",
    "Suppression",
    "User",
]
