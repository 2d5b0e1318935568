"""kb.backprop_figure: the graph shows the numbers of the pass it was given."""

import matplotlib

matplotlib.use("Agg")

import pytest
import torch

from kb.backprop import init_mlp, mlp_backward, mlp_forward
from kb.backprop_figure import draw_backprop
from kb.plotting import assert_readable


def _pass(activation="tanh"):
    params = init_mlp(2, 2, 2, seed=3, dtype=torch.float64)
    X, y = torch.tensor([[1.0, -2.0], [0.5, 0.25]], dtype=torch.float64), torch.tensor([1, 0])
    loss, cache = mlp_forward(params, X, y, activation=activation)
    return params, cache, mlp_backward(params, cache), loss


def test_every_gradient_is_written_in_its_box():
    params, cache, grads, loss = _pass()
    fig = draw_backprop(params, cache, grads, loss)
    text = "\n".join(t.get_text() for t in fig.axes[0].texts)
    for name in ("W1", "b1", "W2", "b2"):
        for value in grads[name].flatten().tolist():
            assert f"{value:+.2f}".replace("-", "−") in text, (name, value)
    assert f"{loss.item():+.2f}" in text
    assert_readable(fig)


def test_only_tanh_is_labelled():
    with pytest.raises(ValueError, match="tanh"):
        draw_backprop(*_pass("relu"))
