"""Regenerate the initial revision from the current models (run by regenerate.sh).

Autogenerates against an empty SQLite database, so the revision holds the whole schema.
Only for use while no deployed database depends on the existing revision.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from storage.migrations import MIGRATIONS_DIR, alembic_config

INITIAL_REVISION = "0001"


def regenerate() -> Path:
    for old in (MIGRATIONS_DIR / "versions").glob("*.py"):
        if old.name != "__init__.py":
            old.unlink()
    with tempfile.TemporaryDirectory() as scratch:
        config = alembic_config(f"sqlite:///{Path(scratch) / 'empty.db'}")
        command.revision(
            config, message="initial schema", autogenerate=True, rev_id=INITIAL_REVISION
        )
    return next((MIGRATIONS_DIR / "versions").glob(f"{INITIAL_REVISION}_*.py"))


if __name__ == "__main__":
    print(f"wrote {regenerate()}")
