"""The kb overhead benchmark's bookkeeping: the floor model and the verdict per model.

The timings themselves are never asserted (they come from ``make bench-kb``); these
tests pin the arithmetic that turns them into the figures quoted in the notes.
"""

import importlib.util
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[2] / "benchmarks" / "kb_train_overhead.py"
_spec = importlib.util.spec_from_file_location("kb_train_overhead", _PATH)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

COEF = {"fixed_ms": 10.0, "epoch_ms": 0.3, "batch_ms": 0.2, "log_ms": 0.4}


@pytest.mark.parametrize(
    "epochs, batches, logs, expected_s",
    [
        (1, 1, 0, (10 + 0.3 + 0.2) / 1000),
        (100, 1, 200, (10 + 30 + 20 + 80) / 1000),  # full-batch gradient descent
        (25, 21, 100, (10 + 7.5 + 105 + 40) / 1000),
    ],
)
def test_floor_seconds(epochs, batches, logs, expected_s):
    row = {"epochs": epochs, "batches": batches, "logs": logs}
    assert bench.floor_seconds(COEF, row) == pytest.approx(expected_s)


@pytest.mark.parametrize(
    "ratio, min_ratio, floor, expected",
    [
        (1.20, 1.15, 1.10, "meets"),  # Lightning's own floor explains it
        (1.10, 1.10, 1.00, "meets"),  # the target (ratio / floor <= 1.1) is inclusive
        (5.00, 4.80, 4.70, "meets"),  # a tiny model: the floor is high, kb adds nothing
        (1.30, 1.20, 1.10, "noisy"),
        (1.20, 1.30, 1.10, "noisy"),
        (1.40, 1.35, 1.10, "above"),
        (1.40, 1.35, None, "no floor"),  # without --floor there is nothing to compare with
        (1.00, 0.98, 1.05, "meets"),  # a run that beats the fitted floor
    ],
)
def test_verdict(ratio, min_ratio, floor, expected):
    row = {"ratio": ratio, "min_ratio": min_ratio}
    if floor is not None:
        row["floor"] = floor
    assert bench.verdict(row) == expected


@pytest.mark.parametrize(
    "rows, expected",
    [
        ([(1.0, 2.0)], 2.0),
        ([(1.0, 3.0), (9.0, 1.0)], 1.2),  # a tiny model's high floor weighs by its time only
        ([(2.0, 1.5), (2.0, 1.5)], 1.5),
    ],
)
def test_total_floor(rows, expected):
    rows = [{"plain_seconds": plain, "floor": floor} for plain, floor in rows]
    assert bench.total_floor(rows) == pytest.approx(expected)


def test_targets():
    assert (bench.TARGET, bench.TOTAL_TARGET) == (1.1, 1.25)
