"""Regenerate the initial revision from the current models (run by regenerate.sh).

Autogenerates against an empty SQLite database, so the revision holds the whole schema.
Only for use while no deployed database depends on the existing revision.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from alembic import command

from storage.migrations import MIGRATIONS_DIR, alembic_config
from storage.migrations.search_ddl import revision_block

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
    revision = next((MIGRATIONS_DIR / "versions").glob(f"{INITIAL_REVISION}_*.py"))
    revision.write_text(with_search_ddl(revision.read_text(encoding="utf-8")), encoding="utf-8")
    return revision


def with_search_ddl(code: str) -> str:
    """The revision with the full-text search DDL after the tables it needs (upgrade) and
    before they are dropped (downgrade)."""
    end = "    # ### end Alembic commands ###\n"
    upgrade_end = code.index(end)
    code = code[: upgrade_end + len(end)] + revision_block(True) + code[upgrade_end + len(end) :]
    downgrade = code.index("def downgrade() -> None:\n") + len("def downgrade() -> None:\n")
    return code[:downgrade] + revision_block(False) + code[downgrade:]


if __name__ == "__main__":
    print(f"wrote {regenerate()}")
