"""`radintel init` and `radintel status`, driven through Typer's CliRunner."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner, Result

from flows import cli
from flows.commands import platform
from flows.errors import UserError
from flows.local_prefect import free_port
from storage.db import engine_for, session_scope
from storage.settings import get_storage_settings
from tests.conftest import clear_caches
from tests.factories import create_document
from tests.support.http_server import LocalServer, Reply
from tests.support.s3_server import S3Server

runner = CliRunner()


def run(*args: str) -> Result:
    app = typer.Typer(pretty_exceptions_enable=False)
    platform.register(app)
    return runner.invoke(app, list(args))


def user_error(result: Result) -> str:
    assert result.exit_code != 0
    assert isinstance(result.exception, UserError), result.output
    message = str(result.exception)
    assert "\n" not in message
    return message


def add_document(language: str, fmt: str) -> None:
    engine = engine_for(get_storage_settings().resolved_database_url)
    with session_scope(engine) as session:
        create_document(session, fmt, format=fmt, language=language)


def test_init_creates_everything_and_is_idempotent(data_dir: Path) -> None:
    first = run("init")
    assert first.exit_code == 0, first.output
    assert (data_dir / "radintel.db").is_file()
    assert (data_dir / "objects").is_dir()
    assert str(data_dir.resolve()) in first.output
    assert "schema 0001" in first.output
    second = run("init")
    assert second.exit_code == 0, second.output
    assert second.output == first.output


def test_status_json_and_table(data_dir: Path) -> None:
    assert run("init").exit_code == 0
    add_document("fr", "pdf")
    add_document("ar", "html")
    result = run("status", "--json")
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["documents"] == 2
    assert figures["by_language"] == {"fr": 1, "ar": 1}
    assert figures["by_status"] == {"pending": 2}
    table = run("status")
    assert table.exit_code == 0, table.output
    assert "document language" in table.output and "document status" in table.output
    assert "html" in table.output


def test_status_before_init_is_a_user_error(data_dir: Path) -> None:
    assert "run `radintel init`" in user_error(run("status"))


def test_production_refuses_the_sqlite_default(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RADINTEL_ENV", "production")
    clear_caches()
    message = user_error(run("init"))
    assert message == (
        "invalid configuration: RADINTEL_DATABASE_URL must name a server database in production"
    )
    assert not (data_dir / "radintel.db").exists()


def test_main_prints_one_line_and_exits_2(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("RADINTEL_ENV", "production")
    clear_caches()
    monkeypatch.setattr(cli, "COMMAND_MODULES", {"flows.commands.platform": ("init", "status")})
    monkeypatch.setattr(cli, "app", typer.Typer(pretty_exceptions_enable=False))
    monkeypatch.setattr(sys, "argv", ["radintel", "status"])
    with pytest.raises(SystemExit) as stopped:
        cli.main()
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("error: invalid configuration: RADINTEL_DATABASE_URL")


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("not a url", "<unparseable URL>"),
        ("nosuchdialect://host/db", "nosuchdialect://host/db"),
        ("postgresql+psycopg://radintel:s3cret@127.0.0.1:1/radintel", "127.0.0.1:1"),
    ],
)
def test_bad_or_unreachable_database_is_one_line(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, url: str, expected: str
) -> None:
    monkeypatch.setenv("RADINTEL_DATABASE_URL", url)
    clear_caches()
    for command in ("init", "status"):
        message = user_error(run(command))
        assert message.startswith("database ")
        assert expected in message
        assert "s3cret" not in message


@pytest.mark.postgres
def test_init_on_postgresql(data_dir: Path, pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RADINTEL_DATABASE_URL", pg_url)
    clear_caches()
    assert run("init").exit_code == 0
    assert run("init").exit_code == 0
    add_document("es", "docx")
    figures = json.loads(run("status", "--json").output)
    assert figures["by_format"] == {"docx": 1}


@pytest.mark.s3
def test_init_with_s3_object_store(
    data_dir: Path, s3_server: S3Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in {
        "RADINTEL_OBJECT_STORE": "minio",
        "RADINTEL_MINIO_ENDPOINT": s3_server.endpoint,
        "RADINTEL_MINIO_ACCESS_KEY": s3_server.access_key,
        "RADINTEL_MINIO_SECRET_KEY": s3_server.secret_key,
        "RADINTEL_MINIO_BUCKET": "radintel-cli-init",
    }.items():
        monkeypatch.setenv(name, value)
    clear_caches()
    result = run("init")
    assert result.exit_code == 0, result.output
    assert f"S3 http://{s3_server.endpoint}, bucket radintel-cli-init" in result.output
    assert health()[1]["checks"]["object_store"]["ok"] is True
    monkeypatch.setenv("RADINTEL_MINIO_SECRET_KEY", "wrong-secret")
    clear_caches()
    assert "refused the credentials" in user_error(run("init"))
    code, report = health()
    assert code == 1 and "refused the credentials" in report["checks"]["object_store"]["detail"]


def health(*args: str) -> tuple[int, dict[str, Any]]:
    result = run("status", "--json", *args)
    report: dict[str, Any] = json.loads(result.output)  # one JSON object, nothing else
    return result.exit_code, report


def test_status_json_is_a_health_check(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    assert health()[0] == 1  # no schema yet
    assert run("init").exit_code == 0
    add_document("en", "txt")
    code, report = health()
    assert code == 0 and report["healthy"] is True
    assert set(report["checks"]) == {"database", "object_store"}
    assert all(check["ok"] for check in report["checks"].values())
    assert report["documents"] == 1


def test_status_json_unhealthy_database(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PREFECT_API_URL", raising=False)
    monkeypatch.setenv(
        "RADINTEL_DATABASE_URL", "postgresql+psycopg://radintel:s3cret@127.0.0.1:1/radintel"
    )
    clear_caches()
    code, report = health()
    assert code == 1 and report["healthy"] is False
    database = report["checks"]["database"]
    assert database["ok"] is False and "127.0.0.1:1" in database["detail"]
    assert "s3cret" not in json.dumps(report)
    assert report["checks"]["object_store"]["ok"] is True
    assert "documents" not in report


def test_status_json_checks_the_prefect_api(
    data_dir: Path, http_server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("init").exit_code == 0
    http_server.routes["/api/health"] = Reply(body=b"true")
    monkeypatch.setenv("PREFECT_API_URL", http_server.url("/api"))
    code, report = health()
    assert code == 0 and report["checks"]["prefect_api"]["ok"] is True
    monkeypatch.setenv("PREFECT_API_URL", f"http://127.0.0.1:{free_port()}/api")
    code, report = health()
    assert code == 1 and report["checks"]["prefect_api"]["ok"] is False
