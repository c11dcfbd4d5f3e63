"""The offline twin of the HTTP fetcher, and capped reading of local files.

A FileFetcher serves the URLs of one host from a folder: `/feed/<name>` from its `feed/`,
`/web/<name>` (or just `/<name>`) from its `web/`; any other host or path is a 404. Only plain
file names are accepted, so a URL can never name a file outside those two folders. The ingestion
flows never build one: `radintel demo` (and tests) pass it in explicitly."""

from __future__ import annotations

import hashlib
import mimetypes
import re
from pathlib import Path

import httpx

from flows.fetch.base import CacheEntry, FetchError, FetchResult, too_large

SERVED_FOLDERS = ("feed", "web")
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$")


def read_file_capped(path: Path, cap: int) -> bytes:
    """Read a file of at most `cap` bytes; refuse a bigger one without reading it."""
    if path.stat().st_size > cap:
        raise too_large(cap)
    with path.open("rb") as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise too_large(cap)
    return data


class FileFetcher:
    def __init__(self, root: Path, *, host: str, max_bytes: int) -> None:
        self.root = root.resolve()
        self.host = host.lower()
        self.max_bytes = max_bytes

    def close(self) -> None:
        return None

    def path_for(self, url: str) -> Path:
        parsed = httpx.URL(url)
        if parsed.host.lower() != self.host:
            raise FetchError(f"HTTP 404 from file fetcher: {url[:200]}")
        parts = [part for part in parsed.path.split("/") if part]
        if len(parts) == 2 and parts[0] in SERVED_FOLDERS:
            folder, name = self.root / parts[0], parts[1]
        elif len(parts) == 1:
            folder, name = self.root / "web", parts[0]
        else:
            raise FetchError(f"HTTP 404 from file fetcher: {url[:200]}")
        if not SAFE_NAME.match(name) or ".." in name:
            raise FetchError(f"HTTP 404 from file fetcher: {url[:200]}")
        path = (folder / name).resolve()
        if path.parent != folder.resolve() or not path.is_file():
            raise FetchError(f"HTTP 404 from file fetcher: {url[:200]}")
        return path

    def fetch(
        self, url: str, *, cache: CacheEntry | None = None, allow_private: bool = False
    ) -> FetchResult:
        path = self.path_for(url)
        data = read_file_capped(path, self.max_bytes)
        etag = f'"{hashlib.sha256(data).hexdigest()}"'
        if cache is not None and cache.etag == etag:
            return FetchResult(url=url, final_url=url, not_modified=True, etag=etag)
        content_type = mimetypes.guess_type(path.name)[0]
        return FetchResult(url=url, final_url=url, data=data, content_type=content_type, etag=etag)
