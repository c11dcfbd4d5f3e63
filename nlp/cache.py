"""Derived data kept on disk between processes: built once (seconds), then read back (tens of
milliseconds). Used for what every extraction process would otherwise rebuild at start-up:
the place index and the prototype sentence vectors.

Each file is named by a digest of everything its data is derived from (source files, package
versions, inputs), so a change to any of them builds a new file. A missing or unreadable
file is rebuilt; a failed write is logged and ignored: the cache only ever saves time. The
files are pickles, read only from RADINTEL_CACHE_DIR (default ~/.cache/radintel), a folder
this user owns: whoever can write there can already run code as this user."""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from nlp.settings import get_nlp_settings

FORMAT = "1"  # bump when the way files are written changes
T = TypeVar("T")
log = logging.getLogger(__name__)


def digest(parts: Iterable[str | bytes]) -> str:
    """A stable key for the inputs of a derived value."""
    hasher = hashlib.sha256(FORMAT.encode())
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big") + data)
    return hasher.hexdigest()[:32]


def cached(name: str, key: str, build: Callable[[], T]) -> T:
    """The value stored under `name` and `key`, or `build()`'s, stored for the next process."""
    folder = get_nlp_settings().cache_dir
    if folder is None:
        return build()
    path = folder / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as stream:
            value: T = pickle.load(stream)
        return value
    except FileNotFoundError:
        pass
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as error:
        log.warning("cache file %s unreadable (%s): rebuilding it", path, error)
    value = build()
    _store(folder, name, path, value)
    return value


def _store(folder: Path, name: str, path: Path, value: object) -> None:
    """Write atomically (another process may be reading), then drop stale versions."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=f".{name}-", delete=False) as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(out.name, path)
        for stale in folder.glob(f"{name}-*.pickle"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as error:
        log.warning("cache file %s not written (%s)", path, error)
