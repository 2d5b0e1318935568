"""kb.information against torch.distributions and SciPy."""

import math

import pytest
import torch
from scipy.spatial.distance import jensenshannon
from scipy.stats import entropy as sp_entropy
from torch.distributions import Categorical, Normal, kl_divergence

from kb import information as I

PAIRS = [  # (p, q)
    ([0.5, 0.5], [0.9, 0.1]),
    ([0.8, 0.15, 0.05], [1 / 3, 1 / 3, 1 / 3]),
    ([0.25, 0.25, 0.5, 0.0], [0.1, 0.2, 0.3, 0.4]),
    ([1.0, 0.0], [0.5, 0.5]),
]


@pytest.mark.parametrize("p, q", PAIRS)
def test_discrete_quantities_match_references(p, q):
    p, q = torch.tensor(p, dtype=torch.float64), torch.tensor(q, dtype=torch.float64)
    assert I.entropy(p).item() == pytest.approx(Categorical(probs=p).entropy().item(), abs=1e-12)
    assert I.entropy(p, base=2).item() == pytest.approx(sp_entropy(p.numpy(), base=2), abs=1e-12)
    kl = kl_divergence(Categorical(probs=p), Categorical(probs=q)).item()
    assert I.kl_divergence(p, q).item() == pytest.approx(kl, abs=1e-12)
    assert I.kl_divergence(p, q).item() == pytest.approx(sp_entropy(p.numpy(), q.numpy()), abs=1e-12)
    assert I.cross_entropy(p, q).item() == pytest.approx(I.entropy(p).item() + kl, abs=1e-12)
    assert I.js_divergence(p, q).item() == pytest.approx(jensenshannon(p.numpy(), q.numpy()) ** 2, abs=1e-12)


@pytest.mark.parametrize("p, q", PAIRS)
def test_kl_is_nonnegative_and_js_symmetric_and_bounded(p, q):
    p, q = torch.tensor(p, dtype=torch.float64), torch.tensor(q, dtype=torch.float64)
    assert I.kl_divergence(p, q) >= 0 and I.kl_divergence(p, p).item() == pytest.approx(0.0)
    assert I.js_divergence(p, q).item() == pytest.approx(I.js_divergence(q, p).item())
    assert 0 <= I.js_divergence(p, q).item() <= math.log(2)


def test_kl_is_not_symmetric_and_infinite_off_support():
    p, q = torch.tensor([0.5, 0.5]), torch.tensor([0.9, 0.1])
    assert I.kl_divergence(p, q).item() != pytest.approx(I.kl_divergence(q, p).item())
    assert I.kl_divergence(torch.tensor([0.5, 0.5]), torch.tensor([1.0, 0.0])).item() == math.inf


@pytest.mark.parametrize("mu1, s1, mu2, s2", [(1.0, 2.0, 0.0, 1.0), (0.0, 1.0, 0.0, 1.0), (-0.5, 0.3, 2.0, 1.7)])
def test_gaussian_kl_matches_torch_distributions(mu1, s1, mu2, s2):
    mu1, s1, mu2, s2 = (torch.tensor(v, dtype=torch.float64) for v in (mu1, s1, mu2, s2))
    ref = kl_divergence(Normal(mu1, s1), Normal(mu2, s2)).item()
    assert I.gaussian_kl(mu1, s1, mu2, s2).item() == pytest.approx(ref, abs=1e-12)


def test_standard_normal_kl_is_the_sum_of_gaussian_kls():
    mu, logvar = (
        torch.tensor([[0.5, -1.0, 0.0]], dtype=torch.float64),
        torch.tensor([[0.0, -0.5, 0.7]], dtype=torch.float64),
    )
    ref = kl_divergence(Normal(mu, (0.5 * logvar).exp()), Normal(0.0, 1.0)).sum(-1)
    torch.testing.assert_close(I.standard_normal_kl(mu, logvar), ref)


@pytest.mark.parametrize(
    "p, message",
    [([0.5, 0.6], "sum to"), ([1.5, -0.5], "negative"), ([], "empty")],
)
def test_bad_distributions(p, message):
    with pytest.raises(I.DistributionError, match=message):
        I.entropy(torch.tensor(p))


def test_mismatched_shapes_and_bad_sigma():
    with pytest.raises(I.DistributionError, match="shape"):
        I.kl_divergence(torch.tensor([0.5, 0.5]), torch.tensor([0.2, 0.3, 0.5]))
    with pytest.raises(I.DistributionError, match="positive"):
        I.gaussian_kl(0.0, 0.0, 0.0, 1.0)
