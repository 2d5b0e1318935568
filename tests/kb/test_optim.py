"""Optimizers from the update rules against torch.optim, 300 steps, float64 (rtol 1e-9)."""

import pytest
import torch

from kb import optim

STEPS = 300

# (ours, reference, hyper-parameters)
PAIRS = [
    (optim.GD, torch.optim.SGD, {"lr": 0.05}),
    (optim.SGD, torch.optim.SGD, {"lr": 0.05}),
    (optim.Momentum, torch.optim.SGD, {"lr": 0.02, "momentum": 0.9}),
    (optim.Adam, torch.optim.Adam, {"lr": 0.01, "betas": (0.9, 0.999), "eps": 1e-8}),
    (optim.Adam, torch.optim.Adam, {"lr": 0.003, "betas": (0.8, 0.99), "eps": 1e-6}),
]


def _problem(seed=0):
    """A small MLP regression problem; each step sees a different mini-batch."""
    g = torch.Generator().manual_seed(seed)
    X = torch.randn(256, 3, generator=g, dtype=torch.float64)
    y = torch.sin(X.sum(1, keepdim=True))
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(3, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1)).double()
    return X, y, model


def _run(opt_cls, hp, stochastic):
    X, y, model = _problem()
    opt = opt_cls(model.parameters(), **hp)
    g = torch.Generator().manual_seed(1)
    losses = []
    for _ in range(STEPS):
        idx = torch.randint(0, len(X), (32,), generator=g) if stochastic else slice(None)
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(X[idx]), y[idx])
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return [p.detach() for p in model.parameters()], losses


@pytest.mark.parametrize("stochastic", [False, True], ids=["full-batch", "mini-batch"])
@pytest.mark.parametrize("ours, ref, hp", PAIRS, ids=lambda v: getattr(v, "__name__", ""))
def test_matches_torch_optim_over_many_steps(ours, ref, hp, stochastic):
    params, losses = _run(ours, hp, stochastic)
    ref_params, ref_losses = _run(ref, hp, stochastic)
    for p, q in zip(params, ref_params, strict=True):
        torch.testing.assert_close(p, q, rtol=1e-9, atol=1e-11)
    assert losses == pytest.approx(ref_losses, rel=1e-9)
    assert losses[-1] < losses[0]  # and it actually optimises


def test_step_with_closure_returns_loss():
    w = torch.nn.Parameter(torch.tensor([2.0]))
    opt = optim.Adam([w], lr=0.1)

    def closure():
        opt.zero_grad()
        loss = (w**2).sum()
        loss.backward()
        return loss

    assert opt.step(closure).item() == 4.0
    assert w.item() < 2.0


def test_parameters_without_gradient_are_left_alone():
    a, b = torch.nn.Parameter(torch.ones(2)), torch.nn.Parameter(torch.ones(2))
    opt = optim.Momentum([a, b], lr=0.1)
    a.sum().backward()
    opt.step()
    assert b.tolist() == [1.0, 1.0] and a.tolist() == pytest.approx([0.9, 0.9])


BAD = [
    (optim.GD, {"lr": -1.0}, "lr must be >= 0.0"),
    (optim.Momentum, {"momentum": 1.0}, r"momentum must be \[0.0, 1.0\)"),
    (optim.Adam, {"betas": (0.9, 1.5)}, "beta2"),
    (optim.Adam, {"eps": -1e-8}, "eps"),
]


@pytest.mark.parametrize("cls, hp, message", BAD)
def test_invalid_hyper_parameters(cls, hp, message):
    with pytest.raises(optim.OptimizerConfigError, match=message):
        cls([torch.nn.Parameter(torch.zeros(1))], **hp)
