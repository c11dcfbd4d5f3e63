"""Authorisation inside every write: who is acting is re-checked in the action's transaction.

Streamlit runs a button's callback before the page script, so the role check at the top of a
page does not protect its callbacks: a page drawn before an account was disabled, demoted or
lowered in clearance still carries working buttons. Every storage function that writes on
behalf of a person therefore calls `require_actor` first, which re-reads the account from the
database and refuses with `PermissionDenied` when it is missing, disabled, must change the
password an administrator reset, lacks the role, or may not read the finding, document or
incident acted on.

A refusal carries its audit event (action "refused"), which the caller's unit of work commits
after rolling the action back (storage.db.session_scope), so it outlives the action. Something
above the clearance is refused with the same words as a missing id (see storage.clearance):
the refusal tells nobody that it exists.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, select

from nlp.vocabulary import Role, Tlp
from storage.clearance import document_visible, finding_visible, incident_visible
from storage.models import Document, Finding, Incident, ReviewEvent, User

log = logging.getLogger(__name__)

REVIEWERS = frozenset(Role)  # every role may review findings and edit incidents
ADMINS = frozenset({Role.ADMIN})  # user administration
EDITORS = frozenset({Role.EDITOR, Role.ADMIN})  # threat assessments


class Operator(str):
    """The person at the command line, named in the audit trail ("operator", "system").

    They hold the database itself, so there is no account to re-check. A type of its own
    rather than a reserved name: a user called "operator" signed in to the UI is an ordinary
    `str` and is checked like everyone else.
    """


OPERATOR = Operator("operator")
SYSTEM = Operator("system")
SIGNED_OUT = "(signed out)"  # who a refusal names when no account was given


class PermissionDenied(Exception):
    """The acting user may not do this; the message is safe to show them.

    `audit_event` is the refusal for the audit trail. The caller's unit of work
    (storage.db.session_scope) rolls the action back, then commits this event alone: storage
    functions never commit, and a refusal must outlive the action it refused.
    """

    def __init__(self, message: str, audit_event: ReviewEvent) -> None:
        super().__init__(message)
        self.audit_event = audit_event


def require_actor(
    *,
    session: Session,
    username: str,
    roles: Collection[Role],
    action: str,
    finding_id: int | None = None,
    document_ids: Collection[int] = (),
    incident_ids: Collection[int] = (),
    details: Mapping[str, Any] | None = None,
) -> User | None:
    """The acting user, re-read inside the caller's transaction, when they may do `action`
    (on the finding, documents and incidents given); None for the command-line operator.
    `details` goes into the audit event of a refusal (e.g. the user an admin tried to create)."""
    if isinstance(username, Operator):
        return None
    user = session.exec(select(User).where(User.username == username)).first()
    targets = _targets(finding_id, document_ids, incident_ids)
    problem = _account_problem(user, roles)
    if problem is None and user is not None:
        problem = _hidden_target(session, Tlp(user.clearance), targets)
    if problem is not None:
        # The refusal is filed under what was acted on, so it is hidden with it (clearance).
        entity = targets[0] if targets else ("user", (user.id or 0) if user else 0)
        after = {"action": action, **(details or {})}
        log.warning("refused %s by %r: %s", action, username, problem.recorded)
        raise PermissionDenied(
            problem.shown, _refusal_event(username, entity, after, problem.recorded)
        )
    return user


@dataclass(frozen=True)
class _Problem:
    recorded: str  # in the audit trail, for administrators
    shown: str  # to the person refused


def _account_problem(user: User | None, roles: Collection[Role]) -> _Problem | None:
    if user is None:
        return _Problem("unknown user", "Refused: you are not signed in with a known account.")
    if user.disabled:
        return _Problem("account disabled", "Refused: your account is disabled.")
    if user.must_change_password:  # after an administrator's reset: nothing else until done
        return _Problem(
            "must change password", "Refused: choose a new password first (Password page)."
        )
    role = Role(user.role)
    if role not in roles:
        return _Problem(
            f"role {role.value} may not do this",
            f"Refused: your role ({role.value}) may not do this.",
        )
    return None


def _targets(
    finding_id: int | None, document_ids: Collection[int], incident_ids: Collection[int]
) -> list[tuple[str, int]]:
    found = [("finding", finding_id)] if finding_id is not None else []
    return found + [("document", i) for i in document_ids] + [("incident", i) for i in incident_ids]


def _visible(kind: str, ident: int, clearance: Tlp) -> Any:
    if kind == "finding":
        return select(Finding.id).where(col(Finding.id) == ident, finding_visible(clearance))
    if kind == "document":
        return select(Document.id).where(col(Document.id) == ident, document_visible(clearance))
    return select(Incident.id).where(col(Incident.id) == ident, incident_visible(clearance))


def _hidden_target(
    session: Session, clearance: Tlp, targets: list[tuple[str, int]]
) -> _Problem | None:
    """The first target missing or above the clearance: one answer for both (not found)."""
    for kind, ident in targets:
        if session.exec(_visible(kind, ident, clearance)).first() is None:
            recorded = f"{kind} missing or above the clearance {clearance.value}"
            return _Problem(recorded, f"Refused: no {kind} {ident}.")
    return None


def _refusal_event(
    username: str, entity: tuple[str, int], after: dict[str, Any], reason: str
) -> ReviewEvent:
    return ReviewEvent(
        username=username[:64] or SIGNED_OUT,
        action="refused",
        entity_type=entity[0],
        entity_id=entity[1],
        after=after,
        reason=reason,
    )
