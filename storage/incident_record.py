"""Editing the ITDB record of an incident: fields, materials, confirmation; all audited.

Every change checks the version the analyst saw (optimistic locking) and writes one
ReviewEvent with the before and after values of exactly the fields it changed.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pycountry
from pydantic import BaseModel, ConfigDict, Field, field_validator
from pydantic_core import to_jsonable_python
from sqlmodel import Session

from nlp.vocabulary import (
    IncidentStatus,
    IncidentType,
    IntentGroup,
    MaterialGroup,
    MaterialStatus,
    Tlp,
)
from storage.incident_materials import as_stored, materials_from_findings
from storage.incidents import (
    IncidentError,
    _audit,
    _get_visible,
    _require_reviewer,
    document_ids_of,
    require_not_merged,
)
from storage.models import Incident, IncidentMaterial
from storage.models._base import utcnow

RELIABILITY_GRADES = "ABCDEF"
# Fields the record cannot be without: None there means "leave as it is".
NOT_NULL = {"title", "incident_type", "intent_group", "material_status", "materials",
            "other_countries", "reliability", "credibility", "summary"}  # fmt: skip


class IncidentUpdate(BaseModel):
    """The editable fields of an incident; a field left out is not changed."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    occurred_on: date | None = None
    occurred_until: date | None = None
    reported_on: date | None = None
    incident_type: IncidentType | None = None
    intent_group: IntentGroup | None = None
    material_group: MaterialGroup | None = None
    materials: list[IncidentMaterial] | None = None
    material_status: MaterialStatus | None = None
    country: str | None = None
    other_countries: list[str] | None = None
    place: str | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    reliability: str | None = None
    credibility: int | None = Field(default=None, ge=1, le=6)
    summary: str | None = None

    @field_validator("country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        return country_code(value) if value else None

    @field_validator("other_countries")
    @classmethod
    def _countries(cls, values: list[str] | None) -> list[str] | None:
        if values is None:
            return None
        return list(dict.fromkeys(country_code(v) for v in values if v.strip()))

    @field_validator("reliability")
    @classmethod
    def _reliability(cls, value: str | None) -> str | None:
        grade = value.strip().upper() if value is not None else None
        if grade is not None and (len(grade) != 1 or grade not in RELIABILITY_GRADES):
            raise ValueError("reliability is a letter from A to F")
        return grade


def country_code(value: str) -> str:
    """The ISO 3166-1 alpha-2 code of a country given by that code (any case)."""
    code = value.strip().upper()
    if len(code) != 2 or pycountry.countries.get(alpha_2=code) is None:
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
    return code


def update_incident(
    *,
    session: Session,
    username: str,
    incident_id: int,
    version: int,
    changes: IncidentUpdate,
    clearance: Tlp,
) -> Incident:
    """Apply the fields set in `changes` that differ from the stored ones (one "edit" event).
    A field set to None is cleared, where the record allows it."""
    incident = _editable(session, username, "edit", incident_id, version, clearance)
    wanted = {
        name: getattr(changes, name)
        for name in changes.model_fields_set
        if getattr(changes, name) is not None or name not in NOT_NULL
    }
    if changes.materials is not None:
        wanted["materials"] = as_stored(changes.materials)
    if "title" in wanted and not wanted["title"].strip():
        raise IncidentError("an incident needs a title")
    _change(session, username, incident, wanted, "edit")
    return incident


def refresh_materials(
    *, session: Session, username: str, incident_id: int, version: int, clearance: Tlp
) -> Incident:
    """Replace the materials by those of the confirmed findings of its documents."""
    incident = _editable(session, username, "refresh_materials", incident_id, version, clearance)
    ids = document_ids_of(session=session, incident_id=incident_id)
    found = materials_from_findings(session=session, document_ids=ids, clearance=clearance)
    _change(session, username, incident, {"materials": as_stored(found)}, "refresh_materials")
    return incident


def confirm_incident(
    *, session: Session, username: str, incident_id: int, version: int, clearance: Tlp
) -> Incident:
    """OPEN -> CONFIRMED: from now on assessments and exports count it."""
    incident = _editable(session, username, "confirm", incident_id, version, clearance)
    if incident.status != IncidentStatus.OPEN:
        raise IncidentError(f"incident {incident_id} is already {incident.status}")
    missing = _missing_for_confirmation(session, incident)
    if missing:
        raise IncidentError(f"cannot confirm incident {incident_id}: {'; '.join(missing)}")
    wanted = {"status": IncidentStatus.CONFIRMED, "confirmed_by": username}
    _change(session, username, incident, {**wanted, "confirmed_at": utcnow()}, "confirm")
    return incident


def reopen_incident(
    *,
    session: Session,
    username: str,
    incident_id: int,
    version: int,
    reason: str,
    clearance: Tlp,
) -> Incident:
    """CONFIRMED -> OPEN, with the reason: it stops counting until confirmed again."""
    if not reason.strip():
        raise IncidentError("reopening needs a reason")
    incident = _editable(session, username, "reopen", incident_id, version, clearance)
    if incident.status != IncidentStatus.CONFIRMED:
        raise IncidentError(f"incident {incident_id} is not confirmed")
    wanted = {"status": IncidentStatus.OPEN, "confirmed_by": None, "confirmed_at": None}
    _change(session, username, incident, wanted, "reopen", reason=reason.strip())
    return incident


def _missing_for_confirmation(session: Session, incident: Incident) -> list[str]:
    missing = []
    if not document_ids_of(session=session, incident_id=incident.id or 0):
        missing.append("link at least one document")
    if incident.occurred_on is None and incident.reported_on is None:
        missing.append("give the date it occurred or was reported")
    if not incident.country:
        missing.append("give the country where it happened")
    return missing


def _editable(
    session: Session, username: str, action: str, incident_id: int, version: int, clearance: Tlp
) -> Incident:
    _require_reviewer(session, username, action, incident_ids=[incident_id])
    incident = _get_visible(session, incident_id, clearance)
    require_not_merged(incident)
    if incident.version != version:
        raise IncidentError(f"incident {incident_id} was changed by someone else, reload it")
    return incident


def _change(
    session: Session,
    username: str,
    incident: Incident,
    wanted: dict[str, Any],
    action: str,
    *,
    reason: str | None = None,
) -> None:
    """Set the fields whose value differs, check the result, audit before and after."""
    stored = incident.model_dump(mode="json")
    update = {
        name: value
        for name, value in wanted.items()
        if to_jsonable_python(value) != stored.get(name)
    }
    if not update:
        raise IncidentError("nothing changed")
    _check_dates(
        update.get("occurred_on", incident.occurred_on),
        update.get("occurred_until", incident.occurred_until),
    )
    for name, value in update.items():
        setattr(incident, name, value)
    incident.version += 1
    incident.updated_at = utcnow()
    session.add(incident)
    before = {name: stored.get(name) for name in update}
    after = {name: to_jsonable_python(value) for name, value in update.items()}
    _audit(session, username, action, incident.id or 0, before=before, after=after, reason=reason)
    session.flush()


def _check_dates(occurred_on: date | None, occurred_until: date | None) -> None:
    if occurred_until is None:
        return
    if occurred_on is None:
        raise IncidentError("a date range needs its first day (occurred on)")
    if occurred_until < occurred_on:
        raise IncidentError("the range ends before it begins (occurred until < occurred on)")
