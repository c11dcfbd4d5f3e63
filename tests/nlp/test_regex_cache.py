"""nlp.regex_cache: a long pattern built from its cached program is the pattern a fresh
compilation gives (CPython's Pattern.__eq__ compares flags, source and program)."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

from nlp import regex_cache
from nlp.regex_cache import LONG_PATTERN_CHARS, programs_from_cache
from tests.conftest import clear_caches

WORDS = [f"w{n:05d}" for n in range(LONG_PATTERN_CHARS // 6)]
# Named and numbered groups, classes, flags set inline: every part of what is cached.
LONG = r"(?iu)(?P<word>\b(?:" + "|".join(WORDS) + r")\b)(?:[-‐‑](\d+))?"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RADINTEL_CACHE_DIR", str(tmp_path / "cache"))
    clear_caches()
    re.purge()  # re keeps its own cache of compiled patterns within the process
    return tmp_path / "cache"


def compiled_in_block() -> re.Pattern[str]:
    re.purge()
    with programs_from_cache():
        return re.compile(LONG)


def test_the_cached_program_builds_the_same_pattern(cache_dir: Path) -> None:
    assert len(LONG) > LONG_PATTERN_CHARS
    first = compiled_in_block()  # compiled, its program stored
    assert [p.name.startswith("regex-") for p in cache_dir.iterdir()] == [True]
    second = compiled_in_block()  # built from the file
    re.purge()
    fresh = re.compile(LONG)
    assert first == fresh and second == fresh
    match = second.search("see W00042-7 and w99999")
    assert match is not None and match.group("word", 2) == ("W00042", "7")
    assert second.groupindex == fresh.groupindex and second.flags == fresh.flags


def test_short_patterns_and_code_outside_the_block_are_left_alone(cache_dir: Path) -> None:
    with programs_from_cache():
        re.compile(r"\bcs-?137\b" + "x" * 10)
    re.purge()
    re.compile(LONG)
    assert not cache_dir.exists() or not any(cache_dir.iterdir())


def test_a_damaged_program_is_compiled_again(
    cache_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    compiled_in_block()
    [stored] = cache_dir.iterdir()
    flags, code, groups, names, indexes = pickle.loads(stored.read_bytes())
    stored.write_bytes(pickle.dumps((flags, code[: len(code) // 2], groups, names, indexes)))
    re.purge()
    assert compiled_in_block() == re.compile(LONG)
    assert "program rejected" in caplog.text


def test_the_french_tokenizer_expression_comes_from_the_cache(cache_dir: Path) -> None:
    """The expression that made this module worth having: spaCy's French token_match, built
    while the French place model loads (in a fresh interpreter, since spaCy's language
    modules are imported once per process)."""
    import subprocess
    import sys

    script = (
        "from nlp.place_models import load_place_model; "
        "nlp = load_place_model('fr'); "
        'print([t.text for t in nlp.tokenizer("Il s\'est rendu à Saint-Étienne-du-Rouvray.")])'
    )
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        for _ in range(2)  # the first stores the program, the second reads it
    ]
    assert runs[0].stdout == runs[1].stdout
    assert "'Saint-Étienne-du-Rouvray'" in runs[0].stdout
    assert [p.name.startswith("regex-") for p in cache_dir.iterdir()] == [True]
    assert regex_cache.LONG_PATTERN_CHARS < 1_400_000  # the French expression is 1.4 MB
