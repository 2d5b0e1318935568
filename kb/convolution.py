"""A convolution layer's arithmetic written out: one channel, one kernel, loops over
output positions, the formula of the CNN chapter
``Y[i, j] = b + sum_{u, v} W[u, v] * X[s*i + u, s*j + v]`` (cross-correlation, as every
framework computes it). Checked against ``torch.nn.functional.conv2d`` in the tests.

:func:`patch_product` gives the pieces of one output value, for a worked example.

>>> import torch
>>> x = torch.arange(16.0).reshape(4, 4)
>>> cross_correlate(x, torch.ones(3, 3)).tolist()
[[45.0, 54.0], [81.0, 90.0]]
>>> output_size(28, kernel=3, padding=0, stride=1)
26
"""

from __future__ import annotations

import torch

__all__ = ["output_size", "cross_correlate", "patch_product"]


def output_size(size: int, kernel: int, padding: int = 0, stride: int = 1) -> int:
    """``floor((size + 2 * padding - kernel) / stride) + 1``; raises if the kernel does not fit."""
    if kernel < 1 or stride < 1 or padding < 0:
        raise ValueError(f"need kernel >= 1, stride >= 1, padding >= 0, got {kernel}, {stride}, {padding}")
    if size + 2 * padding < kernel:
        raise ValueError(f"a {kernel}x{kernel} kernel does not fit an input of side {size} with padding {padding}")
    return (size + 2 * padding - kernel) // stride + 1


def cross_correlate(
    image: torch.Tensor, kernel: torch.Tensor, bias: float = 0.0, stride: int = 1, padding: int = 0
) -> torch.Tensor:
    """Slide ``kernel`` ``(k, k)`` over ``image`` ``(H, W)``: the feature map ``(H_out, W_out)``."""
    if image.ndim != 2 or kernel.ndim != 2 or kernel.shape[0] != kernel.shape[1]:
        raise ValueError(
            f"expected a 2-D image and a square 2-D kernel, got {tuple(image.shape)} and {tuple(kernel.shape)}"
        )
    k = kernel.shape[0]
    x = torch.nn.functional.pad(image, (padding,) * 4) if padding else image
    rows, cols = output_size(image.shape[0], k, padding, stride), output_size(image.shape[1], k, padding, stride)
    out = torch.empty(rows, cols, dtype=torch.promote_types(image.dtype, kernel.dtype))
    for i in range(rows):
        for j in range(cols):
            patch = x[stride * i : stride * i + k, stride * j : stride * j + k]
            out[i, j] = bias + (kernel * patch).sum()
    return out


def patch_product(
    image: torch.Tensor, kernel: torch.Tensor, i: int, j: int, stride: int = 1
) -> tuple[torch.Tensor, torch.Tensor]:
    """The patch under the kernel at output position ``(i, j)`` and the element-wise products
    whose sum is that output value (no padding)."""
    k = kernel.shape[0]
    patch = image[stride * i : stride * i + k, stride * j : stride * j + k]
    if patch.shape != kernel.shape:
        raise ValueError(f"output position ({i}, {j}) is outside the feature map")
    return patch, kernel * patch
