"""kill -9 in the middle of a run, then rerun: no duplicate and no lost document."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flows.ingest import ingest_flow
from nlp.vocabulary import RunStatus
from storage.db import get_engine
from storage.schema import create_schema
from tests.conftest import clear_caches
from tests.factories import declare, documents, runs, write
from tests.flows import samples
from tests.support.http_server import LocalServer, Reply

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]
PAGES = 24
ROOT = Path(__file__).resolve().parents[2]
RUNNER = (
    "from flows.runtime import configure_runtime; configure_runtime(); "
    "from flows.ingest import ingest_flow; ingest_flow()"
)


def page(number: int) -> bytes:
    return (
        f"<html><head><title>Bulletin {number}</title></head><body><article><p>Bulletin "
        f"{number} of the fictional Harbour Safety Office: a sealed Co-60 source numbered "
        f"HSO-{number:04d} was checked at berth {number} and found intact by inspectors of "
        "the fictional firm Meridian Radiation Services.</p></article></body></html>"
    ).encode()


def declare_sources(server: LocalServer, data_dir: Path) -> None:
    urls = [server.url(f"/bulletin-{n}.html") for n in range(PAGES)]
    declare("a-web", "web", urls=urls)
    declare("b-bureau", "inbox_folder", inbox="inbox/bureau")
    for number in range(4):
        write(data_dir / "inbox" / "bureau", f"note-{number}.txt", samples.text_note(str(number)))


def committed(database: Path) -> int:
    try:
        with sqlite3.connect(database, timeout=5) as connection:
            return int(connection.execute("select count(*) from document").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def run_and_kill(data_dir: Path, tmp_path: Path, after: int) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_")}
    env.update(
        PYTHONPATH=str(ROOT),
        PREFECT_HOME=str(tmp_path / "prefect-child"),
        RADINTEL_HOST_MIN_INTERVAL_SECONDS="0.25",
    )
    process = subprocess.Popen(
        [sys.executable, "-c", RUNNER],
        cwd=ROOT,
        env=env,
        start_new_session=True,  # its own group, with the Prefect server it starts
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    try:
        while committed(data_dir / "radintel.db") < after:
            assert process.poll() is None, "the run ended before it could be killed"
            assert time.monotonic() < deadline, "no document committed within 120 s"
            time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def fingerprint() -> set[tuple[str, str | None, str, str]]:
    return {(d.sha256, d.url, d.status.value, d.format) for d in documents()}


def test_killed_run_then_rerun_equals_a_clean_run(
    ingest_env: Path, http_server: LocalServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for number in range(PAGES):
        http_server.routes[f"/bulletin-{number}.html"] = Reply(
            body=page(number), headers={"Content-Type": "text/html"}
        )
    declare_sources(http_server, ingest_env)
    run_and_kill(ingest_env, tmp_path, after=4)
    killed_at = committed(ingest_env / "radintel.db")
    assert 4 <= killed_at < PAGES
    ingest_flow()
    after_rerun = fingerprint()
    assert len(after_rerun) == len(documents()) == PAGES + 4
    assert runs()[0].status == RunStatus.CRASHED
    assert sorted(p.name for p in (ingest_env / "inbox" / "bureau" / "processed").iterdir()) == [
        f"note-{n}.txt" for n in range(4)
    ]

    clean_dir = tmp_path / "clean"
    monkeypatch.setenv("RADINTEL_DATA_DIR", str(clean_dir))
    clear_caches()
    create_schema(get_engine())
    declare_sources(http_server, clean_dir)
    ingest_flow()
    assert fingerprint() == after_rerun
