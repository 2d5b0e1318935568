"""Mini BERT: the corpus, masking, bad input, and pre-training vs training from scratch."""

import pytest
import torch

from kb.datasets.base import DatasetError
from kb.datasets.corpus import (
    CLS,
    MASK,
    NEGATIVE,
    PAD,
    POSITIVE,
    CorpusDataModule,
    SentimentDataModule,
    Vocab,
    make_corpus,
    make_labelled,
)
from kb.models.bert import LitBertClassifier, MiniBERT, mask_tokens


def test_corpus_is_deterministic_and_fits():
    vocab = Vocab.build()
    assert make_corpus(50, seed=1) == make_corpus(50, seed=1) != make_corpus(50, seed=2)
    ids = torch.tensor([vocab.encode(s) for s in make_corpus(500)])
    assert ids.shape == (500, 12) and (ids[:, 0] == CLS).all() and int(ids.max()) < len(vocab)
    assert "[UNK]" not in " ".join(vocab.decode(row) for row in ids)


def test_labelled_words_are_split_into_seen_and_unseen():
    seen = " ".join(make_labelled(300, "seen")[0]).split()
    unseen = " ".join(make_labelled(300, "unseen")[0]).split()
    opinion = set(POSITIVE + NEGATIVE)
    assert (set(seen) & opinion).isdisjoint(set(unseen) & opinion)
    assert set(seen) & opinion | set(unseen) & opinion == opinion


def test_data_modules():
    corpus, labelled = CorpusDataModule(n=100), SentimentDataModule(n_train=50, n_test=30)
    corpus.setup("fit"), labelled.setup("fit")
    assert [len(s) for s in (corpus.train_set, corpus.val_set, corpus.test_set)] == [80, 10, 10]
    assert [len(s) for s in (labelled.train_set, labelled.val_set, labelled.test_set)] == [40, 10, 30]


def test_masking_follows_the_rules():
    tokens = torch.tensor([Vocab.build().encode(s) for s in make_corpus(400)])
    inputs, labels = mask_tokens(tokens, vocab=57, prob=0.2, generator=torch.Generator().manual_seed(0))
    chosen = labels != -100
    assert not chosen[tokens == PAD].any() and not chosen[:, 0].any()  # never [PAD] or [CLS]
    assert (labels[chosen] == tokens[chosen]).all()
    assert (inputs[~chosen] == tokens[~chosen]).all()
    share = chosen.sum() / ((tokens != PAD) & (tokens != CLS)).sum()
    masked = (inputs[chosen] == MASK).float().mean()
    assert 0.17 < float(share) < 0.23 and 0.75 < float(masked) < 0.85


BAD = [
    (lambda: MiniBERT(vocab=10)(torch.zeros(2, 3)), ValueError, "expected integer tokens"),
    (lambda: MiniBERT(vocab=10)(torch.zeros(2, 40, dtype=torch.long)), ValueError, r"shape \(batch, <= 16\)"),
    (lambda: MiniBERT(vocab=10)(torch.tensor([[1, 12]])), ValueError, r"token ids must be in \[0, 10\)"),
    (
        lambda: LitBertClassifier(encoder="/no/such/encoder.pt"),
        FileNotFoundError,
        "encoder weights not found: /no/such",
    ),
    (lambda: Vocab.build().encode("a " * 20), DatasetError, "more than length=12"),
    (lambda: make_labelled(3, "some"), DatasetError, "'seen' or 'unseen'"),
]


@pytest.mark.parametrize("call, error, message", BAD)
def test_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()


@pytest.mark.slow
def test_pretraining_helps_on_unseen_words():
    from kb.models.pretraining import compare_pretraining

    result = compare_pretraining(seed=0)
    assert result["mlm_acc"] > 0.5  # measured 0.66 (many masked words are genuinely ambiguous)
    assert result["pretrained_acc"] >= 0.85  # measured 0.998
    assert result["scratch_acc"] <= 0.70  # measured 0.50: unseen words are random vectors


def test_run_pretraining_records_one_value_per_epoch():
    from kb.models.pretraining import run_pretraining

    run = run_pretraining(pretrain_epochs=2, finetune_epochs=3, seed=0, monitor=40)
    assert set(run.metrics) == {"mlm_acc", "pretrained_acc", "scratch_acc"}
    assert len(run.curves["mlm_val_acc"]) == len(run.curves["mlm_val_loss"]) == 2
    for name in ("pretrained", "scratch"):
        assert len(run.curves[f"{name}_unseen_acc"]) == len(run.curves[f"{name}_val_acc"]) == 3
        assert all(0 <= a <= 1 for a in run.curves[f"{name}_unseen_acc"])
