"""What a document says about its incident, normalised so that two reports in different
languages compare equal: canonical nuclides, ISO countries, gazetteer place names, ISO
dates, activities in Bq, serial numbers without case, spaces or dashes."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any, Protocol

from nlp.places import place_key
from nlp.recovery import reports_recovery
from nlp.vocabulary import Label

NUCLIDE = re.compile(r"^[A-Z][a-z]?-\d{1,3}m?(/Be)?$")
# "serial number AB-1234", "S/N 77 0412", "número de serie ...", "numéro de série ...",
# "الرقم التسلسلي ...": the value is the next token, then further space-separated tokens
# only while they hold a digit ("TX 40112" but not "TX-40112 was taken").
_SERIAL = re.compile(
    r"(?:serial(?:\s+(?:number|no\.?|#))?|s/n|n(?:u|ú)mero\s+de\s+serie|"
    r"num(?:e|é)ro\s+de\s+s(?:e|é)rie|الرقم\s+التسلسلي|رقم\s+تسلسلي)"
    r"\s*[:#]?\s*((?=[\w\- ]*\d)[A-Za-z0-9][A-Za-z0-9\-]*(?:\s+[A-Za-z\-]*\d[A-Za-z0-9\-]*)*)",
    re.IGNORECASE,
)
_SERIAL_MIN_CHARS = 4
FOLLOW_UP_TYPES = frozenset({"orphan_source_found"})
SHINGLE_WORDS = 2  # word pairs: reworded copies keep most of them, other stories few
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
# Words that name a kind of organisation rather than one: they say nothing about which
# incident a report describes, so they never count as shared evidence.
GENERIC_ORGS = frozenset(
    {
        "police",
        "the police",
        "ministry",
        "government",
        "authorities",
        "customs",
        "army",
        "military",
        "court",
        "regulator",
        "the regulator",
        "reuters",
        "afp",
        "ap",
        "efe",
        "iaea",
        "interpol",
        "policia",
        "policia nacional",
        "guardia civil",
        "gendarmerie",
        "douane",
        "douanes",
        "prefecture",
        "ministere",
        "ministerio",
        "الشرطة",
        "الجمارك",
        "الوزارة",
    }
)
# Places too vague to tell two incidents apart.
GENERIC_PLACES = frozenset({"city", "capital", "port", "airport", "border", "north", "south"})
FINDING_LABELS_PLACE = (Label.GPE, Label.LOC, Label.FAC)


class FindingLike(Protocol):
    """What evidence needs of a finding: nlp.types.FindingDraft and storage Finding rows."""

    @property
    def label(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def normalized(self) -> str | None: ...
    @property
    def attributes(self) -> Mapping[str, Any]: ...


@dataclass(frozen=True)
class LinkDocument:
    """The document-level facts linking uses; storage fills it from a Document row, the
    evaluation from the gold line and the pipeline's assessment."""

    id: str
    text: str
    language: str
    title: str = ""
    published: date | None = None
    incident_date: date | None = None
    incident_type: str = ""
    countries: tuple[str, ...] = ()
    embedding: tuple[float, ...] | None = None  # nlp.embeddings vector, if computed


@dataclass(frozen=True)
class Activity:
    nuclide: str
    becquerel: float


@dataclass(frozen=True)
class DocumentEvidence:
    document_id: str
    language: str
    title: str
    published: date | None
    incident_date: date | None
    incident_type: str
    nuclides: frozenset[str] = frozenset()
    material_groups: frozenset[str] = frozenset()
    activities: tuple[Activity, ...] = ()
    quantities: tuple[tuple[str, float, str], ...] = ()  # (material, value, unit)
    serials: frozenset[str] = frozenset()
    devices: frozenset[str] = frozenset()
    countries: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    gazetteer_places: frozenset[str] = frozenset()  # the places the gazetteer resolved
    people: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()
    dates: frozenset[date] = frozenset()
    follow_up: bool = False  # reports a lost or stolen item found or recovered
    text: str = field(default="", repr=False)
    shingles: frozenset[str] = field(default=frozenset(), repr=False)
    embedding: tuple[float, ...] | None = field(default=None, repr=False)

    @property
    def when(self) -> date | None:
        """The incident date if the pipeline found one, else the publication date."""
        return self.incident_date or self.published


def normalise_serial(value: str) -> str:
    return re.sub(r"[\s\-_/.]", "", value).casefold()


def serial_numbers(text: str) -> frozenset[str]:
    found = (normalise_serial(m.group(1)) for m in _SERIAL.finditer(text))
    return frozenset(s for s in found if len(s) >= _SERIAL_MIN_CHARS)


def word_shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[str]:
    """Overlapping runs of `size` casefolded words: the unit of near-duplicate detection."""
    words = [w.casefold() for w in _WORD.findall(text)]
    return frozenset(" ".join(words[i : i + size]) for i in range(max(len(words) - size + 1, 1)))


