"""Shared column helpers.

Datetimes are timezone-aware UTC everywhere: sqlmodel's UTCDateTime refuses naive values,
stores UTC on both databases and returns aware UTC datetimes (SQLite included).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column


def utcnow() -> datetime:
    return datetime.now(UTC)


def json_column(**kwargs: Any) -> Any:
    return Column(JSON, **kwargs)
