"""`radintel notices list|draft|submit|publish|render`: notice drafts written from alerts.

Every write is signed by an editor account (`--as USER`), checked as the UI checks a signed-in
user, so the four-eyes rule holds here too. Errors and refusals are one line on stderr and a
non-zero exit (flows.errors.UserError).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Annotated, Any

import typer
from sqlmodel import Session

from flows.errors import UserError
from flows.errors import unit_of_work as shared_unit_of_work
from nlp.vocabulary import AssessmentStatus, NoticeKind, Tlp
from storage.models import Notice

notices_app = typer.Typer(help="Notice drafts from alerts: draft, review, publish.",
                          no_args_is_help=True)  # fmt: skip
AsUser = Annotated[str | None, typer.Option("--as", help="The editor account signing this.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Ident = Annotated[int, typer.Argument(help="Notice id.")]


def unit_of_work() -> AbstractContextManager[Session]:
    from storage.notices import NoticeError

    return shared_unit_of_work(NoticeError)


def signer(as_user: str | None) -> str:
    if not as_user:
        raise UserError("--as USER is required: notices are signed by an editor")
    return as_user


def summary(notice: Notice) -> dict[str, Any]:
    """What `list --json` prints of a notice."""
    return {
        "id": notice.id,
        "alert_id": notice.alert_id,
        "kind": NoticeKind(notice.kind).value,
        "status": AssessmentStatus(notice.status).value,
        "title": notice.title,
        "marking": Tlp(notice.marking).value,
        "author": notice.author,
        "published_by": notice.published_by,
        "outputs": dict(notice.outputs),
    }


@notices_app.command("list")
def list_command(
    alert: Annotated[int | None, typer.Option("--alert", help="Only this alert's.")] = None,
    as_json: AsJson = False,
) -> None:
    """Every notice, newest first (the operator's view: all markings)."""
    from storage.notices import list_notices

    with unit_of_work() as session:
        rows = [summary(n) for n in list_notices(session=session, clearance=Tlp.RED,
                                                 alert_id=alert)]  # fmt: skip
    if as_json:
        typer.echo(json.dumps({"notices": rows}, ensure_ascii=False))
        return
    for row in rows:
        typer.echo(
            f"{row['id']:>5}  alert {row['alert_id']:<5} {row['kind']:<7} {row['status']:<10} "
            f"{row['marking']:<17} {' '.join(str(row['title']).split())}"
        )


@notices_app.command("draft")
def draft(
    alert: Annotated[int, typer.Option("--alert", help="The alert to draft from.")],
    kind: Annotated[NoticeKind, typer.Option("--kind", help="orange or purple.")],
    as_user: AsUser = None,
) -> None:
    """Draft a notice pre-filled from an alert; prints its id."""
    from storage.notices import draft_notice

    username = signer(as_user)
    with unit_of_work() as session:
        notice = draft_notice(session=session, username=username, alert_id=alert, kind=kind)
    typer.echo(str(notice.id))


def _step(action: Callable[..., Notice], ident: int, as_user: str | None, **args: Any) -> None:
    username = signer(as_user)
    with unit_of_work() as session:
        notice = action(session=session, username=username, notice_id=ident, **args)
    typer.echo(f"notice {ident}: {AssessmentStatus(notice.status).value}")


@notices_app.command("submit")
def submit(ident: Ident, as_user: AsUser = None) -> None:
    """Send a draft to review by a second editor."""
    from storage.notices import submit_notice

    _step(submit_notice, ident, as_user)


@notices_app.command("publish")
def publish(ident: Ident, as_user: AsUser = None) -> None:
    """Publish a notice in review (four eyes: not by anyone who wrote or edited it)."""
    from flows.publishing.notice import render_notice
    from storage.notices import publish_notice

    _step(publish_notice, ident, as_user, render=render_notice)


@notices_app.command("render")
def render_command(
    ident: Ident,
    fmt: Annotated[str, typer.Option("--format", help="pdf or json.")],
    output: Annotated[Path, typer.Option("--output", help="File to write.")],
) -> None:
    """Write a notice to a file: a published one exactly as published, a draft as it is."""
    from flows.publishing.notice import FORMATS, render
    from storage.notices import get_notice
    from storage.objectstore import get_object_store

    if fmt not in FORMATS:
        raise UserError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    with unit_of_work() as session:
        notice = get_notice(session=session, notice_id=ident, clearance=Tlp.RED)
    key = notice.outputs.get(fmt)
    data = get_object_store().get(key) if key else render(notice, fmt)
    try:
        output.write_bytes(data)
    except OSError as error:
        raise UserError(f"cannot write {output}: {error.strerror}") from None
    typer.echo(f"wrote {output} ({len(data):,} bytes)")


def register(app: typer.Typer) -> None:
    app.add_typer(notices_app, name="notices")
