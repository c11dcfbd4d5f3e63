"""Transformer NER plumbing with a tiny randomly initialised BERT built by the test."""

from __future__ import annotations

from pathlib import Path

import pytest
from transformers import BertConfig, BertForTokenClassification, BertTokenizer

from nlp.entity_findings import merge, transformer_findings
from nlp.settings import NlpSettings
from nlp.transformer_ner import TokenEntity, TransformerNer, aggregate
from nlp.types import FindingDraft

LABELS = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC"]
WORDS = ["police", "in", "lyon", "france", "stole", "a", "source", "john", "smith", "acme", "."]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny-ner")
    vocab = folder / "vocab.txt"
    vocab.write_text(
        "\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *WORDS, "##s"]) + "\n"
    )
    tokenizer = BertTokenizer(vocab_file=str(vocab), do_lower_case=True)
    config = BertConfig(
        vocab_size=len(WORDS) + 6, hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=64, max_position_embeddings=128,
        id2label=dict(enumerate(LABELS)), label2id={name: i for i, name in enumerate(LABELS)},
    )  # fmt: skip
    BertForTokenClassification(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def test_loads_and_predicts_valid_spans(tiny_model: Path) -> None:
    ner = TransformerNer(tiny_model)
    text = "Police in Lyon, France: John Smith stole a source."
    (entities,) = ner.predict([text])
    for entity in entities:
        assert 0 <= entity.start < entity.end <= len(text)
        assert text[entity.start : entity.end].strip() == text[entity.start : entity.end]
        assert entity.label in {"PERSON", "ORG", "LOC"}
        assert 0.0 < entity.confidence <= 1.0


def test_long_text_windows(tiny_model: Path) -> None:
    ner = TransformerNer(tiny_model)
    text = "police in lyon . " * 200
    (entities,) = ner.predict([text])
    assert all(0 <= e.start < e.end <= len(text) for e in entities)


def test_aggregate_bio() -> None:
    tags = [("O", 0.9), ("B-PER", 0.8), ("I-PER", 0.6), ("O", 0.9), ("B-LOC", 0.7), ("B-LOC", 0.5)]
    offsets = [(0, 0), (0, 4), (5, 10), (11, 13), (14, 18), (19, 25)]
    found = aggregate(tags, offsets)
    assert [(e.label, e.start, e.end) for e in found] == [
        ("PERSON", 0, 10),
        ("LOC", 14, 18),
        ("LOC", 19, 25),
    ]
    assert [e.confidence for e in found] == pytest.approx([0.7, 0.7, 0.5])


def test_merge_keeps_higher_confidence() -> None:
    text = "John Smith visited Lyon"
    spacy_finding = FindingDraft("PERSON", "John Smith", 0, 10, None, {}, 0.75, "spacy-ner", "v")
    found = transformer_findings(
        text, [TokenEntity("PERSON", 0, 4, 0.9), TokenEntity("LOC", 19, 23, 0.6)], "tiny"
    )
    merged = merge([spacy_finding], found)
    assert [(f.text, f.label, f.extractor) for f in merged] == [
        ("John", "PERSON", "transformer-ner"),
        ("Lyon", "GPE", "transformer-ner"),
    ]
    assert merged[1].normalized == "FR"


def test_extractor_uses_configured_model(tiny_model: Path) -> None:
    from nlp.pipeline import Extractor
    from nlp.types import InputDocument

    settings = NlpSettings(ner_model_path=tiny_model)
    extractor = Extractor(settings, use_embeddings=False)
    assert extractor.transformer_ner is not None
    text = "Police in Lyon said John Smith stole a Cs-137 source."
    result = extractor.extract_batch([InputDocument("t", text)])[0]
    for finding in result.findings:
        assert text[finding.start : finding.end] == finding.text
    assert Extractor(NlpSettings(), use_embeddings=False).transformer_ner is None
