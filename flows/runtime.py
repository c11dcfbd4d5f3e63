"""Process-wide defaults that must be set before Prefect is imported, and how a command
process ends."""

from __future__ import annotations

import logging
import os
import sys
from typing import NoReturn

from pydantic import ValidationError

from flows.logs import use_json_logs
from flows.settings import get_flow_settings

_teardown = {"skip": False}

PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def configure_runtime() -> None:
    """Environment defaults, log format; and the process ends with the interpreter's
    teardown until a command calls `skip_teardown`."""
    _teardown["skip"] = False
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    try:
        json_logs = get_flow_settings().log_format == "json"
    except ValidationError:  # the command that reads the settings reports it, in one line
        return
    if json_logs:
        use_json_logs()


def skip_teardown() -> None:
    """Called by a command that loaded the extraction models and has written and closed all
    it produces: the interpreter's teardown of those models (half a second, object by
    object) can be skipped when the process ends (see `end_process`)."""
    _teardown["skip"] = True


def end_process(code: object) -> NoReturn:
    """Ends the process with `code` (a SystemExit code); without the interpreter's teardown
    if `skip_teardown` was called, after flushing what the process printed and logged."""
    if not _teardown["skip"]:
        raise SystemExit(code)
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code or 0)
