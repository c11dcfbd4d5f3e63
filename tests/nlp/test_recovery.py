"""Found / recovered cues, in several languages, with negations and aims."""

from __future__ import annotations

import pytest

from nlp.recovery import recovery_cue, reports_recovery


@pytest.mark.parametrize(
    "text",
    [
        "The camera was recovered by police on Tuesday.",
        "La source a été retrouvée dans un champ.",
        "La fuente fue hallada en un descampado.",
        "تم العثور على المصدر في مزرعة",
        "Источник найден в гараже.",
        "Полиция нашла плотномер в гараже.",
        "Die Quelle wurde sichergestellt.",
        "A fonte foi encontrada.",
    ],
)
def test_found_reports(text: str) -> None:
    assert reports_recovery(text)


@pytest.mark.parametrize(
    "text",
    [
        "The source has not been found yet.",
        "La jauge n'a toujours pas été retrouvée.",
        "No se ha encontrado la fuente.",
        "لم يتم العثور على المصدر",
        "ولم يتم العثور على المصدر حتى الآن.",
        "Источник до сих пор не найден.",
        "A fonte ainda não foi encontrada.",
        "Die Quelle wurde noch nicht gefunden.",
        "Police continue efforts to recover the device.",
        "Stolen in March, still missing.",
    ],
)
def test_negated_or_intended_finds_are_not(text: str) -> None:
    assert not reports_recovery(text)


def test_a_later_sentence_can_still_report_the_find() -> None:
    text = "The gauge was not found on Monday. It was recovered on Friday."
    span = recovery_cue(text)
    assert span is not None and text[span[0] : span[1]] == "recovered"
