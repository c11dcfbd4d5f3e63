"""Documents in a language the rule files do not cover (nlp.language.COVERED_LANGUAGES).

Their cues cannot be read, so the rules would judge most of them irrelevant. When the
language-independent rules (isotope notation, numbers with units) still find a material, the
document is queued for review instead: relevant, type "other", intent "undetermined", with an
evidence note that says why, shown on the document page."""

from __future__ import annotations

from collections.abc import Sequence

from nlp.assess import RELEVANCE_THRESHOLD
from nlp.language import is_covered
from nlp.types import DocumentAssessment, EvidenceSpan, FindingDraft
from nlp.vocabulary import EvidenceDecision, IncidentType, IntentGroup, Label

NOT_COVERED = "language not covered"


def not_covered_note(language: str) -> str:
    return f"{NOT_COVERED} ({language}): queued for review by hand"


def queue_uncovered(
    assessment: DocumentAssessment, language: str, findings: Sequence[FindingDraft]
) -> DocumentAssessment:
    """The assessment, or for a document in an uncovered language that names a material,
    a relevant one carrying the "language not covered" evidence note."""
    materials = [f for f in findings if f.label == Label.MATERIAL]
    if is_covered(language) or not materials:
        return assessment
    first = materials[0]
    note = EvidenceSpan(
        EvidenceDecision.RELEVANT, first.start, first.end, not_covered_note(language)
    )
    if assessment.relevant:
        return DocumentAssessment(
            True,
            assessment.relevance,
            assessment.incident_type,
            assessment.intent_group,
            assessment.countries,
            assessment.incident_date,
            [note, *assessment.evidence],
        )
    countries = list(
        dict.fromkeys(str(f.normalized) for f in findings if f.label == Label.GPE and f.normalized)
    )
    return DocumentAssessment(
        True,
        max(assessment.relevance, RELEVANCE_THRESHOLD),
        IncidentType.OTHER,
        IntentGroup.UNDETERMINED,
        countries,
        None,
        [note, *assessment.evidence],
    )
