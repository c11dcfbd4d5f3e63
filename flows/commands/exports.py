"""`radintel export`: confirmed incidents, their documents or confirmed findings as STIX 2.1,
MISP, CSV or JSON, never above the ceiling nor the reader's clearance."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from sqlalchemy.exc import OperationalError, ProgrammingError

from flows.errors import UserError
from nlp.vocabulary import ExportKind, Tlp

if TYPE_CHECKING:  # imported when the command runs, so `radintel --help` stays fast
    from flows.exports import ExportFormat
    from storage.exports import ExportSet
    from storage.periods import Period


def export(
    what: ExportKind = typer.Option(..., "--what", help="incidents, documents or findings."),
    export_format: str = typer.Option(..., "--format", help="stix, misp, csv or json."),
    output: Path = typer.Option(..., "--output", help="The file to write (replaced whole)."),
    period: str | None = typer.Option(None, "--period", help="2026, 2026-Q3 or 2026-09."),
    ceiling: Tlp = typer.Option(Tlp.GREEN, "--ceiling", help="Most restrictive marking included."),
    as_user: str | None = typer.Option(
        None, "--as", help="Export what this user may read (their clearance caps the ceiling)."
    ),
) -> None:
    """Write a machine-readable export of confirmed evidence."""
    from flows.exports import ExportError
    from flows.exports import export_format as find_format
    from storage.periods import parse_period

    try:
        chosen = find_format(export_format, what)
        within = parse_period(period) if period else None
    except (ExportError, ValueError) as error:
        raise UserError(_one_line(error)) from error
    records = _export(chosen, what, output, within, ceiling, as_user)
    typer.echo(
        f"wrote {records.count} {what.value} to {output} "
        f"({records.left_out} left out above {records.limit.value})"
    )


def _export(
    chosen: ExportFormat,
    what: ExportKind,
    output: Path,
    period: Period | None,
    ceiling: Tlp,
    as_user: str | None,
) -> ExportSet:
    """Read, audit and write in one unit of work; the file is written last, so a failed
    write rolls the audit event back."""
    from flows.exports import ExportError
    from storage.authz import OPERATOR, PermissionDenied
    from storage.db import session_scope
    from storage.exports import export_clearance, export_records, record_export

    actor = as_user if as_user is not None else OPERATOR
    try:
        with session_scope() as session:
            clearance = export_clearance(session=session, username=actor)
            records = export_records(
                session=session, what=what, clearance=clearance, ceiling=ceiling, period=period
            )
            record_export(
                session=session,
                username=actor,
                records=records,
                export_format=chosen.name,
                ceiling=ceiling,
            )
            write_atomically(output, chosen.write(records))
    except (ExportError, PermissionDenied, OSError) as error:
        raise UserError(_one_line(error)) from error
    except (OperationalError, ProgrammingError) as error:
        raise UserError(f"database not ready ({_one_line(error)}); run `radintel init`") from error
    return records


def write_atomically(path: Path, data: bytes) -> None:
    """The whole file or nothing: written beside the target, then renamed over it (readable
    by its owner only, as mkstemp creates it: an export may hold TLP:RED material)."""
    folder = path.resolve().parent
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())[:300]


def register(app: typer.Typer) -> None:
    app.command("export")(export)
