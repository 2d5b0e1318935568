"""The batch worker pool: limits per answer, a bad answer never stops the others."""

from __future__ import annotations

import pytest

from graders.pool import run_pool
from graders.result import Result, Verdict
from graders.sandbox import available

pytestmark = pytest.mark.skipif(not available(), reason="needs fork")


def _hang():
    while True:
        pass


def _memory():
    return Result(Verdict.CORRECT, note=str(len(bytearray(8 * 1024**3))))


def _die():
    import os

    os._exit(9)


def test_limits_hit_one_answer_only():
    tasks = [(0, lambda: Result(Verdict.CORRECT)), (1, _hang), (2, _memory), (3, _die),
             (4, lambda: Result(Verdict.INCORRECT)), (5, lambda: 1 / 0)]
    got = dict(run_pool(tasks, jobs=2, timeout=3.0, memory_mb=256))
    assert {k: r.verdict for k, r in got.items()} == {
        0: Verdict.CORRECT, 1: Verdict.TIMEOUT, 2: Verdict.TOO_LARGE, 3: Verdict.TOO_LARGE,
        4: Verdict.INCORRECT, 5: Verdict.UNDETERMINED}
    assert got[5].note == "crashed"


def test_workers_retire_and_are_replaced():
    tasks = [(i, lambda i=i: Result(Verdict.CORRECT, note=str(i))) for i in range(50)]
    got = dict(run_pool(tasks, jobs=2, max_tasks=3))
    assert [got[i].note for i in range(50)] == [str(i) for i in range(50)]
