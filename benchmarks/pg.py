"""A throw-away PostgreSQL database for a benchmark (127.0.0.1:5432 unless
RADINTEL_BENCH_PG_ADMIN_URL says otherwise): created empty with the schema, the process's
data folder and object store pointed at a fresh temporary folder, dropped afterwards."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine

ADMIN_URL = os.environ.get(
    "RADINTEL_BENCH_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
)


@contextmanager
def fresh_database() -> Iterator[Engine]:
    """An engine on a new database with the schema; RADINTEL_DATABASE_URL and
    RADINTEL_DATA_DIR point at it and at a new folder while it lasts."""
    from storage.db import engine_for
    from storage.objectstore import get_object_store
    from storage.schema import create_schema
    from storage.settings import get_storage_settings

    name = f"radintel_bench_{uuid.uuid4().hex[:10]}"
    _admin(f'CREATE DATABASE "{name}"')
    url = ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    os.environ["RADINTEL_DATA_DIR"] = tempfile.mkdtemp(prefix="radintel-bench-")
    os.environ["RADINTEL_DATABASE_URL"] = url
    get_storage_settings.cache_clear()
    get_object_store.cache_clear()
    engine = engine_for(url)
    try:
        create_schema(engine)
        yield engine
    finally:
        engine.dispose()
        _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _admin(statement: str) -> None:
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(statement))
    admin.dispose()


def vacuum(engine: Engine) -> None:
    """What autovacuum does after a bulk load: statistics, visibility map."""
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.execute(text("VACUUM ANALYZE"))
