"""Ingestion against a real `prefect server start`, once run directly and once served."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from flows.errors import UserError
from flows.local_prefect import free_port, prefect_command, stop, wait_healthy
from tests.factories import declare, runs, write
from tests.flows import samples

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[2]
CLI = (
    "import sys, typer; from flows.runtime import configure_runtime; configure_runtime(); "
    "from flows.commands import ingestion; app = typer.Typer(); ingestion.register(app); "
    "app(sys.argv[1:])"
)


def child_env(home: Path, **extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update(
        PYTHONPATH=str(ROOT),
        PREFECT_HOME=str(home),
        PREFECT_SERVER_ANALYTICS_ENABLED="false",
        DO_NOT_TRACK="1",
        **extra,
    )
    return env


@pytest.fixture(scope="module")
def prefect_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("prefect-server")
    port = free_port()
    log = (home / "server.log").open("wb")
    process = subprocess.Popen(
        [prefect_command(), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=child_env(home, PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="5"),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    api = f"http://127.0.0.1:{port}/api"
    try:
        try:
            wait_healthy(process, api)
        except UserError as error:
            pytest.fail(f"{error}: {(home / 'server.log').read_text()[-2000:]}")
        yield api
    finally:
        stop(process)
        log.close()


def flow_runs(api: str) -> list[dict[str, object]]:
    response = httpx.post(f"{api}/flow_runs/filter", json={"limit": 50}, timeout=10)
    response.raise_for_status()
    runs_found: list[dict[str, object]] = response.json()
    return runs_found


def inbox_with_notes(data_dir: Path, count: int) -> None:
    for number in range(count):
        write(data_dir / "inbox" / "bureau", f"note-{number}.txt", samples.text_note(f"n{number}"))
    declare("bureau", "inbox_folder", inbox="inbox/bureau")


def test_ingest_against_a_real_server(
    ingest_env: Path, prefect_server: str, tmp_path: Path
) -> None:
    inbox_with_notes(ingest_env, 3)
    env = child_env(tmp_path / "client", PREFECT_API_URL=prefect_server)
    done = subprocess.run(
        [sys.executable, "-c", CLI, "ingest"], cwd=ROOT, env=env, capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    assert "bureau" in done.stdout.decode()
    states = [run["state_type"] for run in flow_runs(prefect_server)]
    assert "COMPLETED" in states
    assert runs()[-1].counts["new"] == 3


def test_serve_runs_the_schedules(ingest_env: Path, prefect_server: str, tmp_path: Path) -> None:
    inbox_with_notes(ingest_env, 2)
    env = child_env(
        tmp_path / "client",
        PREFECT_API_URL=prefect_server,
        RADINTEL_INBOX_SCHEDULE_MINUTES="0.05",
        RADINTEL_FEED_SCHEDULE_MINUTES="0.05",
        PREFECT_RUNNER_POLL_FREQUENCY="2",
    )
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [sys.executable, "-c", CLI, "serve"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 240
    try:
        while not any(run.counts.get("new") == 2 for run in runs()):
            tail = log_path.read_text(errors="replace")[-3000:]
            assert process.poll() is None, f"serve ended: {tail}"
            assert time.monotonic() < deadline, f"no scheduled ingestion in 240 s: {tail}"
            time.sleep(1)
    finally:
        stop(process)
    response = httpx.post(f"{prefect_server}/deployments/filter", json={}, timeout=10)
    deployments = {deployment["name"]: deployment for deployment in response.json()}
    expected = {"feeds", "inboxes", "extraction", "notifications", "assessment-drafts"}
    assert expected <= set(deployments)
    [drafts] = deployments["assessment-drafts"]["schedules"]
    assert drafts["schedule"]["cron"] == "0 6 1 * *"  # monthly: the editors' draft
