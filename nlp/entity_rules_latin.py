"""Entity rules for cased scripts (Latin: en, fr, es, pt, de, it, pl, tr; Cyrillic: ru, uk):
capitalised sequences classified by designator words, head-led names ("port de Dunkerque",
"Autorité de sûreté nucléaire", "Федеральной таможенной службы"), trigger words ("la empresa
X", "Akdağ Zemin firmasına"), titles/roles/reporting verbs before names, appositions, acronyms
in parentheses and a list of large regions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from nlp.entity_rules_base import Candidate, Phrases, Token, alternation, repeated, resolve
from nlp.places import lookup_place

_ABBREVIATIONS = {"M", "Mr", "Mrs", "Ms", "Dr", "Dra", "Sr", "Sra", "Srta", "Pr", "Prof", "Me"}
_PARTICLES = {"van", "von", "der", "bin", "ibn", "da", "dos", "di"}
# Arabic article and kinship particles written lower-case and hyphenated onto a capitalised
# name ("al-Wazani", "el-Masri", "ben-Ali", "ould-Abdallah"): the token is a name word.
_HYPHENED_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "ben", "bin", "ibn",
                       "abu", "bou", "ould"}  # fmt: skip
_COORDINATION = {"and", "et", "y", "e"}
_OF = {"of", "for"}
_AGE = {"ans", "años", "year-old", "years"}
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]{1,9}$")
_POSSESSIVE = re.compile(r"['’]s$")
_NAME_BEFORE = re.compile(r"[A-Z][\w-]* $")  # "South Africa" is not "Africa"
_NAME_AFTER = re.compile(r" [A-Z][a-z]")  # "Patagonia Wireline" is not "Patagonia"
PERSON_CONFIDENCE = {"title": 0.8, "named": 0.8, "role": 0.75, "verb": 0.7, "apposition": 0.7}


@dataclass(frozen=True)
class LatinRules:
    stopwords: frozenset[str]
    months: frozenset[str]
    connectors: Phrases
    adjective: re.Pattern[str] | None
    lowercase_names: bool
    verbs_stop: frozenset[str]
    designators: dict[str, frozenset[str]]
    head_first: bool
    fac_words: frozenset[str]
    heads: dict[str, Phrases]
    standalone: frozenset[str]
    determiners: frozenset[str]
    triggers: dict[str, Phrases]
    suffix_heads: dict[str, Phrases]
    titles: Phrases
    roles: Phrases
    verbs: Phrases
    named: Phrases
    after: frozenset[str]
    locations: re.Pattern[str] | None
    company_suffix: re.Pattern[str]
    acronym_stop: frozenset[str]
    single_orgs: tuple[re.Pattern[str], ...] = ()
    triggers_after: dict[str, Phrases] = field(default_factory=dict)
    lead_adjectives: bool = False
    possessive_names: frozenset[str] = frozenset()
    name_heads: frozenset[str] = frozenset()
    company_words: frozenset[str] = frozenset()
    generic_words: frozenset[str] = frozenset()
    name_prefixes: tuple[str, ...] = ()

    def designator(self, word: str) -> str | None:
        for label, words in self.designators.items():
            if word in words or (word.isupper() and word.title() in words):
                return label
        return "ORG" if self.single_org(word) else None

    def single_org(self, word: str) -> bool:
        """A one-word organisation name ("Bundeskriminalamts", "Carabinieri")."""
        return any(pattern.match(word) for pattern in self.single_orgs)

    def capitalised(self, token: Token) -> bool:
        word = token.text
        particle, hyphen, rest = word.partition("-")
        if hyphen and particle in _HYPHENED_PARTICLES and rest[:1].isupper():
            word = rest
        return (
            word[:1].isupper()
            and word[-1] not in "'’"
            and any(c.isalpha() for c in word)
            and word not in self.stopwords
            and word.lower() not in self.months
        )

    def name_word(self, token: Token) -> bool:
        word = token.text
        return (
            self.capitalised(token)
            and not (word.isupper() and len(word) > 1)
            and self.designator(word) is None
            and word not in self.titles
            and not (token.initial and word in self.roles)
            and not any(c.isdigit() for c in word)
        )


def latin_rules(data: dict[str, Any], shared: dict[str, Any]) -> LatinRules:
    def phrases(key: str, case_sensitive: bool) -> Phrases:
        return Phrases(data.get(key) or [], case_sensitive=case_sensitive)

    def by_label(key: str, case_sensitive: bool) -> dict[str, Phrases]:
        entries = data.get(key) or {}
        return {k: Phrases(v, case_sensitive=case_sensitive) for k, v in entries.items()}

    adjective = data.get("adjective")
    # German nouns are capitalised: `name_stop` keeps role and common nouns out of names the
    # way stopwords keep function words out.
    stopwords = [*(data.get("stopwords") or []), *(data.get("name_stop") or [])]
    return LatinRules(
        stopwords=frozenset(stopwords),
        months=frozenset(shared["months"]),
        connectors=phrases("connectors", True),
        adjective=re.compile(adjective) if adjective else None,
        lowercase_names=bool(data.get("lowercase_names")),
        verbs_stop=frozenset(data.get("verbs_stop") or []),
        designators={k: frozenset(v) for k, v in (data.get("designators") or {}).items()},
        head_first=data.get("head_position") == "first",
        fac_words=frozenset(data.get("fac_words") or []),
        heads=by_label("heads", True),
        standalone=frozenset(data.get("standalone_heads") or []),
        determiners=frozenset(data.get("determiners") or []),
        triggers=by_label("triggers", False),
        suffix_heads=by_label("suffix_heads", True),
        titles=phrases("person_titles", True),
        roles=phrases("person_roles", False),
        verbs=phrases("person_verbs", False),
        named=phrases("person_named", False),
        after=frozenset(data.get("person_after") or []),
        locations=alternation(data.get("locations") or []),
        company_suffix=re.compile(shared["company_suffix"]),
        acronym_stop=frozenset(shared["acronym_stop"]),
        single_orgs=tuple(re.compile(p) for p in data.get("single_orgs") or []),
        triggers_after=by_label("triggers_after", False),
        lead_adjectives=bool(data.get("lead_adjectives")),
        possessive_names=frozenset(data.get("possessive_names") or []),
        name_heads=frozenset(data.get("name_heads") or []),
        company_words=frozenset(data.get("company_words") or []),
        generic_words=frozenset(data.get("generic_name_words") or []),
        name_prefixes=tuple(f"{p} " for p in data.get("name_prefixes") or []),
    )


def latin_candidates(text: str, tokens: Sequence[Token], rules: LatinRules) -> list[Candidate]:
    found = [
        *_chunks(text, tokens, rules),
        *_head_led(tokens, rules),
        *_people(text, tokens, rules),
        *_locations(text, rules),
    ]
    found.extend(_acronyms(tokens, rules, found))
    if rules.name_prefixes:
        found = [_prefixed(text, c, rules.name_prefixes) for c in found]
    kept = resolve(found)
    found.extend(repeated(text, kept, "PERSON", 0.6, surnames=True))
    found.extend(repeated(text, kept, "ORG", 0.65, surnames=False))
    found.extend(_short_forms(text, tokens, kept, rules))
    return found


def _prefixed(text: str, candidate: Candidate, prefixes: tuple[str, ...]) -> Candidate:
    """An organisation name opened by a dotted abbreviation, which the tokenizer splits
    off: "U.S. Customs and Border Protection"."""
    if candidate.label != "ORG":
        return candidate
    before = text[max(0, candidate.start - 8) : candidate.start]
    prefix = next((p for p in prefixes if before.endswith(p)), None)
    if prefix is None:
        return candidate
    return Candidate("ORG", candidate.start - len(prefix), candidate.end, candidate.confidence)


def _short_forms(
    text: str, tokens: Sequence[Token], kept: Sequence[Candidate], rules: LatinRules
) -> list[Candidate]:
    """A company's first word standing alone after its full name ("Borealis Wireline
    Services ... Borealis said"): the company, above the statistical model's PERSON (0.75)."""
    shorts: dict[str, int] = {}
    for candidate in kept:
        words = text[candidate.start : candidate.end].split()
        if candidate.label == "ORG" and len(words) > 1 and _company(words, rules):
            first = words[0]
            if first.isalpha() and first not in rules.generic_words and not lookup_place(first):
                shorts.setdefault(first, candidate.end)
    if not shorts:
        return []
    return [
        Candidate("ORG", t.start, t.end, 0.78)
        for k, t in enumerate(tokens)
        if t.text in shorts
        and t.start >= shorts[t.text]
        and not (k + 1 < len(tokens) and rules.capitalised(tokens[k + 1]))
    ]


