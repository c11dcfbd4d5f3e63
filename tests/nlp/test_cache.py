"""nlp.cache: derived data built once, read back by the next process, rebuilt when its
inputs change or its file is damaged; a cache that cannot be written only costs time."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp import cache
from tests.conftest import clear_caches


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RADINTEL_CACHE_DIR", str(tmp_path / "cache"))
    clear_caches()
    return tmp_path / "cache"


class Builder:
    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_built_once_then_read_back(cache_dir: Path) -> None:
    build = Builder({"lyon": ("FR", 45.76)})
    key = cache.digest(["source", b"data"])
    assert cache.cached("places", key, build) == {"lyon": ("FR", 45.76)}
    assert cache.cached("places", key, build) == {"lyon": ("FR", 45.76)}
    assert build.calls == 1
    assert [p.name for p in cache_dir.iterdir()] == [f"places-{key}.pickle"]


def test_new_inputs_rebuild_and_replace_the_stale_file(cache_dir: Path) -> None:
    cache.cached("places", cache.digest(["v1"]), Builder(1))
    rebuilt = Builder(2)
    assert cache.cached("places", cache.digest(["v2"]), rebuilt) == 2
    assert rebuilt.calls == 1
    assert [p.name for p in cache_dir.iterdir()] == [f"places-{cache.digest(['v2'])}.pickle"]


def test_digest_separates_its_parts() -> None:
    assert cache.digest(["ab", "c"]) != cache.digest(["a", "bc"])
    assert cache.digest(["a"]) == cache.digest([b"a"])


def test_damaged_file_is_rebuilt(cache_dir: Path) -> None:
    key = cache.digest(["x"])
    cache_dir.mkdir()
    (cache_dir / f"places-{key}.pickle").write_bytes(b"\x80\x05 truncated")
    build = Builder([1, 2, 3])
    assert cache.cached("places", key, build) == [1, 2, 3]
    assert cache.cached("places", key, build) == [1, 2, 3]
    assert build.calls == 1


def test_unwritable_folder_still_gives_the_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("RADINTEL_CACHE_DIR", str(blocker / "cache"))
    clear_caches()
    build = Builder("value")
    assert cache.cached("places", cache.digest(["x"]), build) == "value"
    assert cache.cached("places", cache.digest(["x"]), build) == "value"
    assert build.calls == 2


def test_off_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RADINTEL_CACHE_DIR", "off")
    monkeypatch.chdir(tmp_path)
    clear_caches()
    build = Builder("value")
    cache.cached("places", cache.digest(["x"]), build)
    cache.cached("places", cache.digest(["x"]), build)
    assert build.calls == 2
    assert list(tmp_path.iterdir()) == []
