"""Entity rules for Georgian, which has no capitals: people by their surname endings (-ძე and
-შვილი on their own; -ია, -ანი, -ური... only after a reporting verb, title or role), with the
case ending kept in the span as for places ("ბერიძემ"); organisations by a head word closing
the name (სამინისტრო, ინსტიტუტი...) after genitive or adjective modifiers ("შინაგან საქმეთა
სამინისტრომ"), or by a trigger before it ("კომპანიიდან რუსთავის ფოლადი")."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from nlp.entity_rules_base import Candidate, Token, repeated, resolve
from nlp.places import lookup_place

_GEORGIAN = re.compile(r"^[\u10d0-\u10ff]+$")


@dataclass(frozen=True)
class GeorgianRules:
    surname_strong: re.Pattern[str]
    surname_weak: re.Pattern[str]
    person_cues: frozenset[str]
    stop: frozenset[str]
    org_heads: tuple[str, ...]  # stems: the head carries a case ending ("სამინისტრომ")
    org_modifier: re.Pattern[str]
    org_triggers: frozenset[str]
    genitive: re.Pattern[str]
    adverbial: re.Pattern[str]  # place cases (-ში "in", -დან "from"): where, not which firm


def georgian_rules(data: dict[str, Any]) -> GeorgianRules:
    return GeorgianRules(
        surname_strong=re.compile(data["surname_strong"]),
        surname_weak=re.compile(data["surname_weak"]),
        person_cues=frozenset(data["person_cues"]),
        stop=frozenset(data["stop"]),
        org_heads=tuple(data["org_heads"]),
        org_modifier=re.compile(data["org_modifier"]),
        org_triggers=frozenset(data["org_triggers"]),
        genitive=re.compile(data["genitive"]),
        adverbial=re.compile(data["adverbial"]),
    )


def georgian_candidates(
    text: str, tokens: Sequence[Token], rules: GeorgianRules
) -> list[Candidate]:
    found = [*_people(tokens, rules), *_heads(tokens, rules), *_triggered(tokens, rules)]
    kept = resolve(found)
    found.extend(repeated(text, kept, "PERSON", 0.6, surnames=True))
    return found


def _word(tokens: Sequence[Token], i: int) -> bool:
    return 0 <= i < len(tokens) and bool(_GEORGIAN.match(tokens[i].text))


def _people(tokens: Sequence[Token], rules: GeorgianRules) -> list[Candidate]:
    found = []
    for i in range(len(tokens) - 1):
        first, last = tokens[i].text, tokens[i + 1].text
        if not (_word(tokens, i) and _word(tokens, i + 1)):
            continue
        if first in rules.stop or first in rules.person_cues or len(first) < 3:
            continue
        cued = any(
            _word(tokens, k) and tokens[k].text in rules.person_cues for k in (i - 1, i - 2, i + 2)
        )
        surname = rules.surname_strong.search(last) or (cued and rules.surname_weak.search(last))
        if surname and lookup_place(f"{first} {last}") is None:
            found.append(Candidate("PERSON", tokens[i].start, tokens[i + 1].end, 0.7))
    return found


def _heads(tokens: Sequence[Token], rules: GeorgianRules) -> list[Candidate]:
    found = []
    for i, token in enumerate(tokens):
        if not token.text.startswith(rules.org_heads):
            continue
        start = i
        while (
            start > i - 3
            and _word(tokens, start - 1)
            and tokens[start - 1].text not in rules.stop
            and rules.org_modifier.search(tokens[start - 1].text)
        ):
            start -= 1
        if start < i:  # a bare "სამინისტრომ" is not a name
            found.append(Candidate("ORG", tokens[start].start, token.end, 0.75))
    return found


def _triggered(tokens: Sequence[Token], rules: GeorgianRules) -> list[Candidate]:
    found = []
    for i, token in enumerate(tokens[:-1]):
        if token.text not in rules.org_triggers or not _word(tokens, i + 1):
            continue
        name = tokens[i + 1]
        if name.text in rules.stop or rules.adverbial.search(name.text):
            continue
        if lookup_place(name.text) is not None:
            continue
        end = i + 1
        if rules.genitive.search(name.text) and _word(tokens, i + 2):
            end = i + 2  # "რუსთავის ფოლადი": a genitive opens a two-word name
        found.append(Candidate("ORG", name.start, tokens[end].end, 0.7))
    return found
