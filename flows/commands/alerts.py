"""`radintel alerts list|show|create|close|watch|unwatch|propose-from-incident|match` and `radintel
evaluate-alerts`. Actions are the operator's unless `--as USER` names an account, which is
then checked exactly as the UI checks a signed-in user. Thin wrappers over storage.alerts,
storage.alert_matching and flows.alert_evaluation."""

from __future__ import annotations

import json
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Annotated, Any

import typer
import yaml
from pydantic import ValidationError
from sqlmodel import Session

from flows.errors import UserError
from flows.errors import unit_of_work as shared_unit_of_work
from nlp.vocabulary import AlertCloseReason, AlertKind, AlertStatus

alerts_app = typer.Typer(help="Watchlist alerts: stolen sources, persons.", no_args_is_help=True)
AsUser = Annotated[str | None, typer.Option("--as", help="Act as this account.")]
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Ident = Annotated[int, typer.Argument(help="Alert id.")]


def register(app: typer.Typer) -> None:
    app.add_typer(alerts_app, name="alerts")
    app.command("evaluate-alerts")(evaluate_alerts)


def unit_of_work() -> AbstractContextManager[Session]:
    from storage.alerts import AlertError

    return shared_unit_of_work(AlertError)


def actor(as_user: str | None) -> str:
    from storage.authz import OPERATOR

    return as_user if as_user is not None else OPERATOR


def alert_record(alert: Any) -> dict[str, Any]:
    return alert.model_dump(mode="json")


def _printable(text: str | None, width: int = 70) -> str:
    """Titles and names come from people and documents: control characters go."""
    return "".join(c if c.isprintable() else " " for c in text or "")[:width]


def _line(alert: Any) -> str:
    what = alert.nuclide or alert.serial_number or alert.name or ""
    return (
        f"#{alert.id} {alert.status:<8} {alert.kind:<6} {alert.marking:<16} "
        f"{_printable(what, 20):<20} {_printable(alert.title)}"
    )


@alerts_app.command("list")
def list_command(
    status: Annotated[AlertStatus | None, typer.Option(help="Only this status.")] = None,
    kind: Annotated[AlertKind | None, typer.Option(help="Only this kind.")] = None,
    as_user: AsUser = None,
    as_json: AsJson = False,
) -> None:
    """The alerts you may read, newest first."""
    from storage.alerts import list_alerts

    with unit_of_work() as session:
        alerts = list_alerts(session=session, user=actor(as_user), status=status, kind=kind)
        records = [alert_record(a) for a in alerts]
        lines = [_line(a) for a in alerts]
    if as_json:
        typer.echo(json.dumps({"alerts": records}, indent=2, ensure_ascii=False))
        return
    for line in lines:
        typer.echo(line)
    typer.echo(f"{len(lines)} alert(s)")


@alerts_app.command("show")
def show_command(alert_id: Ident, as_user: AsUser = None, as_json: AsJson = False) -> None:
    """An alert with its watchers, proposed matches (with evidence) and history."""
    from storage.alert_matching import list_matches
    from storage.alerts import alert_history, get_alert, watchers_of

    user = actor(as_user)
    with unit_of_work() as session:
        alert = get_alert(session=session, user=user, alert_id=alert_id)
        record = alert_record(alert)
        record["watchers"] = watchers_of(session=session, alert_id=alert_id)
        record["matches"] = [
            {**match.model_dump(mode="json"), "document_title": document.title}
            for match, document in list_matches(session=session, user=user, alert_id=alert_id)
        ]
        record["history"] = [
            event.model_dump(mode="json")
            for event in alert_history(session=session, user=user, alert_id=alert_id)
        ]
    if as_json:
        typer.echo(json.dumps(record, indent=2, ensure_ascii=False))
        return
    for name in (
        "id",
        "title",
        "kind",
        "status",
        "marking",
        "nuclide",
        "activity_bq",
        "activity_reference_date",
        "serial_number",
        "country",
        "name",
        "watchers",
    ):
        if record.get(name) not in (None, [], ""):
            typer.echo(f"{name}: {_printable(str(record[name]), 200)}")
    for match in record["matches"]:
        title = _printable(match["document_title"] or f"document {match['document_id']}")
        typer.echo(f"match #{match['id']} {match['status']} {match['score']:.2f}: {title}")
        decay = (match["evidence"].get("decay") or {}).get("text")
        if decay:
            typer.echo(f"    {decay}")


@alerts_app.command("create")
def create_command(
    file: Annotated[Path, typer.Argument(help="YAML or JSON: one alert or a list of them.")],
    as_user: AsUser = None,
    as_json: AsJson = False,
) -> None:
    """Create alerts from a file (fields of the Alerts page; kind source or person)."""
    from storage.alerts import create_alert
    from storage.models import AlertCreate

    drafts = [_validated(AlertCreate, item, file) for item in _items(file)]
    with unit_of_work() as session:
        alerts = [
            create_alert(session=session, user=actor(as_user), alert_create=d) for d in drafts
        ]
        records = [alert_record(a) for a in alerts]
        lines = [_line(a) for a in alerts]
    typer.echo(json.dumps({"alerts": records}, indent=2) if as_json else "\n".join(lines))


