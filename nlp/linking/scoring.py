"""One score per candidate pair, with the evidence behind it: what both reports share and
what disagrees, each item weighted (nlp/linking/weights.py), so an analyst sees why."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date

from nlp.linking import weights as w
from nlp.linking.decay import decayed
from nlp.linking.evidence import Activity, DocumentEvidence


@dataclass(frozen=True)
class EvidenceItem:
    kind: str  # serial, nuclide, activity, device, place, person, organisation, country, ...
    left: str
    right: str
    weight: float
    note: str = ""


@dataclass(frozen=True)
class LinkScore:
    score: float
    shared: list[EvidenceItem] = field(default_factory=list)
    conflicts: list[EvidenceItem] = field(default_factory=list)


def score_pair(a: DocumentEvidence, b: DocumentEvidence) -> LinkScore:
    duplicate = jaccard(a.shingles, b.shingles)
    if duplicate >= w.NEAR_DUPLICATE_JACCARD:
        item = EvidenceItem("near_duplicate", a.title, b.title, 1.0, f"{duplicate:.0%} shingles")
        return LinkScore(1.0, [item], [])
    shared: list[EvidenceItem] = []
    conflicts: list[EvidenceItem] = []
    for compare in COMPARISONS:
        more_shared, more_conflicts = compare(a, b)
        shared.extend(more_shared)
        conflicts.extend(more_conflicts)
    return LinkScore(_combine(shared, conflicts), shared, conflicts)


def _combine(shared: list[EvidenceItem], conflicts: list[EvidenceItem]) -> float:
    if any(item.kind == "serials" for item in shared):
        return 1.0
    support = 1.0 - math.prod(1.0 - item.weight for item in shared)
    return support * math.prod(1.0 - item.weight for item in conflicts)


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    union = len(left | right)
    return len(left & right) / union if union else 0.0


Items = tuple[list[EvidenceItem], list[EvidenceItem]]


def _sets(
    kind: str, shared_weight: float, conflict_weight: float
) -> Callable[[DocumentEvidence, DocumentEvidence], Items]:
    """Compare one set-valued attribute: each common value is shared evidence; two
    non-empty sets with nothing in common are a conflict (when conflict_weight > 0)."""

    def compare(a: DocumentEvidence, b: DocumentEvidence) -> Items:
        left, right = getattr(a, kind), getattr(b, kind)
        common = sorted(left & right)
        shared = [EvidenceItem(kind, v, v, shared_weight) for v in common]
        if common or not (left and right) or conflict_weight <= 0:
            return shared, []
        conflict = EvidenceItem(kind, _show(left), _show(right), conflict_weight, "differ")
        return [], [conflict]

    return compare


def _show(values: frozenset[str]) -> str:
    return ", ".join(sorted(values))


def _places(a: DocumentEvidence, b: DocumentEvidence) -> Items:
    """Places agree when equal or when one's words lie within the other's ("cairo" and
    "cairo hospital"). Only places the gazetteer resolved can disagree: a surface form
    such as "ميناء الجزائر" and "port d'Alger" may well be the same place."""
    common = sorted(
        (left, right) for left in a.places for right in b.places if _same_place(left, right)
    )
    if common:
        return [EvidenceItem("places", left, right, w.PLACE) for left, right in common[:2]], []
    if a.gazetteer_places and b.gazetteer_places:
        left, right = _show(a.gazetteer_places), _show(b.gazetteer_places)
        return [], [EvidenceItem("places", left, right, w.OTHER_PLACE, "differ")]
    return [], []


def _same_place(left: str, right: str) -> bool:
    if left == right:
        return True
    short, long = sorted((left.split(), right.split()), key=len)
    return all(word in long for word in short)


def _serials(a: DocumentEvidence, b: DocumentEvidence) -> Items:
    return _sets("serials", w.SERIAL, w.OTHER_SERIAL)(a, b)


def _activities(a: DocumentEvidence, b: DocumentEvidence) -> Items:
    """Activities of the same nuclide, the earlier decay-corrected to the later date."""
    shared: list[EvidenceItem] = []
    conflicts: list[EvidenceItem] = []
    for left in a.activities:
        for right in b.activities:
            if left.nuclide != right.nuclide:
                continue
            item, ratio = _activity_item(left, a.when, right, b.when)
            if ratio <= w.ACTIVITY_MATCH_RATIO:
                shared.append(item)
            elif ratio >= w.ACTIVITY_CONFLICT_RATIO:
                conflicts.append(item)
    if shared:
        return shared[:1], []
    return [], conflicts[:1]


def _activity_item(
    left: Activity, left_date: date | None, right: Activity, right_date: date | None
) -> tuple[EvidenceItem, float]:
    expected = left.becquerel
    note = "no dates: compared as reported"
    if left_date and right_date:
        expected = decayed(left.becquerel, left.nuclide, left_date, right_date)
        note = (
            f"{_bq(left.becquerel)} on {left_date} decays to {_bq(expected)} "
            f"by {right_date}; reported {_bq(right.becquerel)}"
        )
    ratio = max(expected, right.becquerel) / max(min(expected, right.becquerel), 1e-9)
    matched = ratio <= w.ACTIVITY_MATCH_RATIO
    weight = w.ACTIVITY if matched else w.OTHER_ACTIVITY
    left_text = f"{_bq(left.becquerel)} {left.nuclide}"
    right_text = f"{_bq(right.becquerel)} {right.nuclide}"
    return EvidenceItem("activity", left_text, right_text, weight, note), ratio


def _quantities(a: DocumentEvidence, b: DocumentEvidence) -> Items:
    """Masses and enrichments of the same material (50 g of HEU in both reports)."""
    for material, value, unit in a.quantities:
        for other_material, other, other_unit in b.quantities:
            if (material, unit) != (other_material, other_unit):
                continue
            ratio = max(value, other) / max(min(value, other), 1e-9)
            item = EvidenceItem(
                "quantity", f"{value:g} {unit} {material}", f"{other:g} {unit} {material}", 0.0
            )
            if ratio <= w.QUANTITY_MATCH_RATIO:
                return [replace(item, weight=w.QUANTITY)], []
            if ratio >= w.ACTIVITY_CONFLICT_RATIO:
                return [], [replace(item, weight=w.OTHER_QUANTITY)]
    return [], []


def _bq(value: float) -> str:
    for unit, size in (("TBq", 1e12), ("GBq", 1e9), ("MBq", 1e6), ("kBq", 1e3)):
        if value >= size:
            return f"{value / size:.3g} {unit}"
    return f"{value:.3g} Bq"


def _dates(a: DocumentEvidence, b: DocumentEvidence) -> Items:
    """Incident dates (else publication dates) close together support a link. Apart, they
    disagree unless one report is a follow-up that names the same item (serial) or place;
    publication dates get a reporting lag, two incident dates the pipeline found in the
    texts do not."""
    shared = [
        EvidenceItem("date", d.isoformat(), d.isoformat(), w.SHARED_DATE, "both name this day")
        for d in sorted(a.dates & b.dates)[:1]
    ]
    if a.when is None or b.when is None:
        return shared, []
    days = abs((a.when - b.when).days)
    left, right = a.when.isoformat(), b.when.isoformat()
    if days <= w.DATE_WINDOW_DAYS:
        return [*shared, EvidenceItem("when", left, right, w.SAME_DAY, f"{days} day(s) apart")], []
    both_found = a.incident_date is not None and b.incident_date is not None
    if days <= (w.DATE_WINDOW_DAYS if both_found else w.REPORTING_LAG_DAYS) or shared:
        return shared, []
    if days <= w.FOLLOW_UP_DAYS and (a.follow_up or b.follow_up) and _same_item(a, b):
        return [], []
    weight = w.DATES_FAR_APART if days > w.FOLLOW_UP_DAYS else w.DATES_APART
    return [], [
        EvidenceItem(
            "when", left, right, weight, f"{days} days apart, no follow-up of this item or place"
        )
    ]


def _same_item(a: DocumentEvidence, b: DocumentEvidence) -> bool:
    """Specific evidence that a follow-up months later is about this item: its serial
    number or the named place. The nuclide, the activity and the device are not enough:
    every gauge of a model holds the same sources."""
    return bool(a.serials & b.serials) or any(
        _same_place(left, right) for left in a.places for right in b.places
    )


def _text(a: DocumentEvidence, b: DocumentEvidence) -> Items:
    """MiniLM is English-only: text similarity counts only when both reports are English."""
    if a.language != "en" or b.language != "en" or not a.embedding or not b.embedding:
        return [], []
    cosine = _cosine(a.embedding, b.embedding)
    if cosine <= w.TEXT_FLOOR:
        return [], []
    weight = w.TEXT_SIMILARITY * (cosine - w.TEXT_FLOOR) / (1.0 - w.TEXT_FLOOR)
    return [EvidenceItem("text", a.title, b.title, weight, f"cosine {cosine:.2f}")], []


def _cosine(left: tuple[float, ...], right: tuple[float, ...]) -> float:
    dot = sum(x * y for x, y in zip(left, right, strict=True))
    norms = math.sqrt(sum(x * x for x in left)) * math.sqrt(sum(y * y for y in right))
    return dot / norms if norms else 0.0


_nuclides = _sets("nuclides", w.NUCLIDE, w.OTHER_NUCLIDE)
_countries = _sets("countries", w.COUNTRY, w.OTHER_COUNTRY)

COMPARISONS: tuple[Callable[[DocumentEvidence, DocumentEvidence], Items], ...] = (
    _serials,
    _nuclides,
    _activities,
    _quantities,
    _sets("devices", w.DEVICE, 0.0),
    _places,
    _sets("people", w.PERSON, 0.0),
    _sets("organisations", w.ORGANISATION, 0.0),
    _countries,
    _dates,
    _text,
)
# The comparisons that cost a few set operations and find most conflicts: another
# nuclide, country, place or month.
CHEAP_CONFLICTS = (_dates, _nuclides, _countries, _places, _serials)


def may_link(a: DocumentEvidence, b: DocumentEvidence, threshold: float = w.LINK_THRESHOLD) -> bool:
    """False when the pair cannot reach `threshold`, found before the full score: the
    score is the support (at most 1) times (1 - c) for each conflict, so the conflicts of
    the cheap comparisons bound it from above. Exact: a pair dropped here scores below
    `threshold`. A shared serial or a near-duplicate text scores 1 whatever disagrees."""
    if a.serials & b.serials or jaccard(a.shingles, b.shingles) >= w.NEAR_DUPLICATE_JACCARD:
        return True
    bound = 1.0
    for compare in CHEAP_CONFLICTS:
        bound *= math.prod(1.0 - item.weight for item in compare(a, b)[1])
        if bound < threshold:
            return False
    return True
