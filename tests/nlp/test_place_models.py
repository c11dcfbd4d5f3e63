"""The French and Spanish place models run NER alone: without the shared tok2vec (whose output
only the parser and morphologizer read) NER must find exactly what it finds with it."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
import spacy

from nlp.place_models import PLACE_MODELS, load_place_model, model_places
from nlp.vocabulary import Label

GOLD = Path(__file__).parents[2] / "evaluation" / "gold.jsonl"


def _texts(language: str) -> list[str]:
    records = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]
    return [r["text"] for r in records if r.get("language") == language]


@pytest.mark.parametrize("language", sorted(PLACE_MODELS))
def test_ner_alone_finds_what_it_finds_after_the_shared_tok2vec(language: str) -> None:
    texts = _texts(language)
    assert len(texts) >= 10
    trimmed = load_place_model(language)
    assert trimmed.pipe_names == ["ner"]  # no shared tok2vec: these models' NER has its own
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        shipped = spacy.load(PLACE_MODELS[language])
    for name in [p for p in shipped.pipe_names if p not in {"tok2vec", "ner"}]:
        shipped.remove_pipe(name)  # the parser would change sentence bounds, hence entities
    expected = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in shipped.pipe(texts)]
    found = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in trimmed.pipe(texts)]
    assert found == expected
    assert sum(map(len, found)) > len(texts)  # the texts do name places, people, bodies


def test_model_places_are_gpe_findings_with_offsets_into_the_text() -> None:
    text = "Un gammadensimètre a été volé mardi à Marseille, a indiqué la préfecture."
    (places,) = model_places("fr", [text])
    assert places
    assert all(p.label == Label.GPE and text[p.start : p.end] == p.text for p in places)
    assert "Marseille" in {p.text for p in places}
