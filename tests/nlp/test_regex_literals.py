"""Required literals of a regex: what the analysis proves, and where it must give up."""

from __future__ import annotations

import _sre
import re
from re import _casefix  # type: ignore[attr-defined]  # private CPython 3.11: re's case table

import pytest

from nlp.regex_literals import UNSAFE, required_literals


def literals(pattern: str, flags: int = 0) -> tuple[str, ...]:
    return required_literals(re.compile(pattern, flags))


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        ("red mercury", 0, ("red mercury",)),
        ("uranium oxide", 0, ("um ox",)),  # i, I, İ and ı end a run (see the Turkish i below)
        ("Uran", 0, ("uran",)),  # casefolded even when the pattern is case-sensitive
        ("Quecksalber", re.IGNORECASE, ("quecksalber",)),
        ("straße", re.IGNORECASE, ("strasse",)),  # casefold, not lower: 'ß' folds to 'ss'
        ("yellow|cake", 0, ("cake", "yellow")),  # alternation: the union of the branches
        ("theft|stolen|stole", 0, ("stole", "theft")),  # 'stolen' holds 'stole'
        ("steal|stole", 0, ("eal", "ole")),  # re's parser takes the common "st" out first
        ("(?:radioactive )?cobalt", 0, ("cobalt",)),  # an optional group is not required
        ("ab(?:cdef)?", 0, ("ab",)),
        ("(?:abc)+x", 0, ("abc",)),  # a repeat of at least one: its inner requirement
        ("(?:abc)*xy", 0, ("xy",)),
        ("(?>gauge)", 0, ("gauge",)),
        ("ur[âa]nyum", 0, ("uranyum", "urânyum")),
        ("[Gg]auge", 0, ("gauge",)),  # a case pair folds to one spelling
        ("gamm[ao]graf", 0, ("gammagraf", "gammograf")),
        ("ab[^c]xyz", 0, ("xyz",)),  # NOT_LITERAL breaks the run; the longest run wins
        (r"xy\wz", 0, ("xy",)),  # categories break the run
        ("xyz.ab", 0, ("xyz",)),  # ANY breaks the run
        (r"(?<!\w)ab(?!\w)", 0, ("ab",)),
        (r"(?i)(?<!\w)theft(?!\w)", 0, ("theft",)),
        ("(?i:URAN)ium", 0, ("uran",)),
    ],
)
def test_required_literals(pattern: str, flags: int, expected: tuple[str, ...]) -> None:
    assert literals(pattern, flags) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        "a",  # one character is too short to be worth a test
        "ab|c",  # one branch knows only one character
        "ab|c*",  # one branch knows nothing
        "(?:abc)?",  # optional: an empty match holds no literal
        "(?:abc){0,3}",
        "(?=abc)",  # lookarounds are not part of the match
        "(?<=abc)x",
        "(?!abc)",
        r"(a)\1",  # a group reference is not analysed
        r"\w+",
        "[a-z]+",  # a range is not a small set of literals
        "[^ab]c",
        "|".join(f"{n:02d}ab" for n in range(41)),  # 41 strings are too many
    ],
)
def test_no_requirement(pattern: str) -> None:
    assert literals(pattern) == ()


def test_class_product_is_capped() -> None:
    # 5 two-way classes would need 32 spellings: the run is cut, a shorter one is kept
    found = literals("[ab][cd][ef][gh][jk]xyz")
    assert found and len(found) <= 16
    assert all(len(s) >= 2 for s in found)


def test_unparsable_pattern_gives_nothing() -> None:
    class Fake:
        pattern = "(unclosed"
        flags = 0

    assert required_literals(Fake()) == ()  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("iridyum", "İRİDYUM"),  # Turkish capital dotted I: casefold gives 'i̇'
        ("IRIDYUM", "ırıdyum"),  # Turkish dotless i matches 'I' under IGNORECASE
        ("ışınlayıcı", "IŞINLAYICI"),
        ("ışınlayıcı", "işinlayici"),
        ("zenginleştirilmiş uranyum", "ZENGİNLEŞTİRİLMİŞ URANYUM"),
        ("silah s[ıi]n[ıi]f[ıi]", "SİLAH SINIFI"),
    ],
)
def test_turkish_i_never_in_an_anchor(pattern: str, text: str) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    match = regex.search(text)
    assert match, "the example must match, or it proves nothing"
    anchors = required_literals(regex)
    assert anchors
    assert not any(UNSAFE.intersection(anchor) for anchor in anchors)
    assert any(anchor in match.group().casefold() for anchor in anchors)


def test_unsafe_characters_are_exactly_the_turkish_i() -> None:
    """Every code point: a character is safe in an anchor when all characters re.IGNORECASE
    takes for it casefold to the same string. re lowercases both sides (_sre.unicode_tolower)
    and adds the equivalences of re._casefix._EXTRA_CASES, keyed by lowercase code."""
    by_lower: dict[int, set[str]] = {}
    for code in range(0x110000):
        by_lower.setdefault(_sre.unicode_tolower(code), set()).add(chr(code).casefold())
    unsafe = set()
    for code in range(0x110000):
        lower = _sre.unicode_tolower(code)
        folds = set(by_lower[lower])
        for other in _casefix._EXTRA_CASES.get(lower, ()):
            folds |= by_lower.get(other, set())
        if folds != {chr(code).casefold()}:
            unsafe.add(chr(code))
    assert unsafe == set(UNSAFE)
