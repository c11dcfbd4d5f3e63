"""Required literals of a regular expression: casefolded strings one of which every match holds.

A rule whose anchors are all absent from `text.casefold()` cannot match, so its regex need not
run. The analysis is conservative: when it cannot prove a small set of strings of two or more
characters, it returns () and the pattern is scanned as before.

Built on `re._parser`, CPython 3.11's private regex parser: it is not a public API and may
change between Python versions, so any failure of the analysis gives () rather than an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _parser as sre  # type: ignore[attr-defined]  # private, see the docstring

MIN_LENGTH = 2  # an anchor of one character would rarely let a rule be skipped
MAX_ANCHORS = 40  # more strings cost more `in` tests than they save
MAX_CLASS_PRODUCT = 16  # how many spellings a literal run with classes ([âa], [Rr]) may have

# With re.IGNORECASE, 'i' and 'I' also match 'İ' (U+0130) and 'ı' (U+0131), and 'ı' matches
# 'i' and 'I', but the casefolds differ ('i', 'i̇', 'ı'): an anchor holding any of these four
# could be missing from the folded text of a real match. No other character has this problem
# (tests/nlp/test_regex_literals.py checks every code point), so these four break a literal
# run whatever the flags (case-sensitive rules lose little by it).
UNSAFE = frozenset("iIİı")

_UNSAFE_FOLDED = re.compile("[" + "".join(sorted(set("".join(UNSAFE).casefold()))) + "]")

Requirement = frozenset[str] | None  # any one of the strings must occur; None: nothing known
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Casefolded strings one of which every match of `pattern` contains, or () if unknown."""
    try:
        parsed = sre.parse(pattern.pattern, pattern.flags)
        found = _sequence(parsed.data)
    except Exception:  # the private parser's tree is not a stable interface: never fail a rule
        return ()
    if not found or len(found) > MAX_ANCHORS or min(map(len, found)) < MIN_LENGTH:
        return ()
    return tuple(sorted(_shortest(found)))


def may_match(anchors: tuple[str, ...], folded: str) -> bool:
    """False when no anchor is in `folded` (the casefolded text): the pattern they were
    derived from cannot match it. No anchors prove nothing: the pattern must run."""
    return not anchors or any(anchor in folded for anchor in anchors)


def safe_anchors(words: Iterable[str]) -> tuple[str, ...]:
    """Hand-written anchors made safe: each word's longest piece between the characters a
    casefolded UNSAFE character leaves ('i', 'ı', and the dot of 'i̇'), or () when a piece
    would be too short to anchor on (the rule is then scanned on every text)."""
    pieces = []
    for word in words:
        longest = max(_UNSAFE_FOLDED.split(word.casefold()), key=len)
        if len(longest) < MIN_LENGTH:
            return ()
        pieces.append(longest)
    return tuple(dict.fromkeys(pieces))


def _shortest(strings: frozenset[str]) -> set[str]:
    """Drops a string holding another one of the set: finding the shorter one is enough."""
    return {s for s in strings if not any(t != s and t in s for t in strings)}


def _sequence(items: list[tuple[object, object]]) -> Requirement:
    """The best requirement of a concatenation: its longest literal run or one item's."""
    candidates: list[Requirement] = []
    run: list[str] = []  # the spellings of the current run of literals
    for op, arg in items:
        chars = _literal_chars(op, arg)
        if chars and (not run or len(run) * len(chars) <= MAX_CLASS_PRODUCT):
            run = [prefix + c for prefix in run or ("",) for c in chars]
            continue
        candidates.append(frozenset(run))
        run = list(chars or ())
        if chars is None:
            candidates.append(_item(op, arg))
    candidates.append(frozenset(run))
    return _best(candidates)


def _literal_chars(op: object, arg: object) -> tuple[str, ...] | None:
    """The casefolded characters a LITERAL or a small class of literals can match, else None."""
    if op is sre.LITERAL and isinstance(arg, int):  # most items: kept cheap for start-up
        c = chr(arg)
        return None if c in UNSAFE else (c.casefold(),)
    if op is sre.IN and isinstance(arg, list) and all(o is sre.LITERAL for o, _ in arg):
        chars = {chr(code) for _, code in arg}
        return None if chars & UNSAFE else tuple({c.casefold() for c in chars})
    return None


def _item(op: object, arg: object) -> Requirement:
    """The requirement of one non-literal item of a sequence."""
    if op is sre.SUBPATTERN and isinstance(arg, tuple):
        return _sequence(arg[-1].data)
    if op is sre.ATOMIC_GROUP and isinstance(arg, sre.SubPattern):
        return _sequence(arg.data)
    if op is sre.BRANCH and isinstance(arg, tuple):
        return _union(_sequence(branch.data) for branch in arg[1])
    if op in _REPEATS and isinstance(arg, tuple) and arg[0] >= 1:
        return _sequence(arg[2].data)
    return None  # optional repeats, lookarounds, AT, ANY, categories, NOT_LITERAL, group refs


def _union(requirements: Iterable[Requirement]) -> Requirement:
    """Alternatives: a match holds one branch's string, so all branches must know one."""
    union: set[str] = set()
    for requirement in requirements:
        if not requirement:
            return None
        union |= requirement
        if len(union) > MAX_ANCHORS:
            return None
    return frozenset(union)


def _best(candidates: list[Requirement]) -> Requirement:
    """The candidate whose shortest string is longest (fewer strings break ties)."""
    known = [c for c in candidates if c and len(c) <= MAX_ANCHORS]
    if not known:
        return None
    return max(known, key=lambda c: (min(len(s) for s in c), -len(c)))
