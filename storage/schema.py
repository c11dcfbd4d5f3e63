"""Creating and upgrading the schema."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

import storage.models  # noqa: F401  (registers the tables)


def create_schema(engine: Engine) -> None:
    SQLModel.metadata.create_all(engine)
