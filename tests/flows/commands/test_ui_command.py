"""`radintel ui`: host and port from RADINTEL_UI_HOST/RADINTEL_UI_PORT (`--port` overrides),
and SIGTERM stops Streamlit with it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest

from flows.commands import review
from flows.errors import UserError
from tests.conftest import clear_caches
from tests.support.s3_server import free_ports

ROOT = Path(__file__).resolve().parents[3]
STARTUP_SECONDS = 90.0


def option(command: list[str], name: str) -> str:
    return command[command.index(name) + 1]


def captured_commands(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    commands: list[list[str]] = []

    def run(command: list[str], env: dict[str, str]) -> tuple[bool, int]:
        commands.append(command)
        return False, 0

    monkeypatch.setattr(review, "run_forwarding_signals", run)
    return commands


def test_host_and_port_come_from_the_settings_and_port_overrides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("RADINTEL_UI_HOST", "0.0.0.0")
    monkeypatch.setenv("RADINTEL_UI_PORT", "9123")
    clear_caches()
    commands = captured_commands(monkeypatch)
    review.start_ui()
    review.start_ui(8600)
    assert [option(command, "--server.address") for command in commands] == ["0.0.0.0"] * 2
    assert [option(command, "--server.port") for command in commands] == ["9123", "8600"]


def test_a_failing_ui_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(review, "streamlit_command", lambda port: [sys.executable, "-c", "exit(3)"])
    with pytest.raises(UserError, match="exit code 3"):
        review.start_ui(8600)


def wait_healthy(process: subprocess.Popen[bytes], url: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        assert process.poll() is None, f"radintel ui exited with {process.returncode}"
        try:
            if httpx.get(url, timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    pytest.fail(f"the UI did not answer on {url}")


@pytest.mark.slow
def test_sigterm_stops_streamlit_with_the_command(tmp_path: Path) -> None:
    port = free_ports(1)[0]
    env = os.environ | {
        "RADINTEL_DATA_DIR": str(tmp_path / "var"),
        "RADINTEL_UI_HOST": "127.0.0.1",
        "RADINTEL_UI_PORT": str(port),
        "PYTHONPATH": str(ROOT),
    }
    command = [sys.executable, "-c", "from flows.cli import main; main()", "ui"]
    quiet = subprocess.DEVNULL
    process = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=quiet, stderr=quiet)
    try:
        wait_healthy(process, f"http://127.0.0.1:{port}/_stcore/health")
        children = psutil.Process(process.pid).children(recursive=True)
        assert any("streamlit" in " ".join(child.cmdline()) for child in children)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
        _, alive = psutil.wait_procs(children, timeout=10)
        assert alive == []
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