def _items(file: Path) -> list[Any]:
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))  # JSON is YAML
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise UserError(f"{file}: cannot read alerts ({error})") from None
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(item, dict) for item in items):
        raise UserError(f"{file}: expected an alert (a mapping) or a list of them")
    return items


def _validated(model: Any, item: dict[str, Any], file: Path) -> Any:
    try:
        return model.model_validate(item)
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in error.errors())
        raise UserError(f"{file}: {problems}") from None


@alerts_app.command("close")
def close_command(
    alert_id: Ident,
    reason: Annotated[AlertCloseReason, typer.Option(help="recovered or withdrawn")],
    note: Annotated[str, typer.Option(help="Why, for the history.")] = "",
    as_user: AsUser = None,
) -> None:
    """Close an alert: matching stops looking for it."""
    from storage.alerts import close_alert, get_alert

    user = actor(as_user)
    with unit_of_work() as session:
        alert = get_alert(session=session, user=user, alert_id=alert_id)
        close_alert(
            session=session,
            user=user,
            alert_id=alert_id,
            version=alert.version,
            reason=reason,
            note=note,
        )
    typer.echo(f"alert {alert_id} closed ({reason})")


@alerts_app.command("watch")
def watch_command(
    alert_id: Ident,
    user: Annotated[str, typer.Option("--user", help="The account to tell about matches.")],
    as_user: AsUser = None,
) -> None:
    """Tell USER about the alert's matches (inbox, and e-mail when they have an address)."""
    from storage.alerts import add_watcher

    with unit_of_work() as session:
        add_watcher(session=session, user=actor(as_user), alert_id=alert_id, username=user)
    typer.echo(f"{user} watches alert {alert_id}")


@alerts_app.command("unwatch")
def unwatch_command(
    alert_id: Ident,
    user: Annotated[str, typer.Option("--user", help="The account to stop telling.")],
    as_user: AsUser = None,
) -> None:
    """Stop telling USER about the alert's matches."""
    from storage.alerts import remove_watcher

    with unit_of_work() as session:
        remove_watcher(session=session, user=actor(as_user), alert_id=alert_id, username=user)
    typer.echo(f"{user} no longer watches alert {alert_id}")


@alerts_app.command("propose-from-incident")
def propose_command(
    incident_id: Annotated[int, typer.Argument(help="A confirmed theft or loss incident.")],
    create: Annotated[bool, typer.Option("--create", help="Create the alerts proposed.")] = False,
    as_user: AsUser = None,
    as_json: AsJson = False,
) -> None:
    """The source alerts a confirmed theft or loss incident raises, one per material."""
    from storage.alert_drafts import propose_alerts_from_incident
    from storage.alerts import create_alert

    with unit_of_work() as session:
        drafts = propose_alerts_from_incident(session=session, incident_id=incident_id)
        records = [d.model_dump(mode="json") for d in drafts]
        if create:
            created = [
                create_alert(
                    session=session, user=actor(as_user), alert_create=d, incident_id=incident_id
                )
                for d in drafts
            ]
            records = [alert_record(a) for a in created]
    if as_json:
        typer.echo(json.dumps({"alerts": records}, indent=2, ensure_ascii=False))
        return
    for record in records:
        prefix = f"#{record['id']} created" if create else "proposed"
        typer.echo(f"{prefix}: {_printable(record['title'])}")


@alerts_app.command("match")
def match_command(
    document: Annotated[int | None, typer.Option(help="Only this document.")] = None,
    as_json: AsJson = False,
) -> None:
    """Match documents against the open and matched alerts; print the new matches."""
    from flows.alert_match import match_all, match_batch

    matches = match_batch([document]) if document is not None else match_all()
    records = [m.model_dump(mode="json") for m in matches]
    if as_json:
        typer.echo(json.dumps({"matches": records}, indent=2, ensure_ascii=False))
        return
    for m in matches:
        typer.echo(f"alert #{m.alert_id} <- document #{m.document_id}: {m.score:.2f}")
    typer.echo(f"{len(matches)} new match(es)")


def evaluate_alerts(
    gold: Annotated[Path, typer.Option("--gold", help="gold documents (JSONL)")],
    alerts: Annotated[
        Path | None, typer.Option(help="gold alerts (YAML); default alerts.yaml beside --gold")
    ] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = 8,
    as_json: AsJson = False,
) -> None:
    """Ingest, extract and match a gold set's documents against its alerts in a scratch
    database; print match precision and recall and the time from ingest to notification."""
    from flows.alert_evaluation import evaluate, format_report
    from nlp.evaluation.alert_gold import load_alert_gold
    from nlp.evaluation.score import GoldFormatError

    alerts_file = alerts or gold.parent / "alerts.yaml"
    for path in (gold, alerts_file):
        if not path.is_file():
            raise UserError(f"gold file not found: {path}")
    try:
        gold_set = load_alert_gold(alerts_file, gold)
    except GoldFormatError as error:
        raise UserError(str(error)) from error
    report = evaluate(gold_set, batch_size=batch_size)
    typer.echo(json.dumps(report, indent=2) if as_json else format_report(report))
