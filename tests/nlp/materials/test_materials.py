"""Material rules: surface forms in four languages, quantities, attachment, categories."""

from __future__ import annotations

import pytest

from nlp.materials import extract_materials
from nlp.materials.categories import categorise, category_for, d_value_table
from nlp.materials.quantities import CURIE_BQ, find_quantities, parse_number

FORMS = [
    ("Cs-137", "Cs-137"), ("caesium-137", "Cs-137"), ("cesium 137", "Cs-137"),
    ("137Cs", "Cs-137"), ("Cs137", "Cs-137"), ("¹³⁷Cs", "Cs-137"), ("césium-137", "Cs-137"),
    ("cesio-137", "Cs-137"), ("цезий-137", "Cs-137"), ("سيزيوم-137", "Cs-137"),
    ("Co-60", "Co-60"), ("60Co", "Co-60"), ("cobalto-60", "Co-60"), ("Ir-192", "Ir-192"),
    ("iridium-192", "Ir-192"), ("Am-241", "Am-241"), ("Am-241/Be", "Am-241/Be"),
    ("americium-beryllium", "Am-241/Be"), ("AmBe", "Am-241/Be"), ("Sr-90", "Sr-90"),
    ("Ra-226", "Ra-226"), ("radium", "Ra-226"), ("Se-75", "Se-75"), ("Cf-252", "Cf-252"),
    ("Pu-239", "Pu-239"), ("Pu-238", "Pu-238"), ("Po-210", "Po-210"), ("polonium", "Po-210"),
    ("Kr-85", "Kr-85"), ("H-3", "H-3"), ("tritium", "H-3"), ("tritio", "H-3"),
    ("U-235", "U-235"), ("uranium-235", "U-235"), ("uranio 235", "U-235"),
    ("اليورانيوم 235", "U-235"), ("U-238", "U-238"), ("Th-232", "Th-232"),
    ("HEU", "HEU"), ("highly enriched uranium", "HEU"), ("uranium hautement enrichi", "HEU"),
    ("uranio altamente enriquecido", "HEU"), ("weapons-grade uranium", "HEU"),
    ("LEU", "LEU"), ("low-enriched uranium", "LEU"), ("uranium faiblement enrichi", "LEU"),
    ("natural uranium", "natural uranium"), ("uranio natural", "natural uranium"),
    ("depleted uranium", "depleted uranium"), ("uranium appauvri", "depleted uranium"),
    ("اليورانيوم المستنفد", "depleted uranium"), ("yellowcake", "uranium ore concentrate"),
    ("uranium ore concentrate", "uranium ore concentrate"), ("UF6", "UF6"),
    ("uranium hexafluoride", "UF6"), ("uranium", "uranium"), ("uranio", "uranium"),
    ("اليورانيوم", "uranium"), ("plutonium", "plutonium"), ("plutonio", "plutonium"),
    ("thorium", "thorium"), ("red mercury", "red mercury"), ("mercure rouge", "red mercury"),
    ("mercurio rojo", "red mercury"), ("الزئبق الأحمر", "red mercury"),
]  # fmt: skip
DEVICES = [
    ("radiography camera", "radiography camera"), ("exposure device", "radiography camera"),
    ("gammagraphe", "radiography camera"), ("equipo de gammagrafía", "radiography camera"),
    ("moisture/density gauge", "moisture/density gauge"),
    ("Troxler gauge", "moisture/density gauge"),
    ("densímetro nuclear", "moisture/density gauge"), ("gammadensimètre", "moisture/density gauge"),
    ("level gauge", "level gauge"), ("thickness gauge", "level gauge"),
    ("well-logging source", "well-logging source"), ("teletherapy head", "teletherapy head"),
    ("brachytherapy source", "brachytherapy source"), ("blood irradiator", "irradiator"),
    ("RTG", "RTG"), ("radioisotope thermoelectric generator", "RTG"),
    ("smoke detector", "smoke detector"), ("détecteur de fumée", "smoke detector"),
    ("lightning rod", "lightning rod"), ("paratonnerre", "lightning rod"),
    ("pararrayos", "lightning rod"), ("XRF analyser", "XRF analyser"),
]  # fmt: skip


@pytest.mark.parametrize(("surface", "canonical"), FORMS)
def test_material_forms(surface: str, canonical: str) -> None:
    text = f"Investigators recovered {surface} yesterday."
    findings = extract_materials(text, None)
    assert [(f.text, f.normalized) for f in findings] == [(surface, canonical)]
    finding = findings[0]
    assert text[finding.start : finding.end] == surface
    assert finding.extractor == "material-rules" and finding.extractor_version == "materials-v2"


@pytest.mark.parametrize(("surface", "canonical"), DEVICES)
def test_device_alone_is_a_finding(surface: str, canonical: str) -> None:
    findings = extract_materials(f"A {surface} was reported.", None)
    assert [(f.normalized, f.attributes["device"]) for f in findings] == [(canonical, canonical)]
    assert findings[0].attributes["material_group"] == "radioactive_source"


def test_device_is_attribute_of_material_in_sentence() -> None:
    findings = extract_materials(
        "A portable gauge with Am-241/Be was stolen from a Troxler case.", "en"
    )
    assert [f.normalized for f in findings] == ["Am-241/Be"]
    assert findings[0].attributes["device"] == "moisture/density gauge"


