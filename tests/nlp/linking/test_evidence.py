"""Evidence is normalised so that reports in different languages compare equal."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from nlp.linking.evidence import (
    LinkDocument,
    evidence_from,
    normalise_serial,
    reports_recovery,
    serial_numbers,
)
from nlp.pipeline import Extractor
from nlp.types import FindingDraft, InputDocument
from nlp.vocabulary import Label


def finding(
    label: Label, text: str, normalized: str | None = None, **attributes: Any
) -> FindingDraft:
    return FindingDraft(label, text, 0, len(text), normalized, attributes, 1.0, "test", "1")


@pytest.mark.parametrize(
    "text",
    [
        "gauge serial number TX-40112 was taken",
        "S/N tx 40112, Troxler",
        "un Troxler con número de serie TX 40112.",
        "l'appareil, numéro de série TX40112, a été volé",
        "Serial No. tx-401-12",
    ],
)
def test_serial_forms_normalise_to_one_value(text: str) -> None:
    assert serial_numbers(text) == {"tx40112"}


def test_serial_normalisation_and_too_short_values() -> None:
    assert normalise_serial(" AB-12 34_x ") == "ab1234x"
    assert serial_numbers("serial number 12 was not recorded") == frozenset()
    assert serial_numbers("no serial here") == frozenset()


def test_only_specific_evidence_is_kept() -> None:
    findings = [
        finding(Label.ORG, "Police"),
        finding(Label.ORG, "Ministerio"),
        finding(Label.ORG, "Aragón Ensayos Viales"),
        finding(Label.GPE, "Spain", "ES", place_kind="country"),
        finding(Label.GPE, "Zaragoza", "ES", place_kind="city", place_name="Zaragoza"),
        finding(Label.GPE, "IT-2231"),
        finding(Label.DATE, "3 March 2025", "2025-03-03", period="day"),
        finding(Label.DATE, "March", "2025-03", period="month"),
        finding(Label.PERSON, "Jorge Lasheras"),
    ]
    evidence = evidence_from(LinkDocument(id="1", text="x", language="en"), findings)
    assert evidence.organisations == {"aragon ensayos viales"}
    assert evidence.countries == {"ES"}
    assert evidence.places == {"zaragoza"}
    assert evidence.gazetteer_places == {"zaragoza"}
    assert evidence.dates == {date(2025, 3, 3)}
    assert evidence.people == {"jorge lasheras"}


def test_materials_give_nuclides_activities_and_devices() -> None:
    gauge = {"device": "moisture/density gauge", "material_group": "radioactive_source"}
    findings = [
        finding(
            Label.MATERIAL, "caesium-137", "Cs-137", canonical="Cs-137", activity_bq=8e9, **gauge
        ),
        finding(
            Label.MATERIAL,
            "Troxler",
            "moisture/density gauge",
            canonical="moisture/density gauge",
            **gauge,
        ),
    ]
    evidence = evidence_from(LinkDocument(id="1", text="x", language="en"), findings)
    assert evidence.nuclides == {"Cs-137"}
    assert [(a.nuclide, a.becquerel) for a in evidence.activities] == [("Cs-137", 8e9)]
    assert evidence.devices == {"moisture/density gauge"}
    assert evidence.material_groups == {"radioactive_source"}


def test_follow_up_cue_in_any_working_language() -> None:
    for text in (
        "The source was recovered",
        "la source a été retrouvée",
        "fue hallada",
        "تم العثور على المصدر",
    ):
        assert evidence_from(LinkDocument(id="1", text=text, language="en"), []).follow_up
    assert not evidence_from(LinkDocument(id="1", text="stolen", language="en"), []).follow_up


@pytest.mark.parametrize(
    "text",
    [
        "The gauge has not been found.",
        "The stolen source hasn't been recovered yet.",
        "Police said the camera has yet to be found.",
        "La jauge n'a pas été retrouvée à ce jour.",
        "La jauge n'a toujours pas été retrouvée.",
        "La source n'a jamais été récupérée.",
        "La fuente no ha sido recuperada.",
        "La cámara sigue sin ser hallada.",
        "لم يتم العثور على المصدر حتى الآن",
        "لم يعثر على الجهاز",
    ],
)
def test_a_negated_follow_up_cue_is_no_follow_up(text: str) -> None:
    assert not reports_recovery(text)


def test_a_recovery_after_a_negation_in_another_clause_is_a_follow_up() -> None:
    assert reports_recovery("The source, not reported missing at first, was found on Monday.")
    assert reports_recovery("La jauge n'a pas été retrouvée le lundi. Elle a été retrouvée mardi.")


@pytest.mark.slow
def test_caesium_spellings_across_languages_are_one_nuclide(extractor: Extractor) -> None:
    texts = {
        "en": "A gauge containing caesium-137 was stolen from a truck.",
        "fr": "Une jauge contenant du césium 137 a été volée dans un camion.",
        "es": "Robaron un medidor con cesio-137 de una camioneta.",
        "ar": "سرقة جهاز يحتوي على السيزيوم-137 من شاحنة.",
    }
    documents = [InputDocument(id=lang, text=text, language=lang) for lang, text in texts.items()]
    for result in extractor.extract_batch(documents):
        document = LinkDocument(id=result.id, text=texts[result.id], language=result.language)
        assert evidence_from(document, result.findings).nuclides == {"Cs-137"}, result.id
