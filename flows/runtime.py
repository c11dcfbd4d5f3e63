"""Process-wide defaults that must be set before Prefect is imported."""

from __future__ import annotations

import os

from pydantic import ValidationError

from flows.logs import use_json_logs
from flows.settings import get_flow_settings

PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def configure_runtime() -> None:
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    try:
        json_logs = get_flow_settings().log_format == "json"
    except ValidationError:  # the command that reads the settings reports it, in one line
        return
    if json_logs:
        use_json_logs()
