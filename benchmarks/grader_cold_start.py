"""CLI cold start of kb-grade against ``python -c pass`` (target: < 0.5 s extra).

Run: .venv/bin/python benchmarks/grader_cold_start.py [--runs 10]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def median_seconds(cmd: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    runs = ap.parse_args().runs
    py = sys.executable
    base = median_seconds([py, "-c", "pass"], runs)
    print(f"python -c pass                          {base * 1000:7.1f} ms (median of {runs})")
    sym = median_seconds([py, "-c", "import sympy"], runs)
    print(f"python -c 'import sympy' (reference)    {sym * 1000:7.1f} ms   extra {1000 * (sym - base):7.1f} ms")
    for label, args in [
        ("kb-grade --version", ["--version"]),
        ("kb-grade list", ["list"]),
        ("kb-grade show mse-house-prices", ["show", "mse-house-prices"]),
        ("kb-grade check mse-house-prices 100", ["check", "mse-house-prices", "100"]),
        ("kb-grade check sigmoid-derivative", ["check", "sigmoid-derivative", "sigma(z)(1-sigma(z))"]),
        ("kb-grade check backprop-two-layer-dw2", ["check", "backprop-two-layer-dw2", "g sigma(W1 x)^T"]),
        ("kb-grade check (needs SymPy: a sum)", ["check", "mse-house-prices", "sum(i, i, 1, 3) + 94"]),
    ]:
        t = median_seconds([py, "-m", "graders", *args], runs)
        print(
            f"{label:<40}{t * 1000:7.1f} ms   extra {1000 * (t - base):7.1f} ms"
            f"   {'OK' if t - base < 0.5 else 'OVER'} (target < 500 ms extra)"
        )


if __name__ == "__main__":
    main()
