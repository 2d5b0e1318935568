"""kb.models.cnn: shapes, bad input, and the first layer's feature maps."""

import pytest
import torch

from kb.models.cnn import CNN, feature_maps


@pytest.mark.parametrize("side", [8, 28])
def test_output_shape(side):
    assert CNN()(torch.zeros(2, 1, side, side)).shape == (2, 10)


@pytest.mark.parametrize("layer, channels", [(1, 16), (2, 32)])
def test_feature_maps_are_the_relu_of_the_convolutions(layer, channels):
    torch.manual_seed(0)
    model, x = CNN().train(), torch.rand(3, 1, 8, 8)
    maps = feature_maps(model, x, layer)
    assert maps.shape == (3, channels, 8, 8) and (maps >= 0).all() and model.training  # mode restored
    conv1 = model.features[0]
    expected = torch.relu(torch.nn.functional.conv2d(x, conv1.weight, conv1.bias, padding=1))
    if layer == 2:
        conv2 = model.features[2]
        expected = torch.relu(torch.nn.functional.conv2d(expected, conv2.weight, conv2.bias, padding=1))
    torch.testing.assert_close(maps, expected)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: feature_maps(CNN(), torch.zeros(1, 1, 8, 8), layer=3), "layer must be 1 or 2"),
        (lambda: CNN()(torch.zeros(1, 3, 8, 8)), r"expected images of shape \(batch, 1, H, W\)"),
    ],
)
def test_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