def normalise_name(text: str) -> str:
    """Casefolded, accents and Arabic article stripped, single spaces."""
    return place_key(text)


def evidence_from(document: LinkDocument, findings: Sequence[FindingLike]) -> DocumentEvidence:
    materials = [f for f in findings if f.label == Label.MATERIAL]
    countries = set(document.countries) | _finding_countries(findings)
    return DocumentEvidence(
        document_id=document.id,
        language=document.language,
        title=document.title,
        published=document.published,
        incident_date=document.incident_date,
        incident_type=document.incident_type,
        nuclides=frozenset(_canonical(f) for f in materials if _is_material(f)),
        material_groups=frozenset(g for g in (_group(f) for f in materials) if g),
        activities=tuple(dict.fromkeys(_activities(materials))),
        quantities=tuple(dict.fromkeys(_quantities(materials))),
        serials=serial_numbers(document.text),
        devices=frozenset(d for d in (_device(f) for f in materials) if d),
        countries=frozenset(countries),
        places=frozenset(_places(findings, resolved_only=False)),
        gazetteer_places=frozenset(_places(findings, resolved_only=True)),
        people=_names(findings, Label.PERSON, frozenset()),
        organisations=_names(findings, Label.ORG, _generic_org_keys()),
        dates=frozenset(_dates(findings)),
        follow_up=document.incident_type in FOLLOW_UP_TYPES or reports_recovery(document.text),
        text=document.text,
        shingles=word_shingles(f"{document.title}\n{document.text}"),
        embedding=document.embedding,
    )


@lru_cache(maxsize=1)
def _generic_org_keys() -> frozenset[str]:
    return frozenset(normalise_name(name) for name in GENERIC_ORGS)


def _canonical(finding: FindingLike) -> str:
    return str(finding.attributes.get("canonical") or finding.normalized or finding.text)


def _device(finding: FindingLike) -> str | None:
    device = finding.attributes.get("device")
    return str(device) if device else None


def _is_material(finding: FindingLike) -> bool:
    """A nuclide or named material, not a device mention standing alone."""
    return _canonical(finding) != _device(finding)


def _group(finding: FindingLike) -> str | None:
    group = finding.attributes.get("material_group")
    return str(group) if group and group != "none" else None


def _activities(materials: Sequence[FindingLike]) -> list[Activity]:
    return [
        Activity(_canonical(f), float(f.attributes["activity_bq"]))
        for f in materials
        if _is_material(f) and f.attributes.get("activity_bq")
    ]


def _quantities(materials: Sequence[FindingLike]) -> list[tuple[str, float, str]]:
    units = (("quantity_g", "g"), ("enrichment_pct", "%"), ("count", "items"))
    return [
        (_canonical(f), float(f.attributes[key]), unit)
        for f in materials
        for key, unit in units
        if f.attributes.get(key)
    ]


def _finding_countries(findings: Sequence[FindingLike]) -> set[str]:
    return {
        str(f.normalized)
        for f in findings
        if f.label in FINDING_LABELS_PLACE
        and f.attributes.get("place_kind") == "country"
        and f.normalized
    }


def _places(findings: Sequence[FindingLike], *, resolved_only: bool) -> set[str]:
    """Cities and facilities by their gazetteer name (so "إربد" and "Irbid" agree), else by
    their normalised surface form; countries are kept apart, generic words and names with
    digits (serials and models the entity tagger took for places) dropped."""
    places: set[str] = set()
    for finding in findings:
        if finding.label not in FINDING_LABELS_PLACE:
            continue
        kind = finding.attributes.get("place_kind")
        if kind in ("country", "demonym", "region"):
            continue
        gazetteer_name = finding.attributes.get("place_name")
        if resolved_only and not gazetteer_name:
            continue
        name = normalise_name(str(gazetteer_name or finding.text))
        if len(name) > 2 and name not in GENERIC_PLACES and not _DIGIT.search(name):
            places.add(name)
    return places


def _names(
    findings: Sequence[FindingLike], label: Label, generic: frozenset[str]
) -> frozenset[str]:
    names = (normalise_name(f.normalized or f.text) for f in findings if f.label == label)
    return frozenset(n for n in names if len(n) > 2 and n not in generic)


def _dates(findings: Sequence[FindingLike]) -> list[date]:
    """DATE findings resolved to one day (ISO); weekdays and months alone are too vague."""
    days: list[date] = []
    for finding in findings:
        if finding.label != Label.DATE or not finding.normalized:
            continue
        if finding.attributes.get("period", "day") != "day":
            continue
        try:
            days.append(date.fromisoformat(str(finding.normalized)[:10]))
        except ValueError:
            continue
    return days
