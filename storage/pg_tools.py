"""pg_dump and pg_restore of a PostgreSQL database, as the PostgreSQL client installs them.

The password goes to the tools through PGPASSWORD, never on their command line (where `ps`
would show it). The dump is PostgreSQL's custom format: compressed, and restored by
pg_restore in one transaction, so a failed restore leaves the target database empty.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, Engine, make_url
from sqlmodel import Session


class DatabaseToolError(Exception):
    """pg_dump or pg_restore is missing or failed; the message is their first error line."""


def libpq_target(url: str | URL) -> tuple[str, dict[str, str]]:
    """The libpq connection URL without its password, and the environment carrying it."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password is not None:
        env["PGPASSWORD"] = str(parsed.password)
    bare = parsed.set(drivername="postgresql", password=None)
    return bare.render_as_string(hide_password=False), env


def run_tool(command: list[str], env: dict[str, str]) -> None:
    try:
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise DatabaseToolError(f"{command[0]} is not installed (PostgreSQL client)") from None
    if result.returncode:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        reason = lines[0][:300] if lines else f"exit code {result.returncode}"
        raise DatabaseToolError(f"{command[0]} failed: {reason}")


def dump_database(*, url: str | URL, path: Path, snapshot: str | None = None) -> None:
    """pg_dump in custom format; with `snapshot`, exactly the data that snapshot saw."""
    target, env = libpq_target(url)
    command = ["pg_dump", "--format=custom", f"--file={path}"]
    if snapshot:
        command.append(f"--snapshot={snapshot}")
    run_tool([*command, target], env)


def restore_database(*, url: str | URL, path: Path) -> None:
    """pg_restore into an empty database, as the connecting role (no owners, no grants)."""
    target, env = libpq_target(url)
    command = ["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error"]
    run_tool([*command, "--single-transaction", f"--dbname={target}", str(path)], env)


def database_is_empty(engine: Engine) -> bool:
    return not inspect(engine).get_table_names()


@contextmanager
def exported_snapshot(engine: Engine) -> Iterator[tuple[str, Session]]:
    """A read-only REPEATABLE READ session and the id of its snapshot, which pg_dump
    --snapshot shares while the session stays open: both see the same committed data."""
    with engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.execute(text("SELECT pg_export_snapshot()")).scalar_one()
            with Session(bind=connection) as session:
                yield str(snapshot), session
