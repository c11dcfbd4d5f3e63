"""Security review, item 10: production refuses every documented example or placeholder
secret (read here from the example files and the READMEs), and accepts a real one."""

from __future__ import annotations

import re
import secrets
from pathlib import Path
from urllib.parse import quote

import pytest
from pydantic import SecretStr, ValidationError

from storage.settings import StorageSettings

pytestmark = pytest.mark.security
ROOT = Path(__file__).resolve().parents[2]
DOCUMENTS = (
    "infra/radintel.env.example",
    "infra/minio.env.example",
    "README.md",
    "infra/README.md",
)
SECRET_ASSIGNMENT = re.compile(r"^(?:export )?(\w*(?:SECRET|PASSWORD)\w*)=['\"]?([^'\"\n]+)", re.M)
REAL_SECRET = secrets.token_urlsafe(24)


def documented_secrets() -> dict[str, str]:
    found = {}
    for name in DOCUMENTS:
        for key, value in SECRET_ASSIGNMENT.findall((ROOT / name).read_text("utf-8")):
            found[f"{name}: {key}"] = value.strip()
    return found


def example_database_url() -> str:
    text = (ROOT / "infra/radintel.env.example").read_text("utf-8")
    match = re.search(r"^RADINTEL_DATABASE_URL=(\S+)", text, re.M)
    assert match is not None
    return match.group(1)


def production(secret: str = REAL_SECRET, database_password: str = REAL_SECRET) -> StorageSettings:
    return StorageSettings(
        env="production",
        database_url=f"postgresql+psycopg://radintel:{quote(database_password)}@db:5432/radintel",
        object_store="minio",
        minio_secret_key=SecretStr(secret),
    )


def test_the_documents_hold_the_expected_secrets() -> None:
    keys = {key.split(": ")[1] for key in documented_secrets()}
    assert {"RADINTEL_DB_PASSWORD", "RADINTEL_MINIO_SECRET_KEY", "MINIO_ROOT_PASSWORD"} <= keys


@pytest.mark.parametrize("where", sorted(documented_secrets()))
def test_every_documented_secret_is_refused(where: str) -> None:
    value = documented_secrets()[where]
    with pytest.raises(ValidationError, match="RADINTEL_MINIO_SECRET_KEY is a documented"):
        production(secret=value)
    with pytest.raises(ValidationError, match="password in RADINTEL_DATABASE_URL"):
        production(database_password=value)


@pytest.mark.parametrize("value", ["radintel-dev-secret", "minioadmin", " ", "my-changeme-1"])
def test_defaults_and_empty_secrets_are_refused(value: str) -> None:
    with pytest.raises(ValidationError, match="documented example or placeholder"):
        production(secret=value)


def test_the_example_database_url_is_refused() -> None:
    with pytest.raises(ValidationError, match="password in RADINTEL_DATABASE_URL"):
        StorageSettings(env="production", database_url=example_database_url())


def test_real_secrets_are_accepted() -> None:
    settings = production()
    assert settings.minio_secret_key.get_secret_value() == REAL_SECRET
    assert StorageSettings(env="production", database_url="postgresql+psycopg:///radintel")
