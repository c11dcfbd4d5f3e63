"""Name keys across spellings and scripts, isotopes in any notation, query parsing."""

from __future__ import annotations

import pytest

from nlp.search_terms import (
    HIT_END,
    HIT_START,
    indexable,
    name_tokens,
    parse_query,
    similar_tokens,
    split_hits,
    text_config,
)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Mohammed al-Rashidi", "محمد الراشدي"),
        ("Muhammad Al Rashidy", "محمد الراشدي"),
        ("Rashidi, Mohammed", "Mohammed al-Rashidi"),  # word order
        ("Oleksandr Kovalenko", "Олександр Коваленко"),
        ("Aleksandr Kovalenko", "Александр Коваленко"),
        ("Samir El Ouazzani", "سمير الوزاني"),
        ("Karim el-Shenawy", "كريم الشناوي"),
        ("Leila Al-Husseini", "ليلى الحسيني"),
        ("Giorgos Papadopoulos", "Γιώργος Παπαδόπουλος"),
        ("José Ñúñez", "JOSE NUNEZ"),  # accents and case
    ],
)
def test_one_name_across_spellings_and_scripts_has_one_key(one: str, other: str) -> None:
    assert name_tokens(one) == name_tokens(other) != []


def test_different_names_keep_different_keys() -> None:
    assert name_tokens("Mohammed al-Rashidi") != name_tokens("Mahmoud al-Rashid")[:1]
    assert name_tokens("Oleksandr Kovalenko") != name_tokens("Oleksandr Kovalchuk")


def test_a_small_typo_finds_the_known_token_and_a_short_one_does_not_stretch() -> None:
    [kovalenko] = name_tokens("Kovalenko")
    [typo] = name_tokens("Kovalenco")
    assert kovalenko in similar_tokens(typo, [kovalenko, "mhmd", "kvlchk"])
    assert "kvlchk" not in similar_tokens(typo, [kovalenko, "mhmd", "kvlchk"])
    assert similar_tokens("mh", ["mhm", "mh"]) == {"mh"}


@pytest.mark.parametrize(
    "notation",
    ["Cs-137", "137Cs", "caesium 137", "cesium-137", "Cäsium-137", "цезий-137", "césium 137"],
)
def test_an_isotope_in_any_notation_is_one_identifier(notation: str) -> None:
    terms = parse_query(f"{notation} theft")
    assert terms.identifiers == ("idcs137",)
    assert terms.text == "theft"


def test_serials_are_identifiers_and_material_forms_stay_words() -> None:
    terms = parse_query("gauge TX-40112 uranium 2024")
    assert terms.identifiers == ("idtx40112",)
    assert terms.text == "gauge uranium 2024"
    assert parse_query("   ").empty


def test_languages_map_to_configurations_and_arabic_is_simple() -> None:
    assert [text_config(x) for x in ("en", "fr-FR", "ar", None, "xx")] == [
        "english",
        "french",
        "simple",
        "simple",
        "simple",
    ]


def test_hits_come_back_as_offsets_and_markers_never_come_from_the_text() -> None:
    plain, hits = split_hits(f"a {HIT_START}theft{HIT_END} of {HIT_START}Cs{HIT_END}")
    assert plain == "a theft of Cs" and hits == [(2, 7), (11, 13)]
    assert HIT_START not in indexable(f"forged {HIT_START}marker{HIT_END}")
    assert indexable("الشرطةُ") == "الشرطه"
