"""Human-readable names for the values an assessment counts by (snapshot keys are the
vocabulary's values and ISO 3166-1 alpha-2 codes)."""

from __future__ import annotations

import pycountry

from nlp.vocabulary import IncidentType, IntentGroup, MaterialGroup, MaterialStatus

DIMENSION_TITLES = {
    "incident_type": "Incident type",
    "material_group": "Material group",
    "intent_group": "Intent",
    "iaea_category": "IAEA source category",
    "country": "Country",
}
# Wording of the ITDB fact sheets for intent and material groups.
VALUE_LABELS: dict[str, str] = {
    IncidentType.THEFT: "Theft",
    IncidentType.LOSS: "Loss",
    IncidentType.TRAFFICKING_OR_SMUGGLING: "Trafficking or smuggling",
    IncidentType.UNAUTHORIZED_POSSESSION: "Unauthorised possession",
    IncidentType.SCAM_OR_FRAUD: "Scam or fraud",
    IncidentType.ORPHAN_SOURCE_FOUND: "Orphan source found",
    IncidentType.SABOTAGE_OR_ATTACK: "Sabotage or attack",
    IncidentType.OTHER: "Other",
    IntentGroup.LIKELY_TRAFFICKING_OR_MALICIOUS: "Likely trafficking or malicious use",
    IntentGroup.UNDETERMINED: "Insufficient information to determine intent",
    IntentGroup.NOT_CONNECTED: "Not connected to trafficking or malicious use",
    MaterialGroup.NUCLEAR: "Nuclear material",
    MaterialGroup.RADIOACTIVE_SOURCE: "Other radioactive material",
    MaterialGroup.CONTAMINATED: "Contaminated and other material",
    MaterialGroup.NONE: "No nuclear material (scam)",
    MaterialStatus.UNKNOWN: "Unknown",
}
UNKNOWN_KEYS = {"", "null", "unknown"}


def country_name(code: str | None) -> str:
    """The common English name of an ISO 3166-1 alpha-2 code; unknown codes as given."""
    if not code:
        return "Unknown"
    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or country.name)


def value_label(dimension: str, value: str | None) -> str:
    """How `value` of `dimension` (a snapshot count key) is printed."""
    if dimension == "iaea_category":
        return f"Category {value}" if value and value.isdigit() else "Not stated"
    if value is None or value.lower() in UNKNOWN_KEYS:
        return "Unknown"
    if dimension == "country":
        return country_name(value)
    return VALUE_LABELS.get(value, value.replace("_", " ").capitalize())


def scope_label(scope: str | None) -> str:
    """ "World", a country's name for an ISO code, or a region's name as given."""
    if not scope:
        return "World"
    return country_name(scope) if len(scope) == 2 else scope
