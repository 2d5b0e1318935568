"""Behaviour tables for the check functions, and the numbers quoted in the errata texts.

The check functions decide the errata, so each gets its own table of (input, expected)
rows, including rows where it must say no. The last tables recompute, with NumPy and
PyTorch, numbers that the corrections and explanations quote (feature-map sizes, the
cross-entropy variants, tanh(1)…), so the prose cannot drift from the maths either.
"""

from __future__ import annotations

import doctest
import importlib
import math

import numpy as np
import pytest

from graders.errata import checks
from graders.errata.checks import mermaid_edges, printed_matches
from tests.errata.registry import EXTRA, _bilingual, headings


@pytest.mark.parametrize(
    "module",
    [
        "graders.errata",
        "graders.errata.model",
        "graders.errata.vocabulary",
        "graders.errata.places",
        "graders.errata.checks",
        "graders.errata.registry",
        "graders.errata.maths",
        "graders.errata.references",
        "graders.errata.listings",
        "graders.errata.diagrams",
        "graders.errata.reasoning",
    ],
)
def test_doctests(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0


@pytest.mark.parametrize(
    ("truth", "printed", "ok"),
    [
        (0.11920292, "0.119", True),
        (0.11920292, "0.118", False),
        (0.88079708, 0.881, True),
        (0.96402758, "0.9640", True),
        (0.96402758, "0.7615", False),
        (0.76159416, "0.7615", False),  # tanh(1) rounds to 0.7616
        (100, 100, True),
        (100, 70, False),
        (0.8675, "0.87", True),  # two decimals printed: within 0.005
    ],
)
def test_printed_matches(truth: float, printed, ok: bool) -> None:
    assert printed_matches(truth, printed) is ok


@pytest.mark.parametrize(
    ("value", "record", "ok"),
    [
        ("Hinton et al.", ["Alex Krizhevsky", "Ilya Sutskever", "Geoffrey E. Hinton"], False),
        ("Krizhevsky et al.", ["Alex Krizhevsky", "Ilya Sutskever", "Geoffrey E. Hinton"], True),
        ("Krizhevsky", ["Alex Krizhevsky", "Ilya Sutskever"], False),  # one name for a list of two
        ("Goodfellow等人", ["Ian Goodfellow", "Yoshua Bengio"], True),
        (
            ["A. Krizhevsky", "I. Sutskever", "G. Hinton"],
            ["Alex Krizhevsky", "Ilya Sutskever", "Geoffrey E. Hinton"],
            True,
        ),
        (["Sutskever", "Krizhevsky", "Hinton"], ["Alex Krizhevsky", "Ilya Sutskever", "Geoffrey E. Hinton"], False),
        (["邱锡鹏"], ["邱锡鹏"], True),
        ("Goodfellow et al.", ["邱锡鹏"], False),
    ],
)
def test_author_matching(value, record, ok: bool) -> None:
    assert checks._authors_match(value, record) is ok


@pytest.mark.parametrize(
    ("query", "ok"),
    [
        ({"title": "Attention Is All You Need", "first_author": "Vaswani"}, True),
        ({"title": "attention is all you need.", "year": 2017}, True),
        ({"title": "Attention Is All You Need", "first_author": "Hinton"}, False),
        ({"title": "Attention Is All You Need", "year": 2018}, False),
        ({"title": "A Brief History of Deep Learning"}, False),
        ("vaswani2017", True),
        ("nope2020", False),
    ],
)
def test_reference_match(query, ok: bool) -> None:
    assert checks.match(query) is ok


@pytest.mark.parametrize(
    ("value", "args", "ok"),
    [
        (1950, {"record": "rosenblatt1958", "field": "year", "compare": "decade"}, True),
        (1970, {"record": "rosenblatt1958", "field": "year", "compare": "decade"}, False),
        ([2012, 2012], {"record": "krizhevsky2012", "field": "year", "compare": "year-range"}, True),
        (["TensorFlow", "PyTorch", "JAX"], {"record": "keras", "field": "backends"}, True),
        (["TensorFlow"], {"record": "keras", "field": "backends"}, False),
        (["BERT"], {"record": "bommasani2021", "field": "examples", "compare": "subset"}, True),
        (["BERT", "CNN"], {"record": "bommasani2021", "field": "examples", "compare": "subset"}, False),
        (60000, {"record": "mnist", "field": "train"}, True),
        ("60000", {"record": "mnist", "field": "train"}, True),
    ],
)
def test_reference_field(value, args: dict, ok: bool) -> None:
    assert checks.field(value, **args) is ok


def test_bibliography_records_are_complete() -> None:
    for key, rec in checks.bibliography().items():
        assert {"type", "title", "year"} <= set(rec), key
        if rec["type"] in ("paper", "book"):
            assert rec.get("authors") and rec.get("venue"), key


@pytest.mark.parametrize(
    ("latex", "ok"),
    [
        ("h_{l}^{(i)} = f(W_{l}^{(i)} h_{l-1} + b_{l}^{(i)})", True),
        ("h_{l}^{(i)} = f(W_{l}^{(i)}h_{l-1}^{(i-1) + b_{l}^{(i)})", False),
        ("\\{x\\} + (a", False),
        ("\\frac{1}{2}", True),
        ("f(x}", False),
    ],
)
def test_balanced_delimiters(latex: str, ok: bool) -> None:
    assert checks.balanced_delimiters(latex) is ok


def test_mermaid_parsing() -> None:
    labels, edges = mermaid_edges(
        "graph LR\n  A[学术界] --> B(产业界)\n  B --> C{数据资源}\n  C -->|共享| D[研究]\n  D --> A"
    )
    assert labels == {"A": "学术界", "B": "产业界", "C": "数据资源", "D": "研究"}
    assert edges == [("学术界", "产业界"), ("产业界", "数据资源"), ("数据资源", "研究"), ("研究", "学术界")]


@pytest.mark.parametrize(
    ("require", "forbid", "ok"),
    [
        ([["a", "c", "path"]], [], True),
        ([["a", "c", "edge"]], [], False),
        ([["a", "b", "edge"]], [["c", "a", "path"]], True),
        ([], [["b", "c", "edge"]], False),
    ],
)
def test_graph_properties(require, forbid, ok: bool) -> None:
    chain = "graph TD\nA[a] --> B[b]\nB --> C[c]"
    assert checks.graph_properties(chain, require=require, forbid=forbid) is ok


@pytest.mark.parametrize(
    ("graph", "centre"),
    [
        ("graph TD\nA[a] --> B[b]\nB --> C[c]", ["b"]),
        ("graph TD\nA[a] --> B[b]\nB --> C[c]\nC --> D[d]", ["b", "c"]),
        ("graph TD\nH[h] --> A[a]\nH --> B[b]\nH --> C[c]", ["h"]),
    ],
)
def test_graph_center(graph: str, centre: list) -> None:
    assert checks.graph_center(centre, excerpt=graph)


LISTING = """
import tensorflow as tf
model = tf.keras.Sequential([
    layers.Conv2D(32, (3, 3)),
    layers.MaxPooling2D((2, 2)),
    layers.Dense(10),
])
model.compile(optimizer='adam', loss='mse')
data = ...
model.fit(x, data)
"""


@pytest.mark.parametrize(
    ("fn", "value", "ok"),
    [
        ("layer_counts", {"Conv2D": 1, "MaxPooling2D": 1, "Dense": 1}, True),
        ("layer_counts", {"Conv2D": 2}, False),
        ("undefined_names", ["layers", "x"], True),
        ("undefined_names", [], False),
        ("listing_facts", {"placeholders": ["data"], "compiles": True, "loads_pretrained": False}, True),
        ("listing_facts", {"implements_model": False}, False),
    ],
)
def test_listing_checks(fn: str, value, ok: bool) -> None:
    assert getattr(checks, fn)(value, excerpt=LISTING) is ok


@pytest.mark.parametrize(
    ("value", "ok"), [("mse", True), ("mean_squared_error", True), ("categorical_crossentropy", False)]
)
def test_compile_argument(value: str, ok: bool) -> None:
    assert checks.compile_argument(value, excerpt=LISTING, argument="loss") is ok


LOG = """Epoch 1/2
10/10 [====] - loss: 0.5 - accuracy: 0.9012 - val_accuracy: 0.95
Epoch 2/2
10/10 [====] - loss: 0.4 - accuracy: 0.9300 - val_accuracy: 0.96
Test accuracy: 0.9718"""


@pytest.mark.parametrize(
    ("value", "kwargs", "ok"),
    [
        (0.93, {"metric": "accuracy"}, True),
        (0.9012, {"metric": "accuracy", "epoch": "first"}, True),
        (0.9012, {"metric": "accuracy"}, False),
        (0.96, {"metric": "val_accuracy"}, True),
        (0.9718, {"metric": "line:Test accuracy"}, True),
        (0.98, {"metric": "line:Test accuracy", "compare": "at-least"}, False),
        (0.5, {"metric": "loss"}, False),
    ],
)
def test_log_metric(value: float, kwargs: dict, ok: bool) -> None:
    assert checks.log_metric(value, excerpt=LOG, **kwargs) is ok


@pytest.mark.parametrize(("text", "n"), [("甲、乙、丙以及丁", 4), ("甲", 1), ("甲、乙", 2)])
def test_count_items(text: str, n: int) -> None:
    assert checks.count_items(n, excerpt=text) and not checks.count_items(n + 1, excerpt=text)


@pytest.mark.parametrize(
    ("value", "errors", "ok"),
    [
        ("mean", [10, -10, -10], True),
        ("half_sum", [10, -10, -10], False),
        ("half_sum", [3, 4], True),
        ("sum", [5], True),
        ("nonsense", [1, 2, 3], False),
    ],
)
def test_squared_error_loss(value: str, errors: list, ok: bool) -> None:
    assert checks.squared_error_loss(value, errors=errors) is ok


@pytest.mark.parametrize(
    ("value", "ok"),
    [(["1.8"], True), (["1.9"], False), (["1.8", "1.64"], True), (["1.8", "1.6"], True), (["1.8", "1.7"], False)],
)
def test_gd_iterates(value: list, ok: bool) -> None:
    assert checks.gd_iterates(value, target=1, lr=0.1, theta0=2) is ok


@pytest.mark.parametrize(
    ("function", "value"), [("relu", "nonlinear"), ("tanh", "nonlinear"), ("sigmoid", "nonlinear")]
)
def test_is_linear(function: str, value: str) -> None:
    assert checks.is_linear(value, function=function, points=[-1, 1, 2])
    assert not checks.is_linear("linear", function=function, points=[-1, 1, 2])


# ----------------------------------------------------------- test-side (numpy/torch) checks


@pytest.mark.parametrize(
    ("value", "kwargs", "ok"),
    [
        (1875, {"samples": 60000, "batch_size": 32}, True),
        (1688, {"samples": 60000, "batch_size": 32, "validation_split": 0.1}, True),
        (844, {"samples": 60000, "batch_size": 64, "validation_split": 0.1}, True),
        (10, {"samples": 60000, "batch_size": 32}, False),
    ],
)
def test_steps_per_epoch(value: int, kwargs: dict, ok: bool) -> None:
    assert EXTRA["numpy"]["steps_per_epoch"](value, **kwargs) is ok


def test_torch_checks_refuse_unknown_variants() -> None:
    torch_checks = EXTRA["torch"]
    assert torch_checks["conv_formula"]("nonsense") is False
    assert torch_checks["adam_update"]("nonsense") is False
    with pytest.raises(ValueError):
        torch_checks["attention_sees_order"]("nonsense")


def test_heading_parser_and_bilingual_rule() -> None:
    text = "# 标题\n```\n# comment\n```\n## 1. 背景介绍<|user|>### 1. 背景介绍（Background Introduction）\n"
    assert headings(text) == ["# 标题", "## 1. 背景介绍", "### 1. 背景介绍（Background Introduction）"]
    assert _bilingual("### 1. 背景介绍（Background Introduction）") and not _bilingual("## 3.1 卷积神经网络（CNN）")


# --------------------------------------------------- numbers quoted in corrections/explanations


def _keras_cnn(in_ch: int):
    import torch.nn as nn

    return nn.Sequential(
        nn.Conv2d(in_ch, 32, 3),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(64, 64, 3),
        nn.ReLU(),
        nn.Flatten(),
    )


@pytest.mark.parametrize(
    ("size", "channels", "sides", "flat"),
    [
        (28, 1, [26, 13, 11, 5, 3], 576),  # e000-cnn-pooling-count (MNIST)
        (32, 3, [30, 15, 13, 6, 4], 1024),  # e003-cnn-pooling-count (CIFAR-10)
    ],
)
def test_feature_map_sizes_quoted_in_corrections(size: int, channels: int, sides: list, flat: int) -> None:
    import torch
    import torch.nn as nn

    net = _keras_cnn(channels)
    x = torch.zeros(1, channels, size, size)
    seen = []
    for layer in net:
        x = layer(x)
        if isinstance(layer, (nn.Conv2d, nn.MaxPool2d)):
            seen.append(x.shape[-1])
    assert seen == sides and x.shape == (1, flat)


def test_cross_entropy_variants_quoted() -> None:
    import torch
    import torch.nn.functional as F

    p, y = torch.tensor([0.6, 0.3, 0.7], dtype=torch.float64), torch.tensor([1.0, 0.0, 1.0], dtype=torch.float64)
    total = float(-(y * p.log()).sum())
    assert round(total, 4) == 0.8675
    assert round(float(-(y * p.log10()).sum()), 4) == 0.3768
    assert round(total / 3, 4) == 0.2892
    assert round(float(F.binary_cross_entropy(p, y)), 4) == 0.4081
    assert all(abs(v - 0.4154) > 5e-4 for v in (total, total / 3, float(F.binary_cross_entropy(p, y))))


def test_activation_values_quoted() -> None:
    assert round(1 / (1 + math.exp(2)), 5) == 0.1192
    assert round(math.tanh(1), 5) == 0.76159 and round(math.tanh(2), 4) == 0.9640


def test_gd_closed_form_quoted() -> None:
    theta, seq = 0.0, []
    for _ in range(3):
        theta -= 0.1 * 2 * (theta - 1)
        seq.append(theta)
    assert np.allclose(seq, [1 - 0.8**t for t in (1, 2, 3)]) and np.allclose(seq, [0.2, 0.36, 0.488])


def test_chain_rule_example_quoted() -> None:
    import sympy as sp

    x = sp.Symbol("x")
    assert sp.simplify(sp.diff(sp.sin(x**2 + 1), x) - 2 * x * sp.cos(x**2 + 1)) == 0
    article = sp.diff(sp.sin(x**2 + 1), x) * sp.cos(x**2 + 1)
    assert sp.simplify(article - 2 * x * sp.cos(x**2 + 1) ** 2) == 0


def test_adam_first_step_differs_visibly() -> None:
    """The article's rule moves w by α·g on the first step, Adam by about α (sign of g)."""
    g, lr = 6.0, 0.1
    assert abs(lr * g - lr) > 0.4


def test_validation_held_out_reads_fit_and_evaluate() -> None:
    from graders.errata.listings import validation_held_out

    held = "model.fit(x, y, validation_data=(x_val, y_val))\nmodel.evaluate(x_test, y_test)\n"
    leaked = "model.fit(x, y, validation_data=(x_test, y_test))\nmodel.evaluate(x_test, y_test)\n"
    assert validation_held_out(True, excerpt=held) and not validation_held_out(False, excerpt=held)
    assert validation_held_out(False, excerpt=leaked) and not validation_held_out(True, excerpt=leaked)
    with pytest.raises(ValueError, match="validation_data"):
        validation_held_out(True, excerpt="model.evaluate(x_test, y_test)\n")


# ------------------------------------------------- second reading (issue 17): the new checks

SECOND_READING = [
    # (kind, function, value, kwargs, expected)
    ("torch", "conv_kernel_scope", "whole-image", {}, True),
    ("torch", "conv_kernel_scope", "one-region", {}, False),
    ("torch", "pooling_windows_may_overlap", True, {}, True),
    ("torch", "pooling_windows_may_overlap", False, {}, False),
    ("numpy", "selection_bias", "validation-set", {}, True),
    ("numpy", "selection_bias", "test-set", {}, False),
    ("numpy", "selection_bias", "test-set", {"settings": 1}, True),  # nothing chosen: no bias
    ("torch", "backward_updates_parameters", False, {}, True),
    ("torch", "backward_updates_parameters", True, {}, False),
    ("numpy", "pixel_scaling", "same-shape", {}, True),
    ("numpy", "pixel_scaling", "uniform", {}, False),
    ("numpy", "pixel_scaling", "standardised", {}, False),
    ("torch", "rnn_learns_long_range", "short-range", {}, True),
    ("torch", "rnn_learns_long_range", "long-range", {}, False),
    ("torch", "rnn_learns_long_range", "long-range", {"steps": 2}, True),  # one step back the gradient is intact
    ("torch", "adam_combines", "momentum-rmsprop", {}, True),
    ("torch", "adam_combines", "sgd-momentum", {}, False),
    ("torch", "dense_flattens", False, {}, True),
    ("torch", "dense_flattens", True, {}, False),
    ("numpy", "cross_validation_effect", "estimates-generalisation", {}, True),
    ("numpy", "cross_validation_effect", "prevents-overfitting", {}, False),
]


@pytest.mark.parametrize(("kind", "fn", "value", "kwargs", "ok"), SECOND_READING)
def test_second_reading_checks(kind: str, fn: str, value, kwargs: dict, ok: bool) -> None:
    assert EXTRA[kind][fn](value, **kwargs) is ok


@pytest.mark.parametrize(
    ("fn", "value"),
    [("conv_kernel_scope", "somewhere"), ("rnn_learns_long_range", "medium"), ("adam_combines", "adagrad")],
)
def test_second_reading_checks_refuse_unknown_values(fn: str, value: str) -> None:
    with pytest.raises(ValueError):
        EXTRA["torch"][fn](value)


ARTICLE_000 = "000_4320f6162912e08a.txt"


@pytest.mark.parametrize(
    ("fn", "value", "kwargs"),
    [
        ("heading_matches", True, {"document": ARTICLE_000, "pattern": "合作形式"}),  # FAQ 7 exists
        ("heading_matches", False, {"document": ARTICLE_000, "pattern": "合作.*(现状|挑战)"}),
        ("section_mentions", True, {"document": ARTICLE_000, "heading": "#### 梯度下降", "pattern": "学习率"}),
        ("section_mentions", False, {"document": ARTICLE_000, "heading": "#### 损失函数", "pattern": "Adam"}),
        (
            "signature_at_end",
            False,
            {
                "document": "004_d9777f14845c3e5a.txt",
                "signature": "禅与计算机程序设计艺术",
                "until": "这篇文章共有10个部分",
            },
        ),
    ],
)
def test_article_checks_of_the_second_reading(fn: str, value: bool, kwargs: dict) -> None:
    assert EXTRA["article"][fn](value, **kwargs) and not EXTRA["article"][fn](not value, **kwargs)


def test_numbers_quoted_by_the_second_reading() -> None:
    """0.59 (best of 20 chance-level settings), the vanishing ratio (< 1 % after 50 steps) and the
    parameter count 320 quoted in the explanations."""
    import torch

    rng = np.random.default_rng(0)
    best = (rng.binomial(100, 0.5, size=(20000, 20)) / 100).max(axis=1).mean()
    assert round(best, 2) == 0.59
    assert sum(p.numel() for p in torch.nn.Conv2d(1, 32, 3).parameters()) == 320
    pooled = torch.nn.functional.max_pool2d(torch.arange(16.0).view(1, 1, 4, 4), 2)[0, 0]
    averaged = torch.nn.functional.avg_pool2d(torch.arange(16.0).view(1, 1, 4, 4), 2)[0, 0]
    assert pooled.tolist() == [[5, 7], [13, 15]] and averaged.tolist() == [[2.5, 4.5], [10.5, 12.5]]
    assert torch.arange(16.0).max() == 15 and torch.arange(16.0).mean() == 7.5


# Issue 17, item 1 (part B): the checks of the reconciled page assessments, including rows where they say no.


@pytest.mark.parametrize(
    ("name", "value", "kwargs", "ok"),
    [
        ("generalisation_depends_on_data", "depends-on-data", {}, True),
        ("generalisation_depends_on_data", "inherent", {}, False),
        ("generalisation_depends_on_data", "always", {}, False),
        ("features_trained_with_classifier", "end-to-end", {}, True),
        ("features_trained_with_classifier", "separate-stage", {}, False),
        ("features_trained_with_classifier", "pca", {}, False),
        ("matrix_product_sum_limit", "inner-dimension", {"batch_size": 64}, True),
        ("matrix_product_sum_limit", "rows-of-A", {"batch_size": 64}, False),
        ("matrix_product_sum_limit", "batch-size", {"batch_size": 64}, False),
        ("matrix_product_sum_limit", "batch-size", {"batch_size": 3}, True),  # m is fine when it is the inner size
        ("matrix_product_sum_limit", "columns-of-B", {"batch_size": 64}, False),
        ("mnist_footprint_gb", [0.44, 0.055], {}, True),
        ("mnist_footprint_gb", [16, 500], {}, False),
        ("mnist_footprint_gb", [0.44, 500], {}, False),
        ("mnist_footprint_gb", [0.22, 0.055], {}, False),  # float32 would be half the memory
    ],
)
def test_part_b_checks(name: str, value, kwargs: dict, ok: bool) -> None:
    fn = next(reg[name] for reg in EXTRA.values() if name in reg)
    assert fn(value, **kwargs) is ok


def test_mnist_sizes_quoted() -> None:
    from tests.errata.registry import mnist_sizes_gb

    sizes = mnist_sizes_gb()
    assert sizes == {"storage": 70_000 * 785 / 1e9, "memory": (70_000 * 784 * 8 + 70_000) / 1e9}
    assert round(sizes["storage"], 3) == 0.055 and round(sizes["memory"], 2) == 0.44
    assert round(500 / sizes["storage"], -3) == 9000
