"""A variational auto-encoder on the 8x8 digits (flattened to 64 pixels in ``[0, 1]``).

Encoder ``q(z|x) = N(mu(x), diag(exp(logvar(x))))``; decoder ``p(x|z)`` gives one
Bernoulli logit per pixel. Training minimises the negative evidence lower bound::

    loss = recon + kl
    recon = sum_pixels BCE(decoder(z), x),        z = mu + exp(logvar / 2) * eps,  eps ~ N(0, I)
    kl    = -1/2 sum_j (1 + logvar_j - mu_j^2 - exp(logvar_j))     (closed form against N(0, I))

both averaged over the batch (nats per image). The reparameterisation ``z = mu +
sigma * eps`` moves the randomness into ``eps`` so gradients flow into ``mu`` and
``sigma``. :func:`plot_reconstructions` and :func:`plot_vae_samples` draw image grids;
:func:`decode_grid` decodes a grid of points of a 2-D latent space.

>>> import torch
>>> recon_logits, mu, logvar = VAE(latent=2)(torch.zeros(3, 64))
>>> tuple(recon_logits.shape), tuple(mu.shape)
((3, 64), (3, 2))
"""

from __future__ import annotations

import pytorch_lightning as pl
import torch
from torch import nn

from kb.models.base import SharedSteps, stage_metrics

__all__ = ["VAE", "LitVAE", "vae_loss", "plot_reconstructions", "plot_vae_samples", "decode_grid"]


class VAE(nn.Module):
    """MLP encoder to ``(mu, logvar)``, MLP decoder from ``z`` to pixel logits."""

    def __init__(self, pixels: int = 64, hidden: int = 128, latent: int = 8) -> None:
        super().__init__()
        self.pixels, self.latent = pixels, latent
        self.encoder = nn.Sequential(nn.Linear(pixels, hidden), nn.ReLU(), nn.Linear(hidden, 2 * latent))
        self.decoder = nn.Sequential(nn.Linear(latent, hidden), nn.ReLU(), nn.Linear(hidden, pixels))

    def encode(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        """``mu, logvar``, each ``(B, latent)``."""
        if x.ndim != 2 or x.shape[1] != self.pixels:
            raise ValueError(f"expected flattened images of shape (batch, {self.pixels}), got {tuple(x.shape)}")
        mu, logvar = self.encoder(x).chunk(2, dim=1)
        return mu, logvar

    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """Pixel logits ``(B, pixels)``; ``sigmoid`` gives intensities."""
        return self.decoder(z)

    def forward(self, x: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        mu, logvar = self.encode(x)
        z = mu + torch.exp(0.5 * logvar) * torch.randn_like(mu) if self.training else mu
        return self.decode(z), mu, logvar


def vae_loss(
    logits: torch.Tensor, x: torch.Tensor, mu: torch.Tensor, logvar: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """``(recon, kl)`` in nats per image (see the module docstring)."""
    recon = nn.functional.binary_cross_entropy_with_logits(logits, x, reduction="sum") / len(x)
    kl = -0.5 * (1 + logvar - mu.pow(2) - logvar.exp()).sum() / len(x)
    return recon, kl


class LitVAE(SharedSteps, pl.LightningModule):
    """Minimises ``recon + kl``; logs ``{stage}_loss`` (and ``{stage}_recon``, ``{stage}_kl`` outside training)."""

    def __init__(self, pixels: int = 64, hidden: int = 128, latent: int = 8, lr: float = 3e-3) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.model = VAE(pixels, hidden, latent)

    def forward(self, x: torch.Tensor):
        return self.model(x)

    def _shared_step(self, batch, stage: str) -> torch.Tensor:
        x = batch[0]
        logits, mu, logvar = self.model(x)
        recon, kl = vae_loss(logits, x, mu, logvar)
        loss = recon + kl
        self.log_dict(
            stage_metrics(stage, loss, recon=recon, kl=kl),
            on_step=False,
            on_epoch=True,
            prog_bar=True,
            batch_size=len(x),
        )
        return loss

    def configure_optimizers(self) -> torch.optim.Optimizer:
        return torch.optim.Adam(self.parameters(), lr=self.hparams.lr)

    @torch.no_grad()
    def sample(self, n: int, seed: int = 0) -> torch.Tensor:
        """``n`` new images ``(n, pixels)`` decoded from ``z ~ N(0, I)``."""
        z = torch.randn(n, self.hparams.latent, generator=torch.Generator().manual_seed(seed)).to(self.device)
        return torch.sigmoid(self.model.decode(z)).cpu()

    @torch.no_grad()
    def reconstruct(self, x: torch.Tensor) -> torch.Tensor:
        """Decoded means ``sigmoid(decode(mu(x)))`` for images ``x`` ``(B, pixels)``."""
        mu, _ = self.model.encode(x.to(self.device))
        return torch.sigmoid(self.model.decode(mu)).cpu()


def plot_reconstructions(model: LitVAE, x: torch.Tensor, side: int = 8):
    """Originals (top row, ``x``) and their reconstructions (bottom row). Returns the Figure."""
    from kb.plotting import image_grid

    images = [*x.cpu(), *model.reconstruct(x)]
    return image_grid([im.reshape(side, side) for im in images], ncols=len(x), row_labels=["$x$", r"$\hat x$"])


def plot_vae_samples(model: LitVAE, n: int = 10, seed: int = 0, side: int = 8):
    """``n`` images decoded from random latent vectors ``z ~ N(0, I)``. Returns the Figure."""
    from kb.plotting import image_grid

    return image_grid([im.reshape(side, side) for im in model.sample(n, seed)], ncols=min(n, 10))


@torch.no_grad()
def decode_grid(model: LitVAE, steps: int = 10, limit: float = 2.0) -> torch.Tensor:
    """Images decoded from a ``steps x steps`` grid of 2-D latent points in ``[-limit, limit]^2``
    (row 0 = largest ``z_2``): ``(steps * steps, pixels)``. Needs ``latent=2``."""
    if model.hparams.latent != 2:
        raise ValueError(f"decode_grid needs a 2-D latent space, the model has {model.hparams.latent}")
    ticks = torch.linspace(-limit, limit, steps)
    z = torch.stack([torch.stack([z1, z2]) for z2 in ticks.flip(0) for z1 in ticks]).to(model.device)
    return torch.sigmoid(model.model.decode(z)).cpu()
