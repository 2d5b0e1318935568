"""A generative adversarial network on 2-D points.

The generator ``G`` maps noise ``z ~ N(0, I)`` to points; the discriminator ``D``
outputs a logit "real vs generated". Each training step (manual optimisation, two
optimizers) does::

    D step:  minimise  BCE(D(x), 1) + BCE(D(G(z).detach()), 0)
    G step:  minimise  BCE(D(G(z)), 1)      (the non-saturating generator loss)

Validation and test draw samples from a fixed noise batch and report how many
mixture modes they cover and the share of samples that land on a mode
(:func:`kb.datasets.mixture.mode_statistics`). :class:`SampleSnapshots` keeps the
generated points after chosen epochs so a plot can show the generator learning.

>>> import torch
>>> Generator(noise=8)(torch.zeros(5, 8)).shape
torch.Size([5, 2])
"""

from __future__ import annotations

from itertools import pairwise

import pytorch_lightning as pl
import torch
from torch import nn

from kb.datasets.mixture import mode_statistics
from kb.losses import binary_cross_entropy_with_logits as bce

__all__ = ["Generator", "Discriminator", "LitGAN", "SampleSnapshots", "plot_gan_samples"]


def _mlp(sizes: list[int], act: type[nn.Module]) -> nn.Sequential:
    layers: list[nn.Module] = []
    for a, b in pairwise(sizes[:-1]):
        layers += [nn.Linear(a, b), act()]
    return nn.Sequential(*layers, nn.Linear(sizes[-2], sizes[-1]))


class Generator(nn.Module):
    """``z (B, noise) -> x (B, 2)``."""

    def __init__(self, noise: int = 8, hidden: int = 64) -> None:
        super().__init__()
        self.noise = noise
        self.net = _mlp([noise, hidden, hidden, 2], nn.ReLU)

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        if z.ndim != 2 or z.shape[1] != self.noise:
            raise ValueError(f"expected noise of shape (batch, {self.noise}), got {tuple(z.shape)}")
        return self.net(z)


class Discriminator(nn.Module):
    """``x (B, 2) -> logit (B,)``: positive means "looks real"."""

    def __init__(self, hidden: int = 64) -> None:
        super().__init__()
        self.net = _mlp([2, hidden, hidden, 1], lambda: nn.LeakyReLU(0.2))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        if x.ndim != 2 or x.shape[1] != 2:
            raise ValueError(f"expected points of shape (batch, 2), got {tuple(x.shape)}")
        return self.net(x).squeeze(-1)


class LitGAN(pl.LightningModule):
    """Alternating D and G updates (Adam, β1 = 0.5) with manual optimisation."""

    def __init__(
        self,
        noise: int = 8,
        hidden: int = 64,
        lr: float = 2e-3,
        modes: int = 8,
        radius: float = 2.0,
        std: float = 0.1,
        eval_samples: int = 2000,
    ) -> None:
        super().__init__()
        self.save_hyperparameters()
        self.automatic_optimization = False
        self.generator, self.discriminator = Generator(noise, hidden), Discriminator(hidden)
        self.register_buffer(
            "fixed_noise", torch.randn(eval_samples, noise, generator=torch.Generator().manual_seed(0))
        )

    def forward(self, z: torch.Tensor) -> torch.Tensor:
        return self.generator(z)

    @torch.no_grad()
    def sample(self, n: int | None = None) -> torch.Tensor:
        """Points generated from the fixed noise batch (the first ``n``)."""
        return self.generator(self.fixed_noise[:n]).cpu()

    def training_step(self, batch, batch_idx):
        (real,) = batch
        opt_d, opt_g = self.optimizers()
        z = torch.randn(len(real), self.hparams.noise, device=self.device)
        fake = self.generator(z)
        ones, zeros = torch.ones(len(real), device=self.device), torch.zeros(len(real), device=self.device)

        d_loss = bce(self.discriminator(real), ones) + bce(self.discriminator(fake.detach()), zeros)
        opt_d.zero_grad()
        self.manual_backward(d_loss)
        opt_d.step()

        g_loss = bce(self.discriminator(fake), ones)
        opt_g.zero_grad()
        self.manual_backward(g_loss)
        opt_g.step()
        self.log_dict(
            {"train_d_loss": d_loss, "train_g_loss": g_loss},
            on_step=False,
            on_epoch=True,
            prog_bar=True,
            batch_size=len(real),
        )

    def _shared_step(self, batch, stage: str) -> None:
        (real,) = batch
        fake = self.generator(self.fixed_noise)
        covered, quality = mode_statistics(fake, self.hparams.modes, self.hparams.radius, self.hparams.std)
        d_loss = bce(self.discriminator(real), torch.ones(len(real), device=self.device))
        self.log_dict(
            {f"{stage}_modes": float(covered), f"{stage}_quality": quality, f"{stage}_d_loss": d_loss},
            on_step=False,
            on_epoch=True,
            prog_bar=True,
            batch_size=1,
        )

    def validation_step(self, batch, batch_idx):
        self._shared_step(batch, "val")

    def test_step(self, batch, batch_idx):
        self._shared_step(batch, "test")

    def configure_optimizers(self):
        betas = (0.5, 0.999)
        return (
            torch.optim.Adam(self.discriminator.parameters(), lr=self.hparams.lr, betas=betas),
            torch.optim.Adam(self.generator.parameters(), lr=self.hparams.lr, betas=betas),
        )


class SampleSnapshots(pl.Callback):
    """Keep ``n`` generated points after each epoch in ``epochs`` (``None``: every epoch)."""

    def __init__(self, epochs: list[int] | None = None, n: int = 500) -> None:
        self.epochs, self.n = epochs, n
        self.snapshots: dict[int, torch.Tensor] = {}

    def on_train_epoch_end(self, trainer: pl.Trainer, pl_module: LitGAN) -> None:
        epoch = trainer.current_epoch + 1
        if self.epochs is None or epoch in self.epochs:
            self.snapshots[epoch] = pl_module.sample(self.n)


def plot_gan_samples(
    snapshots: dict[int, torch.Tensor], real: torch.Tensor | None = None, titles: dict[int, str] | None = None
):
    """One scatter plot per snapshot (generated in colour, real points in grey), in the book's
    style (:mod:`kb.plotting`); ``titles`` overrides the default ``"epoch N"``. Returns the Figure."""
    from kb.plotting import INK, PALETTE, subplots

    if not snapshots:
        raise ValueError("no snapshots to plot")
    fig, axes = subplots(1, len(snapshots), height=6.0 / len(snapshots) + 0.8, squeeze=False, sharex=True, sharey=True)
    for ax, (epoch, points) in zip(axes[0], sorted(snapshots.items()), strict=True):
        if real is not None:
            ax.scatter(real[:, 0], real[:, 1], s=2, c=INK, alpha=0.35, linewidths=0, label=r"$x \sim p_\mathrm{data}$")
        ax.scatter(points[:, 0], points[:, 1], s=2, c=PALETTE[3], linewidths=0, label="$G(z)$")
        ax.set_title(titles[epoch] if titles else f"epoch {epoch}", fontsize="small")
        ax.set(xlim=(-3, 3), ylim=(-3, 3), aspect="equal", xticks=[], yticks=[])
        ax.set_xlabel("$x_1$")
    axes[0][0].set_ylabel("$x_2$")
    if real is not None:
        fig.legend(*axes[0][0].get_legend_handles_labels(), loc="outside lower center", ncols=2, markerscale=4)
    return fig
