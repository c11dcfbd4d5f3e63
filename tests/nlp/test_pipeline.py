"""The Extractor end to end: entities with domain corrections, relevance, suppression."""

from __future__ import annotations

from nlp.entities import CHUNK_CHARS, EntitySpan, _plausible, _trimmed
from nlp.entity_findings import spacy_findings
from nlp.pipeline import Extractor
from nlp.types import InputDocument
from nlp.vocabulary import Label
from tests.nlp.conftest import extract_one

THEFT = (
    "Police in Lyon, France said on 3 March 2024 that thieves stole a Troxler gauge "
    "containing 8 mCi of Cs-137 from a truck. He said the U.S. firm reported it."
)


def test_isotope_never_gpe_and_no_pronoun_entities(extractor: Extractor) -> None:
    result = extract_one(extractor, THEFT + " Will it be found? Cs-137 is dangerous.")
    labels = {(f.label, f.text) for f in result.findings}
    assert ("MATERIAL", "Cs-137") in labels
    assert not any(f.label != "MATERIAL" and "Cs-137" in f.text for f in result.findings)
    assert not any(f.text in {"He", "Will"} for f in result.findings)
    us = next(f for f in result.findings if f.text == "U.S.")
    assert us.label == "GPE" and us.normalized == "US"
    assert all(f.extractor and f.extractor_version for f in result.findings)


def test_clear_incident_is_relevant(extractor: Extractor) -> None:
    result = extract_one(extractor, THEFT)
    assessment = result.assessment
    assert assessment.relevant and assessment.relevance > 0.8
    assert assessment.incident_type == "theft" and assessment.countries == ["FR"]
    assert (
        assessment.incident_date is not None
        and assessment.incident_date.isoformat() == "2024-03-03"
    )
    assert {e.decision for e in assessment.evidence} >= {"relevant", "incident_type", "country"}
    assert result.embedding is not None and len(result.embedding) == 384
    assert all(isinstance(x, float) for x in result.embedding)


def test_uranium_prices_are_not_an_incident(extractor: Extractor) -> None:
    text = (
        "Uranium prices rose to 90 dollars per pound on the spot market as mining companies "
        "in Kazakhstan reported higher output. Investors expect demand for uranium to grow."
    )
    assessment = extract_one(extractor, text).assessment
    assert not assessment.relevant and assessment.incident_type == "none"
    assert assessment.intent_group == "not_connected"


def test_nuclear_medicine_is_not_an_incident(extractor: Extractor) -> None:
    text = "The hospital opened a nuclear medicine ward where patients receive I-131 therapy."
    assert not extract_one(extractor, text).assessment.relevant


def test_multilingual_incidents(extractor: Extractor) -> None:
    cases = {
        "fr": ("La police a saisi 2 kg d'uranium enrichi à 90 % à Marseille le 12 janvier "
               "2023. Deux suspects ont tenté de le vendre.", "trafficking_or_smuggling", "FR"),
        "es": ("La Guardia Civil encontró una fuente abandonada de Co-60 en una chatarrería de "
               "Sevilla el 12 de enero de 2024.", "orphan_source_found", "ES"),
        "ar": ("ضبطت الشرطة في الدار البيضاء مصدر سيزيوم-137 مسروق بنشاط 10 كوري", "theft", "MA"),
    }  # fmt: skip
    for language, (text, incident_type, country) in cases.items():
        result = extract_one(extractor, text)
        assert result.language == language
        assert result.assessment.relevant, language
        assert result.assessment.incident_type == incident_type, language
        assert result.assessment.countries == [country], language


def test_triage_skips_expensive_steps(extractor: Extractor) -> None:
    result = extract_one(extractor, "The football match in Madrid ended 2-1 on Sunday evening.")
    assert result.embedding is None and not result.assessment.relevant
    assert result.assessment.relevance == 0.0
    found = [(f.label, f.text, f.extractor) for f in result.findings]  # no spaCy, only patterns
    assert found == [("GPE", "Madrid", "gazetteer"), ("DATE", "Sunday", "date-patterns")]


def test_suppression_honoured(extractor: Extractor) -> None:
    doc = InputDocument(id="a", text=THEFT)
    suppressions = {"a": {("GPE", "lyon"), ("MATERIAL", "cs-137")}}
    result = extractor.extract_batch([doc], suppressions=suppressions)[0]
    texts = {(f.label, f.text) for f in result.findings}
    assert ("GPE", "Lyon") not in texts and ("MATERIAL", "Cs-137") not in texts
    assert ("GPE", "France") in texts


def test_long_document_offsets(extractor: Extractor) -> None:
    filler = "The committee discussed the annual budget for road repairs in detail. " * 400
    text = filler + "\n\n" + THEFT + "\n\n" + filler
    assert len(text) > 2 * CHUNK_CHARS
    result = extract_one(extractor, text)
    for finding in result.findings:
        assert text[finding.start : finding.end] == finding.text
    assert {"Lyon", "Cs-137", "3 March 2024"} <= {f.text for f in result.findings}


