"""`radintel assessment draft|submit|publish|list|render|comment|return|withdraw|correct`.

Every write is signed by a real editor account (`--as USER`), checked exactly as the UI checks
a signed-in user, so the four-eyes rule holds on the command line too. Errors and refusals are
one line on stderr and a non-zero exit (flows.errors.UserError).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any

import typer
from sqlmodel import Session

from flows.errors import UserError
from flows.errors import unit_of_work as shared_unit_of_work
from nlp.vocabulary import AssessmentStatus, Tlp
from storage.assessments import AssessmentError, snapshot_of
from storage.models import Assessment

assessment_app = typer.Typer(
    help="Threat assessments: draft, review, publish.", no_args_is_help=True
)

RENDERER = "flows.publishing.render"  # imported only by the commands that render
FORMATS = ("html", "pdf", "md")
AS_HELP = "The editor account signing this action."
AsUser = Annotated[str | None, typer.Option("--as", help=AS_HELP)]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Ident = Annotated[int, typer.Argument(help="Assessment id.")]


def unit_of_work() -> AbstractContextManager[Session]:
    return shared_unit_of_work(AssessmentError)


def signer(as_user: str | None) -> str:
    if not as_user:
        raise UserError("--as USER is required: assessments are signed by an editor")
    return as_user


def parse_ceiling(text: str) -> Tlp:
    value = text.strip().upper()
    for marking in Tlp:
        if value in (marking.value, marking.value.removeprefix("TLP:")):
            return marking
    raise UserError(f"not a TLP marking: {text!r} ({', '.join(m.value for m in Tlp)})")


def summary(assessment: Assessment) -> dict[str, Any]:
    """What `list --json` prints of an edition."""
    return {
        "id": assessment.id,
        "period": assessment.period,
        "scope": assessment.scope,
        "status": AssessmentStatus(assessment.status).value,
        "edition": assessment.edition,
        "title": assessment.title,
        "marking": Tlp(assessment.marking).value,
        "author": assessment.author,
        "published_by": assessment.published_by,
    }


def draft_summary(assessment: Assessment) -> dict[str, Any]:
    snapshot = snapshot_of(assessment)
    return {
        **summary(assessment),
        "ceiling": Tlp(assessment.ceiling).value,
        "incidents": len(snapshot.incidents),
        "left_out_above_ceiling": snapshot.left_out_above_ceiling,
        "left_out_undated": snapshot.left_out_undated,
    }


def report(assessment: Assessment, as_json: bool, what: str) -> None:
    if as_json:
        typer.echo(json.dumps(draft_summary(assessment), ensure_ascii=False))
    else:
        typer.echo(f"{assessment.id}" if what == "id" else f"assessment {assessment.id}: {what}")


@assessment_app.command("draft")
def draft(
    period: Annotated[str, typer.Option("--period", help="2026, 2026-Q3 or 2026-09.")],
    ceiling: Annotated[str, typer.Option("--ceiling", help="Most restrictive marking allowed.")],
    as_user: AsUser = None,
    scope: Annotated[str | None, typer.Option("--scope", help="ISO country or region.")] = None,
    title: Annotated[str | None, typer.Option("--title")] = None,
    as_json: AsJson = False,
) -> None:
    """Draft an assessment of a period from confirmed incidents; prints its id."""
    from storage.assessments import create_draft

    username, marking = signer(as_user), parse_ceiling(ceiling)
    with unit_of_work() as session:
        assessment = create_draft(
            session=session,
            username=username,
            period=period,
            ceiling=marking,
            scope=scope,
            title=title,
        )
    report(assessment, as_json, "id")


def _step(action: Callable[..., Assessment], ident: int, as_user: str | None, **args: Any) -> None:
    username = signer(as_user)
    with unit_of_work() as session:
        assessment = action(session=session, username=username, assessment_id=ident, **args)
    typer.echo(f"assessment {ident}: {AssessmentStatus(assessment.status).value}")


@assessment_app.command("submit")
def submit(ident: Ident, as_user: AsUser = None) -> None:
    """Send a draft to review by a second editor."""
    from storage.assessments import submit_for_review

    _step(submit_for_review, ident, as_user)


def renderer() -> ModuleType:
    """flows.publishing.render (render, render_all), loaded only when a command renders."""
    try:
        return importlib.import_module(RENDERER)
    except ModuleNotFoundError as error:
        if not (error.name or "").startswith("flows.publishing"):
            raise
        raise UserError("rendering is not available: flows.publishing is not installed") from None


@assessment_app.command("publish")
def publish_command(ident: Ident, as_user: AsUser = None) -> None:
    """Publish an edition in review (four-eyes: not by its author or an editor of it)."""
    from storage.assessments import publish

    # The renderer loads once the four-eyes checks have passed (storage calls it last).
    _step(publish, ident, as_user, render=lambda edition: renderer().render_all(edition))


@assessment_app.command("return")
def return_command(
    ident: Ident,
    reason: Annotated[str, typer.Option("--reason", help="What the author should fix.")],
    as_user: AsUser = None,
) -> None:
    """Return an edition in review to its author as a draft."""
    from storage.assessments import return_to_draft

    _step(return_to_draft, ident, as_user, reason=reason)


@assessment_app.command("withdraw")
def withdraw_command(
    ident: Ident,
    reason: Annotated[str, typer.Option("--reason")],
    as_user: AsUser = None,
) -> None:
    """Abandon a draft or an edition in review."""
    from storage.assessments import withdraw

    _step(withdraw, ident, as_user, reason=reason)


@assessment_app.command("comment")
def comment(
    ident: Ident,
    text: Annotated[str, typer.Option("--text", help="The remark.")],
    as_user: AsUser = None,
) -> None:
    """Comment on a draft or an edition in review."""
    from storage.assessments import add_comment

    username = signer(as_user)
    with unit_of_work() as session:
        add_comment(session=session, username=username, assessment_id=ident, text=text)
    typer.echo(f"assessment {ident}: commented")


@assessment_app.command("correct")
def correct(
    ident: Ident,
    changes: Annotated[str, typer.Option("--changes", help="What the correction changes.")],
    as_user: AsUser = None,
    as_json: AsJson = False,
) -> None:
    """Start a correction of a published edition: a new draft edition; prints its id."""
    from storage.assessments import start_correction

    username = signer(as_user)
    with unit_of_work() as session:
        correction = start_correction(
            session=session, username=username, assessment_id=ident, changes=changes
        )
    report(correction, as_json, "id")


@assessment_app.command("list")
def list_command(as_json: AsJson = False) -> None:
    """Every edition, newest first (the operator's view: all markings)."""
    from storage.assessments import list_assessments

    with unit_of_work() as session:
        editions = [summary(a) for a in list_assessments(session=session, clearance=Tlp.RED)]
    if as_json:
        typer.echo(json.dumps(editions, ensure_ascii=False))
        return
    for row in editions:
        typer.echo(
            f"{row['id']:>5}  {row['period']:<8} {row['status']:<10} ed.{row['edition']}  "
            f"{row['marking']:<17} {row['title']}"
        )


@assessment_app.command("render")
def render_command(
    ident: Ident,
    fmt: Annotated[str, typer.Option("--format", help="pdf, html or md.")],
    output: Annotated[Path, typer.Option("--output", help="File to write.")],
) -> None:
    """Write an edition to a file: a published one exactly as published, a draft as it is."""
    from storage.assessments import get_assessment

    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    with unit_of_work() as session:
        assessment = get_assessment(session=session, assessment_id=ident, clearance=Tlp.RED)
    data = rendered(assessment, fmt)
    try:
        output.write_bytes(data)
    except OSError as error:
        raise UserError(f"cannot write {output}: {error.strerror}") from None
    typer.echo(f"wrote {output} ({len(data):,} bytes)")


def rendered(assessment: Assessment, fmt: str) -> bytes:
    """The stored output of a published edition (byte for byte), else a fresh rendering."""
    key = assessment.outputs.get(fmt)
    if key:
        from storage.objectstore import get_object_store

        return get_object_store().get(key)
    data: bytes = renderer().render(assessment, fmt)
    return data


def register(app: typer.Typer) -> None:
    app.add_typer(assessment_app, name="assessment")
