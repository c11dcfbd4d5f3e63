"""ExtractionResult as the JSON record of the `radintel extract` output (one per line)."""

from __future__ import annotations

from typing import Any

from nlp.types import ExtractionResult
from nlp.vocabulary import EvidenceDecision

FINDING_KEYS = ("label", "text", "start", "end", "normalized", "attributes", "confidence")


def result_record(result: ExtractionResult) -> dict[str, Any]:
    assessment = result.assessment
    date_note = next(
        (e.note for e in assessment.evidence if e.decision == EvidenceDecision.INCIDENT_DATE), None
    )
    incident_date = date_note or (
        assessment.incident_date.isoformat() if assessment.incident_date else None
    )
    return {
        "id": result.id,
        "language": result.language,
        "relevant": assessment.relevant,
        "relevance": assessment.relevance,
        "incident_type": assessment.incident_type,
        "intent_group": assessment.intent_group,
        "countries": list(assessment.countries),
        "incident_date": incident_date,
        "findings": [{key: getattr(f, key) for key in FINDING_KEYS} for f in result.findings],
    }
