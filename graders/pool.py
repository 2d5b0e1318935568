"""A pool of forked worker processes for batch grading.

Each worker runs under an address-space rlimit and grades one answer at a time;
the parent enforces each answer's wall-clock deadline. A worker that times out or
dies is killed and replaced (only that answer gets the limit verdict), and workers
retire after ``max_tasks`` answers so memory stays bounded. Workers are forked after
the task list exists, so a task is sent as its index: closures never cross a pipe.
Much faster than a fresh process per answer (see ``benchmarks/grader_batch.py``);
:func:`graders.sandbox.run_many` gives the stronger fresh-process isolation.
"""

from __future__ import annotations

import json
import os
import select
import signal
import struct
import time
from typing import Callable, Iterator

from .limits import DEFAULT
from .result import Result, Verdict
from .sandbox import available, limit_result, payload_of, result_of, set_limits

__all__ = ["run_pool"]

_HEAD = struct.Struct(">I")


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def _worker(tasks, task_r: int, result_w: int, memory_mb: int, max_tasks: int) -> None:  # pragma: no cover
    code = 0
    try:
        set_limits(memory_mb, None)
        reader = os.fdopen(task_r, "rb", buffering=0)
        for n in range(max_tasks):
            line = b""
            while not line.endswith(b"\n"):
                chunk = reader.read(1)
                if not chunk:
                    return
                line += chunk
            payload = payload_of(tasks[int(line)][1])
            payload["retire"] = n == max_tasks - 1  # the parent must not send more
            data = json.dumps(payload, ensure_ascii=False).encode()
            _write_all(result_w, _HEAD.pack(len(data)) + data)
    except BaseException:  # noqa: BLE001
        code = 70
    finally:
        os._exit(code)


class _Worker:
    def __init__(self, tasks, memory_mb: int, max_tasks: int) -> None:
        task_r, self.task_w = os.pipe()
        self.result_r, result_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # pragma: no cover - the worker never returns
            os.close(self.task_w)
            os.close(self.result_r)
            _worker(tasks, task_r, result_w, memory_mb, max_tasks)
        os.close(task_r)
        os.close(result_w)
        self.buf = b""
        self.index: int | None = None
        self.deadline = 0.0
        self.t0 = 0.0

    def send(self, index: int, timeout: float) -> None:
        self.index, self.buf = index, b""
        self.t0 = time.perf_counter()
        self.deadline = time.monotonic() + timeout
        _write_all(self.task_w, f"{index}\n".encode())

    def message(self) -> dict | None:
        if len(self.buf) < _HEAD.size:
            return None
        (n,) = _HEAD.unpack_from(self.buf)
        if len(self.buf) < _HEAD.size + n:
            return None
        data = self.buf[_HEAD.size : _HEAD.size + n]
        self.buf = self.buf[_HEAD.size + n :]
        return json.loads(data.decode())

    def close(self, kill: bool) -> None:
        for fd in (self.task_w, self.result_r):
            try:
                os.close(fd)
            except OSError:
                pass
        if kill:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        os.waitpid(self.pid, 0)


def run_pool(tasks: list[tuple[object, Callable[[], Result]]], *, jobs: int = 2, timeout: float = DEFAULT.timeout_s,
             memory_mb: int = DEFAULT.memory_mb, max_tasks: int = 500) -> Iterator[tuple[object, Result]]:
    """Yield (key, Result) for every task, in completion order."""
    if not available():
        for key, fn in tasks:
            yield key, fn()
        return
    todo = list(range(len(tasks)))[::-1]
    idle: list[_Worker] = []
    busy: dict[int, _Worker] = {}
    workers = 0
    try:
        while todo or busy:
            while todo and len(busy) < max(1, jobs):
                w = idle.pop() if idle else _Worker(tasks, memory_mb, max_tasks)
                k = todo.pop()
                try:
                    w.send(k, timeout)
                except OSError:  # the worker retired or died between tasks
                    w.close(kill=True)
                    todo.append(k)
                    continue
                busy[w.result_r] = w
                workers += 1
            wait = max(0.0, min(w.deadline for w in busy.values()) - time.monotonic())
            ready, _, _ = select.select(list(busy), [], [], wait)
            for fd in ready:
                w = busy[fd]
                chunk = os.read(fd, 1 << 16)
                elapsed = (time.perf_counter() - w.t0) * 1000
                if not chunk:  # died mid-answer: memory kill or crash
                    del busy[fd]
                    w.close(kill=True)
                    yield tasks[w.index][0], result_of({"error": "too-large"}, memory_mb, elapsed)
                    continue
                w.buf += chunk
                msg = w.message()
                if msg is not None:
                    del busy[fd]
                    if msg.get("retire"):
                        w.close(kill=False)
                    else:
                        idle.append(w)
                    yield tasks[w.index][0], result_of(msg, memory_mb, elapsed)
            now = time.monotonic()
            for fd, w in list(busy.items()):
                if now >= w.deadline:
                    del busy[fd]
                    w.close(kill=True)
                    yield tasks[w.index][0], limit_result(Verdict.TIMEOUT, "timeout", limit=f"{timeout:g}").with_(
                        elapsed_ms=(time.perf_counter() - w.t0) * 1000)
    finally:
        for w in idle + list(busy.values()):
            w.close(kill=True)
