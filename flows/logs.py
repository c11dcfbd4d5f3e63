"""JSON log lines for log shippers: RADINTEL_LOG_FORMAT=json.

Every line is one JSON object: time, level, logger, message, and the ids known where the
line was logged (run_id, flow, flow_run_id, task_run_id, document_ids, source). The flows set
their ids with `log_context(...)`; Prefect's own run loggers add flow_run_id and friends to
each record, and the Prefect run context fills them in for every other logger.

Prefect configures logging when it is imported; `use_json_logs()` (from configure_runtime,
before that import) points it at logging_json.yaml, Prefect's own configuration with
JsonFormatter on the console handlers, so Prefect's loggers and ours share one format."""

from __future__ import annotations

import json
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

JSON_LOGGING_CONFIG = Path(__file__).with_name("logging_json.yaml")
# Attributes Prefect's run loggers put on their records, copied when present.
OWN_LOGGERS = ("flows", "storage", "nlp", "review_ui")  # INFO; other libraries WARNING
PREFECT_RECORD_KEYS = ("flow_run_id", "flow_name", "task_run_id", "task_run_name")
_context: ContextVar[dict[str, Any] | None] = ContextVar("radintel_log_context", default=None)


@contextmanager
def log_context(**ids: Any) -> Iterator[None]:
    """Add `ids` (None values ignored) to every log line written inside the block."""
    known = {key: value for key, value in ids.items() if value is not None}
    token = _context.set({**(_context.get() or {}), **known})
    try:
        yield
    finally:
        _context.reset(token)


def _prefect_run_ids() -> dict[str, str]:
    """The current Prefect flow run, if any; Prefect is only looked up once it is loaded."""
    context_module = sys.modules.get("prefect.context")
    run_context = context_module.FlowRunContext.get() if context_module else None
    if run_context is None or run_context.flow_run is None:
        return {}
    ids = {"flow_run_id": str(run_context.flow_run.id)}
    return ids | ({"flow_name": run_context.flow.name} if run_context.flow else {})


class JsonFormatter(logging.Formatter):
    """One JSON object per record; message text is data, escaped by json.dumps."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            **_prefect_run_ids(),
            **(_context.get() or {}),
        }
        for key in PREFECT_RECORD_KEYS:
            if getattr(record, key, None) is not None:
                line[key] = str(getattr(record, key))
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False, default=str)


def use_json_logs() -> None:
    """Route every logger, Prefect's included, through JsonFormatter on stderr."""
    os.environ.setdefault("PREFECT_LOGGING_SETTINGS_PATH", str(JSON_LOGGING_CONFIG))
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers = [handler]  # until Prefect, once imported, applies the same format
    for name in OWN_LOGGERS:
        logging.getLogger(name).setLevel(logging.INFO)
