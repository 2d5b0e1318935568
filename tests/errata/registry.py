"""The ``numpy``, ``torch`` and ``article`` checks of the errata (the grader never imports torch).

Each function answers "is ``value`` true?" like those in :mod:`graders.errata.checks`;
``EXTRA`` is passed to :func:`graders.errata.run` as the extra registry.
``article`` checks read the article files themselves (see tests/articles.py).
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np

from graders.errata import register
from tests.articles import articles_dir

ROOT = Path(__file__).resolve().parents[2]
EXTRA: dict[str, dict] = {}
ARTICLE_MARKER = "<|user|>"


def article_text(name: str) -> str:
    return (articles_dir() / name).read_text(encoding="utf-8")


def headings(text: str) -> list[str]:
    """Heading lines outside ``` fences (a ``<|user|>`` marker resets the fence state)."""
    out = []
    for part in text.split(ARTICLE_MARKER):
        fence = False
        for line in part.splitlines():
            if line.strip().startswith("```"):
                fence = not fence
            elif not fence and re.match(r"^#{1,6}\s", line):
                out.append(line.rstrip())
    return out


# ------------------------------------------------------------------------------ numpy


@register("numpy", registry=EXTRA)
def steps_per_epoch(value: int, *, samples: int, batch_size: int, validation_split: float = 0.0) -> bool:
    """Batches per epoch, counted by actually batching an index array as Keras does."""
    idx = np.arange(samples)
    train = idx[: int(samples * (1 - validation_split))] if validation_split else idx
    batches = [train[i : i + batch_size] for i in range(0, len(train), batch_size)]
    assert len(batches) == math.ceil(len(train) / batch_size)
    return int(value) == len(batches)


@register("numpy", registry=EXTRA)
def validation_split_sizes(value: list, *, samples: int, validation_split: float) -> bool:
    """[train, validation] sizes: Keras keeps x[:int(n·(1 − s))] for training, the rest for validation."""
    idx = np.arange(samples)
    split_at = int(samples * (1 - validation_split))
    train, val = idx[:split_at], idx[split_at:]
    return [int(v) for v in value] == [train.size, val.size]


# ------------------------------------------------------------------------------ torch