def _company(words: Sequence[str], rules: LatinRules) -> bool:
    last = words[-1]
    return last in rules.company_words or bool(rules.company_suffix.fullmatch(" " + last))


def _chunk_end(tokens: Sequence[Token], i: int, rules: LatinRules) -> int:
    """End (exclusive) of the capitalised sequence starting at tokens[i]."""
    end = k = i + 1
    while k < len(tokens):
        if rules.capitalised(tokens[k]) and not tokens[k].initial:
            end = k = k + 1
            continue
        m = rules.connectors.match(tokens, k)
        if m and k + m < len(tokens) and rules.capitalised(tokens[k + m]):
            k += m
            continue
        break
    return end


def _chunks(text: str, tokens: Sequence[Token], rules: LatinRules) -> list[Candidate]:
    found: list[Candidate] = []
    i = 0
    while i < len(tokens):
        if not rules.capitalised(tokens[i]):
            i += 1
            continue
        opener = tokens[i].initial and rules.designator(tokens[i].text) is None
        if opener and rules.connectors.match(tokens, i + 1):
            i += 1  # "Shares of Kestrel ...": a capitalised common word opens the sentence
            continue
        end = _chunk_end(tokens, i, rules)
        for start, stop in _two_names(tokens, i, end, rules):
            found.extend(_classify(text, tokens, start, stop, rules))
        i = end
    return found


