"""Alembic revisions of the radintel schema (generated; see ../regenerate.sh)."""
