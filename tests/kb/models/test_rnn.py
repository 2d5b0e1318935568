"""Recurrent classifiers: shapes, bad input, and why gates help (gradient flow)."""

import pytest
import torch

from kb.datasets.base import DatasetError
from kb.datasets.sequences import RecallDataModule, make_recall_data
from kb.models.recall import recall_accuracy, recall_by_length
from kb.models.rnn import RecurrentClassifier, gru_step, input_gradient_norms, lstm_step


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_output_shape(cell):
    model = RecurrentClassifier(cell, vocab=12, classes=4)
    assert model(torch.zeros(3, 9, dtype=torch.long)).shape == (3, 4)


def test_gates_keep_the_gradient_of_early_inputs():
    """At initialisation the gradient reaching step 0 of a 40-step sequence."""
    x, y = make_recall_data(n=256, length=40, seed=0)
    first_over_last = {}
    for cell in ("rnn", "lstm", "gru"):
        torch.manual_seed(0)
        norms = input_gradient_norms(RecurrentClassifier(cell), x, y)
        first_over_last[cell] = float(norms[0] / norms[-1])
    assert first_over_last["rnn"] < 1e-4  # vanished
    assert first_over_last["lstm"] > 1e-2 and first_over_last["gru"] > 1e-2


@pytest.mark.parametrize("gate_bias", [0.0, 3.0])
def test_gru_step_by_hand_matches_nn_gru(gate_bias):
    torch.manual_seed(0)
    gru = RecurrentClassifier("gru", gate_bias=gate_bias).rnn
    x, h = torch.randn(5, 16), torch.randn(5, 32)
    step = gru_step(gru, x, h)
    torch.testing.assert_close(step["h"], gru(x[:, None], h[None])[1][0], rtol=0, atol=1e-6)
    # PyTorch's convention: h_t = (1 - z) n + z h_{t-1}, so z near 1 keeps the state
    torch.testing.assert_close(step["h"], (1 - step["z"]) * step["n"] + step["z"] * h)
    if gate_bias == 3.0:
        assert step["z"].mean() > 0.9


@pytest.mark.parametrize("input_size, hidden", [(1, 1), (3, 4), (16, 32)])
def test_lstm_step_by_hand_matches_nn_lstm_cell(input_size, hidden):
    torch.manual_seed(0)
    cell = torch.nn.LSTMCell(input_size, hidden)
    x, h, c = torch.randn(5, input_size), torch.randn(5, hidden), torch.randn(5, hidden)
    step = lstm_step(cell, x, h, c)
    h_ref, c_ref = cell(x, (h, c))
    torch.testing.assert_close(step["h"], h_ref, rtol=0, atol=1e-6)
    torch.testing.assert_close(step["c"], c_ref, rtol=0, atol=1e-6)
    torch.testing.assert_close(step["c"], step["f"] * c + step["i"] * step["g"])  # the additive update
    assert step["pre"].shape == (5, 4 * hidden)


def test_recall_accuracy_tiny_budget():
    short = recall_accuracy("gru", length=4, epochs=8, n=300, seed=0)
    assert 0.25 < short <= 1.0
    table = recall_by_length(("rnn",), lengths=(3, 5), epochs=1, n=60, seeds=(0, 1))
    assert list(table) == ["rnn"] and [len(r) for r in table["rnn"]] == [2, 2]


BAD = [
    (lambda: RecurrentClassifier("transformer"), ValueError, "unknown recurrent cell 'transformer'"),
    (lambda: RecurrentClassifier()(torch.zeros(2, 5)), ValueError, r"expected integer tokens of shape \(batch, time\)"),
    (lambda: RecurrentClassifier()(torch.zeros(5, dtype=torch.long)), ValueError, "expected integer tokens"),
    (lambda: make_recall_data(length=1), DatasetError, "length must be at least 2"),
    (lambda: RecallDataModule(classes=12, vocab=12), DatasetError, "need 2 <= classes < vocab"),
]


@pytest.mark.parametrize("call, error, message", BAD)
def test_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()