@register("torch", registry=EXTRA)
def gate_counts(value: dict) -> bool:
    """Gates per cell, read from torch's weight blocks (RNN 1 block, LSTM 4 = 3 gates + candidate,
    GRU 3 = 2 gates + candidate)."""
    import torch

    hidden = 5
    cells = {"RNN": torch.nn.RNN(3, hidden), "LSTM": torch.nn.LSTM(3, hidden), "GRU": torch.nn.GRU(3, hidden)}
    gates = {name: cell.weight_ih_l0.shape[0] // hidden - 1 for name, cell in cells.items()}
    return all(gates[k] == int(v) for k, v in value.items())


@register("torch", registry=EXTRA)
def conv_formula(value: str) -> bool:
    """Which formula is a convolutional layer? Compared with ``torch.nn.functional.conv1d``.

    "convolution": y_j = Σ_k w_k x_{j+k} + b for every j (one shared kernel);
    "article":     y = Σ_i w_i x_i + b (one weight per input position, one number out).
    """
    import torch
    import torch.nn.functional as F

    g = torch.Generator().manual_seed(0)
    x, w, b = torch.randn(8, generator=g), torch.randn(3, generator=g), torch.randn(1, generator=g)
    ref = F.conv1d(x.view(1, 1, -1), w.view(1, 1, -1), b).view(-1)
    if value == "convolution":
        got = torch.stack([(w * x[j : j + 3]).sum() + b[0] for j in range(x.numel() - 2)])
    elif value == "article":
        per_position = torch.zeros(8)
        per_position[:3] = w  # the most favourable choice of weights for the article's formula
        got = ((per_position * x).sum() + b[0]).view(1)
    else:
        return False
    return got.shape == ref.shape and torch.allclose(got, ref, atol=1e-6)


@register("torch", registry=EXTRA)
def pooling_formula(value: str) -> bool:
    """Which formula is a (2x2) max-pooling layer? Compared with ``torch.nn.functional.max_pool2d``.

    "window":  x''_ij = max over the 2x2 window (i, j) of x' (a smaller feature map);
    "article": x'' = max(x'), one maximum over the whole feature map (a single number).
    """
    import torch
    import torch.nn.functional as F

    x = torch.randn(1, 1, 6, 6, generator=torch.Generator().manual_seed(0))
    ref = F.max_pool2d(x, 2)
    if value == "window":
        got = x.unfold(2, 2, 2).unfold(3, 2, 2).amax(dim=(-1, -2))
    elif value == "article":
        got = x.amax().view(1, 1, 1, 1)
    else:
        return False
    return got.shape == ref.shape and torch.allclose(got, ref)


@register("torch", registry=EXTRA)
def attention_sees_order(value: str) -> bool:
    """Can self-attention use word order when positional encodings are added ``value``?

    Without position information the attention weights are permutation-equivariant:
    permuting the tokens only permutes the weights (A(Px) = P A(x) Pᵀ), so order is invisible.
    """
    import torch

    torch.manual_seed(0)
    n, d = 5, 8
    attn = torch.nn.MultiheadAttention(d, num_heads=2, batch_first=True)
    x = torch.randn(1, n, d)
    pos = torch.arange(n).unsqueeze(1)
    div = torch.exp(torch.arange(0, d, 2) * (-math.log(10000.0) / d))
    pe = torch.zeros(n, d)
    pe[:, 0::2], pe[:, 1::2] = torch.sin(pos * div), torch.cos(pos * div)
    perm = torch.tensor([2, 0, 4, 1, 3])

    def weights(tokens: torch.Tensor) -> torch.Tensor:
        inp = tokens + pe if value == "before-attention" else tokens
        if value not in ("before-attention", "after-attention"):
            raise ValueError(value)
        with torch.no_grad():
            return attn(inp, inp, inp, need_weights=True)[1][0]

    equivariant = torch.allclose(weights(x[:, perm]), weights(x)[perm][:, perm], atol=1e-6)
    return not equivariant


def _layer(seed: int = 0):
    import torch

    g = torch.Generator().manual_seed(seed)
    W = torch.randn(3, 4, generator=g, requires_grad=True)
    a = torch.randn(4, generator=g)
    b = torch.randn(3, generator=g)
    y = torch.randn(3, generator=g)
    return W, a, b, y


@register("torch", registry=EXTRA)
def backprop_weight_gradient(value: str) -> bool:
    """∂J/∂W for z = W a + b: "a-delta" (a δ, outer product) or "delta-aT" (δ aᵀ), against autograd."""
    import torch

    W, a, b, y = _layer()
    z = W @ a + b
    z.retain_grad()
    J = 0.5 * ((torch.sigmoid(z) - y) ** 2).sum()
    J.backward()
    delta = z.grad
    got = {"a-delta": torch.outer(a, delta), "delta-aT": torch.outer(delta, a)}[value]
    return got.shape == W.grad.shape and torch.allclose(got, W.grad, atol=1e-6)


@register("torch", registry=EXTRA)
def backprop_hidden_delta(value: str) -> bool:
    """δ¹ of a 4→3→2 sigmoid network: "W-delta" (W² δ² ⊙ σ') or "WT-delta" ((W²)ᵀ δ² ⊙ σ'), against autograd."""
    import torch

    g = torch.Generator().manual_seed(1)
    x, y = torch.randn(4, generator=g), torch.randn(2, generator=g)
    W1, b1 = torch.randn(3, 4, generator=g), torch.randn(3, generator=g)
    W2, b2 = torch.randn(2, 3, generator=g), torch.randn(2, generator=g)
    z1 = (W1 @ x + b1).requires_grad_()
    a1 = torch.sigmoid(z1)
    z2 = W2 @ a1 + b2
    z2.retain_grad()
    a2 = torch.sigmoid(z2)
    J = 0.5 * ((a2 - y) ** 2).sum()
    J.backward()
    s1 = torch.sigmoid(z1.detach())
    delta2 = (a2.detach() - y) * torch.sigmoid(z2.detach()) * (1 - torch.sigmoid(z2.detach()))
    assert torch.allclose(delta2, z2.grad, atol=1e-6)  # the article's δ² is right
    try:
        M = {"W-delta": W2, "WT-delta": W2.T}[value]
        got = (M @ delta2) * s1 * (1 - s1)
    except RuntimeError:  # shapes do not fit: W² is 2×3, δ² has length 2
        return False
    return torch.allclose(got, z1.grad, atol=1e-6)


@register("torch", registry=EXTRA)
def adam_update(value: str, steps: int = 5) -> bool:
    """Does the ``value`` update rule ("article" or "kingma-ba") reproduce ``torch.optim.Adam``?"""
    import torch

    lr, b1, b2, eps = 0.1, 0.9, 0.999, 1e-8
    target = torch.tensor([3.0, -1.0])

    def grad(w: torch.Tensor) -> torch.Tensor:
        return 2 * (w - target) * torch.tensor([1.0, 0.3])

    w_ref = torch.tensor([0.0, 2.0], requires_grad=True)
    opt = torch.optim.Adam([w_ref], lr=lr, betas=(b1, b2), eps=eps)
    ref = []
    for _ in range(steps):
        opt.zero_grad()
        w_ref.grad = grad(w_ref.detach())
        opt.step()
        ref.append(w_ref.detach().clone())

    w = torch.tensor([0.0, 2.0])
    history: list[torch.Tensor] = []
    m = v = torch.zeros(2)
    got = []
    for t in range(1, steps + 1):
        g = grad(w)
        if value == "kingma-ba":
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g**2
            w = w - lr * (m / (1 - b1**t)) / ((v / (1 - b2**t)).sqrt() + eps)
        elif value == "article":
            g1 = history[-1] if len(history) >= 1 else torch.zeros(2)
            g2 = history[-2] if len(history) >= 2 else torch.zeros(2)
            w = w - lr * (g + (1 / b1) * (1 - b1) ** t * g1 + (1 / b2) * (1 - b2) ** t * g2)
        else:
            return False
        history.append(g)
        got.append(w.clone())
    return len(got) == len(ref) and all(torch.allclose(a, b, atol=1e-5) for a, b in zip(got, ref, strict=True))


# ---------------------------------------------------------------------------- article


@register("article", registry=EXTRA)
def article_count(value: int, *, document: str = "004_d9777f14845c3e5a.txt") -> bool:
    """How many articles does the file hold? Counted by section-1 "背景介绍" headings; every
    article after the first must be preceded by a ``<|user|>`` chat marker."""
    text = article_text(document)
    starts = [h for h in headings(text) if re.match(r"^#+\s*1\.\s*背景介绍", h)]
    assert text.count(ARTICLE_MARKER) == len(starts) - 1
    return int(value) == len(starts)


def _bilingual(text: str) -> bool:
    return any(re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}", h) for h in headings(text))


@register("article", registry=EXTRA)
def part_one_bilingual(value: bool, *, document: str = "004_d9777f14845c3e5a.txt") -> bool:
    """Do the first article's headings carry English phrases (two or more English words)?"""
    first = article_text(document).split(ARTICLE_MARKER)[0]
    return bool(value) == _bilingual(first)


# ------------------------------------------------------------------ issue 17: reconciled assessments


def _frechet_1d(a: np.ndarray, b: np.ndarray) -> float:
    """Fréchet distance of two 1-D Gaussians fitted to samples: (μa − μb)² + (σa − σb)² (FID in one dimension)."""
    return float((a.mean() - b.mean()) ** 2 + (a.std() - b.std()) ** 2)


@register("numpy", registry=EXTRA)
def gan_metric_separates(value: str) -> bool:
    """Does metric ``value`` tell a perfect generator from a bad one, whatever the discriminator?

    Real data N(0, 1); the perfect generator samples N(0, 1), the bad one N(4, 1). The generator's
    adversarial loss −E log D(G(z)) is computed against the discriminator it is trained with: at
    equilibrium (perfect generator) the optimal D is 1/2 everywhere, and a freshly initialised D
    facing the bad generator also outputs 1/2; both losses are log 2. The Fréchet distance depends
    on the samples only.
    """
    rng = np.random.default_rng(0)
    real, good, bad = rng.normal(0, 1, 5000), rng.normal(0, 1, 5000), rng.normal(4, 1, 5000)

    def d_half(x: np.ndarray) -> np.ndarray:
        return np.full_like(x, 0.5)

    if value == "adversarial-loss":
        score_good, score_bad = -np.log(d_half(good)).mean(), -np.log(d_half(bad)).mean()
    elif value == "frechet-distance":
        score_good, score_bad = _frechet_1d(real, good), _frechet_1d(real, bad)
    else:
        return False
    return bool(score_bad - score_good > 1.0)


@register("numpy", registry=EXTRA)
def synthetic_data_informs(value: str, *, n: int = 20, m: int = 1000, trials: int = 2000) -> bool:
    """Is sampling from a generative model fitted to ``n`` real samples like collecting more data?

    A Gaussian fitted to n real samples from N(μ, 1) stands in for the trained generator (a GAN
    also only learns from its training set). μ is then estimated from the n real plus m generated
    samples ("augmented"), and from n + m real samples; the squared errors are averaged over trials.
    "like-more-real-data": augmented error ≈ error with n + m real samples;
    "no-new-information": augmented error ≈ error with the n real samples alone.
    """
    rng = np.random.default_rng(0)
    mu = 1.5
    err_real_n, err_aug, err_real_nm = [], [], []
    for _ in range(trials):
        real = rng.normal(mu, 1, n)
        fitted_mu, fitted_sd = real.mean(), real.std(ddof=1)
        fake = rng.normal(fitted_mu, fitted_sd, m)
        err_real_n.append((real.mean() - mu) ** 2)
        err_aug.append((np.concatenate([real, fake]).mean() - mu) ** 2)
        err_real_nm.append((rng.normal(mu, 1, n + m).mean() - mu) ** 2)
    aug, alone, more = np.mean(err_aug), np.mean(err_real_n), np.mean(err_real_nm)
    if value == "like-more-real-data":
        return bool(abs(aug - more) < 0.5 * more)
    if value == "no-new-information":
        return bool(abs(aug - alone) < 0.25 * alone)
    return False


@register("torch", registry=EXTRA)
def gru_gates(value: str) -> bool:
    """Do the gates ``value`` ("update-only": the merged input/forget gate, i.e. the update gate,
    and nothing else; "update-and-reset") reproduce ``torch.nn.GRUCell``?"""
    import torch

    torch.manual_seed(0)
    cell = torch.nn.GRUCell(3, 4)
    x, h = torch.randn(5, 3), torch.randn(5, 4)
    wi, wh = cell.weight_ih.chunk(3), cell.weight_hh.chunk(3)  # torch's order: reset, update, new
    bi, bh = cell.bias_ih.chunk(3), cell.bias_hh.chunk(3)
    z = torch.sigmoid(x @ wi[1].T + bi[1] + h @ wh[1].T + bh[1])
    if value == "update-and-reset":
        r = torch.sigmoid(x @ wi[0].T + bi[0] + h @ wh[0].T + bh[0])
    elif value == "update-only":
        r = torch.ones_like(z)
    else:
        return False
    n = torch.tanh(x @ wi[2].T + bi[2] + r * (h @ wh[2].T + bh[2]))
    with torch.no_grad():
        return bool(torch.allclose((1 - z) * n + z * h, cell(x, h), atol=1e-6))


@register("torch", registry=EXTRA)
def generator_signal(value: str) -> bool:
    """What does the generator's update follow: "quality" of its samples, or the
    "discriminator-gradient" (−log D(G(z)) back-propagated through D)?

    The generator G(z) = a z + b produces bad samples (real data N(0, 1), G gives N(5, 0.1²)).
    Facing a discriminator with zero input weight, its gradient is exactly zero although the
    samples are bad, so the update does not follow quality; it always equals the chain rule
    through D (checked against autograd for an informative D as well).
    """
    import torch

    z = torch.randn(256, generator=torch.Generator().manual_seed(0))
    grads = {}
    for w in (0.0, 1.5):
        a, b = torch.tensor(0.1, requires_grad=True), torch.tensor(5.0, requires_grad=True)
        x = a * z + b
        d = torch.sigmoid(w * x - 0.5)
        loss = -torch.log(d).mean()
        loss.backward()
        by_chain = (-(1 - d) * w).detach()  # dL/dx per sample, from D alone
        grads[w] = (a.grad.item(), b.grad.item(), (by_chain * z).mean().item(), by_chain.mean().item())
    if value == "discriminator-gradient":
        return all(abs(g[0] - g[2]) < 1e-6 and abs(g[1] - g[3]) < 1e-6 for g in grads.values())
    if value == "quality":  # bad samples would have to produce a non-zero update
        return grads[0.0][0] != 0 or grads[0.0][1] != 0
    return False


def _input_gradient_ratio(kind: str, steps: int, forget_bias: float = 3.0) -> float:
    """‖∂h_T/∂x_1‖ / ‖∂h_T/∂x_T‖ for an untrained torch RNN or LSTM (forget-gate bias ``forget_bias``)."""
    import torch

    torch.manual_seed(0)
    net = torch.nn.LSTM(8, 16) if kind == "LSTM" else torch.nn.RNN(8, 16)
    if kind == "LSTM":
        with torch.no_grad():
            net.bias_ih_l0[16:32] = forget_bias
    x = torch.randn(steps, 1, 8, requires_grad=True)
    out, _ = net(x)
    out[-1].sum().backward()
    g = x.grad.norm(dim=(1, 2))
    return float(g[0] / g[-1])


@register("torch", registry=EXTRA)
def lstm_vanishing(value: str) -> bool:
    """Does the LSTM "solve" vanishing gradients (the first input still matters after 300 steps:
    ratio ≥ 1e-2) or "mitigate" them (far larger ratio than the plain RNN after 40 steps, yet
    vanishing over 300)? Forget-gate bias 3, the favourable initialisation."""
    lstm_long = _input_gradient_ratio("LSTM", 300)
    if value == "solved":
        return lstm_long >= 1e-2
    if value == "mitigated":
        return _input_gradient_ratio("LSTM", 40) > 100 * _input_gradient_ratio("RNN", 40) and lstm_long < 1e-2
    return False


@register("torch", registry=EXTRA)
def rnn_outputs(value: str) -> bool:
    """Where does an RNN produce outputs: at the "last-step" only, or at "every-step"
    (``torch.nn.RNN`` returns one output per time step; the task decides which are used)?"""
    import torch

    out, h_n = torch.nn.RNN(3, 4)(torch.randn(7, 1, 3))
    steps = out.shape[0]
    assert torch.allclose(out[-1], h_n[0])
    return {"last-step": steps == 1, "every-step": steps == 7}.get(value, False)


@register("numpy", registry=EXTRA)
def loss_sees_negative_samples(value: str) -> bool:
    """Does the binary loss ``value`` ("article": −Σ y log ŷ; "binary": −Σ [y log ŷ + (1 − y) log(1 − ŷ)])
    grow when a sample labelled 0 gets a worse prediction (ŷ₂ from 0.3 to 0.99, labels [1, 0, 1])?"""
    y = np.array([1.0, 0.0, 1.0])

    def loss(p: np.ndarray) -> float:
        if value == "article":
            return float(-(y * np.log(p)).sum())
        if value == "binary":
            return float(-(y * np.log(p) + (1 - y) * np.log(1 - p)).sum())
        raise ValueError(value)

    if value not in ("article", "binary"):
        return False
    return loss(np.array([0.6, 0.99, 0.7])) > loss(np.array([0.6, 0.3, 0.7])) + 1.0


@register("numpy", registry=EXTRA)
def least_squares_minimum(value: str, *, x: list) -> bool:
    """Is the minimum gradient descent reaches on J(β₀, β₁) = mean((β₀ + β₁x − y)²) "local" (one of
    several) or "global" (the only one)? The Hessian (2/n)[[n, Σx], [Σx, Σx²]] is positive definite."""
    xs = np.asarray(x, dtype=float)
    hessian = 2 / xs.size * np.array([[xs.size, xs.sum()], [xs.sum(), (xs**2).sum()]])
    strictly_convex = bool(np.all(np.linalg.eigvalsh(hessian) > 0))
    return {"global": strictly_convex, "local": not strictly_convex}.get(value, False)


@register("numpy", registry=EXTRA)
def sgd_faster(value: str) -> bool:
    """Is mini-batch SGD faster than full-batch gradient descent "per-step" (per parameter update) or
    "per-computation" (per pass over the data)? Linear least squares, 2,000 samples, batch 20, same
    learning rate; counts updates and passes until the loss is within 1 % of its minimum."""
    rng = np.random.default_rng(0)
    n, lr = 2000, 0.05
    X = np.c_[np.ones(n), rng.normal(size=(n, 3))]
    y = X @ np.array([1.0, -2.0, 0.5, 3.0]) + rng.normal(scale=0.5, size=n)
    best = np.mean((X @ np.linalg.lstsq(X, y, rcond=None)[0] - y) ** 2)

    def run(batch: int) -> tuple[int, float]:
        w, steps, seen = np.zeros(4), 0, 0
        while np.mean((X @ w - y) ** 2) > 1.01 * best:
            idx = rng.choice(n, batch, replace=False) if batch < n else np.arange(n)
            w -= lr * 2 * X[idx].T @ (X[idx] @ w - y[idx]) / batch
            steps, seen = steps + 1, seen + batch
        return steps, seen / n

    gd_steps, gd_passes = run(n)
    sgd_steps, sgd_passes = run(20)
    if value == "per-step":
        return sgd_steps < gd_steps
    if value == "per-computation":
        return sgd_passes < gd_passes
    return False


@register("numpy", registry=EXTRA)
def adversarial_updates_settle(value: str, *, steps: int = 200, lr: float = 0.1) -> bool:
    """Do simultaneous gradient steps of a two-player game "converge" to its equilibrium, or can they
    "oscillate" away from it? The simplest game, min_x max_y x·y (equilibrium (0, 0)), from (1, 1)."""
    x = y = 1.0
    start = np.hypot(x, y)
    for _ in range(steps):
        x, y = x - lr * y, y + lr * x  # the generator descends, the discriminator ascends, simultaneously
    grows = np.hypot(x, y) > start
    return {"converge": not grows, "oscillate": grows}.get(value, False)


@register("torch", registry=EXTRA)
def pooling_role(value: str) -> bool:
    """What 2×2 max pooling does to a 26×26×32 feature map: "downsampling" (no parameters, the same
    output in training and evaluation mode, a quarter of the inputs, hence a quarter of the weights,
    for the dense layer after Flatten) or "regulariser" (a mechanism of its own against overfitting,
    like dropout, which has to behave differently in training)?"""
    import torch

    pool, drop = torch.nn.MaxPool2d(2), torch.nn.Dropout(0.5)
    x = torch.randn(1, 32, 26, 26, generator=torch.Generator().manual_seed(0))
    parameters = sum(p.numel() for p in pool.parameters())
    pool.train()
    out_train = pool(x)
    pool.eval()
    same_in_eval = torch.equal(out_train, pool(x))
    drop.train()
    dropout_differs = not torch.equal(drop(x), drop.eval()(x))
    assert dropout_differs  # a regulariser such as dropout does change between the modes
    quarter = out_train.numel() * 4 == x.numel()
    downsampling = parameters == 0 and same_in_eval and quarter
    return {"downsampling": downsampling, "regulariser": not (parameters == 0 and same_in_eval)}.get(value, False)


@register("numpy", registry=EXTRA)
def standardisation_effect(value: str) -> bool:
    """What standardising the features does for least-squares regression: "generalisation" (a better
    model on held-out data) or "conditioning" (a better-conditioned problem, so gradient descent
    converges in fewer steps)? Features on scales 1 and 1000; the refitted model predicts the same."""
    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 2)) * np.array([1.0, 1000.0])
    y = X @ np.array([2.0, 0.003]) + rng.normal(scale=0.1, size=400)
    train, test = slice(0, 300), slice(300, 400)
    mu, sd = X[train].mean(0), X[train].std(0)

    def design(A: np.ndarray, scaled: bool) -> np.ndarray:
        return np.c_[np.ones(len(A)), (A - mu) / sd if scaled else A]

    def test_error(scaled: bool) -> float:
        w = np.linalg.lstsq(design(X[train], scaled), y[train], rcond=None)[0]
        return float(np.mean((design(X[test], scaled) @ w - y[test]) ** 2))

    def condition(scaled: bool) -> float:
        A = design(X[train], scaled)
        return float(np.linalg.cond(A.T @ A))

    if value == "generalisation":
        return test_error(True) < 0.99 * test_error(False)
    if value == "conditioning":
        return condition(True) < condition(False) / 1000
    return False


