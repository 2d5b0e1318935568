"""kb.models.vit: patches as tokens, checked against unfold and a strided convolution."""

import pytest
import torch

from kb.models.vit import PatchEmbedding, patchify

# (image shape, patch) -> (patches N, numbers per patch)
SHAPES = [
    ((3, 224, 224), 16, 196, 768),
    ((3, 224, 224), 32, 49, 3072),
    ((1, 8, 8), 4, 4, 16),
    ((1, 28, 28), 7, 16, 49),
]


@pytest.mark.parametrize("shape, patch, n, size", SHAPES)
def test_patch_count_and_size(shape, patch, n, size):
    assert patchify(torch.zeros(2, *shape), patch).shape == (2, n, size)


def test_patches_match_unfold():
    torch.manual_seed(0)
    images = torch.randn(2, 3, 12, 8)
    expected = torch.nn.functional.unfold(images, kernel_size=4, stride=4).transpose(1, 2)  # (B, N, C*P*P)
    torch.testing.assert_close(patchify(images, 4), expected)


def test_first_patch_is_the_top_left_corner():
    image = torch.arange(64.0).view(1, 1, 8, 8)
    torch.testing.assert_close(patchify(image, 4)[0, 0], image[0, 0, :4, :4].flatten())
    torch.testing.assert_close(patchify(image, 4)[0, 1], image[0, 0, :4, 4:].flatten())  # then to the right


def test_linear_patch_embedding_is_a_strided_convolution():
    torch.manual_seed(0)
    embed, images = PatchEmbedding(image_size=8, patch=4, channels=2, d_model=5), torch.randn(3, 2, 8, 8)
    conv = torch.nn.Conv2d(2, 5, kernel_size=4, stride=4)
    with torch.no_grad():
        conv.weight.copy_(embed.proj.weight.view(5, 2, 4, 4))
        conv.bias.copy_(embed.proj.bias)
    tokens = embed(images)
    assert tokens.shape == (3, 4 + 1, 5)  # a class token in front
    torch.testing.assert_close(tokens[:, 1:] - embed.pos[:, 1:], conv(images).flatten(2).transpose(1, 2))


@pytest.mark.parametrize(
    "images, patch, message",
    [(torch.zeros(1, 1, 10, 10), 4, "not a multiple of the patch size 4"), (torch.zeros(8, 8), 4, "expected images")],
)
def test_bad_input(images, patch, message):
    with pytest.raises(ValueError, match=message):
        patchify(images, patch)
