"""Review commands: `users add|reset-password|list`, `ui`, `seed-synthetic`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType

import typer

from flows.errors import UserError, unit_of_work
from nlp.vocabulary import Tlp

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "review_ui" / "app.py"
FORWARDED_SIGNALS = (signal.SIGTERM, signal.SIGINT)
users_app = typer.Typer(help="Users of the review UI.", no_args_is_help=True)


def streamlit_command(port: int) -> list[str]:
    from review_ui.settings import get_ui_settings

    host = get_ui_settings().host  # 127.0.0.1 unless a container sets RADINTEL_UI_HOST
    return [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.address", host,
        "--server.port", str(port),
        "--server.headless", "true",
        "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
        "--client.showErrorDetails", "none",
        "--client.showErrorLinks", "false",  # no links that send an error's text to search sites
        "--client.toolbarMode", "minimal",
        "--theme.base", "light",
    ]  # fmt: skip


def ui_environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH")) if p)
    env["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    return env


def start_ui(port: int | None = None, banner: list[str] | None = None) -> None:
    """Run the review UI on RADINTEL_UI_HOST:`port` (RADINTEL_UI_PORT when None) until it
    stops or this process gets SIGTERM or SIGINT, which Streamlit gets too."""
    from review_ui.settings import get_ui_settings

    settings = get_ui_settings()
    port = port or settings.port
    for line in banner or []:
        typer.echo(line)
    typer.echo(f"Review UI on http://{settings.host}:{port} (Ctrl+C to stop)")
    stopped, code = run_forwarding_signals(streamlit_command(port), ui_environment())
    if code and not stopped:
        raise UserError(f"the review UI stopped with exit code {code}")


def run_forwarding_signals(command: list[str], env: dict[str, str]) -> tuple[bool, int]:
    """Run `command` until it exits; SIGTERM and SIGINT received meanwhile are passed on to
    it (a second one kills it), so stopping this process never leaves the child running.
    Returns whether a signal asked it to stop, and its exit code."""
    received: list[int] = []
    started: list[subprocess.Popen[bytes]] = []

    def forward(signum: int, _frame: FrameType | None) -> None:
        received.append(signum)
        for process in started:
            if process.poll() is None:
                process.send_signal(signal.SIGKILL if len(received) > 1 else signum)

    # The handlers go in before the child starts: no moment where a signal would stop this
    # process alone; one that came during the start is passed on right after.
    previous = {sig: signal.signal(sig, forward) for sig in FORWARDED_SIGNALS}
    try:
        process = subprocess.Popen(command, env=env)
        started.append(process)
        if received:
            process.send_signal(received[-1])
        code = process.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        for process in started:
            if process.poll() is None:  # an exception while waiting: never leave it behind
                process.kill()
                process.wait()
    return bool(received), code


@users_app.command("add")
def users_add(
    username: str = typer.Option(..., "--username", help="Lower-case login name."),
    role: str = typer.Option("analyst", "--role", help="analyst, editor or admin."),
    password: str | None = typer.Option(None, "--password", help="Prompted when omitted."),
    clearance: Tlp = typer.Option(
        Tlp.GREEN, "--clearance", help="Most restrictive TLP marking the user may read."
    ),
    email: str | None = typer.Option(
        None, "--email", help="Where alert notifications are e-mailed (optional)."
    ),
) -> None:
    """Create a user."""
    from storage.users import UserError as InvalidUser
    from storage.users import create_user

    if password is None:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with unit_of_work(InvalidUser) as session:
        user = create_user(
            session=session,
            username=username,
            password=password,
            role=role,
            clearance=clearance,
            email=email,
        )
    typer.echo(f"created {user.username} ({user.role.value}, clearance {clearance.value})")


@users_app.command("set-clearance")
def users_set_clearance(
    username: str = typer.Option(..., "--username", help="The user to change."),
    clearance: Tlp = typer.Option(
        ..., "--clearance", help="Most restrictive TLP marking the user may read."
    ),
) -> None:
    """Change the TLP clearance of a user (recorded in the audit trail as the operator)."""
    from storage.authz import OPERATOR
    from storage.users import UserError as InvalidUser
    from storage.users import set_clearance

    with unit_of_work(InvalidUser) as session:
        set_clearance(session=session, username=username, clearance=clearance, by=OPERATOR)
    typer.echo(f"{username} may now read up to {clearance.value}")


@users_app.command("set-email")
def users_set_email(
    username: str = typer.Option(..., "--username", help="The user to change."),
    email: str = typer.Option(
        ..., "--email", help="Where alert notifications are e-mailed; '' removes it."
    ),
) -> None:
    """Set or remove the address a user's alert notifications are e-mailed to."""
    from storage.authz import OPERATOR
    from storage.users import UserError as InvalidUser
    from storage.users import set_email

    with unit_of_work(InvalidUser) as session:
        user = set_email(session=session, username=username, email=email, by=OPERATOR)
        address = user.email
    typer.echo(
        f"{username}: notifications e-mailed to {address}"
        if address
        else f"{username}: no e-mail; notifications stay in the inbox"
    )


@users_app.command("reset-password")
def users_reset_password(
    username: str = typer.Option(..., "--username", help="The user whose password to reset."),
) -> None:
    """Give a user a temporary password, to be changed at their next sign-in."""
    from storage.authz import Operator
    from storage.users import UserError as InvalidUser
    from storage.users import reset_password

    with unit_of_work(InvalidUser) as session:
        temporary = reset_password(session=session, username=username, by=Operator("cli"))
    typer.echo(f"{username}: temporary password: {temporary}")
    typer.echo("Pass it on privately; the user must choose a new password at the next sign-in.")


@users_app.command("list")
def users_list() -> None:
    """List users, their roles, clearances and notification e-mail addresses."""
    from storage.users import list_users

    with unit_of_work() as session:
        users = list_users(session=session)
    for user in users:
        state = "disabled" if user.disabled else "active"
        typer.echo(
            f"{user.username:<24} {user.role.value:<8} {user.clearance.value:<17} {state:<8} "
            f"{user.email or '-'}"
        )


def ui(
    port: int | None = typer.Option(
        None, "--port", min=1024, max=65535, help="Overrides RADINTEL_UI_PORT (8501)."
    ),
) -> None:
    """Start the analyst review UI (Streamlit) on RADINTEL_UI_HOST (127.0.0.1) and
    RADINTEL_UI_PORT; SIGTERM or Ctrl+C stops it."""
    start_ui(port)


def seed_synthetic_command(
    documents: int = typer.Option(1000, "--documents", min=1),
    findings_per_doc: int = typer.Option(10, "--findings-per-doc", min=1, max=100),
) -> None:
    """Fill the database with synthetic documents, findings, incidents and runs."""
    from storage.db import get_engine
    from storage.schema import create_schema
    from storage.seed import seed_synthetic, seed_templates

    try:
        seed_templates()
    except FileNotFoundError as error:  # an installed package without the repository's data
        raise UserError(str(error)) from None
    engine = get_engine()
    create_schema(engine)
    started = time.perf_counter()
    counts = seed_synthetic(engine=engine, documents=documents, findings_per_doc=findings_per_doc)
    elapsed = time.perf_counter() - started
    summary = ", ".join(f"{value:,} {name}" for name, value in counts.items())
    typer.echo(f"seeded {summary} in {elapsed:.1f} s")


def register(app: typer.Typer) -> None:
    app.add_typer(users_app, name="users")
    app.command("ui")(ui)
    app.command("seed-synthetic")(seed_synthetic_command)