def _two_names(
    tokens: Sequence[Token], i: int, end: int, rules: LatinRules
) -> list[tuple[int, int]]:
    """A capitalised sequence cut in two names when both halves are whole names:
    "University of Oxford and Imperial College London", "Special Cell of Delhi Police",
    "Detection Group of the Philippine National Police" (not "Customs and Border
    Protection", "Ministry of Justice and Public Security", "Federal Office of Public Health")."""
    if not rules.name_heads:
        return [(i, end)]
    for k in range(i + 2, end - 1):
        word = tokens[k].text
        if word not in _COORDINATION and word not in _OF:
            continue
        right = k + 2 if word in _OF and tokens[k + 1].text == "the" else k + 1
        if _whole_name(tokens, i, k, rules) and _owner_or_partner(tokens, k, right, end, rules):
            return [(i, k), (right, end)]
    return [(i, end)]


def _whole_name(tokens: Sequence[Token], i: int, k: int, rules: LatinRules) -> bool:
    """tokens[i:k] (two words or more) ends with a head, a facility word ("Kabompo Copper
    Mine") or is "Head of Something"."""
    words = [t.text for t in tokens[i:k]]
    closed = words[-1] in rules.name_heads or rules.designator(words[-1]) == "FAC"
    return closed or (words[0] in rules.name_heads and "of" in words)


