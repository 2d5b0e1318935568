"""Hard limits around one check: a hang is "timeout", a memory blow-up "too large", a crash a crash."""

from __future__ import annotations

import time

import pytest

from graders.bank import load
from graders.isolation import backend, check_isolated, run_isolated
from graders.result import Result, Verdict

pytestmark = pytest.mark.skipif(backend() != "fork", reason="the fork backend needs fork")


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


def _sleep():
    time.sleep(60)  # blocks without using CPU: the wall-clock backstop ends it


@pytest.mark.parametrize(
    "fn, verdict, note",
    [
        (_hang, Verdict.TIMEOUT, "timeout"),
        (_memory, Verdict.TOO_LARGE, "too-large"),
        (_crash, Verdict.ERROR, "crashed"),
        (_recursion, Verdict.TOO_LARGE, "too-large"),
        (_sleep, Verdict.TIMEOUT, "timeout"),
    ],
)
def test_limits(fn, verdict, note):
    timeout = 1.0 if verdict is Verdict.TIMEOUT else 15.0  # generous: the machine may be busy
    t0 = time.monotonic()
    r = run_isolated(fn, timeout=timeout, memory_mb=256)
    assert (r.verdict, r.note) == (verdict, note)
    assert time.monotonic() - t0 < 2 * timeout + 6
    assert r.feedback.zh and r.feedback.en


def test_a_crash_keeps_its_reason_for_maintainers_only():
    r = run_isolated(_crash, timeout=15)
    assert r.detail == "ValueError: boom" and "boom" not in r.feedback.en


def test_check_isolated_matches_in_process():
    r = check_isolated(load("mse-house-prices"), "70")
    assert r.verdict is Verdict.INCORRECT and r.note == "article-arithmetic" and r.question == "mse-house-prices"


def test_limit_verdict_keeps_question_and_answer(monkeypatch):
    import graders.grading.pipeline as pipeline

    monkeypatch.setattr(pipeline, "check", lambda *a, **k: _hang())  # inherited by the forked worker
    r = check_isolated(load("mse-house-prices"), "100", timeout=0.5)
    assert r.verdict is Verdict.TIMEOUT and r.question == "mse-house-prices" and r.answer == "100"
