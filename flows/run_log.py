"""Logging in flows, and the one way a per-item handler reports an unexpected exception.

Bad input is expected and has its own error types (ParseError, FetchError...); any other
exception on an item is a bug. It is handled once, where the item is known: logged with its
traceback, recorded as the item's failure with the reason below, and the run carries on."""

from __future__ import annotations

import logging

from prefect import get_run_logger
from prefect.exceptions import MissingContextError

Logger = logging.Logger | logging.LoggerAdapter[logging.Logger]
MESSAGE_CHARS = 300


def run_logger(module: str) -> Logger:
    """Prefect's run logger inside a flow or task run (its lines reach the Prefect UI with
    the run), else the logger of `module`."""
    try:
        return get_run_logger()
    except MissingContextError:
        return logging.getLogger(module)


def internal_error(error: Exception, *, step: str, item: str, module: str) -> str:
    """Log `error` with its traceback and return the failure reason operators see."""
    run_logger(module).error("%s failed on %r: internal error", step, item, exc_info=error)
    message = (str(error).splitlines() or [""])[0][:MESSAGE_CHARS]
    return f"{step} failed: internal error {type(error).__name__}: {message} (see the run log)"
