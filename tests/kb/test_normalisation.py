"""kb.normalisation against torch.nn.BatchNorm1d and torch.nn.LayerNorm."""

import pytest
import torch

from kb.normalisation import BatchNorm, LayerNorm, batch_norm, layer_norm


def _copy_affine(ours, theirs):
    with torch.no_grad():
        theirs.weight.copy_(ours.gamma)
        theirs.bias.copy_(ours.beta)


@pytest.mark.parametrize("shape", [(8, 3), (32, 5), (2, 1)])
def test_batch_norm_matches_batchnorm1d_in_training_and_evaluation(shape):
    torch.manual_seed(0)
    ours, theirs = BatchNorm(shape[1]), torch.nn.BatchNorm1d(shape[1])
    with torch.no_grad():
        ours.gamma.uniform_(0.5, 2.0)
        ours.beta.normal_()
    _copy_affine(ours, theirs)
    for _ in range(3):  # three training steps update the running statistics
        x = torch.randn(*shape) * 3 + 1
        torch.testing.assert_close(ours(x), theirs(x))
    torch.testing.assert_close(ours.running_mean, theirs.running_mean)
    torch.testing.assert_close(ours.running_var, theirs.running_var)
    ours.eval(), theirs.eval()
    x = torch.randn(4, shape[1])
    torch.testing.assert_close(ours(x), theirs(x))


@pytest.mark.parametrize("shape", [(4, 6), (2, 3, 8), (1, 4)])
def test_layer_norm_matches_torch_layernorm(shape):
    torch.manual_seed(1)
    ours, theirs = LayerNorm(shape[-1]), torch.nn.LayerNorm(shape[-1])
    with torch.no_grad():
        ours.gamma.uniform_(0.5, 2.0)
        ours.beta.normal_()
    _copy_affine(ours, theirs)
    x = torch.randn(*shape) * 5 - 2
    torch.testing.assert_close(ours(x), theirs(x))
    ours.eval(), theirs.eval()  # layer norm is the same in evaluation
    torch.testing.assert_close(ours(x), theirs(x))


# (function, input, eps, expected): what each one standardises, written out
CASES = [
    (layer_norm, [[1.0, 2.0, 3.0, 4.0]], 0.0, [[-1.3416408, -0.4472136, 0.4472136, 1.3416408]]),
    (layer_norm, [[2.0, 2.0], [0.0, 4.0]], 1e-12, [[0.0, 0.0], [-1.0, 1.0]]),  # a constant row becomes 0
    (batch_norm, [[1.0, 0.0], [3.0, 0.0]], 1e-12, [[-1.0, 0.0], [1.0, 0.0]]),  # columns, not rows
]


@pytest.mark.parametrize("function, x, eps, expected", CASES)
def test_standardised_values(function, x, eps, expected):
    torch.testing.assert_close(function(torch.tensor(x), eps=eps), torch.tensor(expected))


def test_gamma_and_beta_rescale():
    x = torch.tensor([[1.0, 2.0, 3.0, 4.0]])
    z = layer_norm(x)
    torch.testing.assert_close(layer_norm(x, torch.full((4,), 2.0), torch.full((4,), 1.0)), 2 * z + 1)
