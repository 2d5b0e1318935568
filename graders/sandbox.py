"""Hard limits for one check: a forked child with an address-space rlimit, killed
at a wall-clock deadline. A limit hit is a clear verdict, never a hang or a crash.

Where ``fork`` is unavailable (Windows, Pyodide) the check runs in-process with only
the soft limits (parser limits and the bounded ``simplify``).

>>> from graders.result import Result, Verdict
>>> run_isolated(lambda: Result(Verdict.CORRECT), timeout=5).verdict.value
'correct'
"""

from __future__ import annotations

import json
import os
import select
import signal
import time
from typing import Callable, Iterable, Iterator

from .limits import DEFAULT
from .messages import message
from .result import Result, Verdict

__all__ = ["run_isolated", "run_many", "check_isolated", "available"]


def available() -> bool:
    return hasattr(os, "fork") and os.name == "posix"


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def payload_of(fn: Callable[[], Result]) -> dict:
    """Run ``fn``; its Result as a dict, or the kind of failure."""
    try:
        return {"result": fn().to_dict()}
    except (MemoryError, RecursionError):
        return {"error": "too-large"}
    except BaseException as exc:  # noqa: BLE001 - reported to the parent as "crashed"
        return {"error": "crashed", "detail": f"{type(exc).__name__}: {exc}"[:500]}


def result_of(payload: dict, memory_mb: int, elapsed_ms: float, decode: Callable = Result.from_dict):
    """What a child reported, decoded (or the limit verdict Result for its failure)."""
    if "result" in payload:
        return decode(payload["result"])
    if payload["error"] == "too-large":
        return limit_result(Verdict.TOO_LARGE, "too-large", limit=memory_mb).with_(elapsed_ms=elapsed_ms)
    return limit_result(Verdict.UNDETERMINED, "crashed").with_(elapsed_ms=elapsed_ms, caret=payload.get("detail", ""))


def set_limits(memory_mb: int, cpu_s: int | None) -> None:
    """Address-space limit (current size + ``memory_mb``) and an optional CPU-time limit."""
    import resource

    limit = _address_space() + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if cpu_s:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s + 1))


def _child(fn: Callable[[], Result], w: int, memory_mb: int, timeout: float) -> None:
    code = 0
    try:
        set_limits(memory_mb, int(timeout) + 2)
        data = json.dumps(payload_of(fn), ensure_ascii=False).encode()
        view = memoryview(data)
        while view:
            n = os.write(w, view)
            view = view[n:]
    except BaseException:  # noqa: BLE001
        code = 70
    finally:
        os._exit(code)


def limit_result(verdict: Verdict, code: str, **params) -> Result:
    return Result(verdict, feedback=message(code, **params), note=code)


class _Child:
    __slots__ = ("key", "pid", "fd", "deadline", "chunks", "t0")

    def __init__(self, key, pid: int, fd: int, deadline: float) -> None:
        self.key, self.pid, self.fd, self.deadline = key, pid, fd, deadline
        self.chunks: list[bytes] = []
        self.t0 = time.perf_counter()


def _spawn(key, fn: Callable[[], Result], timeout: float, memory_mb: int) -> _Child:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child never returns
        os.close(r)
        _child(fn, w, memory_mb, timeout)
    os.close(w)
    return _Child(key, pid, r, time.monotonic() + timeout)


def _finish(child: _Child, timed_out: bool, timeout: float, memory_mb: int, decode: Callable) -> Result:
    os.close(child.fd)
    if timed_out:
        try:
            os.kill(child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _, status = os.waitpid(child.pid, 0)
    elapsed = (time.perf_counter() - child.t0) * 1000
    if timed_out:
        return limit_result(Verdict.TIMEOUT, "timeout", limit=f"{timeout:g}").with_(elapsed_ms=elapsed)
    try:
        payload = json.loads(b"".join(child.chunks).decode())
    except ValueError:
        payload = {"error": "too-large" if os.WIFSIGNALED(status) else "crashed"}
    return result_of(payload, memory_mb, elapsed, decode)


def run_many(tasks: Iterable[tuple[object, Callable[[], Result]]], *, jobs: int = 2,
             timeout: float = DEFAULT.timeout_s, memory_mb: int = DEFAULT.memory_mb,
             decode: Callable = Result.from_dict) -> Iterator[tuple[object, Result]]:
    """Run each task in its own forked child, ``jobs`` at a time; yield (key, Result)
    as they finish. A task that hits a limit yields a limit verdict; the rest go on."""
    pending = iter(tasks)
    if not available():
        for key, fn in pending:
            yield key, fn()
        return
    running: dict[int, _Child] = {}
    exhausted = False
    while running or not exhausted:
        while not exhausted and len(running) < max(1, jobs):
            try:
                key, fn = next(pending)
            except StopIteration:
                exhausted = True
                break
            child = _spawn(key, fn, timeout, memory_mb)
            running[child.fd] = child
        if not running:
            break
        now = time.monotonic()
        wait = max(0.0, min(c.deadline for c in running.values()) - now)
        ready, _, _ = select.select(list(running), [], [], wait)
        for fd in ready:
            child = running[fd]
            chunk = os.read(fd, 1 << 16)
            if chunk:
                child.chunks.append(chunk)
                continue
            del running[fd]
            yield child.key, _finish(child, False, timeout, memory_mb, decode)
        now = time.monotonic()
        for fd, child in list(running.items()):
            if now >= child.deadline:
                del running[fd]
                yield child.key, _finish(child, True, timeout, memory_mb, decode)


def run_isolated(fn: Callable[[], Result], *, timeout: float = DEFAULT.timeout_s,
                 memory_mb: int = DEFAULT.memory_mb, decode: Callable = Result.from_dict) -> Result:
    """Run ``fn`` in a forked child under hard limits; return its Result (``fn`` may
    return any object with ``to_dict``; ``decode`` rebuilds it; limit hits are Results)."""
    for _, result in run_many([(0, fn)], jobs=1, timeout=timeout, memory_mb=memory_mb, decode=decode):
        return result
    raise AssertionError("unreachable")


def check_isolated(question, answer: str, *, seed: int | None = None, timeout: float = DEFAULT.timeout_s,
                   memory_mb: int = DEFAULT.memory_mb) -> Result:
    """:func:`graders.grade.check` under hard limits; limit verdicts keep question/answer."""
    from .grade import check

    res = run_isolated(lambda: check(question, answer, seed=seed), timeout=timeout, memory_mb=memory_mb)
    if not res.question:
        res = res.with_(question=question.id, answer=str(answer))
    return res
