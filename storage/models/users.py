from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from nlp.vocabulary import Role, Tlp
from storage.models._base import utcnow


class UserBase(SQLModel):
    username: str = Field(index=True, unique=True, max_length=64)
    role: Role = Field(default=Role.ANALYST)
    clearance: Tlp = Tlp.GREEN  # the most restrictive TLP marking the user may read
    disabled: bool = False
    email: str | None = Field(default=None, max_length=254)  # where alert notifications go


class User(UserBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    password_hash: str
    created_at: datetime = Field(default_factory=utcnow)
    must_change_password: bool = False  # set by an administrator's reset


class SignInAttempt(SQLModel, table=True):
    """Every sign-in attempt, for throttling and the security log.

    `throttled` marks an attempt refused without checking the password because the username
    or the client address had to wait; such refusals never extend the wait.
    """

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, max_length=64)
    client_address: str | None = Field(default=None, index=True, max_length=64)
    at: datetime = Field(default_factory=utcnow, index=True)
    succeeded: bool
    throttled: bool = False


class UiSession(SQLModel, table=True):
    """A signed-in browser session of the review UI.

    The browser holds a random token in a cookie; only its SHA-256 is stored, so a copy of
    the database cannot be used to take over a session.
    """

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(index=True, unique=True, max_length=64)
    username: str = Field(index=True, max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    revoked_at: datetime | None = None
