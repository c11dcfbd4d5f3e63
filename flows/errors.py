"""Errors the command line reports in one line, and the unit of work its commands share."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlmodel import Session


class UserError(Exception):
    """An error the user can fix; the command line prints it as one line and exits with 2."""


@contextmanager
def unit_of_work(*refusals: type[Exception]) -> Iterator[Session]:
    """A committed session. `refusals` (the storage module's own error), a permission
    refusal and a database that was never initialised become one-line user errors.
    Storage is imported here, not at the top: `radintel --help` must stay fast."""
    from sqlalchemy.exc import OperationalError, ProgrammingError

    from storage.authz import PermissionDenied
    from storage.db import session_scope

    refused: tuple[type[Exception], ...] = (*refusals, PermissionDenied)
    try:
        with session_scope() as session:
            yield session
    except refused as error:
        raise UserError(str(error)) from None
    except (OperationalError, ProgrammingError) as error:
        raise database_not_ready(error) from None


def database_not_ready(error: Exception) -> UserError:
    first = str(error).splitlines()[0][:200]
    return UserError(f"database not ready ({first}); run `radintel init` first")
