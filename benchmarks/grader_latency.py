"""Latency of single checks (in-process, warm): median and p99.

One scalar check, one matrix check (2-layer backprop), one 6-step derivation.
Run: .venv/bin/python benchmarks/grader_latency.py [--n 200]
"""

from __future__ import annotations

import argparse
import statistics
import time

from graders.bank import load
from graders.grading.derivation import grade_derivation_text
from graders.grading.pipeline import check

DERIVATION = """\
d/dθ ((θ - 1)^2 + 3θ)
= 2(θ - 1) + 3
= 2θ - 2 + 3
= 2θ + 1
= (4θ + 2)/2
= 2(θ + 1/2)
"""


def measure(fn, n: int, cold: bool) -> tuple[float, float]:
    from sympy.core.cache import clear_cache

    fn()  # warm up imports
    times = []
    for _ in range(n):
        if cold:
            clear_cache()  # SymPy memoises: without this a repeated input is nearly free
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.99 * len(times)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    n = ap.parse_args().n
    sig, dw1, mse = load("sigmoid-derivative"), load("backprop-two-layer-dw1"), load("mse-house-prices")
    cases = [
        ("numeric  mse-house-prices '300/3'", lambda: check(mse, "300/3")),
        ("scalar   sigmoid-derivative (numeric layer)", lambda: check(sig, "exp(-z)/(1+exp(-z))^2")),
        ("scalar   sigmoid-derivative (wrong)", lambda: check(sig, "sigma(z)(1+sigma(z))")),
        ("matrix   backprop-two-layer-dw1 (correct)", lambda: check(dw1, "(W2ᵀg ⊙ σ(W1x) ⊙ (1-σ(W1x))) xᵀ")),
        ("derive   6 steps", lambda: grade_derivation_text(DERIVATION)),
    ]
    print(f"{'case':<48}{'median':>10}{'p99':>10}{'median':>12}{'p99':>10}")
    print(f"{'':<48}{'(SymPy cache cleared)':>20}{'(cache warm)':>22}   ms, n={n}")
    for label, fn in cases:
        med, p99 = measure(fn, n, cold=True)
        wmed, wp99 = measure(fn, n, cold=False)
        print(f"{label:<48}{med:10.2f}{p99:10.2f}{wmed:12.2f}{wp99:10.2f}")
    assert grade_derivation_text(DERIVATION).verdict.value == "correct"


if __name__ == "__main__":
    main()
