"""The grader in the browser: time to the first verdict (cold and warm HTTP cache), per-check latency in
the browser against the same checks in CPython, bytes the site sends, and the build with and without the
grader bundle. One run, medians; the machine is shared, so `python -c pass` is printed as a load gauge.

Run: .venv/bin/python benchmarks/browser_grading.py [--site DIR] [--n 60]
(without --site it builds one with KB_EXECUTE=false into a temporary folder)
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sitebuild.chromium import CHROMIUM, OFFLINE_ARGS
from sitebuild.static_server import Counting, serve

ROOT = Path(__file__).resolve().parents[1]

PAGE = "/en/math/losses/"
CHECKS = [
    ("mse-house-prices", "300/3"),
    ("mse-house-prices", "70"),
    ("sigmoid-derivative", "σ(z)(1-σ(z))"),
    ("sigmoid-derivative", "σ(z)(1+σ(z))"),
    ("backprop-two-layer-dw2", "g σ(W1 x)ᵀ"),
]


def build(site: Path, bundle: bool) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "KB_EXECUTE": "false", "KB_GRADER_BUNDLE": str(bundle).lower()}
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - t0


def first_verdict(page, url: str) -> float:
    t0 = time.perf_counter()
    page.goto(url + PAGE + "#exercise-mse-house-prices", wait_until="load")
    box = page.locator("#exercise-mse-house-prices")
    box.locator(".kb-ex-input").fill("300/3")
    box.locator(".kb-ex-input").press("Enter")
    box.locator(".kb-ex-result .kb-ex-verdict").wait_for(timeout=120_000)
    return time.perf_counter() - t0


LATENCY_JS = """([checks, n]) => new Promise((resolve) => {
  const w = new Worker(new URL("/assets/grader/grader-worker.mjs", location.href), {type: "module"});
  window.kbWorker = w;  // keep it (and this promise) alive
  const times = {}; let rid = 0; let k = 0; let start = 0;
  const queue = [];
  for (let i = 0; i < n; i++) for (const [id, answer] of checks) queue.push([id, answer]);
  function next() {
    if (k >= queue.length) { w.terminate(); resolve(times); return; }
    const [id, answer] = queue[k++]; start = performance.now();
    w.postMessage({op: "check", id, answer, rid: ++rid});
  }
  w.onmessage = (e) => {
    const m = e.data;
    if (m.type === "ready" && m.stage === "sympy") next();
    if (m.type === "response") {
      const key = queue[k - 1].join(" | ");
      (times[key] = times[key] || []).push(performance.now() - start);
      next();
    }
  };
})"""


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", type=Path)
    ap.add_argument("--n", type=int, default=60)
    args = ap.parse_args()
    base = statistics.median(_time([sys.executable, "-c", "pass"]) for _ in range(5))
    print(f"load gauge: python -c pass {base * 1000:.0f} ms (quiet machine: ~30 ms)")
    tmp = Path(tempfile.mkdtemp())
    without = build(tmp / "without", bundle=False)
    build(tmp / "with", bundle=True)  # warms the bundle cache
    with_bundle = build(tmp / "with", bundle=True)
    print(
        f"site build (KB_EXECUTE=false, warm caches): without the grader bundle {without:.1f} s, "
        f"with {with_bundle:.1f} s, ratio {with_bundle / without:.2f}"
    )
    site = args.site or tmp / "with"
    server, url = serve(site)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=OFFLINE_ARGS)
        context = browser.new_context()
        page = context.new_page()
        Counting.sent = 0
        cold = first_verdict(page, url)
        sent_cold = Counting.sent
        Counting.sent = 0
        warm = first_verdict(page, url)
        sent_warm = Counting.sent
        print(
            f"page load to first verdict: cold cache {cold:.2f} s (target <= 5), warm cache {warm:.2f} s (target <= 2)"
        )
        print(
            f"bytes sent: first visit with an exercise {sent_cold / 1e6:.1f} MB, reload {sent_warm / 1e6:.3f} MB "
            "(target <= 1 MB)"
        )
        times = page.evaluate(LATENCY_JS, [CHECKS, args.n])
        browser.close()
    server.shutdown()
    from graders.bank import load
    from graders.grading.pipeline import check

    print(f"{'check':<52}{'browser median':>15}{'p99':>8}{'CPython median':>16}{'p99':>8}   ms")
    for qid, answer in CHECKS:
        q = load(qid)
        check(q, answer)
        native = []
        for _ in range(args.n):
            t0 = time.perf_counter()
            check(q, answer)
            native.append((time.perf_counter() - t0) * 1000)
        b = times[f"{qid} | {answer}"][1:]  # the first includes imports
        print(
            f"{qid + ' ' + answer:<52}{statistics.median(b):15.2f}{pct(b, 0.99):8.2f}"
            f"{statistics.median(native):16.2f}{pct(native, 0.99):8.2f}"
        )


def _time(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
