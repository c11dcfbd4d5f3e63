"""Shared fixtures: databases (SQLite and PostgreSQL) and an isolated data directory."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlmodel import Session

from flows.runtime import configure_runtime

configure_runtime()

pytest_plugins = ["tests.support.s3_server", "tests.support.smtp_server"]

PG_ADMIN_URL = os.environ.get(
    "RADINTEL_TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def clear_caches() -> None:
    """Forget every cached settings getter, the object store and the engines, so the next
    call reads the environment again. Loaded NLP models (the extractor, spaCy, embeddings)
    stay cached: they are expensive and do not depend on the environment of a test."""
    from flows.settings import get_flow_settings
    from nlp.settings import get_nlp_settings
    from review_ui.settings import get_ui_settings
    from storage.db import engine_for
    from storage.objectstore import get_object_store
    from storage.settings import get_storage_settings

    for getter in (
        get_storage_settings,
        get_flow_settings,
        get_nlp_settings,
        get_ui_settings,
        get_object_store,
        engine_for,
    ):
        getter.cache_clear()


@pytest.fixture(autouse=True)
def fresh_settings() -> Iterator[None]:
    """Every test starts and ends with nothing cached from another test's environment.
    Fixtures and tests that change the environment mid-way call clear_caches() themselves."""
    clear_caches()
    yield
    clear_caches()


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh RADINTEL_DATA_DIR with the embedded defaults (SQLite + local objects)."""
    directory = tmp_path / "var"
    monkeypatch.setenv("RADINTEL_DATA_DIR", str(directory))
    monkeypatch.delenv("RADINTEL_DATABASE_URL", raising=False)
    monkeypatch.delenv("RADINTEL_OBJECT_STORE", raising=False)
    clear_caches()
    return directory


def _pg_available() -> str | None:
    try:
        engine = create_engine(PG_ADMIN_URL)
        with engine.connect() as connection:
            connection.execute(text("select 1"))
        engine.dispose()
    except Exception as error:
        return str(error).splitlines()[0]
    return None


@pytest.fixture(scope="session")
def pg_server() -> str:
    problem = _pg_available()
    if problem:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI and is not reachable: {problem}")
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL} (outside CI): {problem}")
    return PG_ADMIN_URL


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """URL of a new, empty PostgreSQL database, dropped afterwards."""
    with new_pg_database(pg_server) as url:
        yield url


@contextmanager
def new_pg_database(pg_server: str) -> Iterator[str]:
    """A new, empty PostgreSQL database (for a test that needs more than `pg_url`)."""
    name = f"radintel_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = pg_server.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        from storage.db import engine_for

        engine_for(url).dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, data_dir: Path) -> str:
    """Both databases: the embedded SQLite default and a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{data_dir / 'test.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def engine(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Engine:
    from storage.db import engine_for
    from storage.schema import create_schema

    monkeypatch.setenv("RADINTEL_DATABASE_URL", db_url)
    clear_caches()
    engine = engine_for(db_url)
    create_schema(engine)
    return engine


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture(scope="session")
def prefect_harness() -> Iterator[None]:
    """Prefect in ephemeral mode with a throw-away database, shared by the whole session."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield
