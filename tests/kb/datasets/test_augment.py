"""kb.datasets.augment: shifting images, written out on a 3x3 image."""

import pytest
import torch

from kb.datasets.augment import random_shift, shift

IMAGE = torch.arange(1.0, 10.0).view(3, 3)

# (dy, dx) -> the shifted image
SHIFTS = [
    ((0, 0), [[1, 2, 3], [4, 5, 6], [7, 8, 9]]),
    ((1, 0), [[0, 0, 0], [1, 2, 3], [4, 5, 6]]),
    ((-1, 0), [[4, 5, 6], [7, 8, 9], [0, 0, 0]]),
    ((0, 1), [[0, 1, 2], [0, 4, 5], [0, 7, 8]]),
    ((-1, -1), [[5, 6, 0], [8, 9, 0], [0, 0, 0]]),
    ((3, 0), [[0, 0, 0], [0, 0, 0], [0, 0, 0]]),
]


@pytest.mark.parametrize("offset, expected", SHIFTS)
def test_shift(offset, expected):
    torch.testing.assert_close(shift(IMAGE, *offset), torch.tensor(expected, dtype=torch.float32))


def test_random_shift_moves_each_image_by_at_most_max_shift():
    images = torch.zeros(200, 1, 5, 5)
    images[:, :, 2, 2] = 1.0  # one lit pixel in the centre
    moved = random_shift(images, 1, torch.Generator().manual_seed(0))
    positions = moved[:, 0].flatten(1).argmax(1)
    rows, cols = positions // 5, positions % 5
    assert moved.sum().item() == 200  # nothing falls off a 5x5 image with shifts of 1
    assert set(rows.tolist()) == {1, 2, 3} and set(cols.tolist()) == {1, 2, 3}


def test_negative_max_shift():
    with pytest.raises(ValueError, match="max_shift must be >= 0"):
        random_shift(torch.zeros(1, 3, 3), -1)