# ------------------------------------------------------------- second reading (issue 17, item 2)


@register("torch", registry=EXTRA)
def conv_kernel_scope(value: str) -> bool:
    """Where does one convolution kernel respond: "one-region" or "whole-image"?

    The same 3x3 pattern is drawn twice, far apart; one kernel (matched to the pattern) is
    slid over the image. If the kernel attended to one region only, one of the two copies
    would give no response; with weight sharing both give the same peak (translation
    equivariance), and the parameter count does not depend on the image size.
    """
    import torch

    pattern = torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 1.0]])
    conv = torch.nn.Conv2d(1, 1, 3, bias=False)
    with torch.no_grad():
        conv.weight.copy_(pattern.view(1, 1, 3, 3))
        image = torch.zeros(1, 1, 20, 20)
        image[0, 0, 2:5, 2:5] = pattern
        image[0, 0, 14:17, 11:14] = pattern
        out = conv(image)[0, 0]
    peaks = (out[2, 2].item(), out[14, 11].item())
    both = peaks[0] == peaks[1] == float(pattern.sum()) == out.max().item()
    shared = sum(p.numel() for p in torch.nn.Conv2d(1, 32, 3).parameters()) == 32 * (9 + 1)
    if value not in ("one-region", "whole-image"):
        raise ValueError(value)
    return (value == "whole-image") == (both and shared)


