"""The per-language tables of the real-text set are read from the saved reports whole: every
language block is parsed and the languages add up to the overall block."""

from __future__ import annotations

from evaluation.realtext.per_language import AFTER, BEFORE, halves_of_baseline, parse, table


def test_every_language_adds_up_to_the_overall_figures() -> None:
    baseline = halves_of_baseline(BEFORE.read_text(encoding="utf-8"))
    assert set(baseline) == {"tuned", "heldout"}
    for half, path in AFTER.items():
        for scores in (parse(baseline[half]), parse(path.read_text(encoding="utf-8"))):
            languages = [s for name, s in scores.items() if name != "all"]
            assert len(languages) >= 12
            assert sum(s.texts for s in languages) == scores["all"].texts
            right = sum(int(s.relevance.split("/")[0]) for s in languages)
            assert f"{right}/{scores['all'].texts}" == scores["all"].relevance
    after = parse(AFTER["heldout"].read_text(encoding="utf-8"))
    rendered = table(parse(baseline["heldout"]), after)
    assert "| **all** | 44 | 16/44 → 29/44 | 0.66 → 0.91 (49) | 16/44 → 26/44 |" in rendered