def _owner_or_partner(
    tokens: Sequence[Token], k: int, right: int, end: int, rules: LatinRules
) -> bool:
    """The words after "and" are a name with a head or an acronym; those after "of the" a
    name closed by a head, after "of" one opened by a place ("of Delhi Police") or a company
    ("Mine of Kafue Copper Mining Plc")."""
    words = [t.text for t in tokens[right:end]]
    if tokens[k].text in _COORDINATION:
        acronym = len(words) == 1 and words[0].isupper() and len(words[0]) > 1
        return acronym or (len(words) > 1 and any(w in rules.name_heads for w in words))
    if len(words) < 2:
        return False
    if rules.company_suffix.fullmatch(" " + words[-1]):
        return True
    return words[-1] in rules.name_heads and (right == k + 2 or lookup_place(words[0]) is not None)


def _classify(
    text: str, tokens: Sequence[Token], i: int, end: int, rules: LatinRules
) -> list[Candidate]:
    owners = [k for k in range(i, end - 1) if _POSSESSIVE.search(tokens[k].text)]
    owner = tokens[owners[-1]].text if owners else None
    if owner and rules.designator(owner) is None and owner not in rules.possessive_names:
        i = owners[-1] + 1  # "Georgia's State Security Service", not "Attorney General's Office"
    start, stop = tokens[i].start, tokens[end - 1].end
    if _POSSESSIVE.search(tokens[end - 1].text):
        stop -= 2  # "the Department of Health's directorate": the name only
    for k in range(i + 1, end + 1):  # "Minerales del Desierto S.A.", "Northwind Ltd"
        suffix = rules.company_suffix.match(text, tokens[k - 1].end)
        if suffix:
            return [Candidate("ORG", start, suffix.end(), 0.8)]
    for label, phrases in rules.suffix_heads.items():
        m = phrases.match(tokens, end)
        if m:
            return [Candidate(label, start, tokens[end + m - 1].end, 0.75)]
    surface = text[start:stop]
    trigger = _trigger(tokens, i, rules) or _trigger_after(tokens, end, rules)
    if trigger and lookup_place(surface) is None:
        return [Candidate(trigger, start, stop, 0.72)]
    if end - i == 1 and rules.single_org(tokens[i].text):
        return [Candidate("ORG", start, stop, 0.75)]
    labels = [rules.designator(t.text) for t in tokens[i:end]]
    if not rules.head_first:  # English: the head comes before "of"/"for" when there is one
        cut = next((k for k, t in enumerate(tokens[i:end]) if t.text in _OF), end - i)
        labels = labels[:cut] if any(labels[:cut]) else labels
    present = [label for label in labels if label]
    if not present or end - i < 2 or lookup_place(surface) is not None:
        return []
    label = present[0] if rules.head_first else present[-1]
    words = {t.text for t in tokens[i:end]}
    if label != "ORG" and words & _COORDINATION:
        return []  # "Swakopmund and Walvis Bay": a list of places, not one name
    if label == "ORG" and words & rules.fac_words:
        label = "FAC"
    return [Candidate(label, start, stop, 0.8)]


def _trigger(tokens: Sequence[Token], i: int, rules: LatinRules) -> str | None:
    k = i - 1
    if k >= 0 and tokens[k].text == ",":
        k -= 1
    for _ in range(3):
        for label, phrases in rules.triggers.items():
            for s in range(max(0, k - 3), k + 1):
                if phrases.match(tokens, s) == k + 1 - s:
                    return label
        if k < 0 or not (rules.adjective and rules.adjective.match(tokens[k].text)):
            return None
        k -= 1  # "la société minière Sahel Uranium"
    return None


def _trigger_after(tokens: Sequence[Token], end: int, rules: LatinRules) -> str | None:
    """ "Akdağ Zemin firmasına": a word after the name makes it an ORG (Turkish)."""
    for label, phrases in rules.triggers_after.items():
        if phrases.match(tokens, end):
            return label
    return None


def _lead(tokens: Sequence[Token], i: int, rules: LatinRules) -> int | None:
    """Start of the capitalised adjective opening a lowercase head ("Федеральной таможенной
    службы"), over lowercase adjectives; None when there is none."""
    k = i - 1
    while k >= 0 and k > i - 5 and rules.adjective and rules.adjective.match(tokens[k].text):
        k -= 1
    if k < 0 or not rules.adjective or not tokens[k].text[:1].isupper():
        return None
    if tokens[k].text in rules.stopwords or not rules.adjective.match(tokens[k].text.lower()):
        return None
    return k