@register("torch", registry=EXTRA)
def pooling_windows_may_overlap(value: bool) -> bool:
    """May pooling windows overlap (stride smaller than the window)? ``MaxPool2d(3, stride=2)``
    on a 5x5 map gives 2x2 outputs whose windows share the middle row and column."""
    import torch

    x = torch.arange(25.0).view(1, 1, 5, 5)
    out = torch.nn.MaxPool2d(3, stride=2)(x)[0, 0]
    windows = [[x[0, 0, i : i + 3, j : j + 3].max() for j in (0, 2)] for i in (0, 2)]
    overlapping = out.shape == (2, 2) and torch.equal(out, torch.tensor(windows))
    return bool(value) == overlapping


@register("numpy", registry=EXTRA)
def selection_bias(value: str, *, settings: int = 20, n_test: int = 100, repeats: int = 20000) -> bool:
    """Is the reported test accuracy unbiased when hyper-parameters are chosen on ``value``
    ("test-set" or "validation-set")? Every setting is at chance (true accuracy 0.5)."""
    rng = np.random.default_rng(0)
    test = rng.binomial(n_test, 0.5, size=(repeats, settings)) / n_test
    if value == "test-set":
        reported = test.max(axis=1)
    elif value == "validation-set":
        val = rng.binomial(n_test, 0.5, size=(repeats, settings)) / n_test
        reported = test[np.arange(repeats), val.argmax(axis=1)]
    else:
        raise ValueError(value)
    return bool(abs(reported.mean() - 0.5) < 0.01)


