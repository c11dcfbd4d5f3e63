"""Settings of the storage package: database, data folder and object store."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_MINIO_SECRET = "radintel-dev-secret"
# Refused as secrets in production: the development default and every example or placeholder
# in README.md and infra/*.env.example (tests/storage/test_settings_security.py reads those
# files and fails when one of their secrets is not caught here).
PLACEHOLDER_FRAGMENTS = (
    DEFAULT_MINIO_SECRET,
    "change-me",
    "changeme",
    "example",
    "placeholder",
    "a long random secret",
    "minioadmin",
)


def is_placeholder(secret: str) -> bool:
    """True when `secret` is empty or contains a documented example or placeholder."""
    lowered = secret.strip().lower()
    return not lowered or any(fragment in lowered for fragment in PLACEHOLDER_FRAGMENTS)


def database_password(url: str) -> str | None:
    password = urlsplit(url).password
    return unquote(password) if password is not None else None


class StorageSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RADINTEL_", env_file=".env", extra="ignore")

    env: Literal["development", "test", "production"] = "development"
    data_dir: Path = Path("var")
    database_url: str | None = None
    object_store: Literal["local", "minio"] = "local"
    minio_endpoint: str = "127.0.0.1:9000"
    minio_access_key: str = "radintel"
    minio_secret_key: SecretStr = SecretStr(DEFAULT_MINIO_SECRET)
    minio_bucket: str = "radintel"
    minio_secure: bool = False
    minio_region: str = "us-east-1"

    @model_validator(mode="after")
    def _refuse_unsafe_production(self) -> StorageSettings:
        if self.env != "production":
            return self
        if self.database_url is None or self.database_url.startswith("sqlite"):
            raise ValueError("RADINTEL_DATABASE_URL must name a server database in production")
        password = database_password(self.database_url)
        if password is not None and is_placeholder(password):
            raise ValueError("the password in RADINTEL_DATABASE_URL is a documented placeholder")
        if self.object_store == "minio" and is_placeholder(
            self.minio_secret_key.get_secret_value()
        ):
            raise ValueError("RADINTEL_MINIO_SECRET_KEY is a documented example or placeholder")
        return self

    @property
    def resolved_database_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'radintel.db').resolve()}"

    @property
    def objects_dir(self) -> Path:
        return self.data_dir / "objects"


@lru_cache
def get_storage_settings() -> StorageSettings:
    return StorageSettings()
