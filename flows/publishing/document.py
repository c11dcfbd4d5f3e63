"""What an edition says, shared by every format: the header, key figures, count tables,
incident table and narrative, all as display-ready text built from the assessment alone.

Values that came from documents (titles, places, materials, sources) are kept as they are:
each format escapes them for its own syntax.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC

from flows.publishing.labels import (
    DIMENSION_TITLES,
    country_name,
    scope_label,
    value_label,
)
from nlp.vocabulary import AssessmentStatus, Tlp
from storage.models.assessments import DIMENSIONS, SECTIONS, Assessment, Snapshot, SnapshotIncident

SECTION_TITLES = {
    "key_judgements": "Key judgements",
    "summary": "Summary",
    "trends": "Trends",
    "outlook": "Outlook",
}
HIGH_CATEGORIES = (1, 2, 3)  # IAEA categories counted as dangerous sources
INCIDENT_COLUMNS = (
    "Date", "Incident", "Place", "Country", "Materials", "Material status", "Sources", "Marking",
)  # fmt: skip
COUNT_COLUMNS = ("This period", "Previous period", "Change")


@dataclass(frozen=True)
class CountRow:
    label: str
    current: int
    previous: int
    change: str


@dataclass(frozen=True)
class CountTable:
    dimension: str
    title: str
    rows: tuple[CountRow, ...]


@dataclass(frozen=True)
class IncidentRow:
    when: str
    title: str
    place: str
    country: str
    materials: str
    material_status: str
    sources: str
    marking: Tlp

    def cells(self) -> tuple[str, ...]:
        """The row's text in INCIDENT_COLUMNS order."""
        return (self.when, self.title, self.place, self.country, self.materials,
                self.material_status, self.sources, self.marking.value)  # fmt: skip


@dataclass(frozen=True)
class Edition:
    title: str
    period: str  # "2026-Q3 (2026-07-01 to 2026-09-30)"
    previous_period: str
    scope: str
    edition: int
    correction: str | None  # "Edition 2, corrects edition 1: ..."
    draft: bool
    marking: Tlp
    ceiling: Tlp
    key_figures: tuple[tuple[str, str], ...]
    counts: tuple[CountTable, ...]
    incidents: tuple[IncidentRow, ...]
    sections: tuple[tuple[str, str], ...]  # (title, the editor's Markdown), in SECTIONS order
    footer: str


def change(current: int, previous: int) -> str:
    """The change against the previous period, in percent, or "new" / "–"."""
    if previous == 0:
        return "new" if current else "–"
    percent = round((current - previous) * 100 / previous)
    return f"{percent:+d} %" if percent else "0 %"


def marking_of(snapshot: Snapshot) -> Tlp:
    """The most restrictive marking of the snapshot's content."""
    markings = [snapshot.marking, *(incident.marking for incident in snapshot.incidents)]
    return max(markings, key=lambda marking: marking.rank)


def checked_snapshot(assessment: Assessment) -> Snapshot:
    """The assessment's snapshot, refused if it holds anything above the ceiling: the snapshot
    builder leaves such incidents out and counts them, a renderer must never print them."""
    snapshot = Snapshot.model_validate(assessment.snapshot)
    ceiling = Tlp(assessment.ceiling)
    above = [i.id for i in snapshot.incidents if i.marking.rank > ceiling.rank]
    if above or snapshot.marking.rank > ceiling.rank:
        raise ValueError(f"snapshot holds content above the ceiling {ceiling}: incidents {above}")
    return snapshot


def count_table(snapshot: Snapshot, dimension: str) -> CountTable:
    current = snapshot.counts.get(dimension, {})
    previous = snapshot.previous_counts.get(dimension, {})
    keys = sorted(set(current) | set(previous),
                  key=lambda key: (-current.get(key, 0), -previous.get(key, 0),
                                   value_label(dimension, key)))  # fmt: skip
    rows = tuple(
        CountRow(value_label(dimension, key), current.get(key, 0), previous.get(key, 0),
                 change(current.get(key, 0), previous.get(key, 0)))
        for key in keys
    )  # fmt: skip
    return CountTable(dimension, DIMENSION_TITLES.get(dimension, dimension), rows)