@register("torch", registry=EXTRA)
def backward_updates_parameters(value: bool) -> bool:
    """Does backpropagation (``loss.backward()``) change the parameters? Only ``optimizer.step()`` does."""
    import torch

    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, 1))
    before = [p.detach().clone() for p in net.parameters()]
    loss = net(torch.randn(8, 3)).pow(2).mean()
    loss.backward()
    unchanged = all(torch.equal(b, p) for b, p in zip(before, net.parameters(), strict=True))
    has_grads = all(p.grad is not None and p.grad.abs().sum() > 0 for p in net.parameters())
    torch.optim.SGD(net.parameters(), lr=0.1).step()
    step_moves = any(not torch.equal(b, p) for b, p in zip(before, net.parameters(), strict=True))
    assert has_grads and step_moves
    return bool(value) == (not unchanged)


def _digits_pixels() -> np.ndarray:
    from sklearn.datasets import load_digits

    return load_digits().data  # 1,797 images of 8x8 pixels, integer values 0..16 (bundled, no download)


@register("numpy", registry=EXTRA)
def pixel_scaling(value: str) -> bool:
    """What does dividing pixels by their maximum (the article's x / 255, here x / 16) do?

    "uniform": the values become evenly distributed (a flat histogram);
    "standardised": mean 0 and standard deviation 1;
    "same-shape": the values lie in [0, 1] and the histogram is unchanged (only the axis is rescaled).
    """
    x = _digits_pixels()
    scaled = x / 16.0
    before = np.bincount(x.astype(int).ravel(), minlength=17)
    after = np.bincount(np.rint(scaled * 16).astype(int).ravel(), minlength=17)
    facts = {
        "uniform": after.max() < 2 * after.min(),
        "standardised": abs(scaled.mean()) < 0.05 and abs(scaled.std() - 1) < 0.05,
        "same-shape": np.array_equal(before, after) and scaled.min() == 0 and scaled.max() == 1,
    }
    return bool(facts[value])


