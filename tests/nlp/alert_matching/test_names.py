"""Name keys across scripts, spellings and word order; mentions in running text."""

from __future__ import annotations

import pytest

from nlp.alert_matching.names import (
    best_name_hit,
    name_key,
    name_mentions,
    similarity,
    skeleton,
    skeletons,
)


def test_name_key_transliterates_folds_and_sorts() -> None:
    assert name_key("Volkov, Sergei") == name_key("sergei VOLKOV") == "sergei volkov"
    assert name_key("Сергей Волков") == "sergei volkov"
    assert name_key("José Muñoz") == "jose munoz"


@pytest.mark.parametrize(
    ("alert", "document"),
    [
        ("Mohammed Youssef al-Khatib", "محمد يوسف الخطيب"),
        ("Sergei Volkov", "Сергей Волков"),
        ("Sergei Volkov", "Sergueï Volkov"),
        ("Dmitri Sokolov", "Dmitrij Sokolow"),
        ("Hans Müller", "Mueller Hans"),
        ("Jean Dupont", "Jean Dupond"),  # a small typo
    ],
)
def test_variants_of_one_name_are_alike(alert: str, document: str) -> None:
    assert similarity(alert, document) >= 0.85


@pytest.mark.parametrize(
    ("alert", "document"),
    [("Sergei Volkov", "Andrei Volkov"), ("Sergei Volkov", "Sergei Popov"),
     ("Olga Ivanova", "Irina Ivanova")],
)  # fmt: skip
def test_other_people_with_a_shared_name_are_not(alert: str, document: str) -> None:
    assert similarity(alert, document) < 0.85


def test_skeletons_agree_across_vowel_spellings() -> None:
    assert skeleton("muhammad") == skeleton("mohammed") == "mhmd"
    assert skeletons("Ahmed") == skeletons("أحمد") == {"hmd"}


def test_mentions_find_the_name_in_arabic_and_latin_text() -> None:
    text = "Police in Lyon arrested Jean-Pierre Dupont. قال محمد يوسف إن"
    mentions = {m.text for m in name_mentions(text)}
    assert {"Jean-Pierre Dupont", "محمد يوسف"} <= mentions
    hit = best_name_hit(["Mohammed Youssef"], name_mentions(text))
    assert hit is not None and hit.mention.text == "محمد يوسف" and hit.similarity >= 0.9
    assert text[hit.mention.start : hit.mention.end] == "محمد يوسف"
