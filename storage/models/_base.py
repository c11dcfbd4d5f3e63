"""Shared column helpers.

Datetimes are timezone-aware UTC everywhere: sqlmodel's UTCDateTime refuses naive values,
stores UTC on both databases and returns aware UTC datetimes (SQLite included).
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Column, Dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel.sql.sqltypes import AutoString


def utcnow() -> datetime:
    return datetime.now(UTC)


def json_column(**kwargs: Any) -> Any:
    return Column(JSON, **kwargs)


class EnumValue(TypeDecorator[StrEnum]):
    """A vocabulary enum stored as its value in a VARCHAR(length), read back as the enum.

    For the columns that were plain strings before they had an enum: the schema and the stored
    values stay as they were. (Plain enum annotations, such as `Tlp`, get SQLAlchemy's Enum
    type instead, which stores member names.) Any string binds unchanged, so a filter with
    free text from a form matches nothing rather than failing.
    """

    impl = AutoString
    cache_ok = True

    def __init__(self, enum: type[StrEnum], length: int) -> None:
        super().__init__(length=length)
        self.enum = enum
        self.length = length

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else str(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> StrEnum | None:
        return None if value is None else self.enum(value)
