"""Pair scores: decisive serials, decay-aware activities, conflicts that keep confusable
incidents apart, dates with follow-ups, English-only text similarity."""

from __future__ import annotations

import random

from nlp.linking.evidence import Activity, word_shingles
from nlp.linking.scoring import may_link, score_pair
from nlp.linking.weights import LINK_THRESHOLD
from tests.factories import link_evidence

IRIDIUM = {"nuclides": ["Ir-192"], "countries": ["FR"], "devices": ["radiography camera"]}


def test_decayed_iridium_activity_matches_150_days_later() -> None:
    theft = link_evidence(
        "theft",
        incident_date="2025-01-12",
        activities=(Activity("Ir-192", 1.2e12),),
        places=["fos sur mer"],
        **IRIDIUM,
    )
    found = link_evidence(
        "found",
        incident_date="2025-06-11",
        follow_up=True,
        activities=(Activity("Ir-192", 0.29e12),),
        places=["fos sur mer"],
        **IRIDIUM,
    )
    link = score_pair(theft, found)
    (activity,) = [item for item in link.shared if item.kind == "activity"]
    assert "decays to 293 GBq by 2025-06-11" in activity.note
    assert not link.conflicts
    assert link.score >= LINK_THRESHOLD


def test_the_same_activities_without_dates_disagree() -> None:
    left = link_evidence("a", activities=(Activity("Ir-192", 1.2e12),), **IRIDIUM)
    right = link_evidence("b", activities=(Activity("Ir-192", 0.29e12),), **IRIDIUM)
    link = score_pair(left, right)
    assert [item.kind for item in link.conflicts] == ["activity"]
    assert "no dates" in link.conflicts[0].note
    assert link.score < LINK_THRESHOLD


def test_confusable_caesium_thefts_in_one_country_and_month_are_not_linked() -> None:
    common = {"nuclides": ["Cs-137"], "countries": ["ES"], "devices": ["moisture/density gauge"]}
    zaragoza = link_evidence(
        "zaragoza",
        incident_date="2025-03-03",
        places=["zaragoza"],
        gazetteer_places=["zaragoza"],
        **common,
    )
    valencia = link_evidence(
        "valencia",
        incident_date="2025-03-19",
        places=["valencia"],
        gazetteer_places=["valencia"],
        **common,
    )
    link = score_pair(zaragoza, valencia)
    assert {item.kind for item in link.shared} == {"nuclides", "devices", "countries"}
    assert {item.kind for item in link.conflicts} == {"places", "when"}
    assert link.score < 0.1


def test_a_shared_serial_is_decisive_even_across_a_wrong_country() -> None:
    left = link_evidence("en", serials=["tx40112"], countries=["ES"])
    right = link_evidence("es", language="es", serials=["tx40112"], countries=["MX"])
    link = score_pair(left, right)
    assert link.score == 1.0
    assert [item.kind for item in link.conflicts] == ["countries"]


def test_different_serials_and_nuclides_conflict() -> None:
    left = link_evidence("a", serials=["d5120"], nuclides=["Ir-192"], incident_date="2025-04-07")
    right = link_evidence("b", serials=["s1500934"], nuclides=["Se-75"], incident_date="2025-04-07")
    link = score_pair(left, right)
    assert {item.kind for item in link.conflicts} == {"serials", "nuclides"}
    assert link.score < 0.05


def test_a_follow_up_months_later_is_allowed_only_within_the_window() -> None:
    theft = link_evidence("theft", incident_date="2025-01-10", nuclides=["Co-60"], places=["cairo"])
    later = {"nuclides": ["Co-60"], "places": ["cairo hospital"]}
    found = link_evidence("found", incident_date="2025-04-10", follow_up=True, **later)
    unrelated = link_evidence("other", incident_date="2025-04-10", **later)
    too_late = link_evidence("late", incident_date="2025-09-10", follow_up=True, **later)
    assert score_pair(theft, found).score >= LINK_THRESHOLD
    assert not score_pair(theft, found).conflicts
    assert score_pair(theft, unrelated).score < LINK_THRESHOLD
    assert "no follow-up" in score_pair(theft, too_late).conflicts[0].note


