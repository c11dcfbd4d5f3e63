"""The `radintel` command line. Each command group lives in flows/commands/<name>.py
and exposes `register(app)`; this module only wires them together.

A command's module is the only one imported when the command is named, so `radintel
extract` does not pay for the database, the web UI or Prefect; `radintel --help` (or an
unknown command) imports them all, to list every command."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence

import typer

from flows.errors import UserError
from flows.runtime import configure_runtime, end_process

COMMAND_MODULES = {  # module -> the commands and groups its register() adds
    "flows.commands.platform": ("init", "status"),
    "flows.commands.extraction": ("extract", "evaluate"),
    "flows.commands.linking": ("link", "evaluate-links"),
    "flows.commands.ingestion": ("sources", "failures", "ingest", "serve", "demo"),
    "flows.commands.review": ("ui", "seed-synthetic", "users"),
    "flows.commands.exports": ("export",),
    "flows.commands.assessments": ("assessment",),
    "flows.commands.deploy": ("deploy",),
    "flows.commands.operations": ("backup", "restore"),
    "flows.commands.monitoring": ("metrics",),
    "flows.commands.notify": ("notify",),
    "flows.commands.notices": ("notices",),
    "flows.commands.alerts": ("alerts", "evaluate-alerts"),
    "flows.commands.search": ("search",),
}

app = typer.Typer(
    name="radintel",
    help="Radiological and nuclear incident intelligence.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _group() -> None:
    """Radiological and nuclear incident intelligence."""
    # A callback keeps `radintel` a group of commands even when only one command's module is
    # loaded (build_app): Typer would otherwise run that lone command without its name.


def modules_for(args: Sequence[str]) -> list[str]:
    """The module owning the command named first in `args`, or every module."""
    command = next((arg for arg in args if not arg.startswith("-")), None)
    owners = [module for module, names in COMMAND_MODULES.items() if command in names]
    return owners or list(COMMAND_MODULES)


def build_app(args: Sequence[str] | None = None) -> typer.Typer:
    """The app with every command, or (given the command line) only the named one's."""
    for name in modules_for([]) if args is None else modules_for(args):
        importlib.import_module(name).register(app)
    return app


def main() -> None:
    configure_runtime()
    build_app(sys.argv[1:])
    try:
        app()
    except UserError as error:
        typer.secho(f"error: {error}", err=True, fg=typer.colors.RED)
        sys.exit(2)
    except SystemExit as end:  # how click ends every command, failed or not
        end_process(end.code)
