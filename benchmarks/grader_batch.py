"""Batch throughput of kb-grade grade, as a teacher runs it: a class's answers through the worker pool
(rlimited workers, replaced on a limit hit), then the per-student summary, the gradebook exports and
the report; and the report alone on a large results file.

Cases (``--case``, default all):

* ``realistic``: ``--n`` answers (10,000) drawn from a few typical answers per question, with
  ``--jobs 1`` and ``--jobs 2``;
* ``distinct``: ``--n`` answers that are all different strings (each typical answer rewritten as
  ``(answer)*k/k``), so nothing a worker read before can be reused; ``--jobs 2``;
* ``process``: ``--process-n`` answers (1,000) with a fresh forked process per answer;
* ``report``: the report (read the JSONL, build, HTML) on ``--report-rows`` results (100,000).

Each line gives the wall time and answers/s, and also the CPU time the parent and the workers used
and the load average: on a loaded machine the wall time grows while the CPU time per answer does not,
so "answers per CPU-second" tells a slow machine from a slow grader. ``--profile FILE`` profiles, with
cProfile, the grading of ``--n`` answers in one process (what a worker does; realistic answers, or distinct
ones with ``--case distinct``) and prints the top functions by cumulative and own time.

Run: .venv/bin/python benchmarks/grader_batch.py [--case realistic] [--n 10000] [--profile prof.out]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import tempfile
import time
from collections import Counter
from pathlib import Path

from graders.batch import Row, grade_rows
from graders.batch.gradebook import FORMATS, export
from graders.batch.report import build_report, read_results
from graders.batch.report_html import report_html
from graders.batch.submissions import records
from graders.batch.summary import class_table

ANSWERS = {
    "mse-house-prices": ["100", "300/3", "70", "300", "1e2", "abc(", "9^9^9", "101"],
    "cross-entropy-binary-example": ["-ln(0.6)-ln(0.7)", "0.8675", "0.4154", "0.87"],
    "gd-step-quadratic": ["1.8", "1.9", "2.2", "9/5"],
    "sigmoid-derivative": ["sigma(z)(1-sigma(z))", "exp(-z)/(1+exp(-z))^2", "sigma(z)", "2sigma(z)"],
    "mse-gradient-prediction": ["2(ŷ_i - y_i)/n", "2(y_i - ŷ_i)/n", "(ŷ_i - y_i)/n"],
    "gd-update-rule": ["θ - 2η(θ-1)", "θ + 2η(θ-1)", "θ - η(θ-1)"],
    "backprop-two-layer-dw2": ["g σ(W1 x)ᵀ", "σ(W1 x) gᵀ"],
}
STUDENTS = 500


def generate(n: int, seed: int = 0, distinct: bool = False) -> list[Row]:
    """``n`` answers of ``STUDENTS`` students; ``distinct``: every answer string different."""
    rng = random.Random(seed)
    qids = list(ANSWERS)
    rows = []
    for i in range(n):
        q = rng.choice(qids)
        answer = rng.choice(ANSWERS[q])
        if distinct:
            answer = f"({answer})*{i + 2}/{i + 2}"
        extra = (("name", f"学生{i % STUDENTS}"), ("email", f"s{i % STUDENTS}@example.edu"))
        rows.append(Row(i + 1, f"s{i % STUDENTS}", q, answer, extra=extra))
    return rows


def _cpu() -> tuple[float, float]:
    """(CPU seconds of this process, of its finished children)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


def _load() -> str:
    return "/".join(f"{x:.1f}" for x in os.getloadavg())


