"""kb.models.residual: shapes, parameter counts, the skip connection, and a smoke run."""

import pytest
import torch

from kb import make_trainer
from kb.datasets.digits import DigitsDataModule
from kb.models.residual import DeepMLP, LitDeepMLP, ResidualBlock


@pytest.mark.parametrize("width", [4, 32, 64])
def test_block_keeps_the_shape_and_has_two_linear_layers(width):
    block = ResidualBlock(width)
    assert block(torch.zeros(3, width)).shape == (3, width)
    assert sum(p.numel() for p in block.parameters()) == 2 * width * (width + 1)


@pytest.mark.parametrize("residual", [True, False])
def test_block_formula(residual):
    torch.manual_seed(0)
    block, h = ResidualBlock(5, residual), torch.randn(4, 5)
    f = block.fc2(torch.relu(block.fc1(h)))
    expected = torch.relu(h + f) if residual else torch.relu(f)
    torch.testing.assert_close(block(h), expected)


def test_zero_residual_branch_is_the_identity_on_nonnegative_inputs():
    block = ResidualBlock(6)
    torch.nn.init.zeros_(block.fc2.weight), torch.nn.init.zeros_(block.fc2.bias)
    h = torch.rand(3, 6)
    torch.testing.assert_close(block(h), h)


def test_deep_mlp_shapes_and_bad_input():
    model = DeepMLP(in_features=64, width=16, depth=4, classes=10, residual=False)
    assert model(torch.zeros(2, 64)).shape == (2, 10)
    assert len(model.blocks) == 4 and not model.blocks[0].residual
    with pytest.raises(ValueError, match=r"expected input of shape \(batch, 64\)"):
        model(torch.zeros(2, 1, 8, 8))


def test_smoke_run():
    data = DigitsDataModule(flatten=True)
    make_trainer(max_epochs=1, fast_dev_run=True, quiet=True).fit(LitDeepMLP(depth=2, width=8), data)
