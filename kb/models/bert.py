"""A tiny BERT-style encoder: masked-token pre-training, then a classification head.

``MiniBERT`` = token embedding + learned position embedding, LayerNorm, then the
encoder layers of :mod:`kb.models.transformer` (padding positions are masked out of
attention). Two LightningModules use it:

* :class:`LitMaskedLM` — pre-training. Each step picks 20% of the word positions;
  of those, 80% become ``[MASK]``, 10% a random word, 10% stay (BERT's rule), and
  the model predicts the original words there (cross-entropy on those positions
  only; ``{stage}_acc`` is the accuracy on them). ``save_encoder=PATH`` writes the
  encoder's weights at the end of training.
* :class:`LitBertClassifier` — fine-tuning: the ``[CLS]`` vector -> linear -> class
  scores. ``encoder=PATH`` starts from pre-trained weights; without it the encoder
  is trained from scratch.

:func:`kb.models.pretraining.compare_pretraining` runs the whole experiment.

>>> import torch
>>> MiniBERT(vocab=57)(torch.tensor([[1, 5, 6, 0]])).shape
torch.Size([1, 4, 32])
"""

from __future__ import annotations

from pathlib import Path

import pytorch_lightning as pl
import torch
from torch import nn

from kb.datasets.corpus import CLS, MASK, PAD, Vocab
from kb.losses import cross_entropy
from kb.models.base import LitClassifier, accuracy, stage_metrics
from kb.models.transformer import EncoderLayer

__all__ = ["MiniBERT", "mask_tokens", "LitMaskedLM", "BertClassifier", "LitBertClassifier"]

IGNORE = -100


def _vocab_size(vocab: int | None) -> int:
    return vocab if vocab is not None else len(Vocab.build())


class MiniBERT(nn.Module):
    """Tokens ``(B, T)`` -> contextual vectors ``(B, T, d_model)``; ``[PAD]`` keys are masked."""

    def __init__(
        self,
        vocab: int | None = None,
        d_model: int = 32,
        heads: int = 2,
        layers: int = 2,
        d_ff: int = 64,
        max_len: int = 16,
        dropout: float = 0.1,
    ) -> None:
        super().__init__()
        self.vocab, self.max_len = _vocab_size(vocab), max_len
        self.tokens = nn.Embedding(self.vocab, d_model)
        self.positions = nn.Embedding(max_len, d_model)
        self.norm = nn.LayerNorm(d_model)
        self.layers = nn.ModuleList(EncoderLayer(d_model, heads, d_ff, dropout) for _ in range(layers))

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        if tokens.ndim != 2 or tokens.dtype.is_floating_point or tokens.shape[1] > self.max_len:
            raise ValueError(
                f"expected integer tokens of shape (batch, <= {self.max_len}), got {tuple(tokens.shape)} {tokens.dtype}"
            )
        if tokens.numel() and (tokens.min() < 0 or tokens.max() >= self.vocab):
            raise ValueError(f"token ids must be in [0, {self.vocab}), got [{int(tokens.min())}, {int(tokens.max())}]")
        pos = torch.arange(tokens.shape[1], device=tokens.device)
        x = self.norm(self.tokens(tokens) + self.positions(pos))
        padding = tokens == PAD
        for layer in self.layers:
            x, _ = layer(x, padding)
        return x


def mask_tokens(tokens: torch.Tensor, vocab: int, prob: float = 0.2, generator: torch.Generator | None = None):
    """BERT's corruption: returns ``(inputs, labels)``; labels are ``-100`` where nothing is predicted."""

    def rand() -> torch.Tensor:
        return torch.rand(tokens.shape, generator=generator).to(tokens.device)

    words = (tokens != PAD) & (tokens != CLS)
    chosen = words & (rand() < prob)
    labels = torch.where(chosen, tokens, torch.full_like(tokens, IGNORE))
    roll = rand()
    inputs = torch.where(chosen & (roll < 0.8), torch.full_like(tokens, MASK), tokens)
    random_words = torch.randint(4, vocab, tokens.shape, generator=generator).to(tokens.device)
    inputs = torch.where(chosen & (roll >= 0.8) & (roll < 0.9), random_words, inputs)
    return inputs, labels


class LitMaskedLM(pl.LightningModule):
    """Masked-token pre-training of :class:`MiniBERT`."""

    def __init__(
        self,
        vocab: int | None = None,
        d_model: int = 32,
        heads: int = 2,
        layers: int = 2,
        d_ff: int = 64,
        dropout: float = 0.0,
        mask_prob: float = 0.2,
        lr: float = 5e-3,
        save_encoder: str | None = None,
    ) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.encoder = MiniBERT(vocab, d_model, heads, layers, d_ff, dropout=dropout)
        self.head = nn.Linear(d_model, self.encoder.vocab)

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(tokens))

    def _shared_step(self, batch, stage: str, batch_idx: int) -> torch.Tensor:
        (tokens,) = batch
        # training draws fresh masks; evaluation uses the same masks every epoch
        generator = None if stage == "train" else torch.Generator().manual_seed(batch_idx)
        inputs, labels = mask_tokens(tokens, self.encoder.vocab, self.hparams.mask_prob, generator)
        keep = labels != IGNORE
        logits = self(inputs)[keep]
        loss = cross_entropy(logits, labels[keep])
        self.log_dict(
            stage_metrics(stage, loss, acc=accuracy(logits, labels[keep])),
            on_step=False,
            on_epoch=True,
            prog_bar=True,
            batch_size=int(keep.sum()),
        )
        return loss

    def training_step(self, batch, batch_idx):
        return self._shared_step(batch, "train", batch_idx)

    def validation_step(self, batch, batch_idx):
        self._shared_step(batch, "val", batch_idx)

    def test_step(self, batch, batch_idx):
        self._shared_step(batch, "test", batch_idx)

    def configure_optimizers(self) -> torch.optim.Optimizer:
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)

    def on_fit_end(self) -> None:
        if self.hparams.save_encoder and self.trainer.is_global_zero:
            torch.save(self.encoder.state_dict(), self.hparams.save_encoder)


class BertClassifier(nn.Module):
    """``[CLS]`` vector of a :class:`MiniBERT` -> dropout -> linear class scores."""

    def __init__(self, encoder: MiniBERT, classes: int = 2, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(encoder.positions.embedding_dim, classes))

    def forward(self, tokens: torch.Tensor) -> torch.Tensor:
        return self.head(self.encoder(tokens)[:, 0])


class LitBertClassifier(LitClassifier):
    """Fine-tuning (``encoder=PATH`` of weights saved by :class:`LitMaskedLM`) or training from scratch."""

    def __init__(
        self,
        vocab: int | None = None,
        d_model: int = 32,
        heads: int = 2,
        layers: int = 2,
        d_ff: int = 64,
        dropout: float = 0.1,
        classes: int = 2,
        lr: float = 1e-3,
        encoder: str | None = None,
        freeze_embeddings: bool = False,
    ) -> None:
        super().__init__()
        self.save_hyperparameters()
        bert = MiniBERT(vocab, d_model, heads, layers, d_ff, dropout=dropout)
        if encoder is not None:
            path = Path(encoder)
            if not path.is_file():
                raise FileNotFoundError(f"pre-trained encoder weights not found: {path}")
            bert.load_state_dict(torch.load(path, map_location="cpu", weights_only=True))
        if freeze_embeddings:  # keep what pre-training learned about each word
            for p in (*bert.tokens.parameters(), *bert.positions.parameters()):
                p.requires_grad_(False)
        self.model = BertClassifier(bert, classes, dropout)
