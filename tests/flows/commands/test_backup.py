"""`radintel backup` and `radintel restore` on loopback: PostgreSQL and the SeaweedFS S3
server; the restore goes into a new database and a new bucket, and every object is checked."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer
from sqlmodel import Session
from typer.testing import CliRunner, Result

from flows.commands import operations
from flows.errors import UserError
from storage.backup import MANIFEST, OBJECTS, referenced_object_keys, table_rows
from storage.db import engine_for
from storage.models import IngestFailure, IngestRun
from storage.objectstore import get_object_store
from storage.pg_tools import database_is_empty
from storage.schema import create_schema
from tests.conftest import clear_caches, new_pg_database
from tests.factories import create_document, create_source, sample_assessment
from tests.support.s3_server import S3Server

pytestmark = [pytest.mark.postgres, pytest.mark.s3]
runner = CliRunner()


def run(*args: str) -> Result:
    app = typer.Typer(pretty_exceptions_enable=False)
    operations.register(app)
    return runner.invoke(app, list(args))


def use(monkeypatch: pytest.MonkeyPatch, s3: S3Server, database_url: str, bucket: str) -> None:
    """Point radintel at `database_url` and `bucket` (as RADINTEL_* settings)."""
    settings = {
        "RADINTEL_DATABASE_URL": database_url,
        "RADINTEL_OBJECT_STORE": "minio",
        "RADINTEL_MINIO_ENDPOINT": s3.endpoint,
        "RADINTEL_MINIO_ACCESS_KEY": s3.access_key,
        "RADINTEL_MINIO_SECRET_KEY": s3.secret_key,
        "RADINTEL_MINIO_BUCKET": bucket,
    }
    for key, value in settings.items():
        monkeypatch.setenv(key, value)
    clear_caches()


def fill(session: Session) -> str:
    """Documents, a kept failed input and a published assessment; returns the key of an
    object that nothing references (it must stay out of the backup)."""
    store = get_object_store()
    source = create_source(session)
    for number in range(3):
        create_document(session, f"Cs-137 gauge {number} stolen in Lyon.", source=source)
    create_document(session, "Co-60 source found.", raw_key=store.put(b"%PDF-1.7 raw bytes"))
    run = IngestRun(flow="ingest", source_id=source.id)
    session.add(run)
    session.flush()
    kept = store.put(b"<html>unparseable</html>")
    session.add(IngestFailure(run_id=run.id, item="inbox/x.html", reason="bad", raw_key=kept))
    outputs = {"md": store.put(b"# Assessment"), "html": store.put(b"<h1>Assessment</h1>")}
    session.add(sample_assessment(outputs=outputs))
    session.commit()
    return store.put(b"an object nothing references")


@pytest.fixture
def backup_of(
    pg_url: str, s3_server: S3Server, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Path, dict[str, int], list[str], str]]:
    """A backup of a filled database and bucket: its folder, row counts, object keys, and
    the key of the unreferenced object."""
    use(monkeypatch, s3_server, pg_url, f"source-{uuid.uuid4().hex[:8]}")
    engine = engine_for(pg_url)
    create_schema(engine)
    with Session(engine, expire_on_commit=False) as session:
        orphan = fill(session)
        rows, keys = table_rows(session=session), referenced_object_keys(session=session)
    folder = data_dir.parent / "backup"
    result = run("backup", "--output", str(folder))
    assert result.exit_code == 0, result.output
    yield folder, rows, keys, orphan


def test_restore_into_a_new_database_and_bucket_matches_the_original(
    backup_of: tuple[Path, dict[str, int], list[str], str],
    pg_server: str,
    s3_server: S3Server,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, rows, keys, orphan = backup_of
    manifest = json.loads((folder / MANIFEST).read_text())
    assert sorted(manifest["objects"]) == keys and len(keys) == 8
    assert manifest["rows"] == rows and rows["document"] == 4
    with new_pg_database(pg_server) as target_url:
        use(monkeypatch, s3_server, target_url, f"target-{uuid.uuid4().hex[:8]}")
        result = run("restore", "--input", str(folder))
        assert result.exit_code == 0, result.output
        assert f"{len(keys)} objects, all hashes match" in result.output
        with Session(engine_for(target_url)) as session:
            assert table_rows(session=session) == rows
            assert referenced_object_keys(session=session) == keys
        store = get_object_store()
        assert all(store.get(key) for key in keys)
        assert not store.exists(orphan)


def test_restore_refuses_a_database_that_is_not_empty(
    backup_of: tuple[Path, dict[str, int], list[str], str],
) -> None:
    result = run("restore", "--input", str(backup_of[0]))
    assert isinstance(result.exception, UserError)
    assert "not empty" in str(result.exception)


def test_restore_refuses_a_corrupt_object_before_touching_the_database(
    backup_of: tuple[Path, dict[str, int], list[str], str],
    pg_server: str,
    s3_server: S3Server,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, _, keys, _ = backup_of
    (folder / OBJECTS / keys[0]).write_bytes(b"tampered")
    with new_pg_database(pg_server) as target_url:
        use(monkeypatch, s3_server, target_url, f"target-{uuid.uuid4().hex[:8]}")
        result = run("restore", "--input", str(folder))
        assert isinstance(result.exception, UserError)
        assert f"object {keys[0]} in the backup does not match its hash" in str(result.exception)
        assert database_is_empty(engine_for(target_url))


def test_backup_needs_postgresql(data_dir: Path) -> None:
    result = run("backup", "--output", str(data_dir / "backup"))
    assert isinstance(result.exception, UserError)
    assert "need PostgreSQL" in str(result.exception)
