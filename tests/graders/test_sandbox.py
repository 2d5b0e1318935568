"""Hard limits: a hang becomes "timeout", a memory blow-up "too large", a crash a verdict."""

from __future__ import annotations

import time

import pytest

from graders.questions import load
from graders.result import Result, Verdict
from graders.sandbox import available, check_isolated, run_isolated

pytestmark = pytest.mark.skipif(not available(), reason="needs fork")


def _hang():
    while True:
        pass


def _memory():
    blocks = [bytearray(64 * 1024 * 1024) for _ in range(100)]
    return Result(Verdict.CORRECT, note=str(len(blocks)))


def _crash():
    raise ValueError("boom")


def _recursion():
    def f(n):
        return f(n + 1)

    return f(0)


@pytest.mark.parametrize("fn, verdict, note", [
    (_hang, Verdict.TIMEOUT, "timeout"),
    (_memory, Verdict.TOO_LARGE, "too-large"),
    (_crash, Verdict.UNDETERMINED, "crashed"),
    (_recursion, Verdict.TOO_LARGE, "too-large"),
])
def test_limits(fn, verdict, note):
    timeout = 1.0 if verdict is Verdict.TIMEOUT else 15.0  # generous: the machine may be busy
    t0 = time.monotonic()
    r = run_isolated(fn, timeout=timeout, memory_mb=256)
    assert (r.verdict, r.note) == (verdict, note)
    assert time.monotonic() - t0 < timeout + 5
    assert r.feedback.zh and r.feedback.en


def test_check_isolated_matches_in_process():
    r = check_isolated(load("mse-house-prices"), "70")
    assert r.verdict is Verdict.INCORRECT and r.note == "article-arithmetic" and r.question == "mse-house-prices"


def test_limit_verdict_keeps_question_and_answer():
    r = check_isolated(load("mse-house-prices"), "100", timeout=0.0001)
    assert r.verdict is Verdict.TIMEOUT and r.question == "mse-house-prices" and r.answer == "100"
