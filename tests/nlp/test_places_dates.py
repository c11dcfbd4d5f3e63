"""Place and date normalisation."""

from __future__ import annotations

from datetime import date

import pytest

from nlp.dates import normalise_date
from nlp.places import Place, find_places, lookup_place, resolve_named_towns


@pytest.mark.parametrize(
    "name", ["US", "U.S.", "United States", "the United States", "USA", "Etats-Unis",
             "États-Unis", "Estados Unidos", "EE.UU.", "الولايات المتحدة"],
)  # fmt: skip
def test_us_variants(name: str) -> None:
    place = lookup_place(name)
    assert place is not None and place.country == "US"


@pytest.mark.parametrize(
    ("name", "country"),
    [("Allemagne", "DE"), ("Alemania", "DE"), ("ألمانيا", "DE"), ("Russie", "RU"),
     ("Royaume-Uni", "GB"), ("المغرب", "MA"), ("Géorgie", "GE"), ("Moldova", "MD"),
     ("Texas", "US"), ("French", "FR")],
)  # fmt: skip
def test_country_names(name: str, country: str) -> None:
    place = lookup_place(name)
    assert place is not None and place.country == country


def test_city_gets_country_and_coordinates() -> None:
    place = lookup_place("Lyon")
    assert place is not None and place.country == "FR" and place.kind == "city"
    assert place.latitude == pytest.approx(45.75, abs=0.1)
    assert place.longitude == pytest.approx(4.85, abs=0.1)


def test_isotope_is_not_a_place() -> None:
    assert lookup_place("Cs-137") is None


def test_gazetteer_in_non_english_text() -> None:
    text = "وضبطت الشرطة في الدار البيضاء بالمغرب مصدرا. La police de Marseille, en France."
    found = [(text[m.start : m.end], m.place.country) for m in find_places(text)]
    assert found == [
        ("الدار البيضاء", "MA"),
        ("المغرب", "MA"),
        ("Marseille", "FR"),
        ("France", "FR"),
    ]


def test_gazetteer_finds_the_towns_the_aliases_file_names() -> None:
    text = "l'effraction de la remise du chantier de la rue Émile Zola à Vénissieux (Rhône)."
    [match] = find_places(text)
    assert (text[match.start : match.end], match.place.country) == ("Vénissieux", "FR")
    assert match.place.latitude == pytest.approx(45.70, abs=0.05)


def test_a_town_of_the_wrong_country_in_the_aliases_file_is_refused() -> None:
    cities = {"venissieux": Place("FR", "city", "Vénissieux")}
    with pytest.raises(ValueError, match="Vénissieux is no city of ES"):
        resolve_named_towns({"ES": {"cities": ["Vénissieux"]}}, cities)


def test_gazetteer_ignores_lower_case_words() -> None:
    assert find_places("the water was nice and we met in china shops") == []


@pytest.mark.parametrize(
    ("text", "language", "iso"),
    [("3 March 2024", "en", "2024-03-03"), ("March 3, 2024", "en", "2024-03-03"),
     ("March 2024", "en", "2024-03"), ("2024", "en", "2024"), ("2024-03-05", "en", "2024-03-05"),
     ("12 janvier 2023", "fr", "2023-01-12"), ("mars 2024", "fr", "2024-03"),
     ("12 de enero de 2024", "es", "2024-01-12"), ("12 مارس 2024", "ar", "2024-03-12"),
     ("١٢ آذار ٢٠٢٤", "ar", "2024-03-12"), ("early March 2024", "en", "2024-03")],
)  # fmt: skip
def test_dates(text: str, language: str, iso: str) -> None:
    parsed = normalise_date(text, language)
    assert parsed is not None and parsed.iso == iso


def test_relative_dates_need_a_reference() -> None:
    assert normalise_date("yesterday", "en") is None
    assert normalise_date("last week", "en") is None
    parsed = normalise_date("yesterday", "en", date(2024, 5, 10))
    assert parsed is not None and parsed.iso == "2024-05-09"
    assert normalise_date("the 1990s", "en") is None
