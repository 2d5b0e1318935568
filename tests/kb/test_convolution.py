"""kb.convolution: the loops of the worked example compute what torch.nn.functional.conv2d computes."""

import pytest
import torch

from kb.convolution import cross_correlate, output_size, patch_product

SIZES = [  # (size, kernel, padding, stride, expected output side)
    (28, 3, 0, 1, 26),
    (8, 3, 1, 1, 8),
    (32, 5, 2, 2, 16),
    (7, 3, 0, 2, 3),
    (3, 3, 0, 1, 1),
]


@pytest.mark.parametrize("size, kernel, padding, stride, expected", SIZES)
def test_output_size(size, kernel, padding, stride, expected):
    assert output_size(size, kernel, padding, stride) == expected


@pytest.mark.parametrize("shape, k, padding, stride", [((8, 8), 3, 0, 1), ((7, 9), 3, 1, 2), ((6, 6), 2, 0, 2)])
def test_cross_correlate_matches_conv2d(shape, k, padding, stride):
    g = torch.Generator().manual_seed(0)
    image, kernel = (
        torch.randn(*shape, generator=g, dtype=torch.float64),
        torch.randn(k, k, generator=g, dtype=torch.float64),
    )
    ours = cross_correlate(image, kernel, bias=0.5, stride=stride, padding=padding)
    ref = torch.nn.functional.conv2d(
        image[None, None], kernel[None, None], torch.tensor([0.5], dtype=torch.float64), stride=stride, padding=padding
    )[0, 0]
    torch.testing.assert_close(ours, ref)


def test_patch_product_sums_to_the_output_value():
    image, kernel = torch.arange(36.0).reshape(6, 6), torch.tensor([[1.0, 0, -1], [1, 0, -1], [1, 0, -1]])
    patch, products = patch_product(image, kernel, 2, 1)
    assert torch.equal(patch, image[2:5, 1:4])
    assert products.sum() == cross_correlate(image, kernel)[2, 1]


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: output_size(2, 3), "does not fit"),
        (lambda: output_size(5, 3, stride=0), "stride >= 1"),
        (lambda: cross_correlate(torch.zeros(4, 4), torch.zeros(2, 3)), "square"),
        (lambda: patch_product(torch.zeros(4, 4), torch.zeros(3, 3), 2, 2), "outside the feature map"),
    ],
)
def test_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
