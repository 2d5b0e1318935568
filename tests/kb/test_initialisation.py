"""kb.initialisation: the Xavier/He formulas against torch.nn.init, and the variance through depth."""

import math

import pytest
import torch

from kb.initialisation import activation_stds, he_std, xavier_std


@pytest.mark.parametrize("fan_in, fan_out", [(256, 256), (400, 100), (64, 10)])
def test_formulas_match_torch_init(fan_in, fan_out):
    torch.manual_seed(0)
    w = torch.empty(fan_out, fan_in)  # nn.Linear's layout: (out, in)
    torch.nn.init.xavier_normal_(w)
    assert w.std().item() == pytest.approx(xavier_std(fan_in, fan_out), rel=0.05)
    torch.nn.init.kaiming_normal_(w, nonlinearity="relu")
    assert w.std().item() == pytest.approx(he_std(fan_in), rel=0.05)
    assert he_std(fan_in) == pytest.approx(math.sqrt(2 / fan_in))


# (weight std, activation, what the std after 50 layers does)
BEHAVIOUR = [
    (he_std(256), "relu", "stays"),
    (math.sqrt(4 / 256), "relu", "explodes"),  # twice He: a factor sqrt(2) per layer
    (0.01, "relu", "vanishes"),
    (1 / math.sqrt(256), "linear", "stays"),
    (0.5 / math.sqrt(256), "tanh", "vanishes"),
]


@pytest.mark.parametrize("std, activation, fate", BEHAVIOUR)
def test_activation_std_through_depth(std, activation, fate):
    stds = activation_stds(std, depth=50, width=256, activation=activation)
    assert len(stds) == 51 and stds[0] == pytest.approx(1.0, rel=0.05)
    last = stds[-1]
    if fate == "stays":
        assert 0.2 < last < 5, stds
    elif fate == "explodes":
        assert last > 1e5, stds
    else:
        assert last < 1e-3, stds


def test_unknown_activation():
    with pytest.raises(ValueError, match="unknown activation 'elu'"):
        activation_stds(1.0, activation="elu")