@register("torch", registry=EXTRA)
def rnn_learns_long_range(value: str, *, steps: int = 50) -> bool:
    """Does the gradient reach far back in a plain tanh RNN (PyTorch's default initialisation)?

    "long-range": ∂h_T/∂x_0 after ``steps`` steps keeps at least 1 % of its one-step size;
    "short-range": it falls below 1 % (vanishing gradient), so long dependencies are hard to learn.
    """
    import torch

    torch.manual_seed(0)
    rnn = torch.nn.RNN(4, 16, nonlinearity="tanh")

    def grad_norm(t: int) -> float:
        x = torch.randn(t, 1, 4, generator=torch.Generator().manual_seed(1), requires_grad=True)
        out, _ = rnn(x)
        out[-1].sum().backward()
        return float(x.grad[0].norm())

    ratio = grad_norm(steps) / grad_norm(1)
    if value not in ("long-range", "short-range"):
        raise ValueError(value)
    return (value == "long-range") == (ratio >= 0.01)


@register("torch", registry=EXTRA)
def adam_combines(value: str, steps: int = 3) -> bool:
    """Which update rule is ``torch.optim.Adam``: "sgd-momentum" (SGD with momentum) or
    "momentum-rmsprop" (momentum divided by the root of a moving average of squared gradients,
    bias-corrected)? Compared for constant gradients g = 1 and g = 1000 (Adam's step does not
    scale with g; momentum's does)."""
    import torch

    lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-8
    ok = True
    for g in (1.0, 1000.0):
        w = torch.zeros(1, requires_grad=True)
        opt = torch.optim.Adam([w], lr=lr, betas=(b1, b2), eps=eps)
        for _ in range(steps):
            opt.zero_grad()
            w.grad = torch.tensor([g])
            opt.step()
        ref = float(w.detach())
        if value == "sgd-momentum":
            u = torch.zeros(1, requires_grad=True)
            sgd = torch.optim.SGD([u], lr=lr, momentum=b1)
            for _ in range(steps):
                sgd.zero_grad()
                u.grad = torch.tensor([g])
                sgd.step()
            got = float(u.detach())
        elif value == "momentum-rmsprop":
            got, m, v = 0.0, 0.0, 0.0
            for t in range(1, steps + 1):
                m, v = b1 * m + (1 - b1) * g, b2 * v + (1 - b2) * g * g
                got -= lr * (m / (1 - b1**t)) / (math.sqrt(v / (1 - b2**t)) + eps)
        else:
            raise ValueError(value)
        ok = ok and math.isclose(got, ref, rel_tol=1e-4)
    return ok


