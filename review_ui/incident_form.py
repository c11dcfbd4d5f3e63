"""The ITDB record of an incident on its page: the record, its sources and grading, the edit
form with its materials table, and the Confirm / Reopen actions. Every save goes through
storage.incident_record (optimistic locking, one audit event)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st
from pydantic import ValidationError

from nlp.vocabulary import IncidentStatus, IncidentType, IntentGroup, MaterialGroup, MaterialStatus
from review_ui.layout import acting_user, flash, when
from review_ui.plain_text import plain, spreadsheet_safe
from review_ui.safe_html import badge, block, escape_text, key_values, tlp_badge
from storage.authz import PermissionDenied
from storage.db import session_scope
from storage.incident_record import (
    IncidentUpdate,
    confirm_incident,
    refresh_materials,
    reopen_incident,
    update_incident,
)
from storage.incidents import IncidentDetail, IncidentError
from storage.models import Incident, IncidentMaterial

MATERIAL_COLUMNS = {
    "name": st.column_config.TextColumn("Material", required=True),
    "material_group": st.column_config.SelectboxColumn("Group", options=list(MaterialGroup)),
    "activity_bq": st.column_config.NumberColumn("Activity (Bq)", format="%.3e", min_value=0),
    "activity_reference_date": st.column_config.DateColumn("Reference date"),
    "quantity_g": st.column_config.NumberColumn("Quantity (g)", min_value=0),
    "enrichment_pct": st.column_config.NumberColumn("Enrichment %", min_value=0, max_value=100),
    "count": st.column_config.NumberColumn("Count", min_value=0, step=1),
    "device": st.column_config.TextColumn("Device"),
    "serial_number": st.column_config.TextColumn("Serial"),
    "iaea_category": st.column_config.NumberColumn("IAEA cat.", min_value=1, max_value=5, step=1),
    "findings": st.column_config.TextColumn("From findings", disabled=True),
}
RELIABILITY = list("ABCDEF")
CREDIBILITY = [1, 2, 3, 4, 5, 6]


def save(success: str, action: Callable[..., Any], **kwargs: Any) -> bool:
    """Run one storage action in its own transaction as the signed-in user; say how it went."""
    user = acting_user()
    try:
        with session_scope() as session:
            action(session=session, username=user.username, clearance=user.clearance, **kwargs)
    except PermissionDenied as error:
        flash("error", str(error))
        return False
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        flash("error", f"Not saved: {plain(problems)}")
        return False
    except (IncidentError, ValueError) as error:
        flash("error", f"Not saved: {plain(error)}")
        return False
    flash("success", success)
    return True


def record(detail: IncidentDetail) -> None:
    """The whole ITDB record as one escaped HTML block."""
    i = detail.incident
    st.markdown(
        block(
            f'<div style="font-size:1.2rem;font-weight:700">{escape_text(i.title)}</div>'
            f"{tlp_badge(detail.marking)}{badge(str(i.status), *_status_colours(i.status))}"
            f"{badge(i.incident_type)}{badge(i.intent_group)}"
            f"{badge(i.material_group or 'material group ?')}"
            f"{badge('material ' + i.material_status)}" + key_values(_record_rows(detail))
        ),
        unsafe_allow_html=True,
    )


def _status_colours(status: IncidentStatus) -> tuple[str, str]:
    if status == IncidentStatus.CONFIRMED:
        return ("#1a7f37", "#ffffff")
    return ("#e8eaed", "#1f2328")


def _occurred(incident: Incident) -> str:
    if incident.occurred_on and incident.occurred_until:
        return f"between {incident.occurred_on} and {incident.occurred_until}"
    return str(incident.occurred_on or "—")


def _delay(incident: Incident) -> str:
    last = incident.occurred_until or incident.occurred_on
    if incident.reported_on is None or last is None:
        return "—"
    return f"{(incident.reported_on - last).days} days"


def _record_rows(detail: IncidentDetail) -> list[tuple[str, object]]:
    i, grading = detail.incident, detail.grading
    confirmed = f"by {i.confirmed_by}, {when(i.confirmed_at)}" if i.confirmed_by else "not yet"
    merged = f" into #{i.merged_into_id}" if i.merged_into_id else ""
    return [
        ("Occurred", _occurred(i)),
        ("Reported", i.reported_on or "—"),
        ("Reporting delay", _delay(i)),
        ("Country", i.country or "—"),
        ("Other countries", ", ".join(i.other_countries) or "—"),
        ("Place", i.place or "—"),
        ("Materials", ", ".join(m["name"] for m in i.materials) or "—"),
        ("Grading (stored)", f"{i.reliability}{i.credibility}"),
        ("Grading (proposed)", f"{grading.reliability}{grading.credibility}: {grading.why}"),
        ("Summary", i.summary or "—"),
        ("Opened by", f"{i.created_by}, {when(i.created_at)}"),
        ("Status", f"{i.status}{merged}"),
        ("Confirmed", confirmed),
    ]


def materials_table(incident: Incident) -> None:
    st.caption(
        "Materials come from confirmed findings of the linked documents (pending or rejected "
        "findings are left out); edit them in the record form."
    )
    if not incident.materials:
        st.caption("No material recorded.")
        return
    st.dataframe(spreadsheet_safe(_material_frame(incident)), hide_index=True)


def sources_table(detail: IncidentDetail) -> None:
    rows = [
        {
            "Source": s.origin,
            "Documents": ", ".join(f"#{d}" for d in s.document_ids),
            "Reliability": s.reliability,
            "Credibility": s.credibility,
        }
        for s in detail.sources
    ]
    grading = detail.grading
    st.markdown(
        plain(f"Proposed grading {grading.reliability}{grading.credibility}: {grading.why}")
    )
    st.caption(
        "Sources are grouped by origin (one bureau, one feed or site, one document); "
        "two or more independent sources give credibility 1."
    )
    if rows:
        st.dataframe(spreadsheet_safe(pd.DataFrame(rows)), hide_index=True)


def _material_frame(incident: Incident) -> pd.DataFrame:
    rows = []
    for stored in incident.materials:
        material = IncidentMaterial.model_validate(stored)
        row = material.model_dump(exclude={"finding_ids"})
        row["findings"] = ", ".join(f"#{i}" for i in material.finding_ids)
        rows.append(row)
    return pd.DataFrame(rows, columns=list(MATERIAL_COLUMNS))


def _materials_from(frame: pd.DataFrame) -> list[IncidentMaterial]:
    """The edited rows as materials; a row without a name is left out."""
    materials = []
    for row in frame.to_dict("records"):
        values = {k: None if _blank(v) else v for k, v in row.items()}
        if not values.get("name"):
            continue
        findings = str(values.pop("findings") or "")
        values["finding_ids"] = [int(p) for p in findings.replace("#", "").split(",") if p.strip()]
        materials.append(IncidentMaterial.model_validate(values))
    return materials


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def edit_form(detail: IncidentDetail) -> None:
    i = detail.incident
    prefix = f"rec_{i.id}_{i.version}"  # a saved version draws a fresh form
    with st.form(f"{prefix}_form"):
        values = _record_fields(i)
        st.markdown("**Materials** (from confirmed findings; add, change or delete rows)")
        edited = st.data_editor(
            _material_frame(i),
            column_config=MATERIAL_COLUMNS,
            num_rows="dynamic",
            hide_index=True,
            key=f"{prefix}_materials",
        )
        submitted = st.form_submit_button("Save record", type="primary")
    if submitted and _save_record(i, values, edited):
        st.rerun()


def _record_fields(i: Incident) -> dict[str, Any]:
    left, right = st.columns(2)
    groups = [None, *MaterialGroup]
    return {
        "title": left.text_input("Title", i.title),
        "occurred_on": left.date_input("Occurred on (or first day)", i.occurred_on),
        "occurred_until": left.date_input("Occurred until (range, optional)", i.occurred_until),
        "reported_on": left.date_input("Reported on", i.reported_on),
        "incident_type": left.selectbox(
            "Incident type", list(IncidentType), _at(IncidentType, i.incident_type)
        ),
        "intent_group": left.selectbox(
            "Intent group", list(IntentGroup), _at(IntentGroup, i.intent_group)
        ),
        "material_group": left.selectbox(
            "Material group", [None, *MaterialGroup], _at(groups, i.material_group)
        ),
        "material_status": left.selectbox(
            "Material status", list(MaterialStatus), _at(MaterialStatus, i.material_status)
        ),
        "country": right.text_input("Country (ISO code, where it happened)", i.country or ""),
        "other_countries": right.text_input(
            "Other countries (ISO codes, comma separated)", ", ".join(i.other_countries)
        ),
        "place": right.text_input("Place", i.place or ""),
        "latitude": right.number_input("Latitude", -90.0, 90.0, i.latitude, format="%.4f"),
        "longitude": right.number_input("Longitude", -180.0, 180.0, i.longitude, format="%.4f"),
        "reliability": right.selectbox(
            "Source reliability", RELIABILITY, _at(RELIABILITY, i.reliability)
        ),
        "credibility": right.selectbox(
            "Information credibility", CREDIBILITY, _at(CREDIBILITY, i.credibility)
        ),
        "summary": st.text_area("Summary", i.summary),
    }


def _at(options: Any, value: Any) -> int:
    choices = list(options)
    return choices.index(value) if value in choices else 0


def _save_record(incident: Incident, values: dict[str, Any], edited: pd.DataFrame) -> bool:
    def changes() -> IncidentUpdate:
        codes = [c.strip() for c in str(values["other_countries"]).split(",") if c.strip()]
        return IncidentUpdate.model_validate(
            {
                **values,
                "country": values["country"].strip() or None,
                "other_countries": codes,
                "place": values["place"].strip() or None,
                "materials": _materials_from(edited),
            }
        )

    def action(**kwargs: Any) -> None:
        update_incident(changes=changes(), **kwargs)

    return save("Record saved.", action, incident_id=incident.id, version=incident.version)


def record_actions(detail: IncidentDetail) -> None:
    """Use the proposed grading, take materials from findings, confirm or reopen."""
    i, grading = detail.incident, detail.grading
    args = {"incident_id": i.id, "version": i.version}
    left, right = st.columns(2)
    proposed = (grading.reliability, grading.credibility)
    done = False
    if left.button("Use proposed grading", disabled=proposed == (i.reliability, i.credibility)):
        changes = IncidentUpdate(reliability=grading.reliability, credibility=grading.credibility)
        done = save("Proposed grading applied.", update_incident, changes=changes, **args)
    if left.button("Take materials from confirmed findings"):
        done = save("Materials taken from confirmed findings.", refresh_materials, **args)
    if i.status == IncidentStatus.OPEN and right.button("Confirm incident", type="primary"):
        done = save("Incident confirmed: it now counts in assessments.", confirm_incident, **args)
    if i.status == IncidentStatus.CONFIRMED:
        with right.form(f"reopen_{i.id}_{i.version}"):
            reason = st.text_input("Reason for reopening")
            reopen = st.form_submit_button("Reopen")
        if reopen:
            done = save("Incident reopened.", reopen_incident, reason=reason, **args)
    if done:
        st.rerun()
