"""Entity rules for Arabic, which has no capitals: names are delimited by the article ال,
the genitive ل/لل, the conjunction و, stop words and punctuation. Heads (هيئة، وزارة،
ميناء، البحر...) open a name; triggers (شركة، منطقة) and titles/roles (المهندس، المتحدث
باسم...) precede one. One-letter proclitics (و، ب، ل، ف، ك) stay outside the span."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from nlp.entity_rules_base import Candidate, Phrases, Token, repeated, resolve
from nlp.places import lookup_place

_PROCLITICS = ("وب", "ول", "فب", "فل", "و", "ب", "ل", "ف", "ك")
_TATWEEL = "ـ"


@dataclass(frozen=True)
class ArabicRules:
    stop: frozenset[str]
    connectors: frozenset[str]
    org_heads: Phrases
    weak_heads: Phrases
    org_triggers: Phrases
    fac_heads: Phrases
    fac_if_contains: frozenset[str]
    loc_heads: Phrases
    loc_triggers: Phrases
    titles: Phrases
    roles: Phrases
    complements: frozenset[str]
    named: Phrases
    joiners: frozenset[str]
    locations: re.Pattern[str] | None


def arabic_rules(data: dict[str, Any]) -> ArabicRules:
    def phrases(key: str) -> Phrases:
        return Phrases(data.get(key) or [], case_sensitive=True)

    return ArabicRules(
        stop=frozenset(data["stop"]),
        connectors=frozenset(data["connectors"]),
        org_heads=phrases("org_heads"),
        weak_heads=phrases("org_heads_weak"),
        org_triggers=phrases("org_triggers"),
        fac_heads=phrases("fac_heads"),
        fac_if_contains=frozenset(data["fac_if_contains"]),
        loc_heads=phrases("loc_heads"),
        loc_triggers=phrases("loc_triggers"),
        titles=phrases("person_titles"),
        roles=phrases("person_roles"),
        complements=frozenset(data["role_complements"]),
        named=phrases("person_named"),
        joiners=frozenset(data["name_joiners"]),
        locations=_locations(data.get("locations") or []),
    )


def _locations(words: Sequence[str]) -> re.Pattern[str] | None:
    """Whole words, or after one attached proclitic ("والشرق الأوسط")."""
    if not words:
        return None
    ordered = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(r"(?:(?<!\w)|(?<=(?<!\w)[وبلفك]))(?:" + ordered + r")(?!\w)")


def arabic_candidates(text: str, tokens: Sequence[Token], rules: ArabicRules) -> list[Candidate]:
    found: list[Candidate] = []
    for i in range(len(tokens)):
        found.extend(_at(tokens, i, rules))
    if rules.locations is not None:
        found.extend(
            Candidate("LOC", m.start(), m.end(), 0.75) for m in rules.locations.finditer(text)
        )
    kept = resolve(found)
    found.extend(repeated(text, kept, "PERSON", 0.6, surnames=False))
    found.extend(repeated(text, kept, "ORG", 0.65, surnames=False))
    return found


def _match(phrases: Phrases, tokens: Sequence[Token], i: int) -> tuple[int, int]:
    """(tokens matched, characters of proclitic before the match) for an entry at tokens[i],
    with or without one attached proclitic."""
    for skip, word in _variants(tokens[i].text):
        m = phrases.match(tokens, i, word)
        if m:
            return m, skip
    return 0, 0


@lru_cache(maxsize=4096)
def _variants(word: str) -> tuple[tuple[int, str], ...]:
    """The word, then the word without each proclitic it may start with."""
    variants = [(0, word)]
    for prefix in _PROCLITICS:
        for joined in (prefix + _TATWEEL, prefix):
            if word.startswith(joined) and len(word) > len(joined) + 1:
                variants.append((len(joined), word[len(joined) :]))
    return tuple(variants)


def _at(tokens: Sequence[Token], i: int, rules: ArabicRules) -> list[Candidate]:
    found = []
    for heads, label, least in ((rules.org_heads, "ORG", 1), (rules.weak_heads, "ORG", 2)):
        m, skip = _match(heads, tokens, i)
        if m and _definite_head(tokens, i, m):
            end = _extend(tokens, i + m, rules, bare=0 if _has_article(tokens[i].text) else 1)
            if end - (i + m) >= least:
                found.append(_span(tokens, i, skip, end, label, 0.8, rules))
    for heads, label in ((rules.fac_heads, "FAC"), (rules.loc_heads, "LOC")):
        m, skip = _match(heads, tokens, i)
        if m:
            end = _name(tokens, i + m, rules, genitive=label == "FAC")
            if end > i + m:
                found.append(_span(tokens, i, skip, end, label, 0.8, rules))
    for triggers, label in ((rules.org_triggers, "ORG"), (rules.loc_triggers, "LOC")):
        m, _ = _match(triggers, tokens, i)
        if m:
            end = _name(tokens, i + m, rules, genitive=label == "ORG")
            single_bare = end == i + m + 1 and not _has_article(tokens[i + m].text)
            if end > i + m and not single_bare:
                found.append(_span(tokens, i + m, 0, end, label, 0.75, rules))
    found.extend(_person(tokens, i, rules))
    return [c for c in found if c.label != "LOC" or _not_place(tokens, c)]


def _not_place(tokens: Sequence[Token], candidate: Candidate) -> bool:
    words = [t.text for t in tokens if candidate.start <= t.start and t.end <= candidate.end]
    return lookup_place(" ".join(words)) is None


def _span(
    tokens: Sequence[Token],
    i: int,
    skip: int,
    end: int,
    label: str,
    confidence: float,
    rules: ArabicRules,
) -> Candidate:
    words = {t.text for t in tokens[i:end]}
    if label == "ORG" and words & rules.fac_if_contains:
        label = "FAC"
    return Candidate(label, tokens[i].start + skip, tokens[end - 1].end, confidence)


def _has_article(word: str) -> bool:
    return word.startswith("ال") and len(word) > 3


def _genitive(word: str) -> bool:
    return word.startswith(("لل", "ل")) and len(word) > 3


def _word(token: Token, rules: ArabicRules) -> bool:
    return token.text.isalpha() and token.text not in rules.stop


def _extend(
    tokens: Sequence[Token], j: int, rules: ArabicRules, *, genitive: bool = True, bare: int = 1
) -> int:
    """End of the words continuing a name: ال-words, ل-genitives, و + ال-word, في/على +
    ال-word, and `bare` bare nouns of a construct chain each followed by an ال-word."""
    end = k = j
    # A name ends with its line or sentence ("المكتب المركزي الوطني في الأردن" above "الموضوع:").
    while k < len(tokens) and k - j < 10 and not tokens[k].initial:
        word = tokens[k].text
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        nxt_article = nxt is not None and _word(nxt, rules) and _has_article(nxt.text)
        if word in rules.connectors and nxt_article and k > j:
            k += 1
            continue
        if not _word(tokens[k], rules):
            break
        joined = word[0] == "و" and _has_article(word[1:])
        if _has_article(word) or (genitive and _genitive(word)) or joined:
            end = k = k + 1
        elif bare > 0 and nxt_article and not word.startswith("و"):
            bare -= 1
            k += 1
        else:
            break
    return end


def _adjective(word: str) -> bool:
    return _has_article(word) and word.endswith(("ي", "ة", "ية"))


def _name(tokens: Sequence[Token], j: int, rules: ArabicRules, *, genitive: bool) -> int:
    """A proper name after a head or trigger: one word of any kind, then continuing words;
    a second bare word is allowed after a bare first one ("عين شمس"), never after a word
    with the article, which closes the name ("ميناء العقبة", not "ميناء العقبة صندوقا")."""
    first = tokens[j] if j < len(tokens) else None
    if first is None or first.initial or not _word(first, rules) or first.text.startswith("و"):
        return j
    end = _extend(tokens, j + 1, rules, genitive=genitive)
    second = tokens[end] if end == j + 1 and end < len(tokens) else None
    if (
        second is not None
        and not _has_article(first.text)  # a word with the article closes the name
        and not second.initial
        and _word(second, rules)
        and not second.text.startswith(("و", "ل", "ب"))
        and not _has_article(second.text)
    ):
        end += 1
    return end


def _definite_head(tokens: Sequence[Token], i: int, m: int) -> bool:
    """A head with the article ("الهيئة") names an organisation only when an adjective or a
    genitive follows ("الهيئة العراقية"); otherwise it refers back to one."""
    if not _has_article(tokens[i].text) or m > 1 or i + 1 >= len(tokens):
        return True
    following = tokens[i + 1].text
    return _adjective(following) or _genitive(following)


def _person(tokens: Sequence[Token], i: int, rules: ArabicRules) -> list[Candidate]:
    m, _ = _match(rules.titles, tokens, i)
    if m:
        return _person_name(tokens, i + m, rules, 1, 0.8)
    m, _ = _match(rules.named, tokens, i)
    if m:
        return _person_name(tokens, i + m, rules, 1, 0.8)
    m, _ = _match(rules.roles, tokens, i)
    if not m:
        return []
    k = i + m
    while k < len(tokens) and k - (i + m) < 5 and _complement(tokens[k], rules):
        k += 1
    return _person_name(tokens, k, rules, 2, 0.75)


def _complement(token: Token, rules: ArabicRules) -> bool:
    word = token.text
    return _has_article(word) or word in rules.complements or word in rules.titles


def _person_name(
    tokens: Sequence[Token], j: int, rules: ArabicRules, least: int, confidence: float
) -> list[Candidate]:
    if j >= len(tokens) or not _word(tokens[j], rules) or _has_article(tokens[j].text):
        return []
    if tokens[j].text.startswith(("لت", "لل")):
        return []
    if tokens[j].text in rules.roles or tokens[j].text in rules.titles:
        return []
    k, count = j, 0
    while k < len(tokens) and count < 3 and _name_word(tokens[k], rules, first=k == j):
        joined = tokens[k].text in rules.joiners and k + 1 < len(tokens)
        k += 2 if joined else 1
        count += 1
    if count < least or lookup_place(" ".join(t.text for t in tokens[j:k])) is not None:
        return []
    return [Candidate("PERSON", tokens[j].start, tokens[k - 1].end, confidence)]


def _name_word(token: Token, rules: ArabicRules, *, first: bool) -> bool:
    word = token.text
    if not _word(token, rules) or word in rules.roles:
        return False
    conjunction_or_genitive = word.startswith(("و", "لل")) or _genitive(word)
    return first or not (conjunction_or_genitive and not _has_article(word))
