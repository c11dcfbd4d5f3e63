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


class User(UserBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    password_hash: str
    created_at: datetime = Field(default_factory=utcnow)


class SignInAttempt(SQLModel, table=True):
    """Every sign-in attempt, for rate limiting and the security log."""

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(index=True, max_length=64)
    at: datetime = Field(default_factory=utcnow, index=True)
    succeeded: bool


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
