"""Hand-written backward passes against torch.autograd (float64, rtol 1e-10)."""

import pytest
import torch

from kb import backprop as bp


def _data(n=16, d=3, k=4, seed=0):
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(n, d, generator=g, dtype=torch.float64)
    return X, torch.randint(0, k, (n,), generator=g)


def test_logistic_regression_gradients_match_autograd():
    X, y = _data(k=2)
    w = torch.randn(3, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(0.3, dtype=torch.float64, requires_grad=True)
    loss, cache = bp.logistic_forward(w, b, X, y)
    grads = bp.logistic_backward(cache)
    loss.backward()
    ref = torch.nn.functional.binary_cross_entropy_with_logits(X @ w + b, y.double())
    torch.testing.assert_close(loss, ref, rtol=1e-12, atol=0)
    torch.testing.assert_close(grads["w"], w.grad, rtol=1e-10, atol=1e-12)
    torch.testing.assert_close(grads["b"], b.grad, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("activation", ["tanh", "sigmoid", "relu"])
def test_mlp_gradients_match_autograd(activation):
    X, y = _data()
    params = bp.init_mlp(3, 5, 4, seed=1, dtype=torch.float64)
    for p in params.values():
        p.requires_grad_()
    loss, cache = bp.mlp_forward(params, X, y, activation=activation)
    grads = bp.mlp_backward(params, cache)
    loss.backward()
    for name, p in params.items():
        assert grads[name].shape == p.shape
        torch.testing.assert_close(grads[name], p.grad, rtol=1e-10, atol=1e-12, msg=name)


def test_gradient_descent_by_hand_learns():
    X, y = _data(n=64, d=2, k=2)
    y = (X[:, 0] * X[:, 1] > 0).long()  # XOR-like: needs the hidden layer
    params = bp.init_mlp(2, 16, 2, seed=0, dtype=torch.float64)
    first = None
    for _ in range(500):
        loss, cache = bp.mlp_forward(params, X, y)
        first = float(loss) if first is None else first
        params = bp.gradient_step(params, bp.mlp_backward(params, cache), lr=1.0)
    assert float(loss) < 0.5 * first


BAD = [
    (lambda: bp.mlp_forward(bp.init_mlp(3, 4, 2), torch.zeros(5, 2), torch.zeros(5)), r"X of shape \(n, 3\)"),
    (lambda: bp.mlp_forward(bp.init_mlp(3, 4, 2), torch.zeros(5, 3), torch.zeros(4)), r"y of shape \(5,\)"),
    (lambda: bp.logistic_forward(torch.zeros(2), torch.tensor(0.0), torch.zeros(0, 2), torch.zeros(0)), "empty"),
]


@pytest.mark.parametrize("call, message", BAD)
def test_bad_shapes(call, message):
    with pytest.raises(bp.BackpropShapeError, match=message):
        call()


def test_unknown_activation():
    with pytest.raises(ValueError, match="unknown activation 'gelu'"):
        bp.mlp_forward(bp.init_mlp(2, 2, 2), torch.zeros(1, 2), torch.zeros(1), activation="gelu")
