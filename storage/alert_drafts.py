"""Source alerts proposed from a confirmed theft or loss incident whose material is still
missing or stolen: one draft per material, marked as the incident, for an analyst to check
and create (create_alert with the incident's id)."""

from __future__ import annotations

from sqlmodel import Session

from nlp.linking.evidence import NUCLIDE
from nlp.vocabulary import AlertKind, IncidentStatus, IncidentType, MaterialStatus
from storage.alerts import AlertError
from storage.incidents import _marking
from storage.models import AlertCreate, Incident, IncidentMaterial

RAISES_ALERTS = (IncidentType.THEFT, IncidentType.LOSS)
NOT_RECOVERED = (MaterialStatus.MISSING, MaterialStatus.STOLEN)


def propose_alerts_from_incident(*, session: Session, incident_id: int) -> list[AlertCreate]:
    incident = session.get(Incident, incident_id)
    if incident is None:
        raise AlertError(f"no incident {incident_id}")
    problem = _why_not(incident)
    if problem:
        raise AlertError(f"incident {incident_id} raises no alert: {problem}")
    materials = [IncidentMaterial.model_validate(m) for m in incident.materials]
    if not materials:
        raise AlertError(f"incident {incident_id} raises no alert: it records no material")
    marking = _marking(session, incident)
    return [
        _draft(incident, material).model_copy(update={"marking": marking}) for material in materials
    ]


def _why_not(incident: Incident) -> str | None:
    if incident.status != IncidentStatus.CONFIRMED:
        return "it is not confirmed"
    if incident.incident_type not in RAISES_ALERTS:
        return f"it is a {incident.incident_type}, not a theft or loss"
    if incident.material_status not in NOT_RECOVERED:
        return f"its material is {incident.material_status}, not missing or stolen"
    return None


def _draft(incident: Incident, material: IncidentMaterial) -> AlertCreate:
    nuclide = material.name if NUCLIDE.match(material.name) else None
    what = " ".join(v for v in (material.name, material.device) if v)
    return AlertCreate(
        kind=AlertKind.SOURCE,
        title=f"{str(incident.material_status).capitalize()} {what}: {incident.title}"[:200],
        nuclide=nuclide,
        activity_bq=material.activity_bq,
        # An activity without its own date was quoted when the incident happened.
        activity_reference_date=material.activity_reference_date
        or (incident.occurred_on if material.activity_bq else None),
        device_model=material.device,
        serial_number=material.serial_number,
        country=incident.country,
        place=incident.place,
        reported_missing_on=incident.occurred_on or incident.reported_on,
        notes=f"Proposed from incident #{incident.id}.",
    )
