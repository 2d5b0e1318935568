"""What the math pages say about their snippets' results, checked with the same kb code
(cheap and exact: the snippets' own hidden cells check the executed run)."""

from __future__ import annotations

import pytest
import torch

from kb.activations import relu_grad, sigmoid, sigmoid_grad, tanh, tanh_grad
from kb.optim import GD, Adam, Momentum
from kb.trajectories import elongated_bowl, parabola, path


def test_activations_page():
    x = torch.linspace(-6, 6, 1201)
    assert sigmoid_grad(x).max().item() == pytest.approx(0.25) and tanh_grad(x).max().item() == pytest.approx(1.0)
    sig_edge = x[sigmoid_grad(x) >= 0.1].abs().max().item()
    tanh_edge = x[tanh_grad(x) >= 0.1].abs().max().item()
    assert 1.5 < tanh_edge < sig_edge < 2.5  # "about 2", tanh "even sooner"
    assert relu_grad(x[x > 0]).eq(1).all() and relu_grad(x[x < 0]).eq(0).all()
    assert round(sigmoid(torch.tensor(-2.0)).item(), 3) == 0.119 and round(tanh(torch.tensor(2.0)).item(), 3) == 0.964


@pytest.mark.parametrize(
    "lr, behaviour", [(0.1, "monotone"), (0.5, "one step"), (0.9, "oscillates"), (1.05, "diverges")]
)
def test_learning_rate_panels(lr, behaviour):
    thetas = path(GD, parabola(1.0), [0.0], 15, lr=lr)[0][:, 0] - 1
    signs = torch.sign(thetas[1:])
    if behaviour == "monotone":
        assert (signs == -1).all() and (thetas.abs().diff() < 0).all()
    elif behaviour == "one step":
        assert thetas[1:].abs().max() < 1e-12
    else:
        assert (signs[1:] != signs[:-1]).all()  # crosses the minimum every step
        assert (thetas.abs()[-1] < thetas.abs()[0]) == (behaviour == "oscillates")


def test_optimizer_comparison_page():
    finals = {
        name: abs(path(cls, parabola(1.0), [0.0], 30, **o)[0][-1].item() - 1)
        for name, cls, o in [
            ("gd", GD, {"lr": 0.1}),
            ("momentum", Momentum, {"lr": 0.1, "momentum": 0.5}),
            ("adam", Adam, {"lr": 0.1}),
        ]
    }
    assert finals["momentum"] < finals["gd"] < finals["adam"]
    bowl = elongated_bowl(1.0, 25.0)
    runs = {
        name: path(cls, bowl, [-4.0, 1.2], 60, **o)[1]
        for name, cls, o in [
            ("gd", GD, {"lr": 0.07}),
            ("momentum", Momentum, {"lr": 0.07, "momentum": 0.7}),
            ("adam", Adam, {"lr": 0.3}),
        ]
    }
    assert runs["adam"][5] < runs["momentum"][5] < runs["gd"][5]
    assert runs["momentum"][-1] < min(runs["gd"][-1], runs["adam"][-1])
    assert 2 / 25 > 0.07 and abs(1 - 25 * 0.07) < 1  # GD is stable along y at η = 0.07
