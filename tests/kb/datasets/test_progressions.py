"""kb.datasets.progressions: arithmetic progressions and the next-token pairs."""

import pytest
import torch

from kb.datasets.errors import DatasetError
from kb.datasets.progressions import ProgressionsDataModule, make_progressions, next_token_pairs


@pytest.mark.parametrize("vocab, length", [(10, 12), (7, 5), (2, 3)])
def test_every_sequence_has_a_constant_nonzero_step(vocab, length):
    tokens = make_progressions(200, length, vocab, seed=1)
    steps = (tokens[:, 1:] - tokens[:, :-1]) % vocab
    assert tokens.shape == (200, length) and tokens.dtype == torch.int64
    assert (steps == steps[:, :1]).all() and (steps > 0).all() and tokens.max() < vocab


def test_next_token_pairs_shift_by_one():
    tokens = torch.tensor([[3, 5, 7, 9]])
    x, y = next_token_pairs(tokens)
    assert x.tolist() == [[3, 5, 7]] and y.tolist() == [[5, 7, 9]]


def test_data_module_serves_pairs():
    data = ProgressionsDataModule(n=100, length=6, batch_size=16)
    data.setup()
    x, y = next(iter(data.train_dataloader()))
    assert x.shape == y.shape == (16, 5) and torch.equal(x[:, 1:], y[:, :-1])
    assert len(data.train_set) + len(data.val_set) + len(data.test_set) == 100


def test_bad_arguments():
    with pytest.raises(DatasetError, match="need n >= 1, length >= 2 and vocab >= 2"):
        make_progressions(10, length=1)
