"""`radintel sources|ingest|failures|serve|demo`: declare sources and ingest them."""

from __future__ import annotations

import getpass
from datetime import timedelta
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy import inspect

from flows.errors import UserError
from flows.settings import get_flow_settings
from flows.sources_file import parse_source, put_source, read_sources, set_enabled
from nlp.vocabulary import SourceKind, Tlp
from storage.authz import Operator
from storage.db import get_engine, session_scope
from storage.runs import list_failures, retry_failure
from storage.schema import create_schema
from storage.settings import get_storage_settings
from storage.sources import list_sources

COUNT_COLUMNS = ("new", "duplicates", "failed", "not_modified", "needs_ocr")
sources_app = typer.Typer(help="Declare the sources to ingest (the sources.yaml file).")
failures_app = typer.Typer(help="Inputs that could not be ingested.")
console = Console(highlight=False)


def require_schema() -> None:
    if not inspect(get_engine()).has_table("ingestrun"):
        raise UserError("the database has no tables yet: run `radintel init` first")


@sources_app.command("list")
def sources_list() -> None:
    """Show the declared sources."""
    path = get_flow_settings().resolved_sources_file
    table = Table("name", "kind", "enabled", "reliability", "marking", "where", title=str(path))
    for source in read_sources(path):
        where = source.url or source.inbox or f"{len(source.urls)} pages"
        row = (source.name, source.kind.value, str(source.enabled), source.reliability)
        table.add_row(*(Text(value) for value in (*row, source.default_marking.value, where)))
    console.print(table)


@sources_app.command("add")
def sources_add(
    name: str,
    kind: Annotated[SourceKind, typer.Option(help="feed, web, inbox_folder or inbox_s3")],
    url: Annotated[str | None, typer.Option(help="feed URL")] = None,
    page: Annotated[list[str] | None, typer.Option(help="a web page URL (repeatable)")] = None,
    inbox: Annotated[str | None, typer.Option(help="inbox folder or bucket prefix")] = None,
    reliability: Annotated[str, typer.Option(help="Admiralty A-F")] = "F",
    marking: Annotated[Tlp, typer.Option(help="default TLP marking")] = Tlp.GREEN,
    language: Annotated[str | None, typer.Option(help="language hint, ISO 639-1")] = None,
    country: Annotated[str | None, typer.Option(help="bureau country, ISO 3166 alpha-2")] = None,
    schedule: Annotated[int, typer.Option(help="minutes between runs")] = 15,
    allow_private: Annotated[bool, typer.Option(help="allow private addresses")] = False,
) -> None:
    """Add a source (or replace the one with that name)."""
    entry: dict[str, Any] = {
        "name": name,
        "kind": kind,
        "url": url,
        "urls": page or [],
        "inbox": inbox,
        "reliability": reliability.upper(),
        "default_marking": marking,
        "language_hint": language,
        "bureau_country": country,
        "schedule_minutes": schedule,
        "allow_private_network": allow_private,
    }
    path = get_flow_settings().resolved_sources_file
    put_source(path, parse_source(entry))
    console.print(Text(f"source {name} saved in {path}"))


@sources_app.command("disable")
def sources_disable(name: str) -> None:
    """Stop ingesting a source (it stays declared, and its documents stay)."""
    path = get_flow_settings().resolved_sources_file
    set_enabled(path, name, False)
    console.print(Text(f"source {name} disabled"))


def print_runs(runs: list[dict[str, Any]]) -> None:
    table = Table("source", "status", *COUNT_COLUMNS)
    for run in runs:
        counts = [str(run["counts"].get(key, 0)) for key in COUNT_COLUMNS]
        table.add_row(Text(run["source"]), Text(run["status"]), *counts)
    console.print(table)
    for run in runs:
        if run["error"]:
            console.print(Text(f"{run['source']}: {run['error']}", style="red"))
        for item, reason in run["failures"]:
            console.print(Text(f"failed {item}: {reason}", style="yellow"))


def check_names(source_names: list[str] | None) -> None:
    """Refuse unknown names before a flow run is started for nothing."""
    path = get_flow_settings().resolved_sources_file
    if path.exists():
        known = {source.name for source in read_sources(path)}
    else:
        with session_scope() as session:
            known = {source.name for source in list_sources(session=session)}
    missing = sorted(set(source_names or ()) - known)
    if missing:
        raise UserError(f"unknown sources: {', '.join(missing)} (see `radintel sources list`)")


