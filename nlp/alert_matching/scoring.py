"""One score per (alert, document) pair, with the evidence side by side: each EvidenceItem
holds the alert's field (left) and what the document says (right).

A source: an exact serial number settles it; otherwise the nuclide, its activity after
decay, the device, the country and the place add up, and a conflict (another serial, an
activity that decay cannot explain, only other countries) caps the score below the match
threshold, so confusable sources of one nuclide are not proposed. A report dated before the
source went missing cannot be about it. A person: the closest spelling of a name variant in
the document, then date of birth and nationality when stated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from nlp.alert_matching.activity import DecayCheck, check_decay, format_bq
from nlp.alert_matching.facts import AlertFacts
from nlp.alert_matching.keys import report_date
from nlp.alert_matching.names import best_name_hit, document_mentions
from nlp.linking.evidence import DocumentEvidence, normalise_name, normalise_serial
from nlp.linking.scoring import EvidenceItem
from nlp.places import place_key
from nlp.recovery import reports_recovery
from nlp.vocabulary import AlertKind

MATCH_THRESHOLD = 0.5  # a pair scoring this or more is proposed
WEIGHTS = {
    "serial": 0.95,
    "nuclide": 0.2,
    "activity": 0.25,
    "device": 0.15,
    "country": 0.15,
    "place": 0.15,
    "name": 0.6,
    "date_of_birth": 0.2,
    "nationality": 0.1,
}
CONFLICT_CAP = 0.3  # the most a pair with a conflict (and no shared serial) can score
NAME_SIMILARITY = 0.85  # below this a mention is not the person
# A document is scored against all its candidates in a row (hundreds of person alerts when it
# names a common first name), and what these read of its text does not depend on the alert:
# computed once per text. A few texts suffice (matching scores one document at a time).
_CACHED_TEXTS = 16


@lru_cache(maxsize=_CACHED_TEXTS)
def _text_key(text: str) -> str:
    """The document's place key, padded so a whole-word lookup is `f" {key} " in`."""
    return f" {place_key(text)} "


@lru_cache(maxsize=_CACHED_TEXTS)
def _reports_recovery(text: str) -> bool:
    return reports_recovery(text)


@dataclass(frozen=True)
class AlertScore:
    score: float
    shared: list[EvidenceItem] = field(default_factory=list)
    conflicts: list[EvidenceItem] = field(default_factory=list)
    decay: DecayCheck | None = None
    reports_recovery: bool = False

    @property
    def is_match(self) -> bool:
        return self.score >= MATCH_THRESHOLD


def score_alert(alert: AlertFacts, document: DocumentEvidence) -> AlertScore:
    if alert.kind == AlertKind.PERSON:
        return _score_person(alert, document)
    return _score_source(alert, document)


def _score_source(alert: AlertFacts, document: DocumentEvidence) -> AlertScore:
    when = report_date(document)
    if alert.reported_missing_on and when and when < alert.reported_missing_on:
        note = f"report of {when.isoformat()} is older than the loss"
        item = EvidenceItem(
            "date", alert.reported_missing_on.isoformat(), when.isoformat(), 1.0, note
        )
        return AlertScore(0.0, [], [item])
    shared: list[EvidenceItem] = []
    conflicts: list[EvidenceItem] = []
    serial = _serial(alert, document, shared, conflicts)
    decay = _nuclide_and_activity(alert, document, shared, conflicts)
    _device(alert, document, shared)
    _where(alert, document, shared, conflicts)
    score = min(1.0, sum(item.weight for item in shared))
    if conflicts and not serial:
        score = min(score, CONFLICT_CAP)
    return AlertScore(round(score, 3), shared, conflicts, decay, _reports_recovery(document.text))


def _serial(
    alert: AlertFacts,
    document: DocumentEvidence,
    shared: list[EvidenceItem],
    conflicts: list[EvidenceItem],
) -> bool:
    if not alert.serial_number or not document.serials:
        return False
    wanted = normalise_serial(alert.serial_number)
    if wanted in document.serials:
        shared.append(EvidenceItem("serial", alert.serial_number, wanted, WEIGHTS["serial"]))
        return True
    others = ", ".join(sorted(document.serials))
    conflicts.append(EvidenceItem("serial", alert.serial_number, others, 0.0, "other serial"))
    return False


