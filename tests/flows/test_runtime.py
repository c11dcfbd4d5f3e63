"""flows.runtime.end_process: a normal SystemExit unless a command asked to skip the
interpreter's teardown; then an immediate exit that still flushes and keeps the code."""

from __future__ import annotations

import subprocess
import sys

import pytest

from flows.runtime import configure_runtime, end_process


def test_without_skip_teardown_it_is_a_plain_system_exit() -> None:
    configure_runtime()
    with pytest.raises(SystemExit) as ended:
        end_process(3)
    assert ended.value.code == 3


@pytest.mark.parametrize(("code", "status", "stderr"), [(None, 0, ""), (4, 4, ""),
                                                         ("boom", 1, "boom\n")])  # fmt: skip
def test_skip_teardown_exits_at_once_with_the_code(code: object, status: int, stderr: str) -> None:
    script = (
        "import atexit, logging, sys\n"
        "from flows.runtime import configure_runtime, end_process, skip_teardown\n"
        "configure_runtime()\n"
        "atexit.register(print, 'teardown ran')\n"
        "sys.stdout.write('unflushed output')\n"
        "logging.basicConfig(stream=sys.stderr, format='%(message)s')\n"
        "logging.getLogger('x').warning('logged')\n"
        "skip_teardown()\n"
        f"end_process({code!r})\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == status
    assert done.stdout == "unflushed output"  # flushed, and no atexit handler ran
    assert done.stderr == "logged\n" + stderr
