"""What a search matches on, as pure functions shared by indexing and querying.

Three kinds of term, each normalised the same way when a text is indexed and when a query
is parsed:

- **Free text**, stemmed by the database's language configuration (`text_config`).
- **Names** across spellings and scripts (`name_tokens`): each word is transliterated with
  anyascii (Arabic, Cyrillic, Georgian, Greek...), accents and case dropped, the Arabic
  article taken off, then reduced to its consonant skeleton, because anyascii writes Arabic
  without vowels: "محمد الراشدي" gives "mhmd lrshdy", so "Mohammed al-Rashidi", "Muhammad Al
  Rashidy" and the Arabic all become {"mhmd", "rshd"}. Word order does not matter (a set of
  tokens), and a small typo is forgiven by widening each query token to the known tokens
  rapidfuzz finds close to it (`similar_tokens`).
- **Identifiers**, matched exactly: isotopes and material forms in any notation, through the
  material rules extraction uses (nlp.materials), down to the canonical name ("137Cs",
  "caesium 137", "Cäsium-137", "цезий-137" are all "Cs-137"), and serial numbers without case,
  spaces or dashes (nlp.linking.evidence.normalise_serial).

Names, identifiers and filter values are stored as *keys*: a two-letter prefix and lowercase
ASCII letters and digits ("nmmhmd", "idcs137", "cofr"), so both databases hold them as plain
tokens beside the text without ever mixing them up with words of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from anyascii import anyascii
from rapidfuzz import fuzz, process

from nlp.linking.evidence import normalise_serial
from nlp.materials.matching import find_mentions
from nlp.materials.patterns import load_rules

# PostgreSQL's snowball configurations by detected language; anything else is `simple`
# (Arabic included: PostgreSQL has no Arabic stemmer, so Arabic gets `simple` plus
# `fold_arabic`).
TEXT_CONFIGS = {
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "hu": "hungarian",
    "it": "italian",
    "nl": "dutch",
    "no": "norwegian",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sv": "swedish",
    "tr": "turkish",
}
SIMPLE_CONFIG = "simple"

NAME = "nm"  # a name token (consonant skeleton)
IDENTIFIER = "id"  # a canonical material or a serial number
COUNTRY = "co"
MATERIAL = "ma"  # a material filter value: canonical name or material group
SOURCE = "so"

_ARABIC_ARTICLE = re.compile(r"^(?:[وبلفك]?ال)(?=\w{2,})")
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, dagger alef, tatweel
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_LATIN_ARTICLES = frozenset({"al", "el", "ul"})
_SKELETON_MAP = (("ph", "f"), ("ck", "k"), ("q", "k"), ("c", "k"), ("x", "ks"))
_VOWELS = re.compile("[aeiouyw]")
_DOUBLED = re.compile(r"(.)\1+")
_WORD = re.compile(r"\w+")
_SERIAL_LIKE = re.compile(r"^(?=.*\d)(?=.*[a-z])[a-z0-9][a-z0-9\-/._]*$", re.IGNORECASE)
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})
_KEY_VALUE = re.compile(r"[^a-z0-9]")
FUZZY_CUTOFF = 80.0  # rapidfuzz ratio for a known name token to stand for a query token
FUZZY_MIN_LENGTH = 3  # shorter skeletons match exactly only


def text_config(language: str | None) -> str:
    """The PostgreSQL text search configuration for a document's detected language."""
    return TEXT_CONFIGS.get((language or "").split("-")[0].casefold(), SIMPLE_CONFIG)


def fold_arabic(text: str) -> str:
    """Arabic spelled one way: no harakat or tatweel; alef, yaa and taa marbuta unified."""
    return _ARABIC_MARKS.sub("", text).translate(_ARABIC_LETTERS)


def key(prefix: str, value: str) -> str:
    """A stored key: prefix plus the value's lowercase ASCII letters and digits."""
    folded = _KEY_VALUE.sub("", anyascii(value).casefold())
    return f"{prefix}{folded}" if folded else ""


def _skeleton(word: str) -> str:
    latin = anyascii(fold_arabic(_ARABIC_ARTICLE.sub("", word))).casefold()
    latin = re.sub(r"[^a-z]", "", latin)
    if not latin or latin in _LATIN_ARTICLES:
        return ""
    for written, spoken in _SKELETON_MAP:
        latin = latin.replace(written, spoken)
    consonants = _DOUBLED.sub(r"\1", _VOWELS.sub("", latin))
    return consonants or latin


