"""kb.datasets.augment: jitter adds noise of the given size, and nothing else."""

import pytest
import torch

from kb.datasets.augment import jitter


@pytest.mark.parametrize("std", [0.0, 0.1, 0.5])
def test_jitter_adds_zero_mean_noise_of_the_given_std(std):
    x = torch.arange(20000.0).view(10000, 2)
    noise = jitter(x, std, torch.Generator().manual_seed(0)) - x
    assert noise.mean().abs().item() < 0.02 and noise.std().item() == pytest.approx(std, abs=0.02)


def test_jitter_is_seeded():
    x = torch.zeros(5, 3)
    a, b = (jitter(x, 1.0, torch.Generator().manual_seed(1)) for _ in range(2))
    assert torch.equal(a, b) and not torch.equal(a, x)


def test_negative_std():
    with pytest.raises(ValueError, match="jitter std must be >= 0"):
        jitter(torch.zeros(1, 2), -0.1)
