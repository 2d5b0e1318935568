"""Site build benchmark: cold build, warm rebuild, rebuild after editing one kb module,
and the build with snippet execution switched off.

Runs on a scratch copy of the working tree (so editing a kb module does not touch the
repository) with its own snippet cache. Prints medians of several runs measured in
this one process, the ratio the issue targets (warm rebuild / no-execution build <= 1.2)
and the cold build's limit: the sum of the snippets' own execution times (recorded in
the cache) divided by the workers. ``KB_RUN_FORK=0`` measures the one-kernel-per-snippet
path.

    .venv/bin/python benchmarks/build_bench.py [--repeat 3] [--module kb/datasets/synthetic.py]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORKERS = 2  # the kb-run plugin's default (mkdocs.yml does not override it)


def tracked_files() -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [line for line in out.splitlines() if line and (ROOT / line).is_file()]


def make_copy(dest: Path) -> None:
    for rel in tracked_files():
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")


def build(copy: Path, **env: str) -> tuple[float, int]:
    environment = {
        **os.environ,
        "PYTHONPATH": str(copy),
        "NO_MKDOCS_2_WARNING": "1",
        "KB_CACHE_DIR": str(copy / ".cache" / "kb-run"),
        **env,
    }
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(copy / "site")],
        cwd=copy,
        env=environment,
        capture_output=True,
        text=True,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stderr[-3000:]}")
    executed = max(map(int, re.findall(r"kb-run: (\d+) snippet\(s\) executed", result.stderr)), default=0)
    return seconds, executed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--module", default="kb/datasets/synthetic.py", help="kb module to edit")
    parser.add_argument("--keep-cache", type=Path, help="copy the cold build's snippet cache here (entries are merged)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kb-build-bench-") as scratch:
        copy = Path(scratch)
        make_copy(copy)
        cache = copy / ".cache" / "kb-run"
        snippets = len(list((copy / "docs" / "snippets").rglob("*.py")))

        shutil.rmtree(cache, ignore_errors=True)
        cold, cold_executed = build(copy)
        own = [json.loads(p.read_text())["provenance"]["seconds"] for p in cache.rglob("*.json")]
        if args.keep_cache:
            shutil.copytree(cache, args.keep_cache, dirs_exist_ok=True)
        warm = [build(copy) for _ in range(args.repeat)]
        edited = []
        module = copy / args.module
        for i in range(args.repeat):
            module.write_text(module.read_text() + f"\n# benchmark edit {i}\n")
            edited.append(build(copy))
        off = [build(copy, KB_EXECUTE="false") for _ in range(args.repeat)]

    def med(runs: list[tuple[float, int]]) -> float:
        return statistics.median(s for s, _ in runs)

    print(f"snippets in docs/snippets: {snippets}; runs per figure: {args.repeat} (median)")
    print(f"cold build (empty cache)       : {cold:7.2f} s  ({cold_executed} snippets executed)")
    print(f"  limit: own times / {WORKERS} workers: {sum(own) / WORKERS:7.2f} s  (sum {sum(own):.2f} s)")
    print(f"warm rebuild (nothing changed) : {med(warm):7.2f} s  ({max(e for _, e in warm)} executed)")
    print(f"after editing {args.module:<17}: {med(edited):7.2f} s  ({edited[0][1]} executed)")
    print(f"execution switched off         : {med(off):7.2f} s")
    print(f"ratio warm / no-execution      : {med(warm) / med(off):7.2f}  (target <= 1.2)")


if __name__ == "__main__":
    main()