GAUGE = {
    "nuclides": ["Cs-137", "Am-241"],
    "countries": ["FR"],
    "devices": ["moisture/density gauge"],
    "activities": (Activity("Cs-137", 0.3e9), Activity("Am-241", 1.48e9)),
}


def test_a_follow_up_months_later_needs_the_same_item_or_place() -> None:
    """Two gauges of one model hold the same sources: a recovery months later in another
    city is another incident (the demo's Lyon theft and Toulouse recovery)."""
    theft = link_evidence(
        "lyon", incident_date="2025-02-11", places=["venissieux"], serials=["gd34007781"], **GAUGE
    )
    elsewhere = link_evidence(
        "toulouse", published="2025-06-03", follow_up=True, places=["toulouse"], **GAUGE
    )
    unnamed = link_evidence("unnamed", published="2025-06-03", follow_up=True, **GAUGE)
    same_serial = link_evidence(
        "serial", published="2025-06-03", follow_up=True, serials=["gd34007781"], **GAUGE
    )
    same_place = link_evidence(
        "place", published="2025-06-03", follow_up=True, places=["venissieux"], **GAUGE
    )
    for other in (elsewhere, unnamed):
        link = score_pair(theft, other)
        assert "when" in {item.kind for item in link.conflicts}
        assert link.score < LINK_THRESHOLD
    assert score_pair(theft, same_serial).score == 1.0
    assert score_pair(theft, same_place).conflicts == []
    assert score_pair(theft, same_place).score >= LINK_THRESHOLD


def test_text_similarity_counts_only_between_english_reports() -> None:
    vector = (1.0, 0.0, 0.0)
    english = link_evidence("a", embedding=vector)
    also_english = link_evidence("b", embedding=vector)
    french = link_evidence("c", language="fr", embedding=vector)
    assert [item.kind for item in score_pair(english, also_english).shared] == ["text"]
    assert score_pair(english, french).shared == []


def test_near_duplicates_score_one() -> None:
    text = "a moisture density gauge with caesium was stolen from a truck in zaragoza on monday"
    left = link_evidence("a", shingles=word_shingles(text))
    right = link_evidence("b", shingles=word_shingles(text + " police said"))
    link = score_pair(left, right)
    assert link.score == 1.0
    assert link.shared[0].kind == "near_duplicate"


def test_masses_of_one_material_agree_or_disagree() -> None:
    heu = {"nuclides": ["HEU"], "countries": ["GE"]}
    fifty = link_evidence("a", quantities=(("HEU", 50.0, "g"),), **heu)
    also_fifty = link_evidence("b", quantities=(("HEU", 52.0, "g"),), **heu)
    two_kilos = link_evidence("c", quantities=(("HEU", 2000.0, "g"),), **heu)
    assert [i.kind for i in score_pair(fifty, also_fifty).shared] == [
        "nuclides",
        "quantity",
        "countries",
    ]
    assert [i.kind for i in score_pair(fifty, two_kilos).conflicts] == ["quantity"]


def test_the_cheap_pre_filter_drops_only_pairs_scoring_below_the_threshold() -> None:
    rng = random.Random(3)
    evidences = [
        link_evidence(
            str(i),
            nuclides=rng.sample(["Cs-137", "Co-60", "Am-241"], rng.randint(0, 2)),
            countries=rng.sample(["FR", "ES"], rng.randint(0, 1)),
            places=rng.sample(["lyon", "lyon airport", "toulouse"], rng.randint(0, 1)),
            gazetteer_places=rng.sample(["lyon", "toulouse"], rng.randint(0, 1)),
            serials=rng.sample(["gd7781", "tx4011"], rng.randint(0, 1)),
            devices=rng.sample(["moisture/density gauge"], rng.randint(0, 1)),
            incident_date=f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            follow_up=rng.random() < 0.3,
        )
        for i in range(60)
    ]
    pairs = [(a, b) for a in evidences for b in evidences if a is not b]
    dropped = [(a, b) for a, b in pairs if not may_link(a, b)]
    assert len(dropped) > len(pairs) / 2
    assert all(score_pair(a, b).score < LINK_THRESHOLD for a, b in dropped)
    assert any(score_pair(a, b).score >= LINK_THRESHOLD for a, b in pairs)
