"""Activations against torch.nn.functional (values) and autograd (derivatives)."""

import pytest
import torch
import torch.nn.functional as F

from kb import activations as A

CASES = [  # (ours, reference)
    (A.relu, F.relu),
    (A.sigmoid, torch.sigmoid),
    (A.tanh, torch.tanh),
    (lambda z: A.softmax(z, dim=-1), lambda z: F.softmax(z, dim=-1)),
    (lambda z: A.log_softmax(z, dim=-1), lambda z: F.log_softmax(z, dim=-1)),
]


@pytest.mark.parametrize("ours, ref", CASES)
def test_values_and_gradients_match_pytorch(ours, ref):
    torch.manual_seed(0)
    z = (torch.randn(6, 5, dtype=torch.float64) * 4).requires_grad_()
    z_ref = z.detach().clone().requires_grad_()
    out, out_ref = ours(z), ref(z_ref)
    torch.testing.assert_close(out, out_ref, rtol=1e-12, atol=1e-12)
    w = torch.randn_like(out)
    (out * w).sum().backward()
    (out_ref * w).sum().backward()
    torch.testing.assert_close(z.grad, z_ref.grad, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("name", sorted(A.ACTIVATIONS))
def test_hand_derivative_matches_autograd(name):
    fn, grad = A.ACTIVATIONS[name]
    z = torch.linspace(-6, 6, 101, dtype=torch.float64).requires_grad_()
    fn(z).sum().backward()
    torch.testing.assert_close(grad(z.detach()), z.grad, rtol=1e-10, atol=1e-12)


def test_extreme_inputs_do_not_overflow():
    z = torch.tensor([-1000.0, 0.0, 1000.0])
    assert A.sigmoid(z).tolist() == [0.0, 0.5, 1.0]
    assert A.tanh(z).tolist() == [-1.0, 0.0, 1.0]
    assert torch.isfinite(A.softmax(z)).all()
    assert torch.isfinite(A.log_softmax(z)).all()


def test_empty_softmax_is_an_error():
    with pytest.raises(ValueError, match="empty"):
        A.softmax(torch.empty(0))


@pytest.mark.parametrize("z", [[2.0, 1.0, -1.0], [0.0, 0.0], [10.0, -3.0, 0.5, 7.0], [5.0]])
def test_softmax_jacobian_matches_autograd(z):
    z = torch.tensor(z, dtype=torch.float64)
    ours = A.softmax_jacobian(z)
    ref = torch.autograd.functional.jacobian(lambda t: F.softmax(t, dim=0), z)
    torch.testing.assert_close(ours, ref)
    torch.testing.assert_close(ours.sum(dim=1), torch.zeros(len(z), dtype=torch.float64))


def test_softmax_jacobian_rejects_a_batch():
    with pytest.raises(ValueError, match="1-D"):
        A.softmax_jacobian(torch.zeros(2, 3))