def test_groups() -> None:
    text = "Cs-137, HEU, red mercury and contaminated scrap metal."
    groups = {f.normalized: f.attributes["material_group"] for f in extract_materials(text, "en")}
    assert groups == {"Cs-137": "radioactive_source", "HEU": "nuclear", "red mercury": "none",
                      "contaminated material": "contaminated"}  # fmt: skip


def test_osmium_needs_scam_context() -> None:
    assert extract_materials("Osmium is the densest natural element.", "en") == []
    found = extract_materials("They offered osmium to a buyer for 1 million euros.", "en")
    assert [f.normalized for f in found] == ["osmium"]


@pytest.mark.parametrize(
    ("text", "language", "kind", "value"),
    [
        ("50 Ci", "en", "activity_bq", 50 * CURIE_BQ),
        ("1,5 GBq", "fr", "activity_bq", 1.5e9),
        ("3 TBq", "en", "activity_bq", 3e12),
        ("370 kBq", "en", "activity_bq", 3.7e5),
        ("10 µCi", "en", "activity_bq", 10 * 1e-6 * CURIE_BQ),
        ("10 uCi", "en", "activity_bq", 10 * 1e-6 * CURIE_BQ),
        ("2.5 mCi", "en", "activity_bq", 2.5e-3 * CURIE_BQ),
        ("4 curies", "en", "activity_bq", 4 * CURIE_BQ),
        ("2 kg", "en", "quantity_g", 2000.0),
        ("1,500 kg", "en", "quantity_g", 1.5e6),
        ("1,5 kilogrammes", "fr", "quantity_g", 1500.0),
        ("300 gramos", "es", "quantity_g", 300.0),
        ("5 غرام", "ar", "quantity_g", 5.0),
        ("3 lb", "en", "quantity_g", 3 * 453.59237),
        ("250 mg", "en", "quantity_g", 0.25),
    ],
)
def test_quantities(text: str, language: str, kind: str, value: float) -> None:
    found = [q for q in find_quantities(text, language) if q.kind == kind]
    assert len(found) == 1 and found[0].value == pytest.approx(value)


def test_parse_number_conventions() -> None:
    assert parse_number("1,5", "fr") == 1.5
    assert parse_number("1,500", "en") == 1500
    assert parse_number("1.500", "es") == 1500
    assert parse_number("1.5", "es") == 1.5
    assert parse_number("1,234.5", "en") == 1234.5


def test_activity_attaches_to_right_material_by_proximity() -> None:
    findings = extract_materials("Police found a 50 Ci Ir-192 source and a Cs-137 gauge.", "fr")
    activity = {f.normalized: f.attributes["activity_bq"] for f in findings}
    assert activity == {"Ir-192": pytest.approx(50 * CURIE_BQ), "Cs-137": None}


def test_activity_attaches_after_material_not_across_coordination() -> None:
    findings = extract_materials("The Cs-137 source of 2 Ci and an Ir-192 camera were taken.", "es")
    activity = {f.normalized: f.attributes["activity_bq"] for f in findings}
    assert activity == {"Cs-137": pytest.approx(2 * CURIE_BQ), "Ir-192": None}


def test_mass_enrichment_and_count() -> None:
    text = "Agents found 2 kg of uranium enriched to 90% and three pellets of LEU."
    by_name = {f.normalized: f.attributes for f in extract_materials(text, "en")}
    assert by_name["HEU"]["quantity_g"] == 2000.0 and by_name["HEU"]["enrichment_pct"] == 90.0
    assert by_name["LEU"]["count"] == 3 and by_name["LEU"]["quantity_g"] is None


def test_first_number_in_text_is_not_taken() -> None:
    text = "In 2023, 14 officers searched 3 warehouses. They found a Co-60 source."
    (finding,) = extract_materials(text, "en")
    assert finding.attributes["activity_bq"] is None and finding.attributes["quantity_g"] is None


def test_attributes_json_safe_and_category() -> None:
    (finding,) = extract_materials("A Cs-137 source of 100 TBq was stolen.", "en")
    attrs = finding.attributes
    assert attrs["a_over_d"] == pytest.approx(1000.0) and attrs["iaea_category"] == 1
    assert all(isinstance(v, (str, int, float)) or v is None for v in attrs.values())
    assert "symbol Cs-137" in attrs["evidence"]


@pytest.mark.parametrize(
    ("ratio", "category"),
    [(1000, 1), (999.99, 2), (10, 2), (9.999, 3), (1, 3), (0.999, 4), (0.01, 4), (0.00999, 5),
     (0, 5)],
)  # fmt: skip
def test_category_boundaries(ratio: float, category: int) -> None:
    assert category_for(ratio) == category


def test_d_values_come_from_the_data_file() -> None:
    table = d_value_table()
    assert table.source == "IAEA EPR-D-Values 2006"
    assert table.d_tbq["Co-60"] == 0.03 and table.d_tbq["Cs-137"] == 0.1
    assert categorise("U-238", 1e12) is None
    ratio, category = categorise("Ir-192", 50 * CURIE_BQ) or (0.0, 0)
    assert ratio == pytest.approx(23.125) and category == 2
