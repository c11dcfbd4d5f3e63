"""nlp.minilm runs the sentence encoder without transformers; its vectors must be the ones
transformers' BertModel gives for the same weights, padding and truncation included."""

from __future__ import annotations

import torch

from nlp.embeddings import default_model_path
from nlp.minilm import MiniLm

TEXTS = [
    "An industrial radiography camera holding a 43-curie iridium-192 source was stolen.",
    "Le vol d'une source de césium-137 à Lyon.",
    "أعلنت الهيئة عن فقدان مصدر مشع",
    "Short.",
    "A long text that the tokenizer must truncate at the limit. " * 20,
]


def test_hidden_states_match_transformers() -> None:
    from transformers import AutoModel, AutoTokenizer

    path = default_model_path()
    tokenizer = AutoTokenizer.from_pretrained(str(path))
    reference = AutoModel.from_pretrained(str(path)).eval()
    encoded = tokenizer(TEXTS, padding=True, truncation=True, max_length=64, return_tensors="pt")
    model = MiniLm(path)
    ids, mask = model.token_ids(TEXTS, 64)
    assert torch.equal(ids, encoded["input_ids"])
    assert torch.equal(mask, encoded["attention_mask"])
    with torch.inference_mode():
        expected = reference(**encoded).last_hidden_state
        actual = model.hidden_states(ids, mask)
    assert torch.allclose(actual, expected, atol=1e-5)


def test_encoder_runs_on_the_configured_threads_with_the_same_vectors() -> None:
    """RADINTEL_TORCH_THREADS (default 1) reaches torch when encoding; the vectors do not
    depend on the thread count."""
    from nlp.embeddings import SentenceEncoder
    from nlp.pipeline import Extractor
    from nlp.settings import NlpSettings

    before = torch.get_num_threads()
    try:
        torch.set_num_threads(2)
        two = SentenceEncoder(default_model_path(), threads=0).encode(TEXTS, max_tokens=64)
        assert torch.get_num_threads() == 2  # 0 leaves torch's setting alone
        encoder = Extractor(NlpSettings(torch_threads=1)).encoder
        assert encoder.threads == 1
        one = encoder.encode(TEXTS, max_tokens=64)
        assert torch.get_num_threads() == 1
        assert (one == two).all()
    finally:
        torch.set_num_threads(before)
