"""Password strength rules, kept to the standard library (no zxcvbn dependency).

A password passes when it is long enough, is not a well-known password (ignoring case and
trailing digits or punctuation), does not contain the username, and either mixes three
kinds of character or is a long passphrase.
"""

from __future__ import annotations

import string

MIN_LENGTH = 12
PASSPHRASE_LENGTH = 16  # from this length, a passphrase of lower-case words is accepted
MIN_DISTINCT_CHARACTERS = 6
CHARACTER_CLASSES = (string.ascii_lowercase, string.ascii_uppercase, string.digits)
# The most used passwords, and the examples in this project's documentation.
COMMON_PASSWORDS = frozenset(
    {
        "123456789012", "1234567890", "abc123", "admin", "administrator", "changeme",
        "change-me", "correcthorsebatterystaple", "correct horse battery staple", "dragon",
        "football", "iloveyou", "letmein", "master", "monkey", "passw0rd", "password",
        "princess", "qwerty", "qwertyuiop", "qwertyuiopasdfghjkl", "radintel", "secret",
        "shadow", "sunshine", "superman", "trustno1", "welcome", "whatever", "azerty",
        "azertyuiop", "motdepasse", "contraseña", "a long random secret",
        "radintel-dev-secret", "minioadmin",
    }
)  # fmt: skip


def _classes(password: str) -> int:
    kinds = sum(any(c in chars for c in password) for chars in CHARACTER_CLASSES)
    others = any(not c.isascii() or not c.isalnum() for c in password)
    return kinds + others


def password_problem(password: str, *, username: str) -> str | None:
    """Why `password` is too weak for `username`, or None when it is acceptable."""
    lowered = password.lower()
    if len(password) < MIN_LENGTH:
        return f"password: at least {MIN_LENGTH} characters"
    stripped = lowered.rstrip(string.digits + string.punctuation + " ")
    if {lowered, stripped} & COMMON_PASSWORDS:
        return "password: this is a commonly used password"
    if len(username) >= 3 and username.lower() in lowered:
        return "password: must not contain the username"
    if len(set(lowered)) < MIN_DISTINCT_CHARACTERS:
        return f"password: at least {MIN_DISTINCT_CHARACTERS} different characters"
    if _classes(password) < 3 and len(password) < PASSPHRASE_LENGTH:
        return (
            "password: mix three of lower-case, upper-case, digits and symbols, "
            f"or use a passphrase of {PASSPHRASE_LENGTH}+ characters"
        )
    return None
