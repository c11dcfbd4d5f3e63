"""The MiniLM sentence encoder's forward pass in plain torch: a 6-layer BERT read from the
model folder's safetensors weights and tokenizer.json.

transformers builds this model too, but importing it costs seconds (the whole library's
module index, then its model base classes) in every process that embeds one document;
this module needs only torch, safetensors and tokenizers. The layers follow transformers'
BertModel (post-LayerNorm, exact GELU, scaled dot-product attention); nlp.embeddings tests
check the vectors against transformers' own."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import torch
from safetensors.torch import load_file
from tokenizers import Tokenizer
from torch.nn.functional import gelu, layer_norm, linear, scaled_dot_product_attention


class MiniLm:
    """Tokenizer and weights of a BERT-architecture model folder, loaded at construction."""

    def __init__(self, path: Path) -> None:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu":
            raise ValueError(f"{path}: not a BERT model with GELU activations")
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        weights = load_file(str(path / "model.safetensors"))
        self.w = {name.removeprefix("bert."): tensor for name, tensor in weights.items()}
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()

    def token_ids(self, texts: Sequence[str], max_tokens: int) -> tuple[torch.Tensor, torch.Tensor]:
        """Input ids and attention mask, padded to the longest text, truncated to max_tokens."""
        self.tokenizer.enable_truncation(max_length=max_tokens)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        encoded = self.tokenizer.encode_batch(list(texts))
        ids = torch.tensor([e.ids for e in encoded], dtype=torch.long)
        mask = torch.tensor([e.attention_mask for e in encoded], dtype=torch.long)
        return ids, mask

    def hidden_states(self, ids: torch.Tensor, mask: torch.Tensor) -> torch.Tensor:
        """The last layer's token vectors (batch, tokens, hidden)."""
        w = self.w
        positions = torch.arange(ids.shape[1]).unsqueeze(0)
        x = w["embeddings.word_embeddings.weight"][ids]
        x = x + w["embeddings.token_type_embeddings.weight"][torch.zeros_like(ids)]
        x = x + w["embeddings.position_embeddings.weight"][positions]  # transformers' order
        x = self._norm(x, "embeddings.LayerNorm")
        blocked = torch.finfo(x.dtype).min
        additive = (1.0 - mask[:, None, None, :].to(x.dtype)) * blocked
        for layer in range(self.layers):
            x = self._layer(x, additive, f"encoder.layer.{layer}.")
        return x

    def _layer(self, x: torch.Tensor, additive: torch.Tensor, prefix: str) -> torch.Tensor:
        batch, tokens, hidden = x.shape
        size = hidden // self.heads

        def heads(name: str) -> torch.Tensor:
            projected = self._linear(x, f"{prefix}attention.self.{name}")
            return projected.view(batch, tokens, self.heads, size).transpose(1, 2)

        context = scaled_dot_product_attention(
            heads("query"), heads("key"), heads("value"), attn_mask=additive
        )
        context = context.transpose(1, 2).reshape(batch, tokens, hidden)
        attended = self._linear(context, f"{prefix}attention.output.dense")
        x = self._norm(attended + x, f"{prefix}attention.output.LayerNorm")
        inner = gelu(self._linear(x, f"{prefix}intermediate.dense"))
        return self._norm(
            self._linear(inner, f"{prefix}output.dense") + x, f"{prefix}output.LayerNorm"
        )

    def _linear(self, x: torch.Tensor, name: str) -> torch.Tensor:
        return linear(x, self.w[f"{name}.weight"], self.w[f"{name}.bias"])

    def _norm(self, x: torch.Tensor, name: str) -> torch.Tensor:
        shape = (x.shape[-1],)
        return layer_norm(x, shape, self.w[f"{name}.weight"], self.w[f"{name}.bias"], self.eps)
