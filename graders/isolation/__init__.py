"""Stage 6, isolation: hard limits around a check, behind one interface.

:func:`run_many` runs tasks with the platform's backend, chosen by capability
(:mod:`graders.capabilities`), never by ``hasattr``: ``fork`` (Linux, macOS: forked workers with an
address-space rlimit and a CPU-time limit, :mod:`~graders.isolation.forked`) or ``inline`` (Pyodide,
WASI, Windows: in-process, the host enforces the deadline, :mod:`~graders.isolation.inprocess`).
A limit is reported as the limit that was hit, a crash as a crash.

>>> from graders.result import Result, Verdict
>>> run_isolated(lambda: Result(Verdict.CORRECT), timeout=5).verdict.value
'correct'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from ..capabilities import CAPABILITIES, Capabilities
from ..reading.limits import DEFAULT
from ..result import Result
from .protocol import Task

__all__ = ["run_many", "run_isolated", "check_isolated", "backend", "max_jobs"]


def backend(capabilities: Capabilities = CAPABILITIES) -> str:
    """``fork`` or ``inline``, by what the platform can do."""
    return "fork" if capabilities.fork else "inline"


def max_jobs() -> int:
    """Parallel checks are capped by the cores: more would only turn answers into timeouts."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def run_many(
    tasks: list[Task],
    *,
    jobs: int = 2,
    timeout: float = DEFAULT.timeout_s,
    memory_mb: int = DEFAULT.memory_mb,
    fresh: bool = False,
    decode: Callable = Result.from_dict,
    capabilities: Capabilities = CAPABILITIES,
) -> Iterator[tuple[object, object]]:
    """Run ``(key, function)`` tasks under the limits, ``jobs`` at a time (at most one per core);
    yield ``(key, result)`` as they finish. ``fresh``: a new process for every task."""
    tasks = list(tasks)
    if backend(capabilities) == "inline":
        from .inprocess import run_inline

        yield from run_inline(tasks, timeout=timeout, memory_mb=memory_mb, decode=decode)
        return
    from .forked import run_pool

    yield from run_pool(
        tasks,
        jobs=min(max(1, jobs), max_jobs()),
        timeout=timeout,
        memory_mb=memory_mb,
        max_tasks=1 if fresh else 500,
        decode=decode,
    )


def run_isolated(
    fn: Callable[[], object],
    *,
    timeout: float = DEFAULT.timeout_s,
    memory_mb: int = DEFAULT.memory_mb,
    decode: Callable = Result.from_dict,
    capabilities: Capabilities = CAPABILITIES,
):
    """Run one function under the limits in a fresh worker; its result (``decode`` rebuilds it
    from its ``to_dict``), or the limit verdict."""
    for _, result in run_many(
        [(0, fn)], jobs=1, timeout=timeout, memory_mb=memory_mb, fresh=True, decode=decode, capabilities=capabilities
    ):
        return result
    raise AssertionError("run_many yields one result per task")


def check_isolated(
    question,
    answer: str,
    *,
    seed: int | None = None,
    timeout: float = DEFAULT.timeout_s,
    memory_mb: int = DEFAULT.memory_mb,
) -> Result:
    """:func:`graders.grading.check` under hard limits; limit verdicts keep question and answer."""
    from ..grading.pipeline import check

    res = run_isolated(lambda: check(question, answer, seed=seed), timeout=timeout, memory_mb=memory_mb)
    if not res.question:
        res = res.with_(question=question.id, answer=str(answer))
    return res
