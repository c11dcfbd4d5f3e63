"""What every fetcher returns, the errors it raises, and the interface it implements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


class FetchError(Exception):
    """A permanent refusal or failure (guard, size cap, HTTP 4xx): retrying will not help.
    The message is shown to operators."""


class TransientFetchError(FetchError):
    """A failure that may pass (timeout, connection refused, HTTP 5xx or 429)."""


@dataclass(frozen=True)
class CacheEntry:
    etag: str | None = None
    last_modified: str | None = None

    @classmethod
    def from_json(cls, value: Any) -> CacheEntry | None:
        if not isinstance(value, dict):
            return None
        return cls(etag=value.get("etag"), last_modified=value.get("last_modified"))


@dataclass(frozen=True)
class FetchResult:
    url: str  # as requested
    final_url: str  # after redirects
    data: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


class Fetcher(Protocol):
    def fetch(
        self, url: str, *, cache: CacheEntry | None = None, allow_private: bool = False
    ) -> FetchResult:
        """Fetch `url`; raise FetchError (or TransientFetchError) with a readable reason."""

    def close(self) -> None: ...


def too_large(cap: int) -> FetchError:
    return FetchError(f"too large: >{cap} bytes")