def test_relative_dates_use_reference(extractor: Extractor) -> None:
    from datetime import date

    doc = InputDocument(id="r", text="Thieves stole a Cs-137 source yesterday in Paris, France.")
    result = extractor.extract_batch([doc], reference_dates={"r": date(2024, 5, 10)})[0]
    dates = [f for f in result.findings if f.label == "DATE"]
    assert [d.normalized for d in dates] == ["2024-05-09"]
    plain = extract_one(extractor, doc.text)
    assert [f.normalized for f in plain.findings if f.label == "DATE"] == [None]


def test_version_and_batch_order(extractor: Extractor) -> None:
    docs = [
        InputDocument(id=str(i), text=t) for i, t in enumerate([THEFT, "Sunny weather.", THEFT])
    ]
    results = extractor.extract_batch(docs)
    assert [r.id for r in results] == ["0", "1", "2"]
    assert extractor.version.startswith("radintel-extract/1.1+materials-v2+")
    assert "spacy-" in extractor.version
    assert all(r.extractor_version == extractor.version for r in results)


def test_a_possessive_is_not_part_of_a_name() -> None:
    assert _trimmed(3, 16, "Marcus Hale's", "PERSON") == (3, 14, "Marcus Hale")
    assert _trimmed(0, 12, "the Danube’s", "LOC") == (4, 10, "Danube")
    assert _trimmed(0, 9, "the 1990s", "DATE") == (4, 9, "1990s")


def test_a_leading_article_is_not_part_of_an_organisation_or_facility() -> None:
    assert _trimmed(0, 34, "the Harris County Sheriff's Office", "ORG") == (
        4,
        34,
        "Harris County Sheriff's Office",
    )
    assert _trimmed(5, 26, "The Ambassador Bridge", "FAC") == (9, 26, "Ambassador Bridge")
    assert _trimmed(0, 9, "Theranova", "ORG") == (0, 9, "Theranova")


def test_an_org_span_that_is_exactly_a_known_place_is_that_place() -> None:
    text = "A site near Grande Prairie; Okinawa Holdings; the Okinawa trial."
    spans = [
        EntitySpan(Label.ORG, 12, 26, "Grande Prairie"),
        EntitySpan(Label.ORG, 28, 44, "Okinawa Holdings"),
        EntitySpan(Label.ORG, 50, 57, "Okinawa"),
    ]
    found = spacy_findings(text, spans, "en", None, "test")
    assert [(f.label, f.text, f.normalized) for f in found] == [
        (Label.GPE, "Grande Prairie", "CA"),
        (Label.ORG, "Okinawa Holdings", None),
        (Label.GPE, "Okinawa", "JP"),
    ]


def test_a_material_word_inside_a_company_name_is_the_company(extractor: Extractor) -> None:
    text = "Shares of Tarn Uranium Corp rose on Monday as uranium prices climbed in Toronto."
    findings = extract_one(extractor, text).findings
    assert ("ORG", "Tarn Uranium Corp") in {(f.label, f.text) for f in findings}
    materials = [f for f in findings if f.label == "MATERIAL"]
    assert [(m.text, m.start) for m in materials] == [("uranium", text.index("uranium"))]


def test_a_capitalised_material_opening_a_sentence_stays_a_material(extractor: Extractor) -> None:
    text = "Uranium Exports fell in March, the ministry said of the uranium trade."
    materials = [f.text for f in extract_one(extractor, text).findings if f.label == "MATERIAL"]
    assert materials == ["Uranium", "uranium"]


def test_a_generic_word_or_a_dateline_is_no_spacy_organisation() -> None:
    text = "Customs officers met State officials and Customs and Excise."
    spans = [
        EntitySpan(Label.ORG, 0, 7, "Customs"),
        EntitySpan(Label.ORG, 21, 26, "State"),
        EntitySpan(Label.ORG, 41, 59, "Customs and Excise"),
    ]
    kept = spacy_findings(text, spans, "en", None, "test")
    assert [f.text for f in kept] == ["Customs and Excise"]
    assert not _plausible("WARSAW — Workers", "ORG")
    assert _plausible("Warsaw Workers Union", "ORG")


def test_reference_numbers_and_other_scripts_are_no_spacy_names() -> None:
    """The English model tags a bureau's reference "CO-2025" ORG, and guesses at Arabic
    words in a bilingual form ("فقط", "only"); neither is a name."""

    assert not _plausible("CO-2025", "ORG") and not _plausible("ES-2025-1187", "ORG")
    assert not _plausible("فقط", "ORG") and not _plausible("Иван", "PERSON")
    assert _plausible("F-35 Lightning", "ORG") and _plausible("Zürich", "GPE")
    assert _plausible("Ahmad al-Khouri", "PERSON")


def test_an_unknown_place_after_in_is_no_spacy_organisation() -> None:
    text = "Found in Quilvara, in the Tarrow, in Lyon and in Kestrel Mining; Dunlin said."

    def span(surface: str) -> EntitySpan:
        start = text.index(surface)
        return EntitySpan(Label.ORG, start, start + len(surface), surface)

    names = ["Quilvara", "Tarrow", "Lyon", "Kestrel Mining", "Dunlin"]
    kept = spacy_findings(text, [span(n) for n in names], "en", None, "test")
    assert [(f.label, f.text) for f in kept] == [
        ("GPE", "Lyon"),
        ("ORG", "Kestrel Mining"),
        ("ORG", "Dunlin"),
    ]
