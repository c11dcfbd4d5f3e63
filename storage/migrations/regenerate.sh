#!/usr/bin/env bash
# Regenerate storage/migrations/versions/0001_initial_schema.py from the current models.
# Usage (from anywhere): storage/migrations/regenerate.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHONPATH=. .venv/bin/python -m storage.migrations.regenerate
