"""Parts of the Alerts page: the create/edit form, the alert's details, its proposed matches
with the evidence side by side (alert field | document mention) and the decay-corrected
activity. Document text and titles go through safe_html (HTML blocks) or spreadsheet_safe
(tables); nothing from a document reaches Markdown."""

from __future__ import annotations

from typing import Any

import pandas as pd
import streamlit as st

from nlp.vocabulary import AlertCloseReason, AlertKind, AlertMatchStatus, AlertStatus, Tlp
from review_ui import alert_actions as act
from review_ui.layout import when
from review_ui.plain_text import spreadsheet_safe
from review_ui.safe_html import badge, block, escape_text, key_values, tlp_badge
from storage.models import Alert, AlertMatch, Document, ReviewEvent

SOURCE_INPUTS = (
    ("nuclide", "Nuclide (canonical, e.g. Ir-192)"),
    ("device_make", "Device make"),
    ("device_model", "Device model"),
    ("serial_number", "Serial number"),
    ("owner", "Owner"),
    ("country", "Country (ISO, e.g. FR)"),
    ("place", "Place"),
)
PERSON_INPUTS = (
    ("name", "Name"),
    ("nationality", "Nationality (ISO)"),
    ("role", "Role"),
    ("country", "Country of operation (ISO)"),
    ("place", "Place"),
)
STATUS_COLOURS = {
    AlertMatchStatus.PENDING: "#fff3c4",
    AlertMatchStatus.CONFIRMED: "#d3f9d8",
    AlertMatchStatus.REJECTED: "#ffe3e3",
}


def alert_form(key: str, kind: AlertKind, alert: Alert | None = None) -> None:
    """The fields of one kind of alert; `alert` fills them for an edit."""

    def value(name: str) -> Any:
        return getattr(alert, name) if alert is not None else None

    with st.form(key):
        st.text_input("Title", value=value("title") or "", key=f"{key}_title")
        markings = list(Tlp)
        current = markings.index(Tlp(value("marking") or Tlp.AMBER))
        st.selectbox("Marking", markings, index=current, key=f"{key}_marking")
        inputs = SOURCE_INPUTS if kind == AlertKind.SOURCE else PERSON_INPUTS
        columns = st.columns(2)
        for number, (name, label) in enumerate(inputs):
            columns[number % 2].text_input(label, value=value(name) or "", key=f"{key}_{name}")
        if kind == AlertKind.SOURCE:
            tbq = (value("activity_bq") or 0) / 1e12
            left, middle, right = st.columns(3)
            left.number_input(
                "Activity (TBq)", min_value=0.0, value=tbq, format="%.4f", key=f"{key}_activity_tbq"
            )
            middle.date_input(
                "Activity reference date",
                value=value("activity_reference_date"),
                key=f"{key}_activity_reference_date",
            )
            right.date_input(
                "Reported missing on",
                value=value("reported_missing_on"),
                key=f"{key}_reported_missing_on",
            )
        else:
            variants = "\n".join(value("name_variants") or [])
            st.text_area(
                "Other spellings and scripts (one a line)",
                value=variants,
                key=f"{key}_name_variants",
            )
            st.date_input("Date of birth", value=value("date_of_birth"), key=f"{key}_date_of_birth")
        st.text_area("Notes", value=value("notes") or "", key=f"{key}_notes")
        if alert is None:
            st.form_submit_button(
                "Create alert", on_click=act.create, args=(key, kind), type="primary"
            )
        else:
            args = (key, kind, alert.id, alert.version)
            st.form_submit_button("Save", on_click=act.edit, args=args, type="primary")


def alert_details(alert: Alert, watchers: list[str]) -> None:
    rows: list[tuple[str, object]] = [("Kind", alert.kind), ("Status", _status(alert))]
    if alert.kind == AlertKind.SOURCE:
        activity = f"{alert.activity_bq / 1e12:.3g} TBq" if alert.activity_bq else "—"
        rows += [
            ("Nuclide", alert.nuclide or "—"),
            ("Activity", f"{activity} on {alert.activity_reference_date or '?'}"),
            ("Device", " ".join(v for v in (alert.device_make, alert.device_model) if v)),
            ("Serial number", alert.serial_number or "—"),
            ("Owner", alert.owner or "—"),
            ("Reported missing on", alert.reported_missing_on or "—"),
        ]
    else:
        rows += [
            ("Name", alert.name or ""),
            ("Variants", ", ".join(alert.name_variants)),
            ("Date of birth", alert.date_of_birth or "—"),
            ("Nationality", alert.nationality or "—"),
            ("Role", alert.role or "—"),
        ]
    rows += [
        ("Where", ", ".join(v for v in (alert.place, alert.country) if v) or "—"),
        ("Watchers", ", ".join(watchers) or "nobody"),
        ("Created by", alert.created_by),
        ("Notes", alert.notes or "—"),
    ]
    heading = (
        f"<div><b>{escape_text(f'#{alert.id} {alert.title}')}</b> {tlp_badge(alert.marking)}</div>"
    )
    st.markdown(block(heading + key_values(rows)), unsafe_allow_html=True)


def _status(alert: Alert) -> str:
    if alert.status == AlertStatus.CLOSED:
        return f"closed ({alert.close_reason}) by {alert.closed_by} {when(alert.closed_at)}"
    return str(alert.status)


