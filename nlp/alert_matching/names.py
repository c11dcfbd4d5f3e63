"""Person names compared across scripts and spellings.

A name key is the name transliterated to ASCII (anyascii: "Сергей Волков" -> "sergey volkov",
"محمد يوسف" -> "mhmd ywsf"), accents stripped, case-folded, particles dropped and its tokens
sorted, so word order does not matter; rapidfuzz compares two keys. A token skeleton (first
letter, then consonants without doubling) makes spellings of one sound agree where
transliteration differs only in vowels: Mohammed, Muhammad and محمد are all "mhmd".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

from nlp.places import word_key

# Name particles that come and go between spellings ("al-Khatib", "Khatib", "الخطيب").
PARTICLES = frozenset(
    {
        "al",
        "el",
        "ul",
        "bin",
        "ibn",
        "ben",
        "abu",
        "de",
        "da",
        "do",
        "dos",
        "del",
        "della",
        "la",
        "le",
        "van",
        "von",
        "der",
        "di",
        "y",
    }
)
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_VOWELS = str.maketrans("", "", "aeiouyw'")
MIN_SKELETON = 3  # shorter skeletons ("li", "bo") find far too many names
WINDOW = 4  # a mention is at most this many consecutive words


@lru_cache(maxsize=100_000)
def ascii_tokens(text: str) -> tuple[str, ...]:
    """The name's words in lower-case ASCII, without particles."""
    # word_key first: it drops the Arabic article and folds alef forms before transliteration.
    native = " ".join(word_key(w) for w in _WORD.findall(text.replace("-", " ")))
    # Ayin and hamza come out as ` and ' ("بنعلي" -> "bn`ly"): dropped, as most spellings do.
    latin = anyascii(native).casefold().replace("`", "").replace("'", "")
    tokens = (t.strip("'") for t in _WORD.findall(latin))
    return tuple(t for t in tokens if t and t not in PARTICLES)


def name_key(text: str) -> str:
    """Transliterated, case-folded tokens in sorted order: "Volkov, Sergei" == "sergei volkov"."""
    return " ".join(sorted(ascii_tokens(text)))


@lru_cache(maxsize=100_000)
def skeleton(token: str) -> str:
    """The consonants, runs collapsed: "muhammad" and "mohammed" -> "mhmd"; vowels go even
    at the start, which Arabic script often leaves unwritten ("Ahmed", "أحمد" -> "hmd"), and
    so does "w", which transliterates Arabic "و" as often as a vowel ("ywsf" -> "sf")."""
    return re.sub(r"(.)\1+", r"\1", token.translate(_VOWELS))


@lru_cache(maxsize=100_000)
def skeleton_v(token: str) -> str:
    """The skeleton reading "w" as "v", as German and Polish spell Russian names ("Iwanowa")."""
    return skeleton(token.replace("w", "v"))


@lru_cache(maxsize=100_000)
def skeletons(text: str) -> frozenset[str]:
    """Index keys of a name: the skeletons (both readings of "w") long enough to be telling.
    Cached: scoring a document asks it for every mention once per candidate person alert."""
    tokens = ascii_tokens(text)
    found = {skeleton(t) for t in tokens} | {skeleton_v(t) for t in tokens}
    return frozenset(s for s in found if len(s) >= MIN_SKELETON)


def similarity(left: str, right: str) -> float:
    """0-1: the better of the spelling and the skeleton comparison of two names."""
    a, b = ascii_tokens(left), ascii_tokens(right)
    if not a or not b:
        return 0.0
    spelling = fuzz.token_sort_ratio(" ".join(a), " ".join(b)) / 100
    sounds = max(
        fuzz.token_sort_ratio(" ".join(map(read, a)), " ".join(map(read, b)))
        for read in (skeleton, skeleton_v)
    )
    # Skeletons are shorter, so one differing letter costs more: trust them a little less.
    return max(spelling, 0.95 * sounds / 100)


@dataclass(frozen=True)
class Mention:
    """A run of words in the document that may be a name, with its offsets."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class NameHit:
    alert_name: str
    mention: Mention
    similarity: float


def name_mentions(text: str) -> list[Mention]:
    """Every window of up to WINDOW consecutive words (two or more), each word capitalised
    or in a script without case (Arabic, Hebrew...): the candidates a name can hide in."""
    words = [m for m in _WORD.finditer(text) if _name_like(m.group())]
    mentions: list[Mention] = []
    for i, first in enumerate(words):
        run_end = i
        while run_end + 1 < len(words) and run_end + 1 - i < WINDOW:
            gap = text[words[run_end].end() : words[run_end + 1].start()]
            if gap.strip(" \u00a0") not in ("", "-"):
                break
            run_end += 1
        for j in range(i + 1, run_end + 1):
            mentions.append(
                Mention(text[first.start() : words[j].end()], first.start(), words[j].end())
            )
    return mentions


@lru_cache(maxsize=16)
def document_mentions(text: str) -> tuple[Mention, ...]:
    """`name_mentions` of a document's text, kept for the last few texts: scoring reads them
    once per candidate person alert, and a document naming a common first name has hundreds."""
    return tuple(name_mentions(text))


def _name_like(word: str) -> bool:
    """Capitalised, in a script without case, or a particle ("al-Khatib", "de", "bin")."""
    first = word[0]
    if first.isupper() or word.split("-")[0].casefold() in PARTICLES:
        return True
    return not first.islower() and first.isalpha()


def best_name_hit(names: Sequence[str], mentions: Iterable[Mention]) -> NameHit | None:
    """The closest (alert name, document mention) pair; mentions sharing no skeleton with
    the names are skipped, so a long document costs little."""
    wanted = set().union(*(skeletons(n) for n in names)) if names else set()
    best: NameHit | None = None
    for mention in mentions:
        if not (skeletons(mention.text) & wanted):
            continue
        for name in names:
            score = similarity(name, mention.text)
            if best is None or score > best.similarity:
                best = NameHit(name, mention, score)
    return best