def run_class(rows: list[Row], jobs: int, isolation: str = "pool") -> dict:
    """Grade, then the summary and every gradebook export but Gradescope's (one student), then the report."""
    load = _load()
    cpu0, t0 = _cpu(), time.perf_counter()
    pairs = grade_rows(rows, jobs=jobs, isolation=isolation)
    t1 = time.perf_counter()
    table = class_table(pairs)
    for fmt in FORMATS:
        if fmt != "gradescope":
            export(table, fmt)
    t2 = time.perf_counter()
    build_report(list(records(pairs)))
    t3 = time.perf_counter()
    cpu1 = _cpu()
    return {
        "answers": len(pairs),
        "jobs": jobs,
        "grade_s": t1 - t0,
        "exports_s": t2 - t1,
        "report_s": t3 - t2,
        "total_s": t3 - t0,
        "per_s": len(pairs) / (t3 - t0),
        "parent_cpu_s": cpu1[0] - cpu0[0],
        "workers_cpu_s": cpu1[1] - cpu0[1],
        "load": load,
        "verdicts": dict(sorted(Counter(res.verdict.value for _, res in pairs).items())),
    }


def show(case: str, r: dict) -> None:
    cpu = r["parent_cpu_s"] + r["workers_cpu_s"]
    print(
        f"{case:<10} {r['answers']:>6} answers, --jobs {r['jobs']}: {r['total_s']:6.2f} s "
        f"(grade {r['grade_s']:.2f}, summary+exports {r['exports_s']:.2f}, report {r['report_s']:.2f}) "
        f"= {r['per_s']:6.0f} answers/s; CPU parent {r['parent_cpu_s']:.1f} s + workers {r['workers_cpu_s']:.1f} s "
        f"= {r['answers'] / cpu:.0f} answers per CPU-second; load {r['load']}\n           verdicts {r['verdicts']}"
    )


def run_report(n_rows: int) -> None:
    """The report's time on ``n_rows`` results (a JSONL file as grade writes it)."""
    pairs = grade_rows(generate(2000), jobs=2)
    recs_made = list(records(pairs))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "results.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for i in range(n_rows):
                fh.write(json.dumps(recs_made[i % len(recs_made)], ensure_ascii=False) + "\n")
        t0 = time.perf_counter()
        recs = read_results(path)
        t1 = time.perf_counter()
        report = build_report(recs)
        t2 = time.perf_counter()
        report_html(report)
        t3 = time.perf_counter()
    print(
        f"report     {n_rows:>6} result rows: {t3 - t0:.2f} s (read {t1 - t0:.2f}, build {t2 - t1:.2f}, "
        f"HTML {t3 - t2:.3f}); load {_load()}"
    )


def profile(rows: list[Row], out: str) -> None:
    """cProfile of grading ``rows`` in this process: what each worker spends its time on."""
    import cProfile
    import pstats

    grade_rows(rows[:50], isolation="none")  # the first answer to each question warms caches
    prof = cProfile.Profile()
    prof.enable()
    t0 = time.perf_counter()
    grade_rows(rows, isolation="none")
    dt = time.perf_counter() - t0
    prof.disable()
    prof.dump_stats(out)
    print(f"profile    {len(rows)} answers in one process (no isolation): {dt:.2f} s = {len(rows) / dt:.0f} answers/s")
    stats = pstats.Stats(prof).strip_dirs()
    stats.sort_stats("cumulative").print_stats(25)
    stats.sort_stats("tottime").print_stats(20)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--case", choices=["all", "realistic", "distinct", "process", "report"], default="all")
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--process-n", type=int, default=1000, help="answers for the fresh-process-per-answer run")
    ap.add_argument("--report-rows", type=int, default=100_000)
    ap.add_argument("--profile", metavar="FILE", help="profile the in-process grading of --n answers instead")
    args = ap.parse_args()
    if args.profile:
        profile(generate(args.n, distinct=args.case == "distinct"), args.profile)
        return
    if args.case in ("all", "realistic"):
        for jobs in (1, 2):
            show("realistic", run_class(generate(args.n), jobs))
    if args.case in ("all", "distinct"):
        show("distinct", run_class(generate(args.n, distinct=True), 2))
    if args.case in ("all", "process"):
        show("process", run_class(generate(args.process_n), 2, isolation="process"))
    if args.case in ("all", "report"):
        run_report(args.report_rows)


if __name__ == "__main__":
    main()
