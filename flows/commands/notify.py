"""`radintel notify [--json]`: e-mail the pending alert notifications now (flows.notify)."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from flows.errors import UserError
from flows.settings import get_flow_settings


def notify(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Send the e-mails of notifications not e-mailed yet (RADINTEL_SMTP_HOST and friends);
    failures are kept on each notification and retried by the next run."""
    from flows.notify import SmtpSettings, deliver_pending

    smtp = SmtpSettings.from_flow_settings(get_flow_settings())
    if smtp is None:
        raise UserError("RADINTEL_SMTP_HOST is not set: there is no server to send e-mail through")
    counts = deliver_pending(smtp)
    if as_json:
        typer.echo(json.dumps(counts))
        return
    typer.echo(
        f"e-mailed {counts.get('emailed', 0)}, failed {counts.get('failed', 0)} (retried next "
        f"run), withheld {counts.get('withheld', 0)} (recipient's clearance no longer covers it)"
    )


def register(app: typer.Typer) -> None:
    app.command("notify")(notify)
