"""`radintel init` and `radintel status`: set the platform up and report on it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlmodel import Session

from flows.errors import UserError
from flows.health import (
    Check,
    configuration_failure,
    failed,
    health_report,
    object_store_check,
    passed,
    prefect_check,
)
from nlp.vocabulary import Tlp
from storage.db import engine_for
from storage.objectstore import LocalObjectStore, ObjectStoreError, object_store_from
from storage.schema import current_revision, head_revision, upgrade_to_head
from storage.settings import StorageSettings, get_storage_settings
from storage.status import PlatformStatus, collect_status
from storage.users import get_user

DATABASE_ERRORS = (
    ArgumentError,
    NoSuchModuleError,
    OperationalError,
    DBAPIError,
    ImportError,
    OSError,
)


def load_settings() -> StorageSettings:
    try:
        return get_storage_settings()
    except ValidationError as error:
        first = error.errors()[0]
        message = str(first["msg"]).removeprefix("Value error, ")
        raise UserError(f"invalid configuration: {message}") from None


def safe_url(url: str) -> str:
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "<unparseable URL>"


def database_error(url: str, error: Exception) -> UserError:
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    reason = lines[0][:200] if lines else type(error).__name__
    return UserError(f"database {safe_url(url)} is not usable: {reason}")


def describe_store(settings: StorageSettings) -> str:
    if settings.object_store == "minio":
        scheme = "https" if settings.minio_secure else "http"
        return f"S3 {scheme}://{settings.minio_endpoint}, bucket {settings.minio_bucket}"
    return f"local folder {settings.objects_dir.resolve()}"


def init() -> None:
    """Create the data folder, upgrade the database to the newest schema, create the store."""
    settings = load_settings()
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UserError(f"cannot create the data folder {settings.data_dir}: {error}") from None
    url = settings.resolved_database_url
    try:
        upgrade_to_head(url)
    except DATABASE_ERRORS as error:
        raise database_error(url, error) from None
    try:
        store = object_store_from(settings)
    except ObjectStoreError as error:
        raise UserError(str(error)) from None
    kind = "local" if isinstance(store, LocalObjectStore) else "minio"
    typer.echo(f"data folder:  {Path(settings.data_dir).resolve()}")
    typer.echo(f"database:     {safe_url(url)} (schema {head_revision()})")
    typer.echo(f"object store: {describe_store(settings)} ({kind}, ready)")


def _clearance_of(session: Session, username: str | None) -> Tlp | None:
    """The clearance of the user the figures are for; None (everything) for an operator."""
    if username is None:
        return None
    user = get_user(session=session, username=username.strip().lower())
    if user is None or user.disabled:
        raise UserError(f"no active user {username!r}")
    return Tlp(user.clearance)


def read_status(settings: StorageSettings, username: str | None = None) -> PlatformStatus:
    url = settings.resolved_database_url
    try:
        engine = engine_for(url)
        if current_revision(engine) is None:
            raise UserError(f"database {safe_url(url)} has no schema yet: run `radintel init`")
        with Session(engine) as session:
            clearance = _clearance_of(session, username)
            return collect_status(session=session, clearance=clearance)
    except DATABASE_ERRORS as error:
        raise database_error(url, error) from None


def counts_table(heading: str, counts: dict[str, int]) -> Table:
    table = Table()
    table.add_column(heading)
    table.add_column("count", justify="right")
    for value, count in counts.items():
        table.add_row(Text(value), str(count))  # Text: values are never read as markup
    return table


def runs_table(status: PlatformStatus) -> Table:
    table = Table(title="last runs", title_justify="left")
    for column in ("id", "flow", "status", "started", "finished", "counts"):
        table.add_column(column)
    for run in status["last_runs"]:
        counts = ", ".join(f"{name} {value}" for name, value in run["counts"].items())
        finished = run["finished_at"] or "-"
        cells = (str(run["id"]), run["flow"], run["status"], run["started_at"], finished, counts)
        table.add_row(*(Text(cell) for cell in cells))
    return table


def print_status(status: PlatformStatus, settings: StorageSettings) -> None:
    console = Console(highlight=False)
    for line in (
        f"database: {safe_url(settings.resolved_database_url)}",
        f"object store: {describe_store(settings)}",
    ):
        console.print(line, markup=False, soft_wrap=True)
    totals = {
        "documents": status["documents"],
        "findings": status["findings"],
        "failures": status["failures"],
        "undelivered notifications": status["undelivered_notifications"],
    }
    console.print(counts_table("total", totals))
    console.print(counts_table("document status", status["by_status"]))
    console.print(counts_table("document language", status["by_language"]))
    console.print(counts_table("document format", status["by_format"]))
    console.print(counts_table("finding review status", status["findings_by_review_status"]))
    console.print(runs_table(status))


def database_check(settings: StorageSettings, username: str | None) -> tuple[Check, Any]:
    """Reachable and at the code's schema; with the figures when it is."""
    url, head = settings.resolved_database_url, head_revision()
    try:
        revision = current_revision(engine_for(url))
        if revision != head:
            return failed(f"{safe_url(url)} at schema {revision}, not {head}: upgrade it"), {}
        figures = read_status(settings, username)
    except DATABASE_ERRORS as error:
        return failed(str(database_error(url, error))), {}
    except UserError as error:
        return failed(str(error)), {}
    return passed(f"{safe_url(url)} at schema {head}"), figures


def health(username: str | None) -> dict[str, Any]:
    """The health report of `radintel status --json`."""
    try:
        settings = load_settings()
    except UserError as error:
        return configuration_failure(error)
    database, figures = database_check(settings, username)
    checks = {
        "database": database,
        "object_store": object_store_check(settings),
        "prefect_api": prefect_check(),
    }
    return health_report(checks, dict(figures))


def status(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
    as_user: Annotated[
        str | None,
        typer.Option("--as", help="Count only the documents this user's clearance may read."),
    ] = None,
) -> None:
    """Counts of documents, findings and failures, and the last runs.

    Without --as the figures count every document (the operator's view). With --json, also
    the health of the database, object store and Prefect API, and exit code 1 when one of
    them is unhealthy: the health check of every container."""
    if as_json:
        report = health(as_user)
        typer.echo(json.dumps(report, indent=2, ensure_ascii=False))
        if not report["healthy"]:
            raise typer.Exit(code=1)
        return
    settings = load_settings()
    print_status(read_status(settings, as_user), settings)


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("status")(status)