def name_tokens(name: str) -> list[str]:
    """The sorted, distinct skeletons of a name's words ("Al-Rashidi, Mohammed" ->
    ["mhmd", "rshd"])."""
    return sorted({s for s in (_skeleton(w) for w in _WORD.findall(name)) if s})


def name_keys(names: Iterable[str]) -> set[str]:
    return {key(NAME, token) for name in names for token in name_tokens(name)}


def canonical_materials(text: str) -> list[str]:
    """Canonical isotopes named in `text`, in order ("137Cs and Co60" -> Cs-137, Co-60).
    Material forms ("uranium", "HEU") stay free text: they are words, not identifiers."""
    return _materials_and_rest(text)[0]


def _materials_and_rest(text: str) -> tuple[list[str], str]:
    """The canonical isotopes of `text` and the text without their mentions. German
    umlauts are tried spelled out when the text as written names none ("Cäsium" as
    "Caesium")."""
    rules = load_rules()
    for variant in (text, text.translate(_UMLAUTS)):
        mentions = [m for m in find_mentions(variant, rules)[0] if m.rule.kind == "isotope"]
        if mentions:
            ordered = sorted(mentions, key=lambda m: m.start)
            canonical = list(dict.fromkeys(m.canonical for m in ordered))
            return canonical, _without_spans(variant, [(m.start, m.end) for m in ordered])
    return [], text


def identifier_keys(materials: Iterable[str], serials: Iterable[str]) -> set[str]:
    keys = {key(IDENTIFIER, m) for m in materials} | {
        key(IDENTIFIER, normalise_serial(s)) for s in serials
    }
    return {k for k in keys if k}


@dataclass(frozen=True)
class SearchTerms:
    """A parsed query: every identifier must match; then the free text or the name must."""

    text: str  # what is left for full-text search
    identifiers: tuple[str, ...] = ()  # keys, matched exactly
    names: tuple[str, ...] = ()  # name skeletons, each widened by typos when queried
    materials: tuple[str, ...] = field(default=())  # canonical names, for display

    @property
    def empty(self) -> bool:
        return not (self.text.strip() or self.identifiers or self.names)


def parse_query(query: str) -> SearchTerms:
    """Split a query into identifiers (materials, serial numbers), free text and a name."""
    query = " ".join(query.split())[:500]
    materials, rest = _materials_and_rest(query)
    serials = [w for w in rest.split() if _SERIAL_LIKE.match(w) and len(normalise_serial(w)) >= 4]
    for serial in serials:
        rest = rest.replace(serial, " ")
    text = " ".join(rest.split())
    return SearchTerms(
        text=text,
        identifiers=tuple(sorted(identifier_keys(materials, serials))),
        names=tuple(name_tokens(text)),
        materials=tuple(materials),
    )


def _without_spans(text: str, spans: list[tuple[int, int]]) -> str:
    kept, cursor = [], 0
    for start, end in sorted(spans):
        kept.append(text[cursor:start])
        cursor = max(cursor, end)
    kept.append(text[cursor:])
    return " ".join("".join(kept).split())


def similar_tokens(token: str, vocabulary: Iterable[str]) -> set[str]:
    """The token and the known name tokens rapidfuzz finds within a small typo of it."""
    if len(token) < FUZZY_MIN_LENGTH:
        return {token}
    close = process.extract(
        token, list(vocabulary), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=20
    )
    return {token} | {match for match, _score, _index in close}


def material_values(canonical: str) -> list[str]:
    """A material as the material filter knows it: its canonical name and its group."""
    groups = {rule.canonical: rule.group.value for rule in load_rules().rules}
    return [canonical, groups[canonical]] if canonical in groups else [canonical]


def is_isotope(canonical: str) -> bool:
    return any(r.canonical == canonical and r.kind == "isotope" for r in load_rules().rules)


HIT_START, HIT_END = "\x02", "\x03"  # what the databases wrap hits in; never in stored text
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def indexable(text: str) -> str:
    """Text as the index stores it: Arabic folded, control characters (the hit markers among
    them) replaced by spaces."""
    return _CONTROL.sub(" ", fold_arabic(text))


def split_hits(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """A snippet with hit markers as plain text and the [start, end) offsets of its hits."""
    plain: list[str] = []
    hits: list[tuple[int, int]] = []
    length, start = 0, None
    for piece in re.split(f"([{HIT_START}{HIT_END}])", marked):
        if piece == HIT_START:
            start = length
        elif piece == HIT_END:
            if start is not None and length > start:
                hits.append((start, length))
            start = None
        else:
            plain.append(piece)
            length += len(piece)
    return "".join(plain), hits
