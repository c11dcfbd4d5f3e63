"""Shared fixtures: databases (SQLite and PostgreSQL) and an isolated data directory."""

from __future__ import annotations

import os
import queue
import shutil
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text
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


class _Dropper:
    """Drops test databases on a thread of its own. DROP DATABASE forces a checkpoint, which
    took one to two seconds a database on the 2-core CI machine: done in the background, it
    overlaps the next test instead of adding to the suite's time. The session waits for it."""

    def __init__(self) -> None:
        self._names: queue.Queue[tuple[str, str]] = queue.Queue()
        self._thread: threading.Thread | None = None

    def drop(self, pg_server: str, name: str) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="drop-test-dbs", daemon=True)
            self._thread.start()
        self._names.put((pg_server, name))

    def _run(self) -> None:
        while True:
            pg_server, name = self._names.get()
            try:
                _drop_database(pg_server, name)
            finally:
                self._names.task_done()

    def wait(self) -> None:
        self._names.join()


_DROPPER = _Dropper()


def _drop_database(pg_server: str, name: str) -> None:
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@pytest.fixture(scope="session", autouse=True)
def _dropped_at_the_end() -> Iterator[None]:
    yield
    _DROPPER.wait()


@contextmanager
def new_pg_database(pg_server: str, template: str | None = None) -> Iterator[str]:
    """A new PostgreSQL database (for a test that needs more than `pg_url`): empty, or a copy
    of `template`. It is dropped in the background once the test is done with it."""
    name = f"radintel_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    copy = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
    admin.dispose()
    url = pg_server.rsplit("/", 1)[0] + f"/{name}"
    try:
        yield url
    finally:
        from storage.db import engine_for

        engine_for(url).dispose()
        _DROPPER.drop(pg_server, name)


@pytest.fixture(scope="session")
def pg_template(pg_server: str) -> Iterator[str]:
    """A database at the newest schema revision, made once: `engine` copies it (CREATE
    DATABASE ... TEMPLATE, a file copy) instead of running every migration for each test."""
    from storage.db import engine_for
    from storage.schema import create_schema

    name = f"radintel_template_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = pg_server.rsplit("/", 1)[0] + f"/{name}"
    engine = engine_for(url)
    create_schema(engine)
    engine.dispose()  # a template database must have no connections when it is copied
    engine_for.cache_clear()
    yield name
    _DROPPER.wait()
    _drop_database(pg_server, name)


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file at the newest schema revision, made once and copied by `engine`."""
    from storage.db import engine_for
    from storage.schema import create_schema

    path = tmp_path_factory.mktemp("schema") / "template.db"
    engine = engine_for(f"sqlite:///{path}")
    create_schema(engine)
    engine.dispose()
    engine_for.cache_clear()
    return path


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def empty_db_url(request: pytest.FixtureRequest, data_dir: Path) -> str:
    """Both databases, empty: the embedded SQLite default and a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{data_dir / 'test.db'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, data_dir: Path) -> Iterator[str]:
    """Both databases, at the newest schema revision when `engine` is used: the embedded
    SQLite default (a file `engine` copies from the session's template) and a new PostgreSQL
    database copied from the session's template (CREATE DATABASE ... TEMPLATE, a file copy)
    instead of running every migration for each test; tests/storage/test_migrations.py runs
    the migrations themselves on `empty_db_url`."""
    if request.param == "sqlite":
        yield f"sqlite:///{data_dir / 'test.db'}"
        return
    pg_server: str = request.getfixturevalue("pg_server")
    with new_pg_database(pg_server, template=request.getfixturevalue("pg_template")) as url:
        yield url


@pytest.fixture
def engine(request: pytest.FixtureRequest, db_url: str, monkeypatch: pytest.MonkeyPatch) -> Engine:
    """`db_url`'s database at the newest schema revision (a PostgreSQL `db_url` is already)."""
    from storage.db import engine_for

    url = make_url(db_url)
    path = Path(str(url.database)) if url.get_backend_name() == "sqlite" else None
    if path is not None and not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
    monkeypatch.setenv("RADINTEL_DATABASE_URL", db_url)
    clear_caches()
    return engine_for(db_url)


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
