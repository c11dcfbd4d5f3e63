"""The incident type is read from the incident's own sentences, with documented precedence."""

from __future__ import annotations

import pytest
import yaml

from nlp.cues import load_cues
from nlp.incident_type import RULES_PATH, incident_type
from nlp.textutil import sentences
from nlp.types import FindingDraft
from nlp.vocabulary import IncidentType, Label

T = IncidentType


def _materials(text: str, *names: tuple[str, str]) -> list[FindingDraft]:
    """A MATERIAL finding on every occurrence of each (surface, canonical) pair."""
    found = []
    for surface, canonical in names:
        start = text.find(surface)
        while start >= 0:
            end = start + len(surface)
            found.append(
                FindingDraft(
                    Label.MATERIAL, surface, start, end, canonical, {}, 0.9, "test", "test"
                )
            )
            start = text.find(surface, end)
    return found


def _type(text: str, *names: tuple[str, str]) -> IncidentType:
    kind, _ = incident_type(text, sentences(text), load_cues().find(text), _materials(text, *names))
    return kind


CS = ("caesium-137", "Cs-137")
CO = ("cobalt-60", "Co-60")
U = ("uranium", "uranium")

CASES = [
    pytest.param(
        "Thieves stole a gauge holding caesium-137 from a van in Leeds. Police later arrested "
        "two men and the gauge was found in a field.",
        [CS],
        T.THEFT,
        id="theft-then-arrest-and-recovery-stays-theft",
    ),
    pytest.param(
        "A gauge holding caesium-137 went missing from a truck on the motorway. Officials said "
        "theft cannot be ruled out.",
        [CS],
        T.LOSS,
        id="loss-with-hedged-theft",
    ),
    pytest.param(
        "Police arrested two men who tried to sell uranium to an undercover buyer. The uranium "
        "was seized and both men were detained.",
        [U],
        T.TRAFFICKING_OR_SMUGGLING,
        id="trafficking-beats-possession",
    ),
    pytest.param(
        "Customs officers seized caesium-137 smuggled across the border in a lorry. Experts "
        "said terrorists could use such material in a dirty bomb.",
        [CS],
        T.TRAFFICKING_OR_SMUGGLING,
        id="trafficking-not-sabotage-from-a-hedge",
    ),
    pytest.param(
        "The counter-terrorism police said a man had been detained. Officers seized cobalt-60 "
        "that he had smuggled into the country from abroad.",
        [CO],
        T.TRAFFICKING_OR_SMUGGLING,
        id="trafficking-not-sabotage-from-boilerplate",
    ),
    pytest.param(
        "Three men offered to sell uranium to a businessman for two million dollars. Analysis "
        "showed the powder was not uranium but a mix of chemicals.",
        [U],
        T.SCAM_OR_FRAUD,
        id="scam-beats-trafficking-when-the-material-was-not-it",
    ),
    pytest.param(
        "Police arrested a man who offered red mercury to buyers for millions of dollars.",
        [("red mercury", "red mercury")],
        T.SCAM_OR_FRAUD,
        id="scam-material",
    ),
    pytest.param(
        "Police found caesium-137 in a flat and detained the tenant, who had no licence.",
        [CS],
        T.UNAUTHORIZED_POSSESSION,
        id="possession",
    ),
    pytest.param(
        "Police searching a garage found depleted uranium in a lead box. The owner held no "
        "licence for the material. Police found no evidence that he had tried to sell it.",
        [("depleted uranium", "depleted uranium")],
        T.UNAUTHORIZED_POSSESSION,
        id="possession-when-the-sale-is-denied",
    ),
    pytest.param(
        "A radiation portal monitor at the scrap yard triggered an alarm. A cobalt-60 source "
        "was found in a load of scrap metal from abroad.",
        [CO],
        T.ORPHAN_SOURCE_FOUND,
        id="orphan-found",
    ),
    pytest.param(
        "Samples of uranium were found in his shoes. Prosecutors said he tried to sell the "
        "uranium to undercover agents.",
        [U],
        T.TRAFFICKING_OR_SMUGGLING,
        id="found-during-a-sale-is-trafficking",
    ),
    pytest.param(
        "Activists carried out an attack on a truck carrying cobalt-60 sources near the plant.",
        [CO],
        T.SABOTAGE_OR_ATTACK,
        id="attack-tied-to-the-material",
    ),
    pytest.param(
        "Des voleurs ont dérobé une jauge contenant du césium 137. Selon la police, la source "
        "pourrait servir à fabriquer une bombe sale.",
        [("césium 137", "Cs-137")],
        T.THEFT,
        id="fr-theft-not-sabotage",
    ),
    pytest.param(
        "La policía detuvo a dos hombres que intentaron vender uranio en el mercado negro.",
        [("uranio", "uranium")],
        T.TRAFFICKING_OR_SMUGGLING,
        id="es-trafficking",
    ),
]


@pytest.mark.parametrize(("text", "names", "expected"), CASES)
def test_type_from_the_incidents_own_sentences(
    text: str, names: list[tuple[str, str]], expected: IncidentType
) -> None:
    assert _type(text, *names) == expected


def test_cue_far_from_the_material_counts_little() -> None:
    text = (
        "A cobalt-60 source was found in a scrap metal yard after an alarm. The yard has been "
        "closed since. Staff were interviewed on Monday. Nothing else was found. In another "
        "matter, the firm reported the theft of a laptop from its offices last year."
    )
    assert _type(text, CO) == T.ORPHAN_SOURCE_FOUND


def test_no_cue_is_other_and_the_evidence_names_the_deciding_word() -> None:
    assert _type("A cobalt-60 source is mentioned here.", CO) == T.OTHER
    text = "A gauge with caesium-137 was stolen from a clinic."
    kind, evidence = incident_type(
        text, sentences(text), load_cues().find(text), _materials(text, CS)
    )
    assert kind == T.THEFT and evidence is not None
    assert text[evidence.start : evidence.end] == "stolen"


def test_rule_lists_are_keyed_by_language_and_compile() -> None:
    data = yaml.safe_load(RULES_PATH.read_text(encoding="utf-8"))
    for key in ("material_terms", "speculation", "boilerplate"):
        assert {"en", "fr", "es", "ar", "ru", "pl"} <= set(data[key]), key
    assert {IncidentType(kind) for kind in data["markers"]} >= {T.SCAM_OR_FRAUD}
    assert all("en" in lists for lists in data["markers"].values())
