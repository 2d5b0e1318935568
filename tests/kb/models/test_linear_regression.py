"""Linear regression by gradient descent reaches the closed-form least-squares solution."""

import pytest
import torch

from kb.datasets.synthetic import LinearDataModule, make_linear_data
from kb.models.linear_regression import LinearRegression, LitLinearRegression, closed_form
from kb.training import LossHistory, make_trainer, seed_everything


def test_gradient_descent_matches_closed_form():
    seed_everything(0)
    data, model, history = LinearDataModule(), LitLinearRegression(lr=0.5), LossHistory()
    make_trainer(300, quiet=True, callbacks=[history]).fit(model, datamodule=data)
    x, y = data.train_set.tensors
    w, b = closed_form(x, y)
    assert model.model.linear.weight.item() == pytest.approx(float(w), abs=1e-3)
    assert model.model.linear.bias.item() == pytest.approx(float(b), abs=1e-3)
    losses = history.history["train_loss"]
    assert len(losses) == 300 and losses[-1] < losses[0]
    assert losses[-1] == pytest.approx(float(((x[:, 0] * w + b - y) ** 2).mean()), rel=1e-4)


def test_closed_form_recovers_the_generating_line():
    x, y = make_linear_data(n=5000, noise=0.1, seed=1)
    w, b = closed_form(x, y)
    assert float(w) == pytest.approx(2.0, abs=0.02) and float(b) == pytest.approx(-1.0, abs=0.02)


def test_wrong_input_shape():
    with pytest.raises(ValueError, match=r"expected input of shape \(batch, 1\), got \(4,\)"):
        LinearRegression()(torch.zeros(4))
