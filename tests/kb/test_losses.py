"""Losses against torch.nn.functional: values and gradients (float64, rtol 1e-10)."""

import pytest
import torch
import torch.nn.functional as F

from kb import losses as L


def _rand(*shape, seed=0):
    g = torch.Generator().manual_seed(seed)
    return torch.randn(*shape, generator=g, dtype=torch.float64)


def _probs(n):
    return torch.sigmoid(_rand(n, seed=1))


def _labels(n):
    return (_rand(n, seed=2) > 0).double()


# (name, ours, reference, make inputs) — the reference is the oracle
CASES = [
    ("mse", L.mse, F.mse_loss, lambda: (_rand(10), _rand(10, seed=3))),
    ("half_mse", L.half_mse, lambda a, b: F.mse_loss(a, b) / 2, lambda: (_rand(10), _rand(10, seed=3))),
    ("bce", L.binary_cross_entropy, F.binary_cross_entropy, lambda: (_probs(10), _labels(10))),
    (
        "bce_logits",
        L.binary_cross_entropy_with_logits,
        F.binary_cross_entropy_with_logits,
        lambda: (_rand(10) * 30, _labels(10)),
    ),
    (
        "categorical_ce",
        L.categorical_cross_entropy,
        lambda p, y: F.nll_loss(torch.log(p), y.argmax(1)),
        lambda: (torch.softmax(_rand(8, 4), 1), F.one_hot(torch.arange(8) % 4, 4).double()),
    ),
    ("cross_entropy", L.cross_entropy, F.cross_entropy, lambda: (_rand(8, 4) * 50, torch.arange(8) % 4)),
    (
        "sum_ce",
        L.sum_cross_entropy,
        lambda p, y: F.nll_loss(torch.log(p), y.argmax(1), reduction="sum"),
        lambda: (torch.softmax(_rand(8, 4), 1), F.one_hot(torch.arange(8) % 4, 4).double()),
    ),
]


@pytest.mark.parametrize("name, ours, ref, make", CASES, ids=[c[0] for c in CASES])
def test_matches_pytorch(name, ours, ref, make):
    a, b = make()
    a1, a2 = a.clone().requires_grad_(), a.clone().requires_grad_()
    ours(a1, b).backward()
    ref(a2, b).backward()
    torch.testing.assert_close(ours(a, b), ref(a, b), rtol=1e-10, atol=1e-12)
    torch.testing.assert_close(a1.grad, a2.grad, rtol=1e-10, atol=1e-12)


def test_half_mse_gradient_has_no_factor_two():
    y_hat = torch.tensor([3.0], requires_grad=True)
    L.half_mse(y_hat, torch.tensor([1.0])).backward()
    assert float(y_hat.grad) == 2.0  # d/dŷ (ŷ-y)²/2 = ŷ - y


def test_cross_entropy_equals_categorical_of_softmax():
    logits, target = _rand(5, 3), torch.tensor([0, 2, 1, 1, 0])
    one_hot = F.one_hot(target, 3).double()
    torch.testing.assert_close(L.cross_entropy(logits, target), L.categorical_cross_entropy(logits.softmax(1), one_hot))


BAD = [  # (function, args, message fragment)
    (L.mse, (torch.zeros(3), torch.zeros(4)), r"prediction shape \(3,\) != target shape \(4,\)"),
    (L.mse, (torch.zeros(0), torch.zeros(0)), "empty"),
    (L.binary_cross_entropy, (torch.zeros(2, 1), torch.zeros(2)), "shape"),
    (L.cross_entropy, (torch.zeros(3), torch.zeros(3)), r"expected logits \(batch, classes\)"),
    (L.cross_entropy, (torch.zeros(2, 3), torch.tensor([0, 3])), r"class indices must be in \[0, 3\)"),
    (L.categorical_cross_entropy, (torch.zeros(3), torch.zeros(3)), "expected"),
]


@pytest.mark.parametrize("fn, args, message", BAD)
def test_bad_shapes_raise_a_clear_error(fn, args, message):
    with pytest.raises(L.LossShapeError, match=message):
        fn(*args)