def run_ingest(source_names: list[str] | None) -> list[dict[str, Any]]:
    from flows.ingest import ingest_flow

    require_schema()
    check_names(source_names)
    try:
        runs: list[dict[str, Any]] = ingest_flow(source_names=source_names)
    except ValueError as error:
        raise UserError(str(error)) from None
    return runs


def ingest(
    source: Annotated[
        list[str] | None, typer.Option("--source", help="only this source (repeatable)")
    ] = None,
) -> None:
    """Ingest the enabled sources once and print what each run did."""
    runs = run_ingest(source or None)
    print_runs(runs)
    if not runs:
        console.print("no enabled sources: add some with `radintel sources add`")
    if any(run["status"] == "failed" for run in runs):
        raise typer.Exit(1)


@failures_app.command("list")
def failures_list(
    show_all: Annotated[bool, typer.Option("--all", help="include resolved ones")] = False,
) -> None:
    """The latest inputs that could not be ingested, and why."""
    require_schema()
    with session_scope() as session:
        failures = list_failures(session=session, unresolved_only=not show_all)
    table = Table("id", "run", "at", "item", "reason", "quarantine")
    for failure in failures:
        values = (failure.id, failure.run_id, failure.at.isoformat(timespec="seconds"))
        rest = (failure.item, failure.reason, failure.quarantine_path or "")
        table.add_row(*(Text(str(value)) for value in (*values, *rest)))
    console.print(table)


@failures_app.command("retry")
def failures_retry(
    failure_id: int,
    username: Annotated[
        str | None,
        typer.Option("--as", help="who asks, for the audit trail (default: the OS user)"),
    ] = None,
) -> None:
    """Ask the next ingestion run to try this input again."""
    require_schema()
    with session_scope() as session:
        try:
            retry_failure(
                session=session,
                failure_id=failure_id,
                username=Operator(username or getpass.getuser()),  # no account to re-check
            )
        except LookupError as error:
            raise UserError(str(error)) from None
    console.print(f"failure {failure_id} will be retried by the next `radintel ingest`")


def serve() -> None:
    """Run the schedules: feeds and web pages every N minutes, inboxes and extraction every M
    (RADINTEL_FEED_SCHEDULE_MINUTES, RADINTEL_INBOX_SCHEDULE_MINUTES), e-mail of alert
    notifications (RADINTEL_NOTIFY_SCHEDULE_MINUTES), and the assessment draft for the
    editors (RADINTEL_ASSESSMENT_CRON, monthly by default)."""
    from prefect import serve as prefect_serve
    from prefect.deployments.runner import RunnerDeployment
    from prefect.settings import PREFECT_API_URL, temporary_settings

    from flows.assessment_schedule import draft_assessment_flow
    from flows.extract import extract_flow
    from flows.ingest import FEED_KINDS, INBOX_KINDS, ingest_flow
    from flows.local_prefect import local_prefect_server
    from flows.metrics import start_configured_exporter
    from flows.notify import notify_flow

    require_schema()
    start_configured_exporter()
    settings = get_flow_settings()
    schedules = (
        ("feeds", FEED_KINDS, settings.feed_schedule_minutes),
        ("inboxes", INBOX_KINDS, settings.inbox_schedule_minutes),
    )
    deployments = []
    for name, kinds, minutes in schedules:
        deployment = ingest_flow.to_deployment(
            name=name,
            interval=timedelta(minutes=minutes),
            parameters={"kinds": [kind.value for kind in kinds], "scheduled": True},
        )
        if not isinstance(deployment, RunnerDeployment):  # the async variant is never used here
            raise TypeError("expected a RunnerDeployment")
        deployments.append(deployment)
    console.print(
        f"serving ingestion: feeds every {settings.feed_schedule_minutes:g} min, "
        f"inboxes and extraction every {settings.inbox_schedule_minutes:g} min (Ctrl-C stops)"
    )
    extraction = extract_flow.to_deployment(
        name="extraction", interval=timedelta(minutes=settings.inbox_schedule_minutes)
    )
    if not isinstance(extraction, RunnerDeployment):
        raise TypeError("expected a RunnerDeployment")
    deployments.append(extraction)
    drafts = draft_assessment_flow.to_deployment(
        name="assessment-drafts", cron=settings.assessment_cron
    )
    if not isinstance(drafts, RunnerDeployment):
        raise TypeError("expected a RunnerDeployment")
    deployments.append(drafts)
    notifications = notify_flow.to_deployment(
        name="notifications", interval=timedelta(minutes=settings.notify_schedule_minutes)
    )
    if not isinstance(notifications, RunnerDeployment):
        raise TypeError("expected a RunnerDeployment")
    deployments.append(notifications)
    where = f"through {settings.smtp_host}" if settings.smtp_host else "no RADINTEL_SMTP_HOST"
    console.print(
        f"e-mailing alert notifications every {settings.notify_schedule_minutes:g} min ({where})",
        markup=False,
    )
    console.print(
        f"drafting the {settings.assessment_period} assessment on cron "
        f"{settings.assessment_cron!r} (UTC) for the editors"
    )
    # At most one run per deployment at once on average: late runs wait, they do not pile up.
    limit = len(deployments)
    if PREFECT_API_URL.value():
        prefect_serve(*deployments, limit=limit)
        return
    with local_prefect_server() as api, temporary_settings({PREFECT_API_URL: api}):
        console.print(f"no PREFECT_API_URL: started a local Prefect server at {api}")
        prefect_serve(*deployments, limit=limit)