def key_figures(snapshot: Snapshot) -> tuple[tuple[str, str], ...]:
    incidents = snapshot.incidents
    total = len(incidents)
    malicious = sum(1 for i in incidents if i.intent_group == "likely_trafficking_or_malicious")
    dangerous = sum(1 for i in incidents if i.iaea_category in HIGH_CATEGORIES)
    countries = {i.country for i in incidents if i.country}
    return (
        ("Confirmed incidents this period", str(total)),
        (f"Previous period ({snapshot.previous_period})", str(snapshot.previous_total)),
        ("Change", change(total, snapshot.previous_total)),
        ("Likely trafficking or malicious use", str(malicious)),
        ("IAEA Category 1-3 sources", str(dangerous)),
        ("Countries", str(len(countries))),
        (f"Left out: marked above {snapshot.ceiling.value}", str(snapshot.left_out_above_ceiling)),
        ("Left out: no date", str(snapshot.left_out_undated)),
    )


def when(incident: SnapshotIncident) -> str:
    if incident.occurred_on is None:
        reported = incident.reported_on
        return f"reported {reported.isoformat()}" if reported else "undated"
    if incident.occurred_until and incident.occurred_until != incident.occurred_on:
        return f"{incident.occurred_on.isoformat()} to {incident.occurred_until.isoformat()}"
    return incident.occurred_on.isoformat()


def incident_row(incident: SnapshotIncident) -> IncidentRow:
    countries = [incident.country, *incident.other_countries] if incident.country else []
    return IncidentRow(
        when=when(incident),
        title=incident.title,
        place=incident.place or "",
        country=", ".join(country_name(code) for code in countries) or "Unknown",
        materials="; ".join(incident.materials),
        material_status=value_label("material_status", incident.material_status),
        sources="; ".join(incident.sources),
        marking=incident.marking,
    )


def incident_rows(snapshot: Snapshot) -> tuple[IncidentRow, ...]:
    ordered = sorted(
        snapshot.incidents,
        key=lambda i: (i.occurred_on or i.reported_on or snapshot.period_end, i.id),
    )
    return tuple(incident_row(incident) for incident in ordered)  # fmt: skip


def footer(snapshot: Snapshot) -> str:
    built = snapshot.built_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    above = snapshot.left_out_above_ceiling
    undated = snapshot.left_out_undated
    return (
        f"Built from data of {built}; {above} incident{'s' * (above != 1)} above "
        f"{snapshot.ceiling.value} left out; {undated} undated incident{'s' * (undated != 1)} "
        "left out."
    )


def correction(assessment: Assessment) -> str | None:
    if assessment.edition <= 1:
        return None
    note = f"Edition {assessment.edition}, corrects edition {assessment.edition - 1}"
    return f"{note}: {assessment.changes}" if assessment.changes else note


def build_edition(assessment: Assessment) -> Edition:
    """Everything an edition prints, from the assessment and its snapshot alone."""
    snapshot = checked_snapshot(assessment)
    return Edition(
        title=assessment.title,
        period=f"{snapshot.period} ({snapshot.period_start} to {snapshot.period_end})",
        previous_period=snapshot.previous_period,
        scope=scope_label(snapshot.scope),
        edition=assessment.edition,
        correction=correction(assessment),
        draft=AssessmentStatus(assessment.status) is not AssessmentStatus.PUBLISHED,
        marking=marking_of(snapshot),
        ceiling=snapshot.ceiling,
        key_figures=key_figures(snapshot),
        counts=tuple(count_table(snapshot, dimension) for dimension in DIMENSIONS),
        incidents=incident_rows(snapshot),
        sections=tuple((SECTION_TITLES[name], getattr(assessment, name)) for name in SECTIONS),
        footer=footer(snapshot),
    )
