"""GAN on the ring of Gaussians: the mode statistics, shapes, snapshots and plots."""

import pytest
import torch

from kb.datasets.base import DatasetError
from kb.datasets.mixture import RingMixtureDataModule, make_ring_mixture, mode_statistics, ring_centres
from kb.models.gan import Discriminator, Generator, SampleSnapshots, plot_gan_samples

STATS = [  # (samples, expected (modes covered, quality))
    (ring_centres(8), (8, 1.0)),
    (ring_centres(8)[:3].repeat(10, 1), (3, 1.0)),  # mode collapse onto 3 modes
    (torch.zeros(50, 2), (0, 0.0)),  # all in the middle of the ring
    (torch.cat([ring_centres(8), torch.full((8, 2), 9.0)]), (8, 0.5)),
]


@pytest.mark.parametrize("samples, expected", STATS, ids=["all", "collapsed", "centre", "half-off"])
def test_mode_statistics(samples, expected):
    assert mode_statistics(samples) == expected


def test_real_data_scores_perfectly():
    assert mode_statistics(make_ring_mixture(2000)) == (8, pytest.approx(1.0, abs=0.001))


def test_snapshots_and_plot(tmp_path):
    from kb.train_cli import fit

    snaps = SampleSnapshots(epochs=[1, 2], n=100)
    run = fit("gan", epochs=2, quiet=True, callbacks=[snaps])
    assert sorted(snaps.snapshots) == [1, 2] and snaps.snapshots[2].shape == (100, 2)
    assert {"test_modes", "test_quality", "train_d_loss", "train_g_loss"} <= set(run.result["metrics"])
    fig = plot_gan_samples(snaps.snapshots, real=run.datamodule.train_set.tensors[0], titles={1: "one", 2: "two"})
    fig.savefig(tmp_path / "gan.png")
    assert (tmp_path / "gan.png").stat().st_size > 1000
    from kb.plotting import assert_readable

    assert_readable(fig)
    assert [ax.get_title() for ax in fig.axes] == ["one", "two"]


BAD = [
    (lambda: Generator(noise=8)(torch.zeros(3, 2)), ValueError, r"expected noise of shape \(batch, 8\)"),
    (lambda: Discriminator()(torch.zeros(3, 3)), ValueError, r"expected points of shape \(batch, 2\)"),
    (lambda: mode_statistics(torch.zeros(3)), ValueError, r"expected samples of shape \(n, 2\)"),
    (lambda: make_ring_mixture(n=0), DatasetError, "need n >= 1"),
    (lambda: RingMixtureDataModule(modes=0), DatasetError, "modes >= 1"),
    (lambda: plot_gan_samples({}), ValueError, "no snapshots"),
]


@pytest.mark.parametrize("call, error, message", BAD)
def test_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()
