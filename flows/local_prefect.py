"""A Prefect server of our own for `radintel serve` when no PREFECT_API_URL is set.

Prefect's ephemeral API (what a single flow call starts) does not run the scheduler, so
deployments served against it would never be triggered. Serving therefore starts
`prefect server start` on a free loopback port, points this process at it, and stops it
(and only it: its own process group) on exit."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from flows.errors import UserError

STARTUP_SECONDS = 120.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def prefect_command() -> str:
    script = Path(sys.executable).with_name("prefect")
    if not script.exists():
        raise UserError(f"the prefect command is not installed beside {sys.executable}")
    return str(script)


def wait_healthy(process: subprocess.Popen[bytes], api: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise UserError(f"prefect server exited with code {process.returncode}")
        try:
            if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise UserError(f"prefect server did not answer on {api} within {STARTUP_SECONDS:.0f} s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextmanager
def local_prefect_server() -> Iterator[str]:
    """Start a Prefect server on 127.0.0.1 and yield its API URL."""
    port = free_port()
    process = subprocess.Popen(
        [prefect_command(), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    api = f"http://127.0.0.1:{port}/api"
    try:
        wait_healthy(process, api)
        yield api
    finally:
        stop(process)
