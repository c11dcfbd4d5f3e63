"""`radintel export` end to end through Typer's CliRunner, on the embedded SQLite database."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import typer
from sqlmodel import Session, select
from typer.testing import CliRunner, Result

from flows.commands import exports
from flows.errors import UserError
from nlp.vocabulary import AuditEntity, Tlp
from storage.db import get_engine, session_scope
from storage.models import ReviewEvent, User
from storage.schema import create_schema
from tests.factories import create_actor, create_confirmed_incident, create_document

runner = CliRunner()


def run(*args: str) -> Result:
    app = typer.Typer(pretty_exceptions_enable=False)
    exports.register(app)
    app.command("unused")(lambda: None)  # two commands: Typer keeps the command name
    return runner.invoke(app, ["export", *args])


def user_error(result: Result) -> str:
    assert result.exit_code != 0
    assert isinstance(result.exception, UserError), result.output
    message = str(result.exception)
    assert "\n" not in message
    return message


@pytest.fixture
def database(data_dir: Path) -> None:
    """Confirmed incidents marked CLEAR, GREEN and AMBER; users "amber" and "off"."""
    create_schema(get_engine())
    with Session(get_engine(), expire_on_commit=False) as session:
        create_actor(session, "ana")
        for marking in (Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER):
            published = datetime(2026, 3, 1, tzinfo=UTC)
            document = create_document(session, marking=marking, published_at=published)
            create_confirmed_incident(session, [document], title=f"=cmd {marking.value}")
        create_actor(session, "amber", clearance=Tlp.AMBER)
        create_actor(session, "off")
        off = session.exec(select(User).where(User.username == "off")).one()
        off.disabled = True
        session.add(off)
        session.commit()


def titles(path: Path) -> list[str]:
    rows = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    return [row["title"] for row in rows]


def test_operator_export_stops_at_the_ceiling(database: None, tmp_path: Path) -> None:
    output = tmp_path / "incidents.csv"
    result = run("--what", "incidents", "--format", "csv", "--output", str(output))
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"wrote 2 incidents to {output} (1 left out above TLP:GREEN)"
    assert titles(output) == ["'=cmd TLP:CLEAR", "'=cmd TLP:GREEN"]
    assert output.stat().st_mode & 0o077 == 0  # its owner's alone
    assert not list(tmp_path.glob(".incidents.csv.*"))  # no temporary file left
    with session_scope() as session:
        (event,) = session.exec(
            select(ReviewEvent).where(ReviewEvent.entity_type == AuditEntity.EXPORT)
        ).all()
        assert event.username == "operator"
        assert event.after is not None and event.after["count"] == 2


def test_a_user_clearance_caps_the_ceiling(database: None, tmp_path: Path) -> None:
    output = tmp_path / "all.json"
    args = ("--what", "incidents", "--format", "json", "--output", str(output))
    result = run(*args, "--ceiling", "TLP:RED", "--as", "amber")
    assert result.exit_code == 0, result.output
    assert "wrote 3 incidents" in result.output and "0 left out above TLP:AMBER" in result.output
    assert json.loads(output.read_text())["marking"] == "TLP:AMBER"


@pytest.mark.parametrize("username", ["nobody", "off"])
def test_a_missing_or_disabled_user_is_refused(
    database: None, tmp_path: Path, username: str
) -> None:
    output = tmp_path / "refused.csv"
    args = ("--what", "incidents", "--format", "csv", "--output", str(output))
    assert user_error(run(*args, "--as", username)).startswith("Refused:")
    assert not output.exists()
    with session_scope() as session:
        (refusal,) = session.exec(select(ReviewEvent).where(ReviewEvent.action == "refused")).all()
        assert refusal.username == username


def test_stix_export_validates(database: None, tmp_path: Path) -> None:
    output = tmp_path / "bundle.json"
    result = run("--what", "incidents", "--format", "stix", "--output", str(output))
    assert result.exit_code == 0, result.output
    objects = json.loads(output.read_text())["objects"]
    assert len([o for o in objects if o["type"] == "incident"]) == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--what", "documents", "--format", "misp"), "misp exports incidents only; use csv, json"),
        (("--what", "findings", "--format", "pdf"), "unknown export format 'pdf'"),
        (("--what", "incidents", "--format", "csv", "--period", "Q3"), "not a period"),
    ],
)
def test_wrong_choices_are_one_line_errors(
    database: None, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    output = tmp_path / "nothing"
    assert message in user_error(run(*args, "--output", str(output)))
    assert not output.exists()


def test_an_unwritable_output_leaves_nothing(database: None, tmp_path: Path) -> None:
    output = tmp_path / "missing-folder" / "out.csv"
    args = ("--what", "incidents", "--format", "csv", "--output", str(output))
    assert "No such file or directory" in user_error(run(*args))
    with session_scope() as session:
        assert not session.exec(select(ReviewEvent).where(ReviewEvent.action == "export")).all()


def test_documents_of_confirmed_incidents_as_json(database: None, tmp_path: Path) -> None:
    output = tmp_path / "documents.json"
    args = ("--what", "documents", "--format", "json", "--output", str(output))
    result = run(*args, "--ceiling", "TLP:AMBER", "--period", "2026")
    assert result.exit_code == 0, result.output
    records = json.loads(output.read_text())["records"]
    assert sorted(r["marking"] for r in records) == ["TLP:AMBER", "TLP:CLEAR", "TLP:GREEN"]
    assert all(len(r["incidents"]) == 1 for r in records)
