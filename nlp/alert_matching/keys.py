"""The keys a database index finds candidate alerts by, for the alert and for a document.

A candidate shares one key with the document: a serial number, a nuclide in the same
country, a person-name skeleton; or its decay index (nlp.alert_matching.activity.decay_index)
lies within the tolerance of one of the document's activities. Everything else about the
pair is scored afterwards (nlp.alert_matching.scoring), on these few candidates only.
"""

from __future__ import annotations

from datetime import date

from nlp.alert_matching.activity import decay_index
from nlp.alert_matching.facts import AlertFacts
from nlp.alert_matching.names import name_mentions, skeletons
from nlp.linking.evidence import DocumentEvidence, normalise_serial
from nlp.vocabulary import AlertKind

ACTIVITY_PREFIX = "activity:"


def serial_key(serial: str) -> str:
    return f"serial:{normalise_serial(serial)}"


def nuclide_country_key(nuclide: str, country: str) -> str:
    return f"nuclide:{nuclide}:{country}"


def activity_key(nuclide: str) -> str:
    return f"{ACTIVITY_PREFIX}{nuclide}"


def alert_keys(alert: AlertFacts) -> dict[str, float | None]:
    """Key -> decay index (for the activity key) or None."""
    keys: dict[str, float | None] = {}
    if alert.kind == AlertKind.PERSON:
        for name in alert.names:
            keys.update({f"name:{s}": None for s in skeletons(name)})
        return keys
    if alert.serial_number:
        keys[serial_key(alert.serial_number)] = None
    if alert.nuclide and alert.country:
        keys[nuclide_country_key(alert.nuclide, alert.country)] = None
    if alert.nuclide and alert.activity_bq and alert.activity_reference_date:
        keys[activity_key(alert.nuclide)] = decay_index(
            alert.nuclide, alert.activity_bq, alert.activity_reference_date
        )
    return keys


def document_keys(evidence: DocumentEvidence) -> set[str]:
    keys = {serial_key(s) for s in evidence.serials}
    keys |= {nuclide_country_key(n, c) for n in evidence.nuclides for c in evidence.countries}
    for mention in name_mentions(evidence.text):
        keys |= {f"name:{s}" for s in skeletons(mention.text)}
    keys |= {f"name:{s}" for person in evidence.people for s in skeletons(person)}
    return keys


def document_activity_indexes(evidence: DocumentEvidence) -> list[tuple[str, float]]:
    """(activity key, decay index) of each activity the document reports, at its date."""
    when = report_date(evidence)
    if when is None:
        return []
    return [
        (activity_key(a.nuclide), decay_index(a.nuclide, a.becquerel, when))
        for a in evidence.activities
        if a.becquerel > 0
    ]


def report_date(evidence: DocumentEvidence) -> date | None:
    """The date a document's figures hold for: its publication, else the incident date."""
    return evidence.published or evidence.incident_date