def close_controls(alert: Alert, recovered_offered: bool) -> None:
    key = f"alert_{alert.id}_close"
    if alert.status == AlertStatus.CLOSED:
        with st.form(f"{key}_reopen"):
            st.text_input("Reason (required)", key=f"{key}_reason")
            st.form_submit_button(
                "Reopen", on_click=act.reopen, args=(alert.id, alert.version, key)
            )
        return
    if recovered_offered:
        st.info("A confirmed match reports the source found.")
        st.button(
            "Close as recovered",
            type="primary",
            key=f"{key}_recovered",
            on_click=act.close,
            args=(alert.id, alert.version, AlertCloseReason.RECOVERED, key),
        )
    with st.form(key):
        st.text_input("Note", key=f"{key}_note")
        st.form_submit_button(
            "Withdraw (close)",
            on_click=act.close,
            args=(alert.id, alert.version, AlertCloseReason.WITHDRAWN, key),
        )


def watcher_controls(alert_id: int, me: str, watchers: list[str], candidates: list[str]) -> None:
    """Watch or stop watching; add a colleague who may read the alert; remove a watcher."""
    if me in watchers:
        st.button(
            "Stop watching", key=f"unwatch_{alert_id}_me", on_click=act.unwatch, args=(alert_id, me)
        )
    elif me in candidates:
        st.button(
            "Watch this alert",
            type="primary",
            key=f"watch_{alert_id}_me",
            on_click=act.watch,
            args=(alert_id, me),
        )
    left, right = st.columns(2)
    with left, st.form(f"watch_{alert_id}"):
        st.selectbox(
            "Add a watcher (users who may read this alert)",
            candidates,
            key=f"watch_{alert_id}_user",
        )
        st.form_submit_button(
            "Add watcher", on_click=act.watch, args=(alert_id,), disabled=not candidates
        )
    with right, st.form(f"unwatch_{alert_id}"):
        st.selectbox("Remove a watcher", watchers, key=f"unwatch_{alert_id}_user")
        st.form_submit_button(
            "Remove watcher", on_click=act.unwatch, args=(alert_id,), disabled=not watchers
        )


def match_card(match: AlertMatch, document: Document) -> None:
    status = AlertMatchStatus(match.status)
    heading = (
        f"{badge(f'score {match.score:.2f}', '#fff3c4')} {badge(status, STATUS_COLOURS[status])} "
        + (badge("reports the source found", "#d0ebff") if match.reports_recovery else "")
        + escape_text(f" · proposed {when(match.created_at)}")
    )
    published = document.published_at.date() if document.published_at else "unknown"
    side = key_values(
        [
            ("Document", f"#{document.id}"),
            ("Title", document.title or "(untitled)"),
            ("Language", (document.language or "?").upper()),
            ("Published", published),
        ]
    )
    st.markdown(
        block(f"<div>{heading}</div>{tlp_badge(document.marking)}{side}"), unsafe_allow_html=True
    )
    decay = (match.evidence.get("decay") or {}).get("text")
    if decay:
        st.markdown(
            block(f"<div><b>Activity after decay</b>: {escape_text(decay)}</div>"),
            unsafe_allow_html=True,
        )
    st.caption("Alert field | document mention")
    st.dataframe(evidence_table(match.evidence.get("shared", [])), hide_index=True)
    conflicts = match.evidence.get("conflicts", [])
    if conflicts:
        st.caption("What disagrees")
        st.dataframe(evidence_table(conflicts), hide_index=True)
    if status == AlertMatchStatus.PENDING:
        _decision_forms(match)
    elif match.decided_by:
        st.caption(f"{status} by {match.decided_by} {when(match.decided_at)}")


def evidence_table(items: list[dict[str, Any]]) -> pd.DataFrame:
    rows = [
        {
            "evidence": i.get("kind"),
            "alert": i.get("left"),
            "document": i.get("right"),
            "note": i.get("note"),
        }
        for i in items
    ]
    frame = pd.DataFrame(rows, columns=["evidence", "alert", "document", "note"])
    return spreadsheet_safe(frame.astype(str))


def _decision_forms(match: AlertMatch) -> None:
    key = f"match_{match.id}"
    left, right = st.columns(2)
    with left.form(f"{key}_confirm"):
        st.text_input("Reason (optional)", key=f"{key}_confirm_reason")
        st.form_submit_button(
            "Confirm", on_click=act.decide, args=(match.id, True, f"{key}_confirm"), type="primary"
        )
    with right.form(f"{key}_reject"):
        st.text_input("Reason (required)", key=f"{key}_reject_reason")
        st.form_submit_button(
            "Reject", on_click=act.decide, args=(match.id, False, f"{key}_reject")
        )


def history_table(events: list[ReviewEvent]) -> pd.DataFrame:
    rows = [
        {
            "when": when(e.at),
            "who": e.username,
            "action": e.action,
            "before": e.before or "",
            "after": e.after or "",
            "reason": e.reason or "",
        }
        for e in events
    ]
    frame = pd.DataFrame(rows, columns=["when", "who", "action", "before", "after", "reason"])
    return spreadsheet_safe(frame.astype(str))
