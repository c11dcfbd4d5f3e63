"""What a notice draft is pre-filled with from its alert (pure functions, no database):

- `notice_fields`: the identifiers, as (name, label, value) records for the PDF table and the
  JSON output. A source: nuclide, activity at its reference date and decay-corrected to the
  drafting day (nlp.linking.decay, half-lives of NNDC / IAEA Live Chart), device make and
  model, serial number, owner, country, place, date reported missing. A person: name, other
  spellings, date of birth, nationality, role.
- `prefilled_sections`: the editable Markdown sections (summary, modus operandi, requested
  actions). Alert values in them are escaped (nlp.markdown_text): an alert proposed from a
  document carries that document's words.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from nlp.linking.decay import decayed, half_lives_days
from nlp.markdown_text import escape
from nlp.vocabulary import AlertKind, NoticeKind
from storage.models import Alert

SECTIONS = ("summary", "modus_operandi", "requested_actions")
SECTION_TITLES = {
    "summary": "Summary",
    "modus_operandi": "Modus operandi",
    "requested_actions": "Requested actions",
}
UNITS = (("TBq", 1e12), ("GBq", 1e9), ("MBq", 1e6), ("kBq", 1e3))
CURIE_BQ = 3.7e10


def activity_text(becquerel: float) -> str:
    """1.2e12 -> "1.2 TBq (32.4 Ci)": three significant figures, with curies beside."""
    for unit, size in UNITS:
        if becquerel >= size:
            return f"{becquerel / size:.3g} {unit} ({becquerel / CURIE_BQ:.3g} Ci)"
    return f"{becquerel:.3g} Bq ({becquerel / CURIE_BQ:.3g} Ci)"


def _field(name: str, label: str, value: Any) -> dict[str, Any] | None:
    if value is None or value == "" or value == []:
        return None
    shown = ", ".join(value) if isinstance(value, list) else str(value)
    return {"name": name, "label": label, "value": shown}


def _activity_fields(alert: Alert, today: date) -> list[dict[str, Any] | None]:
    if alert.activity_bq is None:
        return []
    reference = alert.activity_reference_date
    quoted = activity_text(alert.activity_bq)
    fields = [_field("activity", "Activity", f"{quoted} on {reference}" if reference else quoted)]
    if reference and alert.nuclide and alert.nuclide in half_lives_days():
        now = decayed(alert.activity_bq, alert.nuclide, reference, today)
        half_life = half_lives_days()[alert.nuclide]
        fields.append(
            _field(
                "activity_today",
                "Activity today (decay-corrected)",
                f"{activity_text(now)} on {today} (half-life {half_life:g} days)",
            )
        )
    return fields


def notice_fields(alert: Alert, today: date) -> list[dict[str, Any]]:
    """The alert's identifiers, in the order a notice prints them."""
    if AlertKind(alert.kind) == AlertKind.PERSON:
        fields = [
            _field("name", "Name", alert.name),
            _field("name_variants", "Other spellings", list(alert.name_variants)),
            _field("date_of_birth", "Date of birth", alert.date_of_birth),
            _field("nationality", "Nationality", alert.nationality),
            _field("role", "Role", alert.role),
        ]
    else:
        fields = [
            _field("nuclide", "Nuclide", alert.nuclide),
            *_activity_fields(alert, today),
            _field("device_make", "Device make", alert.device_make),
            _field("device_model", "Device model", alert.device_model),
            _field("serial_number", "Serial number", alert.serial_number),
            _field("owner", "Owner", alert.owner),
        ]
    fields += [
        _field("country", "Country", alert.country),
        _field("place", "Place", alert.place),
        _field("reported_missing_on", "Reported missing on", alert.reported_missing_on),
    ]
    return [field for field in fields if field is not None]


def _subject(alert: Alert) -> str:
    if AlertKind(alert.kind) == AlertKind.PERSON:
        return f"a person of interest, {escape(alert.name or alert.title)}"
    device = " ".join(escape(v) for v in (alert.device_make, alert.device_model) if v)
    source = escape(alert.nuclide or "radioactive") + " source"
    return f"the {source}" + (f" of a {device}" if device else "")


def prefilled_sections(alert: Alert, kind: NoticeKind) -> dict[str, str]:
    """The editable sections as first drafted from the alert."""
    where = ", ".join(escape(v) for v in (alert.place, alert.country) if v) or "an unknown place"
    missing = (
        f" reported missing on {alert.reported_missing_on}" if alert.reported_missing_on else ""
    )
    summary = (
        f"Alert #{alert.id} ({escape(alert.title)}) concerns {_subject(alert)}, {where}{missing}."
    )
    if alert.notes.strip():
        summary += "\n\n" + escape(alert.notes)
    if NoticeKind(kind) == NoticeKind.PURPLE:
        modus = (
            "How the material was taken, concealed or moved, as far as the alert's reports "
            "tell it; methods other services should look for."
        )
    else:
        modus = "Not established."
    actions = (
        "- Search for the source and the device by serial number, and report any sighting "
        "to the unit.\n- Do not handle or open the device: isolate the area and call the "
        "national radiation protection authority.\n- Share any information on the persons "
        "involved."
        if AlertKind(alert.kind) != AlertKind.PERSON
        else "- Locate the person and report their whereabouts to the unit.\n- Report any "
        "contact with radioactive or nuclear material."
    )
    return {"summary": summary, "modus_operandi": modus, "requested_actions": actions}
