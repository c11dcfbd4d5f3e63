"""The radintel data model. Importing this package registers every table."""

from storage.models.assessments import Assessment, AssessmentCreate
from storage.models.documents import Document, DocumentCreate, DocumentEmbedding
from storage.models.findings import Finding, FindingCreate, ReviewEvent, Suppression
from storage.models.incidents import Incident, IncidentCreate, IncidentDocument
from storage.models.sources import IngestFailure, IngestRun, Source, SourceCreate
from storage.models.users import SignInAttempt, User, UserPublic

__all__ = [
    "Assessment",
    "AssessmentCreate",
    "Document",
    "DocumentCreate",
    "DocumentEmbedding",
    "Finding",
    "FindingCreate",
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
    "UserPublic",
]
