"""Administration: the ingestion sources, as declared, with their latest run."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from nlp.vocabulary import Role
from review_ui.layout import header, require, when
from review_ui.plain_text import spreadsheet_safe
from storage.dashboard import recent_runs
from storage.db import session_scope
from storage.models import IngestRun
from storage.sources import list_sources


def render() -> None:
    user = require(Role.ADMIN)
    header(
        "Sources",
        user,
        "Sources are declared in the sources file and synchronised by "
        "`radintel sources sync`; this page shows them and their latest run.",
    )
    with session_scope() as session:
        sources = list_sources(session=session)
        runs = recent_runs(session=session, limit=200)
    if not sources:
        st.info("No source declared yet.")
        return
    latest: dict[int | None, IngestRun] = {}
    for run in runs:
        latest.setdefault(run.source_id, run)
    st.dataframe(
        spreadsheet_safe(
            pd.DataFrame(
                [
                    {
                        "Name": s.name,
                        "Kind": str(s.kind),
                        "Enabled": s.enabled,
                        "Reliability": s.reliability,
                        "Default marking": str(s.default_marking),
                        "Every (min)": s.schedule_minutes,
                        "Language": s.language_hint or "",
                        "Bureau": s.bureau_country or "",
                        "Last run": when(latest[s.id].started_at) if s.id in latest else "—",
                        "Last status": str(latest[s.id].status) if s.id in latest else "—",
                    }
                    for s in sources
                ]
            )
        ),
        hide_index=True,
    )


render()
