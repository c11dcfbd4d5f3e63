"""Shared column helpers. All datetimes are stored as naive UTC on both databases."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Column


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def json_column(**kwargs: Any) -> Any:
    return Column(JSON, **kwargs)
