"""kb.trajectories: optimizer paths follow their update rules; divergence is cut off."""

import pytest
import torch

from kb.optim import GD, Adam, Momentum
from kb.trajectories import elongated_bowl, grid, parabola, path


@pytest.mark.parametrize("lr", [0.1, 0.5, 0.9, 1.05])
def test_gd_on_the_parabola_follows_the_closed_form(lr):
    thetas, losses = path(GD, parabola(1.0), [0.0], 12, lr=lr)
    expected = 1 - (1 - 2 * lr) ** torch.arange(13, dtype=torch.float64)  # θ_t - 1 = (1 - 2η)^t (θ_0 - 1)
    torch.testing.assert_close(thetas[:, 0], expected)
    torch.testing.assert_close(losses, (expected - 1) ** 2)


@pytest.mark.parametrize(
    "ours, theirs, options",
    [
        (GD, torch.optim.SGD, {"lr": 0.05}),
        (Momentum, torch.optim.SGD, {"lr": 0.05, "momentum": 0.7}),
        (Adam, torch.optim.Adam, {"lr": 0.3}),
    ],
)
def test_any_optimizer_class_runs_and_ours_match_torch(ours, theirs, options):
    bowl = elongated_bowl(1.0, 25.0)
    a, _ = path(ours, bowl, [-4.0, 1.2], 30, **options)
    b, _ = path(theirs, bowl, [-4.0, 1.2], 30, **options)
    torch.testing.assert_close(a, b)


def test_a_diverging_path_stops_at_the_last_finite_iterate():
    thetas, losses = path(GD, parabola(1.0), [0.0], 5000, lr=3.0)
    assert 1 < len(thetas) < 5001 and torch.isfinite(losses).all() and len(losses) == len(thetas)


def test_grid_evaluates_the_surface():
    X, Y, Z = grid(elongated_bowl(1.0, 4.0), (-1, 1), (-2, 2), n=5)
    assert X.shape == Y.shape == Z.shape == (5, 5)
    torch.testing.assert_close(Z, 0.5 * (X**2 + 4 * Y**2))


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: elongated_bowl(1.0, 0.0), "positive"),
        (lambda: path(GD, parabola(), [0.0], -1, lr=0.1), "steps must be >= 0"),
    ],
)
def test_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