def _head_led(tokens: Sequence[Token], rules: LatinRules) -> list[Candidate]:
    found = []
    for label, phrases in rules.heads.items():
        for i in range(len(tokens)):
            m = phrases.match(tokens, i)
            if not m:
                continue
            lower = tokens[i].text[:1].islower()
            lead = _lead(tokens, i, rules) if lower and rules.lead_adjectives else None
            if lead is not None:
                end, _ = _extend(tokens, i + m, rules)
                found.append(Candidate(label, tokens[lead].start, tokens[end - 1].end, 0.75))
                continue
            if lower and (i == 0 or tokens[i - 1].text.lower() not in rules.determiners):
                continue
            end, capital = _extend(tokens, i + m, rules)
            if end == i + m or not (capital or not lower or tokens[i].text in rules.standalone):
                continue
            confidence = 0.8 if capital or not lower else 0.7
            words = {t.text for t in tokens[i:end]}
            kind = "FAC" if label == "ORG" and words & rules.fac_words else label
            found.append(Candidate(kind, tokens[i].start, tokens[end - 1].end, confidence))
    return found


def _extend(tokens: Sequence[Token], j: int, rules: LatinRules) -> tuple[int, bool]:
    """End of a head-led name: adjectives, capitalised words, connector + noun."""
    end = k = j
    capital = False
    while k < len(tokens) and k - j < 14 and not tokens[k].initial:
        word = tokens[k].text
        if rules.capitalised(tokens[k]):
            end = k = k + 1
            capital = True
            continue
        if word in rules.verbs_stop:
            break
        if rules.adjective and rules.adjective.match(word):
            end = k = k + 1
            continue
        m = rules.connectors.match(tokens, k)
        if not m or k + m >= len(tokens) or tokens[k + m].initial:
            break
        following = tokens[k + m]
        if rules.capitalised(following):
            k += m
            continue
        if rules.lowercase_names and _lowercase_noun(following.text, rules):
            end = k = k + m + 1
            continue
        break
    return end, capital


def _lowercase_noun(word: str, rules: LatinRules) -> bool:
    return (
        word.isalpha()
        and word.islower()
        and word not in rules.verbs_stop
        and word not in rules.months
        and len(word) > 2
    )


def _people(text: str, tokens: Sequence[Token], rules: LatinRules) -> list[Candidate]:
    found: list[Candidate] = []
    for i in range(len(tokens)):
        m = rules.titles.match(tokens, i)
        if m:
            j = i + m
            if tokens[j - 1].text in _ABBREVIATIONS and j < len(tokens) and tokens[j].text == ".":
                j += 1
            found.extend(_names(text, tokens, j, 1, "title", rules))
        m = rules.named.match(tokens, i)
        if m:
            found.extend(_names(text, tokens, i + m, 1, "named", rules))
        m = rules.roles.match(tokens, i)
        if m:
            j = _complements(tokens, i + m)
            if tokens[j - 1].text == "," or not _trigger(tokens, j, rules):
                found.extend(_names(text, tokens, j, 2, "role", rules))
        m = rules.verbs.match(tokens, i)
        if m:
            found.extend(_names(text, tokens, i + m, 2, "verb", rules))
        if rules.name_word(tokens[i]) and (i == 0 or not rules.name_word(tokens[i - 1])):
            found.extend(_apposition(text, tokens, i, rules))
    return found


def _complements(tokens: Sequence[Token], j: int) -> int:
    """Skips lowercase complements of a role noun ("in charge", "de la planta") and a comma."""
    k = j
    while k < len(tokens) and k - j < 7:
        word = tokens[k].text
        if word == ",":
            return k + 1
        if not (word.islower() or word in {"l'", "d'", "l’", "d’"}):
            break
        k += 1
    return k


