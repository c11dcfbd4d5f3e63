"""Many rows into one table at once: COPY on PostgreSQL, executemany on SQLite. For derived
and seeded rows written by the thousand (synthetic data, the linking index), where one
INSERT per row would cost more than the work that made them."""

from __future__ import annotations

import io
import json
from typing import Any

from sqlalchemy import insert
from sqlalchemy.engine import Connection


def write_rows(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """Insert `rows` (dicts with the same keys, every value given: no column defaults are
    applied on PostgreSQL) into `table` within the connection's transaction."""
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        _copy_rows(connection, table, rows)
    else:
        connection.execute(insert(table), rows)


def _copy_rows(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    """PostgreSQL COPY of a batch (JSON columns serialised, NULL as \\N)."""
    columns = list(rows[0])
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(_copy_value(row[c]) for c in columns) + "\n")
    quoted = ", ".join(f'"{c}"' for c in columns)
    raw: Any = connection.connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({quoted}) FROM STDIN") as copy:
        copy.write(buffer.getvalue())


def _copy_value(value: Any) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bytes):
        return "\\\\x" + value.hex()  # bytea in hex, its backslash escaped for COPY
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    elif isinstance(value, bool):
        value = "t" if value else "f"
    escaped = str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
    return escaped.replace("\r", "\\r")
