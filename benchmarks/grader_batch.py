"""Batch throughput on generated answers using all cores: 10,000 answers through the
worker pool (rlimited workers, replaced on a limit hit) and 1,000 with a fresh forked
process per answer.

Run: .venv/bin/python benchmarks/grader_batch.py [--n 10000] [--jobs 2]
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import Counter

from graders.batch import Row, grade_rows

ANSWERS = {
    "mse-house-prices": ["100", "300/3", "70", "300", "1e2", "abc(", "9^9^9", "101"],
    "cross-entropy-binary-example": ["-ln(0.6)-ln(0.7)", "0.8675", "0.4154", "0.87"],
    "gd-step-quadratic": ["1.8", "1.9", "2.2", "9/5"],
    "sigmoid-derivative": ["sigma(z)(1-sigma(z))", "exp(-z)/(1+exp(-z))^2", "sigma(z)", "2sigma(z)"],
    "mse-gradient-prediction": ["2(ŷ_i - y_i)/n", "2(y_i - ŷ_i)/n", "(ŷ_i - y_i)/n"],
    "gd-update-rule": ["θ - 2η(θ-1)", "θ + 2η(θ-1)", "θ - η(θ-1)"],
    "backprop-two-layer-dw2": ["g σ(W1 x)ᵀ", "σ(W1 x) gᵀ"],
}


def generate(n: int, seed: int = 0) -> list[Row]:
    rng = random.Random(seed)
    qids = list(ANSWERS)
    rows = []
    for i in range(n):
        q = rng.choice(qids)
        rows.append(Row(i + 1, f"s{i % 500}", q, rng.choice(ANSWERS[q])))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--process-n", type=int, default=1000, help="answers for the fresh-process-per-answer run")
    args = ap.parse_args()
    for isolation, n in (("pool", args.n), ("process", args.process_n)):
        rows = generate(n)
        t0 = time.perf_counter()
        pairs = grade_rows(rows, jobs=args.jobs, isolation=isolation)
        dt = time.perf_counter() - t0
        counts = Counter(res.verdict.value for _, res in pairs)
        print(
            f"isolation={isolation:<8} graded {len(pairs):>6} answers in {dt:6.1f} s with {args.jobs} jobs: "
            f"{len(pairs) / dt:6.0f} answers/s   verdicts {dict(sorted(counts.items()))}"
        )


if __name__ == "__main__":
    main()