def _name_end(tokens: Sequence[Token], j: int, least: int, rules: LatinRules) -> int | None:
    k, count, last = j, 0, None
    while k < len(tokens) and count < 4:
        token = tokens[k]
        nxt = k + 1 < len(tokens) and rules.name_word(tokens[k + 1])
        if rules.name_word(token) and (count == 0 or not token.initial):
            count, k, last = count + 1, k + 1, k + 1
            continue
        if count == 0 and token.text.lower() in rules.months and token.text[:1].isupper() and nxt:
            count, k, last = 1, k + 1, k + 1  # "Julio César Mamani"
            continue
        if count and token.text in _PARTICLES and nxt:
            k += 1
            continue
        break
    return last if count >= least else None


def _names(
    text: str, tokens: Sequence[Token], j: int, least: int, rule: str, rules: LatinRules
) -> list[Candidate]:
    found: list[Candidate] = []
    while True:
        end = _name_end(tokens, j, least, rules)
        if end is None:
            return found
        candidate = _person(text, tokens[j].start, tokens[end - 1].end, rule)
        if candidate:
            found.append(candidate)
        if end < len(tokens) and tokens[end].text in _COORDINATION:
            j, least = end + 1, 2
            continue
        return found


def _person(text: str, start: int, end: int, rule: str) -> Candidate | None:
    surface = text[start:end]
    trimmed = _POSSESSIVE.search(surface)
    if trimmed:
        end -= 2
        surface = surface[:-2]
    if lookup_place(surface) is not None:
        return None
    return Candidate("PERSON", start, end, PERSON_CONFIDENCE[rule])


def _apposition(text: str, tokens: Sequence[Token], i: int, rules: LatinRules) -> list[Candidate]:
    """ "Karim Benali, 45 ans", "Jean-Pierre Kalonji, délégué de ..."."""
    end = _name_end(tokens, i, 2, rules)
    if end is None or end + 1 >= len(tokens) or tokens[end].text != ",":
        return []
    following = tokens[end + 1].text
    age = following.isdigit() and end + 2 < len(tokens) and tokens[end + 2].text in _AGE
    if not (age or following.lower() in rules.after):
        return []
    candidate = _person(text, tokens[i].start, tokens[end - 1].end, "apposition")
    return [candidate] if candidate else []


def _locations(text: str, rules: LatinRules) -> list[Candidate]:
    if rules.locations is None:
        return []
    return [
        Candidate("LOC", m.start(), m.end(), 0.75)
        for m in rules.locations.finditer(text)
        if not _inside_name(text, m.start(), m.end(), rules)
    ]


def _inside_name(text: str, start: int, end: int, rules: LatinRules) -> bool:
    before = _NAME_BEFORE.search(text[max(0, start - 30) : start])
    if before and before.group().strip() not in rules.stopwords:
        return True
    return _NAME_AFTER.match(text, end) is not None


def _acronyms(
    tokens: Sequence[Token], rules: LatinRules, found: Sequence[Candidate]
) -> list[Candidate]:
    """ "Name (ACR)" after an organisation name, and "the/l'/la ACR"."""
    org_ends = {c.end for c in found if c.label == "ORG"}
    acronyms = []
    for k in range(len(tokens) - 1):
        word = tokens[k + 1].text
        if not _ACRONYM.match(word) or sum(c.isupper() for c in word) < 2:
            continue
        if word in rules.acronym_stop or lookup_place(word) is not None:
            continue
        bracketed = tokens[k].text == "(" and k + 2 < len(tokens) and tokens[k + 2].text == ")"
        if bracketed and k > 0 and tokens[k - 1].end in org_ends:
            acronyms.append(Candidate("ORG", tokens[k + 1].start, tokens[k + 1].end, 0.8))
        elif tokens[k].text.lower() in rules.determiners and word.isupper() and len(word) >= 3:
            acronyms.append(Candidate("ORG", tokens[k + 1].start, tokens[k + 1].end, 0.6))
    return acronyms
