"""A tiny generated English corpus for "pre-train, then fine-tune", and its vocabulary.

* **Unlabelled corpus** (pre-training, masked-token prediction): sentences in which
  an opinion word and a feeling word agree, e.g. ``"the film was superb so i felt
  glad"``. Predicting a masked word forces the model to learn which words go
  together, so ``superb`` ends up near ``great`` — without ever seeing a label.
* **Labelled task** (fine-tuning): is ``"what a lousy meal"`` positive or negative?
  Training sentences use only *half* of the opinion words; the test sentences use the
  *other* half. A model trained from scratch has never seen those words; a
  pre-trained one knows them from the corpus.

Everything is generated from the word lists below with a seeded generator, so the
corpus ships with the code and is identical on every machine.

>>> vocab = Vocab.build()
>>> vocab.decode(vocab.encode("the film was great", length=6))
'[CLS] the film was great [PAD]'
>>> len(make_corpus(10, seed=0)), make_corpus(1, seed=0)[0].split()[0] in {"the", "i", "a", "what", "my"}
(10, True)
"""

from __future__ import annotations

import random

import torch

from kb.datasets.base import DatasetError, TensorDataModule

__all__ = [
    "POSITIVE",
    "NEGATIVE",
    "Vocab",
    "make_corpus",
    "make_labelled",
    "CorpusDataModule",
    "SentimentDataModule",
]

NOUNS = ["movie", "film", "book", "meal", "song", "show", "game", "trip", "hotel", "concert", "play", "lesson"]
POSITIVE = ["good", "great", "excellent", "wonderful", "lovely", "fantastic", "superb", "delightful"]
NEGATIVE = ["bad", "awful", "terrible", "horrible", "poor", "dreadful", "boring", "lousy"]
FEEL_POS = ["happy", "glad", "pleased", "delighted", "thrilled"]
FEEL_NEG = ["sad", "angry", "upset", "disappointed", "annoyed"]
CORPUS_TEMPLATES = [
    "the {noun} was {adj} so i felt {feel}",
    "i was {feel} because the {noun} was {adj}",
    "a {adj} {noun} makes me {feel}",
    "what a {adj} {noun} i am {feel}",
    "my friends were {feel} after the {adj} {noun}",
]
LABELLED_TEMPLATES = ["the {noun} was {adj}", "what a {adj} {noun}", "a {adj} {noun}", "my {noun} was {adj}"]
SPECIALS = ["[PAD]", "[CLS]", "[MASK]", "[UNK]"]
PAD, CLS, MASK, UNK = range(4)
MAX_LEN = 12


class Vocab:
    """Word <-> id mapping; ids 0-3 are ``[PAD] [CLS] [MASK] [UNK]``."""

    def __init__(self, words: list[str]) -> None:
        self.itos = SPECIALS + sorted(set(words) - set(SPECIALS))
        self.stoi = {w: i for i, w in enumerate(self.itos)}

    @classmethod
    def build(cls) -> Vocab:
        """The vocabulary of every template and word list above."""
        words = NOUNS + POSITIVE + NEGATIVE + FEEL_POS + FEEL_NEG
        for t in CORPUS_TEMPLATES + LABELLED_TEMPLATES:
            words += [w for w in t.split() if not w.startswith("{")]
        return cls(words)

    def __len__(self) -> int:
        return len(self.itos)

    def encode(self, sentence: str, length: int = MAX_LEN) -> list[int]:
        """``[CLS]`` + word ids, padded with ``[PAD]`` to ``length``."""
        ids = [CLS] + [self.stoi.get(w, UNK) for w in sentence.lower().split()]
        if len(ids) > length:
            raise DatasetError(f"sentence has {len(ids)} tokens with [CLS], more than length={length}: {sentence!r}")
        return ids + [PAD] * (length - len(ids))

    def decode(self, ids: list[int] | torch.Tensor) -> str:
        """Ids back to words (specials included)."""
        return " ".join(self.itos[int(i)] for i in ids)


def make_corpus(n: int = 3000, seed: int = 0) -> list[str]:
    """``n`` unlabelled sentences; opinion and feeling words always agree in polarity."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        adjs, feels = (POSITIVE, FEEL_POS) if rng.random() < 0.5 else (NEGATIVE, FEEL_NEG)
        t = rng.choice(CORPUS_TEMPLATES)
        out.append(t.format(noun=rng.choice(NOUNS), adj=rng.choice(adjs), feel=rng.choice(feels)))
    return out


def make_labelled(n: int, words: str = "seen", seed: int = 0) -> tuple[list[str], list[int]]:
    """``n`` short opinion sentences and labels (1 positive, 0 negative).

    ``words="seen"`` uses the first half of each opinion list, ``"unseen"`` the second.
    """
    if words not in ("seen", "unseen"):
        raise DatasetError(f"words must be 'seen' or 'unseen', got {words!r}")
    half = len(POSITIVE) // 2
    pick = slice(None, half) if words == "seen" else slice(half, None)
    rng = random.Random(seed)
    sentences, labels = [], []
    for _ in range(n):
        label = rng.randrange(2)
        adj = rng.choice((POSITIVE if label else NEGATIVE)[pick])
        sentences.append(rng.choice(LABELLED_TEMPLATES).format(noun=rng.choice(NOUNS), adj=adj))
        labels.append(label)
    return sentences, labels


def _encode_all(vocab: Vocab, sentences: list[str]) -> torch.Tensor:
    return torch.tensor([vocab.encode(s) for s in sentences], dtype=torch.int64)


class CorpusDataModule(TensorDataModule):
    """Token ids ``(N, 12)`` of :func:`make_corpus`, split 80/10/10 (masking happens in the model)."""

    def __init__(self, n: int = 3000, batch_size: int = 128, seed: int = 0) -> None:
        super().__init__()
        if n < 3:
            raise DatasetError(f"need at least 3 sentences, got n={n}")
        self.save_hyperparameters()
        self.vocab = Vocab.build()

    def setup(self, stage: str | None = None) -> None:
        self._set_splits((_encode_all(self.vocab, make_corpus(self.hparams.n, self.hparams.seed)),), (0.8, 0.1, 0.1))


class SentimentDataModule(TensorDataModule):
    """The labelled task: train and validation on seen opinion words, test on unseen ones."""

    def __init__(self, n_train: int = 200, n_test: int = 400, batch_size: int = 32, seed: int = 0) -> None:
        super().__init__()
        if n_train < 2 or n_test < 1:
            raise DatasetError(f"need n_train >= 2 and n_test >= 1, got {n_train}, {n_test}")
        self.save_hyperparameters()
        self.vocab = Vocab.build()

    def setup(self, stage: str | None = None) -> None:
        from torch.utils.data import TensorDataset

        from kb.datasets.base import split_tensors

        hp = self.hparams
        sentences, labels = make_labelled(hp.n_train, "seen", hp.seed)
        train, val = split_tensors((_encode_all(self.vocab, sentences), torch.tensor(labels)), (0.8, 0.2), hp.seed)
        self.train_set, self.val_set = TensorDataset(*train), TensorDataset(*val)
        sentences, labels = make_labelled(hp.n_test, "unseen", hp.seed + 1)
        self.test_set = TensorDataset(_encode_all(self.vocab, sentences), torch.tensor(labels))