def _nuclide_and_activity(
    alert: AlertFacts,
    document: DocumentEvidence,
    shared: list[EvidenceItem],
    conflicts: list[EvidenceItem],
) -> DecayCheck | None:
    if not alert.nuclide:
        return None
    if alert.nuclide not in document.nuclides:
        if document.nuclides:
            found = ", ".join(sorted(document.nuclides))
            conflicts.append(EvidenceItem("nuclide", alert.nuclide, found, 0.0, "other nuclide"))
        return None
    shared.append(EvidenceItem("nuclide", alert.nuclide, alert.nuclide, WEIGHTS["nuclide"]))
    reported = [a.becquerel for a in document.activities if a.nuclide == alert.nuclide]
    when = report_date(document)
    if not reported or not alert.activity_bq or not alert.activity_reference_date or not when:
        return None
    checks = [
        check_decay(alert.nuclide, alert.activity_bq, alert.activity_reference_date, bq, when)
        for bq in reported
    ]
    best = min(checks, key=lambda c: abs(c.ratio - 1.0))
    left = f"{format_bq(best.reference_bq)} on {best.reference_date.isoformat()}"
    item = EvidenceItem("activity", left, format_bq(best.reported_bq), 0.0, best.describe())
    if best.compatible:
        shared.append(
            EvidenceItem(item.kind, item.left, item.right, WEIGHTS["activity"], item.note)
        )
    else:
        conflicts.append(item)
    return best


def _device(alert: AlertFacts, document: DocumentEvidence, shared: list[EvidenceItem]) -> None:
    text = _text_key(document.text)
    model = place_key(alert.device_model or "")
    make = place_key(alert.device_make or "")
    # The make alone says little: one maker sells many devices of each kind; a model that is
    # a bare number ("150", "3440") counts only beside its make.
    make_hit = len(make) >= 3 and f" {make} " in text
    model_hit = len(model) >= 2 and f" {model} " in text
    if not model_hit or (model.isdigit() and not make_hit):
        return
    weight = WEIGHTS["device"]
    label = " ".join(v for v in (alert.device_make, alert.device_model) if v)
    hits = ((alert.device_make, make_hit), (alert.device_model, model_hit))
    found = " ".join(value for value, hit in hits if hit and value)
    shared.append(EvidenceItem("device", label, found, weight))


def _where(
    alert: AlertFacts,
    document: DocumentEvidence,
    shared: list[EvidenceItem],
    conflicts: list[EvidenceItem],
) -> None:
    if alert.country and alert.country in document.countries:
        shared.append(EvidenceItem("country", alert.country, alert.country, WEIGHTS["country"]))
    elif alert.country and document.countries:
        found = ", ".join(sorted(document.countries))
        conflicts.append(EvidenceItem("country", alert.country, found, 0.0, "only other countries"))
    place = normalise_name(alert.place or "")
    places = document.places | document.gazetteer_places
    if len(place) > 2 and (place in places or f" {place} " in _text_key(document.text)):
        shared.append(EvidenceItem("place", alert.place or "", place, WEIGHTS["place"]))


def _score_person(alert: AlertFacts, document: DocumentEvidence) -> AlertScore:
    hit = best_name_hit(alert.names, document_mentions(document.text))
    if hit is None or hit.similarity < NAME_SIMILARITY:
        return AlertScore(0.0)
    note = f"{hit.similarity:.0%} alike"
    shared = [EvidenceItem("name", hit.alert_name, hit.mention.text, WEIGHTS["name"], note)]
    # Closer spellings count for more, up to the full weight for an exact one.
    bonus = 0.3 * (hit.similarity - NAME_SIMILARITY) / (1 - NAME_SIMILARITY)
    if alert.date_of_birth and alert.date_of_birth in document.dates:
        born = alert.date_of_birth.isoformat()
        shared.append(EvidenceItem("date_of_birth", born, born, WEIGHTS["date_of_birth"]))
    if alert.nationality and alert.nationality in document.countries:
        nationality = alert.nationality
        shared.append(EvidenceItem("nationality", nationality, nationality, WEIGHTS["nationality"]))
    score = min(1.0, sum(item.weight for item in shared) + bonus)
    return AlertScore(round(score, 3), shared, [], None, False)
