"""Start-up cost of the command line: a command imports only its own module, and neither
`radintel extract` nor `radintel --help` imports the heavy libraries before they are needed
(torch and transformers cost seconds, lingua and Prefect more)."""

from __future__ import annotations

import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import typer

from flows.cli import COMMAND_MODULES, modules_for

ROOT = Path(__file__).resolve().parents[3]
HEAVY = {"torch", "transformers", "lingua", "prefect", "streamlit", "spacy", "jsonschema", "dask"}
PROBE = """import json, sys
from flows.cli import build_app
imported = {}
build_app(["extract", "--input", "in.jsonl"])
imported["extract"] = sorted({name.split(".")[0] for name in sys.modules})
build_app()
imported["help"] = sorted({name.split(".")[0] for name in sys.modules})
print(json.dumps(imported))
"""


def test_cli_imports_no_heavy_library() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-c", PROBE]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    imported = json.loads(done.stdout)
    assert HEAVY.isdisjoint(imported["help"]), HEAVY & set(imported["help"])
    assert "sqlmodel" not in imported["extract"]  # `extract` left the database modules out
    assert "sqlmodel" in imported["help"]  # `--help` lists every command


def test_command_modules_lists_what_each_module_registers() -> None:
    for module, names in COMMAND_MODULES.items():
        app = typer.Typer()
        importlib.import_module(module).register(app)
        commands = [c.name or c.callback.__name__ for c in app.registered_commands if c.callback]
        groups = [g.name for g in app.registered_groups if g.name]
        assert sorted(names) == sorted([*commands, *groups]), module


def test_modules_for_picks_the_owner_of_the_command() -> None:
    assert modules_for(["extract", "--input", "a.jsonl"]) == ["flows.commands.extraction"]
    assert modules_for(["users", "add"]) == ["flows.commands.review"]
    assert modules_for(["--help"]) == list(COMMAND_MODULES)
    assert modules_for(["no-such-command"]) == list(COMMAND_MODULES)