def demo_extract() -> None:
    """Extraction over the ingested demo documents."""
    from flows.extract import extract_flow

    counts = extract_flow()
    summary = ", ".join(f"{key} {value}" for key, value in sorted(counts.items()))
    console.print(Text(f"extraction: {summary or 'nothing awaiting extraction'}"))


def demo_credentials() -> list[str]:
    """Sign-in lines for the demo users. Passwords are made once, when the users are
    created, and kept (owner-readable only) in the data folder so a later demo shows them."""
    from storage.users import ensure_demo_users

    path = get_storage_settings().data_dir / "demo-users.txt"
    with session_scope() as session:
        created = ensure_demo_users(session=session)
    if created:
        lines = [
            f"  {role.value:<8} username {name:<13} clearance {clearance.value:<10} "
            f"password {secret}"
            for name, role, clearance, secret in created
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        path.chmod(0o600)
    if not path.exists():
        return ["Demo users exist already; add one with `radintel users add`."]
    return ["Demo users (sign in with one of these):", *path.read_text("utf-8").splitlines()]


def demo_review_lines() -> list[str]:
    """The demo analyst confirms incidents and raises two alerts, two demo editors publish
    an assessment."""
    from flows.demo_alerts import raise_demo_alerts
    from flows.demo_review import run_demo_review

    outcome = run_demo_review()
    lines = [f"demo analyst: {outcome.incidents_confirmed} incidents confirmed"]
    lines += [f"  not built, documents missing: {title}" for title in outcome.incidents_skipped]
    if outcome.assessment_id is not None:
        lines.append(
            f"demo assessment {outcome.assessment_id}: drafted by editor, published by "
            f"chief-editor; `radintel assessment render {outcome.assessment_id} --format pdf "
            "--output assessment.pdf` writes its PDF"
        )
    alerts = raise_demo_alerts()
    lines.append(
        f"demo analyst: {alerts.raised} alerts raised, {alerts.matches} matches proposed; "
        "`radintel alerts list` shows them"
    )
    lines += [f"  no alert, incident missing: {title}" for title in alerts.skipped]
    return lines


def demo(
    no_ui: Annotated[bool, typer.Option("--no-ui", help="do not start the review UI")] = False,
    port: Annotated[
        int | None, typer.Option(help="port of the review UI (default RADINTEL_UI_PORT, 8501)")
    ] = None,
) -> None:
    """Set up the data folder with the demo sources, ingest them, extract, let the demo
    analyst confirm incidents and the demo editors publish an assessment, open the UI."""
    from flows.commands.review import start_ui
    from flows.demo_setup import demo_ingest_flow, install_demo_sources

    data_dir = get_storage_settings().data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    create_schema(get_engine())
    install_demo_sources(get_flow_settings())
    console.print(Text(f"demo sources written to {get_flow_settings().resolved_sources_file}"))
    print_runs(demo_ingest_flow())
    demo_extract()
    banner = demo_credentials()
    for line in demo_review_lines():
        console.print(Text(line))
    if no_ui:
        for line in banner:
            console.print(Text(line))
        return
    start_ui(port, banner)


def register(app: typer.Typer) -> None:
    app.add_typer(sources_app, name="sources")
    app.add_typer(failures_app, name="failures")
    app.command("ingest")(ingest)
    app.command("serve")(serve)
    app.command("demo")(demo)
