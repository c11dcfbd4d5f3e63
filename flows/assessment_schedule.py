"""The scheduled draft: on the first day of each period (monthly by default) the system drafts
the assessment of the period that just ended, so editors find it waiting in the review UI
(storage.assessments.waiting_for_editors feeds the notice on every page).

The draft is signed by SYSTEM, not by an editor: any editor may then edit, submit and have it
published by a second editor. A period that already has an edition (other than a withdrawn
one) is left alone, so a rerun or a late schedule never makes duplicates. The run is recorded
like an ingestion run (flow "assessment"), so an operator sees a failed schedule.
"""

from __future__ import annotations

from datetime import date

from prefect import flow
from sqlmodel import Session, col, select

from flows.run_log import internal_error, run_logger
from flows.settings import get_flow_settings
from nlp.vocabulary import AssessmentStatus
from storage.assessments import AssessmentError, create_draft
from storage.authz import SYSTEM
from storage.db import session_scope
from storage.models import Assessment
from storage.periods import Period, last_complete_period
from storage.runs import finish_run, start_run

FLOW_NAME = "assessment"


def _already_drafted(session: Session, period: Period, scope: str | None) -> Assessment | None:
    query = select(Assessment).where(
        Assessment.period == period.label,
        Assessment.scope == scope,
        col(Assessment.status) != AssessmentStatus.WITHDRAWN,
    )
    return session.exec(query).first()


def draft_due_assessment(today: date | None = None) -> int | None:
    """Draft the assessment of the last complete period; its id, or None when one exists."""
    settings = get_flow_settings()
    period = last_complete_period(settings.assessment_period, today or date.today())
    scope, log = settings.assessment_scope, run_logger(__name__)
    with session_scope() as session:
        run_id = start_run(session=session, flow=FLOW_NAME).id
    assert run_id is not None
    drafted, error = None, None
    try:
        with session_scope() as session:
            existing = _already_drafted(session, period, scope)
            if existing is None:
                draft = create_draft(
                    session=session,
                    username=SYSTEM,
                    period=period.label,
                    ceiling=settings.assessment_ceiling,
                    scope=scope,
                )
                drafted = draft.id
    except AssessmentError as refusal:  # a setting is wrong: the operator must see it
        error = f"drafting {period.label} refused: {refusal}"
    except Exception as bug:  # recorded on the run, with the traceback in the run log
        error = internal_error(bug, step="draft", item=period.label, module=__name__)
    counts = {"drafted": int(drafted is not None), "failed": int(error is not None)}
    with session_scope() as session:
        finish_run(session=session, run_id=run_id, counts=counts, error=error)
    if error:
        log.error(error)
    elif drafted is None:
        log.info("an assessment of %s already exists: nothing drafted", period.label)
    else:
        log.info("drafted assessment %s of %s for the editors", drafted, period.label)
    return drafted


@flow(name="draft-assessment", log_prints=False)
def draft_assessment_flow() -> int | None:
    return draft_due_assessment()
