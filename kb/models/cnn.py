"""A small convolutional network for handwritten digits (8x8 by default, 28x28 MNIST too).

Two 3x3 convolutions (padding 1, so the size is kept) with ReLU, a 2x2 max-pool,
then an adaptive average pool to 4x4 so the same network fits any image size, and a
linear layer to the 10 class scores::

    (B, 1, H, W) -conv-> (B, 16, H, W) -conv-> (B, 32, H, W) -pool-> (B, 32, H/2, W/2)
                 -adaptive pool-> (B, 32, 4, 4) -flatten-> (B, 512) -linear-> (B, 10)

>>> import torch
>>> CNN()(torch.zeros(2, 1, 8, 8)).shape
torch.Size([2, 10])
>>> CNN()(torch.zeros(2, 1, 28, 28)).shape
torch.Size([2, 10])
"""

from __future__ import annotations

import torch
from torch import nn

from kb.models.base import LitClassifier

__all__ = ["CNN", "LitCNN", "feature_maps"]


class CNN(nn.Module):
    """Conv-conv-pool feature extractor and a linear classifier."""

    def __init__(self, in_channels: int = 1, classes: int = 10, width: int = 16, dropout: float = 0.1) -> None:
        super().__init__()
        self.in_channels = in_channels
        self.features = nn.Sequential(
            nn.Conv2d(in_channels, width, 3, padding=1),
            nn.ReLU(),
            nn.Conv2d(width, 2 * width, 3, padding=1),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.AdaptiveAvgPool2d(4),
        )
        self.classifier = nn.Sequential(nn.Flatten(), nn.Dropout(dropout), nn.Linear(2 * width * 16, classes))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.ndim != 4 or x.shape[1] != self.in_channels or min(x.shape[2:]) < 2:
            raise ValueError(
                f"expected images of shape (batch, {self.in_channels}, H, W) with H, W >= 2, got {tuple(x.shape)}"
            )
        return self.classifier(self.features(x))


@torch.no_grad()
def feature_maps(model: CNN, x: torch.Tensor, layer: int = 1) -> torch.Tensor:
    """What convolution ``layer`` (1 or 2) outputs after its ReLU: ``(B, channels, H, W)``.

    >>> feature_maps(CNN(width=4), torch.zeros(1, 1, 8, 8)).shape
    torch.Size([1, 4, 8, 8])
    """
    if layer not in (1, 2):
        raise ValueError(f"layer must be 1 or 2, got {layer}")
    was_training = model.training
    model.eval()
    try:
        return model.features[: 2 * layer](x)
    finally:
        model.train(was_training)


class LitCNN(LitClassifier):
    """Cross-entropy + Adam around :class:`CNN`."""

    def __init__(
        self, in_channels: int = 1, classes: int = 10, width: int = 16, dropout: float = 0.1, lr: float = 3e-3
    ) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.model = CNN(in_channels, classes, width, dropout)
