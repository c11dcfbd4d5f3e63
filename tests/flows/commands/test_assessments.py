"""`radintel assessment ...` through Typer's CliRunner, on SQLite and PostgreSQL: drafting,
the four-eyes refusals as one-line errors, publishing and rendering what was published."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
import typer
from sqlmodel import Session, select
from typer.testing import CliRunner, Result

from flows.commands import assessments as commands
from flows.errors import UserError
from nlp.vocabulary import IncidentStatus, Role, Tlp
from storage.models import Assessment, ReviewEvent
from tests.factories import create_actor, create_document, create_incident

runner = CliRunner()


def run(*args: str) -> Result:
    app = typer.Typer(pretty_exceptions_enable=False)
    commands.register(app)
    return runner.invoke(app, ["assessment", *args])


def user_error(result: Result) -> str:
    assert result.exit_code != 0
    assert isinstance(result.exception, UserError), result.output
    message = str(result.exception)
    assert "\n" not in message
    return message


def fake_render_all(assessment: Assessment) -> dict[str, bytes]:
    body = f"{assessment.title} {json.dumps(assessment.snapshot['counts'], sort_keys=True)}"
    return {"html": f"<p>{body}</p>".encode(), "md": body.encode(), "pdf": b"%PDF " + body.encode()}


@pytest.fixture
def fake_renderer(monkeypatch: pytest.MonkeyPatch) -> None:
    """Stands in for flows.publishing.render (another module's job, tested there)."""
    module = ModuleType(commands.RENDERER)
    module.render_all = fake_render_all  # type: ignore[attr-defined]
    module.render = lambda assessment, fmt: fake_render_all(assessment)[fmt]  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, commands.RENDERER, module)


@pytest.fixture
def newsroom(session: Session) -> Session:
    for name in ("alice", "bob"):
        create_actor(session, name, Role.EDITOR)
    create_actor(session, "ana", Role.ANALYST)
    document = create_document(session, marking=Tlp.GREEN)
    create_incident(
        session,
        [document],
        status=IncidentStatus.CONFIRMED,
        occurred_on=date(2026, 8, 3),
        country="DE",
    )
    return session


def drafted(*extra: str) -> int:
    result = run("draft", "--period", "2026-Q3", "--ceiling", "TLP:AMBER", "--as", "alice", *extra)
    assert result.exit_code == 0, result.output
    return int(result.output)


def test_draft_json_submit_and_list(newsroom: Session) -> None:
    result = run(
        "draft",
        "--period",
        "2026-Q3",
        "--scope",
        "Europe",
        "--ceiling",
        "amber",
        "--as",
        "alice",
        "--json",
    )
    assert result.exit_code == 0, result.output
    printed = json.loads(result.output)
    assert printed["status"] == "draft" and printed["scope"] == "Europe"
    assert (printed["incidents"], printed["ceiling"], printed["marking"]) == (
        1,
        "TLP:AMBER",
        "TLP:GREEN",
    )
    submitted = run("submit", str(printed["id"]), "--as", "alice")
    assert submitted.exit_code == 0 and "in_review" in submitted.output
    listed = json.loads(run("list", "--json").output)
    assert listed == [{key: printed[key] for key in listed[0]} | {"status": "in_review"}]
    assert sorted(listed[0]) == [
        "author",
        "edition",
        "id",
        "marking",
        "period",
        "published_by",
        "scope",
        "status",
        "title",
    ]


@pytest.mark.usefixtures("newsroom")
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--ceiling", "TLP:AMBER"), "--as USER is required: assessments are signed by an editor"),
        (("--ceiling", "TLP:BLUE", "--as", "alice"), "not a TLP marking: 'TLP:BLUE'"),
        (("--ceiling", "TLP:AMBER", "--as", "ana"), "Refused: your role (analyst) may not"),
        (("--ceiling", "TLP:AMBER", "--as", "alice", "--scope", "Mars"), "unknown scope 'Mars'"),
    ],
)
def test_draft_errors_are_one_line(args: tuple[str, ...], message: str) -> None:
    assert user_error(run("draft", "--period", "2026-Q3", *args)).startswith(message)


def test_four_eyes_on_the_command_line(
    newsroom: Session, fake_renderer: None, tmp_path: Path
) -> None:
    ident = drafted()
    assert run("submit", str(ident), "--as", "alice").exit_code == 0
    assert user_error(run("publish", str(ident))).startswith("--as USER is required")
    assert user_error(run("publish", str(ident), "--as", "alice")) == (
        "four-eyes rule: alice wrote or edited this draft; another editor must publish it"
    )
    assert user_error(run("publish", str(ident), "--as", "ana")).startswith("Refused: your role")
    assert user_error(run("publish", str(ident), "--as", "mallory")).startswith("Refused: you")
    newsroom.expire_all()
    refused = newsroom.exec(select(ReviewEvent).where(ReviewEvent.action == "refused")).all()
    assert [event.username for event in refused] == ["alice", "ana", "mallory"]
    published = run("publish", str(ident), "--as", "bob")
    assert published.exit_code == 0, published.output
    assert published.output.strip() == f"assessment {ident}: published"
    assert json.loads(run("list", "--json").output)[0]["published_by"] == "bob"
    assert "published editions never change" in user_error(
        run("withdraw", str(ident), "--reason", "x", "--as", "bob")
    )
    output = tmp_path / "edition.md"
    rendered = run("render", str(ident), "--format", "md", "--output", str(output))
    assert rendered.exit_code == 0, rendered.output
    edition = newsroom.get(Assessment, ident)
    assert edition is not None and output.read_bytes() == fake_render_all(edition)["md"]
    assert user_error(run("render", str(ident), "--format", "docx", "--output", str(output)))


@pytest.mark.usefixtures("newsroom")
def test_comment_return_withdraw_and_correct() -> None:
    ident = drafted()
    assert run("submit", str(ident), "--as", "alice").exit_code == 0
    assert run("comment", str(ident), "--text", "Check dates", "--as", "bob").exit_code == 0
    returned = run("return", str(ident), "--reason", "dates", "--as", "bob")
    assert returned.output.strip() == f"assessment {ident}: draft"
    assert run("withdraw", str(ident), "--reason", "stale", "--as", "alice").exit_code == 0
    assert user_error(run("correct", str(ident), "--changes", "x", "--as", "bob")) == (
        f"assessment {ident} is withdrawn: only a published edition is corrected"
    )
    assert user_error(run("submit", "999", "--as", "alice")) == "no assessment 999"