@register("torch", registry=EXTRA)
def dense_flattens(value: bool) -> bool:
    """Does a fully connected layer flatten a feature map? ``nn.Linear`` on a (1, 5, 5, 64) tensor
    acts on the last axis only (shape kept); flattening is a separate ``nn.Flatten`` with 0 parameters."""
    import torch

    x = torch.randn(1, 5, 5, 64)
    kept = torch.nn.Linear(64, 64)(x).shape == x.shape
    flatten = torch.nn.Flatten()
    separate = flatten(x).shape == (1, 5 * 5 * 64) and sum(p.numel() for p in flatten.parameters()) == 0
    return bool(value) == (not kept and not separate)


@register("numpy", registry=EXTRA)
def cross_validation_effect(value: str) -> bool:
    """What does 5-fold cross-validation do to an overfitting 1-nearest-neighbour classifier?

    "prevents-overfitting": the model evaluated on held-out data does better after it;
    "estimates-generalisation": the cross-validated accuracy is close to the held-out accuracy,
    while the training accuracy is not (cross-validation reports overfitting, it does not remove it).
    """
    rng = np.random.default_rng(0)
    n = 600
    x = rng.normal(size=(n, 10))
    y = (x[:, 0] + x[:, 1] > 0).astype(int)
    flip = rng.random(n) < 0.3
    y[flip] = 1 - y[flip]
    xtr, ytr, xte, yte = x[: n // 2], y[: n // 2], x[n // 2 :], y[n // 2 :]

    def predict(xa, ya, xb):
        d = ((xb[:, None, :] - xa[None, :, :]) ** 2).sum(-1)
        return ya[d.argmin(axis=1)]

    train_acc = (predict(xtr, ytr, xtr) == ytr).mean()
    held_before = (predict(xtr, ytr, xte) == yte).mean()
    folds = np.array_split(np.arange(n // 2), 5)
    cv_acc = np.mean([(predict(np.delete(xtr, f, 0), np.delete(ytr, f), xtr[f]) == ytr[f]).mean() for f in folds])
    held_after = (predict(xtr, ytr, xte) == yte).mean()  # the model is the same one: CV did not change it
    facts = {
        "prevents-overfitting": held_after > held_before,
        "estimates-generalisation": abs(cv_acc - held_after) < 0.1 < train_acc - held_after,
    }
    return bool(facts[value])


# article checks of the second reading


@register("article", registry=EXTRA)
def heading_matches(value: bool, *, document: str, pattern: str) -> bool:
    """Does any heading of ``document`` match the regular expression ``pattern``?"""
    return bool(value) == any(re.search(pattern, h) for h in headings(article_text(document)))


def _section(text: str, heading: str) -> str:
    """The text under the heading that starts with ``heading`` up to the next heading of the same level."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(heading))
    level = len(heading) - len(heading.lstrip("#"))
    end = next(
        (
            j
            for j in range(start + 1, len(lines))
            if re.match(rf"^#{{1,{level}}}\s", lines[j]) and lines[j] in headings(text)
        ),
        len(lines),
    )
    return "\n".join(lines[start + 1 : end])


@register("article", registry=EXTRA)
def section_mentions(value: bool, *, document: str, heading: str, pattern: str) -> bool:
    """Does the section under ``heading`` mention anything matching ``pattern``?"""
    return bool(value) == bool(re.search(pattern, _section(article_text(document), heading)))


@register("article", registry=EXTRA)
def signature_at_end(value: bool, *, document: str, signature: str, until: str, tail: int = 20) -> bool:
    """Is ``signature`` among the last ``tail`` non-empty lines of the first article, which ends
    before the line containing ``until`` (the chatbot's reply that follows it)?"""
    lines = [line for line in article_text(document).split(ARTICLE_MARKER)[0].splitlines() if line.strip()]
    lines = lines[: next(i for i, line in enumerate(lines) if until in line)]
    assert any(signature in line for line in lines), "the signature is somewhere in the article"
    return bool(value) == any(signature in line for line in lines[-tail:])


# ------------------------------------------------- issue 17, item 1: page assessments, part B


@register("numpy", registry=EXTRA)
def generalisation_depends_on_data(value: str, *, degree: int = 9, noise: float = 0.2) -> bool:
    """Is good generalisation a property of a flexible model ("inherent"), or does it depend on the
    data it is trained on ("depends-on-data")? One and the same degree-9 polynomial (10 parameters)
    fitted by least squares to y = sin(2πx) + noise from 10 and from 1,000 samples, tested on 1,000
    fresh samples: "inherent" if both held-out errors stay within 2× the noise variance."""
    rng = np.random.default_rng(0)

    def sample(n: int) -> tuple[np.ndarray, np.ndarray]:
        x = rng.uniform(0, 1, n)
        return x, np.sin(2 * np.pi * x) + rng.normal(scale=noise, size=n)

    x_test, y_test = sample(1000)

    def test_error(n: int) -> float:
        x, y = sample(n)
        coef = np.linalg.lstsq(np.vander(x, degree + 1), y, rcond=None)[0]
        return float(np.mean((np.vander(x_test, degree + 1) @ coef - y_test) ** 2))

    few, many = test_error(degree + 1), test_error(1000)
    if value == "inherent":
        return max(few, many) < 2 * noise**2
    if value == "depends-on-data":
        return many < 2 * noise**2 and few > 10 * many
    return False


@register("torch", registry=EXTRA)
def features_trained_with_classifier(value: str) -> bool:
    """Is feature extraction in a CNN a "separate-stage" finished before the model learns, or are the
    features learned "end-to-end" with the classifier? One training step on the classification loss
    of Conv2d → ReLU → Flatten → Linear: "end-to-end" if the convolution's weights receive a gradient
    from that loss and change in the same optimiser step as the classifier's."""
    import torch

    torch.manual_seed(0)
    conv, head = torch.nn.Conv2d(1, 4, 3), torch.nn.Linear(4 * 6 * 6, 3)
    net = torch.nn.Sequential(conv, torch.nn.ReLU(), torch.nn.Flatten(), head)
    before = [conv.weight.detach().clone(), head.weight.detach().clone()]
    opt = torch.optim.SGD(net.parameters(), lr=0.1)
    x, y = torch.randn(8, 1, 8, 8), torch.randint(0, 3, (8,))
    torch.nn.functional.cross_entropy(net(x), y).backward()
    opt.step()
    conv_changed = not torch.equal(before[0], conv.weight.detach())
    head_changed = not torch.equal(before[1], head.weight.detach())
    return {"end-to-end": conv_changed and head_changed, "separate-stage": head_changed and not conv_changed}.get(
        value, False
    )


@register("numpy", registry=EXTRA)
def matrix_product_sum_limit(value: str, *, batch_size: int) -> bool:
    """Up to which index does the sum in C_ij = Σ_k A_ik B_kj run? "inner-dimension" (the columns of A
    = the rows of B), "rows-of-A" (what m means in A ∈ R^{m×n}) or "batch-size" (the only m the
    article defines). Compared with ``A @ B`` for a 2×3 and a 3×4 matrix (every dimension differs)."""
    rng = np.random.default_rng(0)
    A, B = rng.normal(size=(2, 3)), rng.normal(size=(3, 4))
    limit = {"inner-dimension": A.shape[1], "rows-of-A": A.shape[0], "batch-size": batch_size}.get(value)
    if limit is None:
        return False
    try:
        C = np.array([[sum(A[i, k] * B[k, j] for k in range(limit)) for j in range(4)] for i in range(2)])
    except IndexError:  # the sum runs past the inner dimension
        return False
    return bool(np.allclose(C, A @ B))


def mnist_sizes_gb() -> dict[str, float]:
    """MNIST as the articles load it, in GB (10⁹ bytes), from the bibliography's image count: on disk
    uint8 images and labels; in memory the images after ``x / 255.0`` (float64, 004a) plus the labels."""
    from graders.errata import bibliography

    total = int(bibliography()["mnist"]["total"])
    images, labels = np.zeros((total, 28, 28), dtype=np.uint8), np.zeros(total, dtype=np.uint8)
    scaled = images / 255.0
    return {"storage": (images.nbytes + labels.nbytes) / 1e9, "memory": (scaled.nbytes + labels.nbytes) / 1e9}


@register("numpy", registry=EXTRA)
def mnist_footprint_gb(value: list) -> bool:
    """Is ``value`` = [memory, storage] in GB, to 10 %, what the MNIST data of the articles' project
    occupies (see :func:`mnist_sizes_gb`)?"""
    sizes = mnist_sizes_gb()
    memory, storage = (float(v) for v in value)
    return bool(abs(memory / sizes["memory"] - 1) < 0.1 and abs(storage / sizes["storage"] - 1) < 0.1)
