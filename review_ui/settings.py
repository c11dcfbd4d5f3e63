"""Settings of the review UI (RADINTEL_UI_ prefix), read through a cached getter."""

from __future__ import annotations

from functools import lru_cache

from pydantic_settings import BaseSettings, SettingsConfigDict


class UiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="RADINTEL_UI_", env_file=".env", extra="ignore")

    session_lifetime_minutes: int = 8 * 60  # signed out at the latest after this
    idle_timeout_minutes: int = 30  # signed out after this long without any action
    page_size: int = 50
    host: str = "127.0.0.1"
    port: int = 8501
    # True only when the UI is reachable solely through a reverse proxy that sets
    # X-Forwarded-For (infra/Caddyfile); otherwise a client could choose its own address.
    trust_forwarded_for: bool = False


@lru_cache
def get_ui_settings() -> UiSettings:
    return UiSettings()
