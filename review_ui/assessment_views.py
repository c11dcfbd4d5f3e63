"""Read-only pieces of the editor workspace: the list of editions, an edition's header, the
figures and tables of its snapshot, and its history.

Titles, places and source names in a snapshot come from documents: they are shown in
dataframes (plain cells, through `spreadsheet_safe`) or escaped HTML blocks, never as Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pandas as pd
import streamlit as st

from flows.publishing.charts import chart_specs
from flows.publishing.labels import DIMENSION_TITLES
from nlp.vocabulary import AssessmentStatus, Tlp
from review_ui.layout import when
from review_ui.plain_text import spreadsheet_safe
from review_ui.safe_html import badge, block, escape_text, key_values, tlp_badge
from storage.models import ReviewEvent
from storage.models.assessments import SECTIONS, Assessment, Snapshot

SECTION_TITLES = {name: name.replace("_", " ").capitalize() for name in SECTIONS}
STATUS_TITLES = {
    AssessmentStatus.DRAFT: "Draft",
    AssessmentStatus.IN_REVIEW: "In review",
    AssessmentStatus.PUBLISHED: "Published",
    AssessmentStatus.WITHDRAWN: "Withdrawn",
}
STATUS_COLOURS = {
    AssessmentStatus.DRAFT: "#e8eaed",
    AssessmentStatus.IN_REVIEW: "#fff1c2",
    AssessmentStatus.PUBLISHED: "#d4f3d0",
    AssessmentStatus.WITHDRAWN: "#f6d2d2",
}
DOWNLOADS = {  # output format: (button label, MIME type)
    "pdf": ("Download PDF", "application/pdf"),
    "html": ("Download HTML", "text/html"),
    "md": ("Download Markdown", "text/markdown"),
}
NOT_FILE_NAME = re.compile(r"[^A-Za-z0-9-]")


def download_name(assessment: Assessment, fmt: str) -> str:
    """`assessment-2026-Q3-ed2.pdf`: the period's letters and digits only, never a title."""
    period = NOT_FILE_NAME.sub("", assessment.period) or "period"
    return f"assessment-{period}-ed{assessment.edition}.{NOT_FILE_NAME.sub('', fmt)}"


def list_frame(assessments: Sequence[Assessment]) -> pd.DataFrame:
    """One row an edition, as the list shows it (every text cell spreadsheet-safe)."""
    rows = [
        {
            "Id": a.id,
            "Period": a.period,
            "Scope": a.scope or "World",
            "Edition": a.edition,
            "Title": a.title,
            "Marking": str(a.marking),
            "Ceiling": str(a.ceiling),
            "Status": STATUS_TITLES[AssessmentStatus(a.status)],
            "Author": a.author,
            "Published by": a.published_by or "",
            "Updated": when(a.updated_at),
        }
        for a in assessments
    ]
    return spreadsheet_safe(pd.DataFrame(rows))


def edition_label(assessment: Assessment) -> str:
    """How a selectbox names an edition (options are plain text, never Markdown)."""
    a = assessment
    return f"#{a.id} · {a.period} · {a.scope or 'world'} · ed. {a.edition} · {a.title}"


def status_badge(status: AssessmentStatus) -> str:
    return badge(STATUS_TITLES[status], STATUS_COLOURS[status])


def edition_note(assessment: Assessment) -> str:
    if assessment.edition == 1:
        return "First edition"
    return f"Edition {assessment.edition}, correcting edition {assessment.edition - 1}"


def edition_header(assessment: Assessment) -> None:
    """Title, status, marking and ceiling badges, and who did what when (escaped HTML)."""
    status = AssessmentStatus(assessment.status)
    facts: list[tuple[str, object]] = [
        ("Period", f"{assessment.period} ({assessment.period_start} to {assessment.period_end})"),
        ("Scope", assessment.scope or "World"),
        ("Edition", edition_note(assessment)),
        ("Author", f"{assessment.author}, {when(assessment.created_at)}"),
    ]
    if assessment.changes:
        facts.append(("What this correction changed", assessment.changes))
    if assessment.submitted_by:
        facts.append(("Submitted", f"{assessment.submitted_by}, {when(assessment.submitted_at)}"))
    if assessment.published_by:
        facts.append(("Published", f"{assessment.published_by}, {when(assessment.published_at)}"))
    st.markdown(
        block(
            f'<div style="font-size:1.2rem;font-weight:700">{escape_text(assessment.title)}</div>'
            f"{status_badge(status)}{badge('marking')}{tlp_badge(Tlp(assessment.marking))}"
            f"{badge('ceiling')}{tlp_badge(Tlp(assessment.ceiling))}" + key_values(facts)
        ),
        unsafe_allow_html=True,
    )


def key_figures(snapshot: Snapshot) -> None:
    """Incidents in the period against the previous one, and what the edition leaves out."""
    total = len(snapshot.incidents)
    cols = st.columns(4)
    cols[0].metric(
        f"Incidents in {snapshot.period}",
        total,
        delta=total - snapshot.previous_total,
        delta_color="off",
    )
    cols[1].metric(f"Incidents in {snapshot.previous_period}", snapshot.previous_total)
    cols[2].metric("Left out: above the ceiling", snapshot.left_out_above_ceiling)
    cols[3].metric("Left out: no date", snapshot.left_out_undated)
    st.caption(
        f"Data as of {when(snapshot.built_at)} · content marking {snapshot.marking} · "
        f"ceiling {snapshot.ceiling}"
    )


def charts(snapshot: Snapshot) -> None:
    """The edition's map and bar charts, from the same specs the renderers draw."""
    specs = chart_specs(snapshot)
    st.vega_lite_chart(spec=specs.pop("map"), width="stretch")
    cols = st.columns(2)
    for index, (dimension, spec) in enumerate(specs.items()):
        with cols[index % 2]:
            st.caption(DIMENSION_TITLES.get(dimension, dimension))
            st.vega_lite_chart(spec=spec, width="stretch")


def incident_table(snapshot: Snapshot) -> None:
    if not snapshot.incidents:
        st.caption("No confirmed incident in this period, scope and ceiling.")
        return
    rows = [
        {
            "Id": i.id,
            "Title": i.title,
            "Occurred": i.occurred_on,
            "Reported": i.reported_on,
            "Type": i.incident_type,
            "Intent": i.intent_group,
            "Materials": "; ".join(i.materials),
            "Category": i.iaea_category,
            "Country": i.country or "",
            "Place": i.place or "",
            "Sources": "; ".join(i.sources),
            "Marking": str(i.marking),
        }
        for i in snapshot.incidents
    ]
    st.dataframe(spreadsheet_safe(pd.DataFrame(rows)), hide_index=True)


def history_frame(events: Iterable[ReviewEvent]) -> pd.DataFrame:
    """Every step of an edition: who, when, what, and the comment or reason given."""
    columns = ["When", "Who", "Action", "Comment or reason"]
    rows = [[when(e.at), e.username, e.action, _note(e)] for e in events]
    return spreadsheet_safe(pd.DataFrame(rows, columns=columns))


def _note(event: ReviewEvent) -> str:
    """The comment or reason; for an edit, which sections it changed."""
    if event.reason:
        return event.reason
    after = event.after or {}
    if event.action == "edit":
        return "changed: " + ", ".join(SECTION_TITLES.get(k, k) for k in after)
    changes = after.get("changes")
    return changes if isinstance(changes, str) else ""
