"""A production-shaped platform on loopback for the `deploy` tests: a Prefect server on its
own PostgreSQL database, process workers of a work pool, deployments run through the API."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, text

from flows.local_prefect import free_port, prefect_command, stop, wait_healthy

ROOT = Path(__file__).resolve().parents[2]
RADINTEL = "from flows.cli import main; main()"
FINAL_STATES = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


def child_env(home: Path, **extra: str) -> dict[str, str]:
    """This process's environment without its Prefect settings, plus a Prefect home of its own."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update(
        PYTHONPATH=str(ROOT),
        PREFECT_HOME=str(home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        **extra,
    )
    return env


@contextmanager
def new_database(admin_url: str) -> Iterator[str]:
    """A fresh PostgreSQL database (name only), dropped afterwards."""
    name = f"radintel_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield name
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def start(command: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """A child in its own process group, so that the group can be stopped (or killed)."""
    with log.open("wb") as sink:
        return subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


@contextmanager
def prefect_server(home: Path, database_url: str) -> Iterator[str]:
    port = free_port()
    # No scheduler: the tests trigger every run themselves, and none may appear uninvited.
    env = child_env(
        home,
        PREFECT_API_DATABASE_CONNECTION_URL=database_url,
        PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED="false",
    )
    command = [prefect_command(), "server", "start", "--host", "127.0.0.1", "--port", str(port)]
    process = start(command, env, home / "server.log")
    try:
        wait_healthy(process, f"http://127.0.0.1:{port}/api")
        yield f"http://127.0.0.1:{port}/api"
    finally:
        stop(process)


def radintel(env: dict[str, str], *arguments: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", RADINTEL, *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()[-3000:]
    return done.stdout.decode()


def start_worker(env: dict[str, str], pool: str, name: str, log: Path) -> subprocess.Popen[bytes]:
    command = [prefect_command(), "worker", "start", "--pool", pool, "--type", "process"]
    return start([*command, "--name", name, "--limit", "1"], env, log)


def kill_group(process: subprocess.Popen[bytes]) -> None:
    """What a machine that dies does to its worker: no signal handler runs."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def run_deployment(api: str, name: str, parameters: dict[str, Any] | None = None) -> str:
    """Create a flow run of deployment `flow/deployment`; its id."""
    flow, deployment = name.split("/")
    found = httpx.get(f"{api}/deployments/name/{flow}/{deployment}", timeout=10)
    found.raise_for_status()
    created = httpx.post(
        f"{api}/deployments/{found.json()['id']}/create_flow_run",
        json={"parameters": parameters or {}},
        timeout=10,
    )
    created.raise_for_status()
    return str(created.json()["id"])


def flow_run(api: str, run_id: str) -> dict[str, Any]:
    response = httpx.get(f"{api}/flow_runs/{run_id}", timeout=10)
    response.raise_for_status()
    found: dict[str, Any] = response.json()
    return found


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not within {seconds:g} s: {what}"
        time.sleep(0.2)


def wait_finished(api: str, run_id: str) -> dict[str, Any]:
    wait_for(lambda: flow_run(api, run_id)["state_type"] in FINAL_STATES, f"flow run {run_id}")
    return flow_run(api, run_id)
