"""The fork backend's worker pool: limits per answer, a bad answer never stops the others."""

from __future__ import annotations

import os

import pytest

from graders.isolation import backend
from graders.isolation.forked import cpu_seconds, run_pool
from graders.result import Result, Verdict

pytestmark = pytest.mark.skipif(backend() != "fork", reason="the fork backend needs fork")


def _hang():
    while True:
        pass


def _memory():
    return Result(Verdict.CORRECT, note=str(len(bytearray(8 * 1024**3))))


def _die():
    os._exit(9)


def _segfault():
    import ctypes

    ctypes.string_at(0)


def test_limits_hit_one_answer_only():
    tasks = [
        (0, lambda: Result(Verdict.CORRECT)),
        (1, _hang),
        (2, _memory),
        (3, _die),
        (4, lambda: Result(Verdict.INCORRECT)),
        (5, lambda: 1 / 0),
        (6, _segfault),
    ]
    got = dict(run_pool(tasks, jobs=2, timeout=3.0, memory_mb=256))
    assert {k: (r.verdict, r.note) for k, r in got.items()} == {
        0: (Verdict.CORRECT, ""),
        1: (Verdict.TIMEOUT, "timeout"),
        2: (Verdict.TOO_LARGE, "too-large"),
        3: (Verdict.ERROR, "crashed"),  # a worker that exits on its own crashed: it hit no limit
        4: (Verdict.INCORRECT, ""),
        5: (Verdict.ERROR, "crashed"),
        6: (Verdict.ERROR, "crashed"),
    }
    assert "exit status" in got[3].detail and got[5].detail.startswith("ZeroDivisionError")


def test_workers_retire_and_are_replaced():
    tasks = [(i, lambda i=i: Result(Verdict.CORRECT, note=str(i))) for i in range(50)]
    got = dict(run_pool(tasks, jobs=2, max_tasks=3))
    assert [got[i].note for i in range(50)] == [str(i) for i in range(50)]


def test_one_process_per_task_when_asked():
    tasks = [(i, lambda: Result(Verdict.CORRECT, note=str(os.getpid()))) for i in range(4)]
    pids = {r.note for _, r in run_pool(tasks, jobs=1, max_tasks=1)}
    assert len(pids) == 4


def test_the_limit_is_cpu_time_not_wall_time():
    """A busy machine slows the wall clock, not an answer's CPU time: the pool measures the latter."""
    busy = cpu_seconds(os.getpid())
    assert busy is not None and busy >= 0
    tasks = [(0, _hang)]
    ((_, r),) = run_pool(tasks, jobs=1, timeout=0.3)
    assert r.verdict is Verdict.TIMEOUT and 250 <= r.elapsed_ms < 5000
