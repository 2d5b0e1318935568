"""The fork backend: forked workers under an address-space rlimit and a CPU-time limit per answer.

One implementation serves a single ``kb-grade check`` (one worker, one task) and a batch (``jobs``
workers, each grading up to ``max_tasks`` answers before it retires; ``max_tasks=1`` is a fresh
process per answer). Workers are forked after the task list exists, so a task is sent as its
index and closures never cross a pipe.

Limits: the CPU time an answer uses (read from ``/proc`` by the parent, so verdicts do not depend
on how loaded the machine is; ``RLIMIT_CPU`` in the worker where there is no ``/proc``), a
wall-clock backstop of twice that plus a second for a worker that blocks without computing, and
the memory limit. A worker that hits a limit is killed and replaced; only that answer gets the
verdict. A worker that dies by itself is reported for what killed it (:func:`death_payload`).
"""

from __future__ import annotations

import contextlib
import math
import os
import pickle
import select
import signal
import struct
import time
from collections.abc import Callable, Iterator

from ..reading.limits import DEFAULT
from ..result import Result
from .protocol import CpuTimeout, Task, death_payload, payload_of, result_of

__all__ = ["run_pool", "cpu_seconds"]

_HEAD = struct.Struct(">I")
_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) of a process so far, from ``/proc``; None where there is none."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / _TICK


def _address_space() -> int:
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def _on_sigxcpu(signum, frame):
    raise CpuTimeout


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def _worker(
    tasks: list[Task], task_r: int, result_w: int, memory_mb: int, timeout: float, max_tasks: int
) -> None:  # pragma: no cover - runs in the child
    import resource

    code = 0
    try:
        limit = _address_space() + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        signal.signal(signal.SIGXCPU, _on_sigxcpu)
        _, hard = resource.getrlimit(resource.RLIMIT_CPU)
        buf = b""
        for n in range(max_tasks):
            while b"\n" not in buf:
                chunk = os.read(task_r, 64)
                if not chunk:
                    return
                buf += chunk
            line, buf = buf.split(b"\n", 1)
            usage = resource.getrusage(resource.RUSAGE_SELF)
            soft = int(usage.ru_utime + usage.ru_stime) + math.ceil(timeout) + 1  # a backstop to /proc
            if hard == resource.RLIM_INFINITY or soft < hard:
                resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))
            payload = payload_of(tasks[int(line)][1])
            payload["retire"] = n == max_tasks - 1  # the parent must not send more
            done = resource.getrusage(resource.RUSAGE_SELF)
            payload["cpu"] = done.ru_utime + done.ru_stime  # where the next answer's CPU time starts
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)  # from our own forked child
            _write_all(result_w, _HEAD.pack(len(data)) + data)
    except BaseException:
        code = 70
    finally:
        os._exit(code)


class _Worker:
    def __init__(self, tasks: list[Task], memory_mb: int, timeout: float, max_tasks: int) -> None:
        task_r, self.task_w = os.pipe()
        self.result_r, result_w = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # pragma: no cover - the worker never returns
            os.close(self.task_w)
            os.close(self.result_r)
            _worker(tasks, task_r, result_w, memory_mb, timeout, max_tasks)
        os.close(task_r)
        os.close(result_w)
        self.buf = b""
        self.index: int | None = None
        self.deadline = self.t0 = self.started = 0.0
        self.cpu0 = cpu_seconds(self.pid) or 0.0  # the worker reports its CPU time after every answer

    def send(self, index: int, timeout: float) -> None:
        self.index, self.buf = index, b""
        self.t0 = time.perf_counter()
        self.started = time.monotonic()
        self.deadline = self.started + 2 * timeout + 1
        _write_all(self.task_w, f"{index}\n".encode())

    def over_cpu(self, timeout: float, now: float) -> bool:
        """CPU time never runs ahead of the wall clock: ``/proc`` is read only once the answer has
        taken ``timeout`` seconds of wall time."""
        if now - self.started < timeout:
            return False
        used = cpu_seconds(self.pid)
        return used is not None and used - self.cpu0 > timeout

    def message(self) -> dict | None:
        if len(self.buf) < _HEAD.size:
            return None
        (n,) = _HEAD.unpack_from(self.buf)
        if len(self.buf) < _HEAD.size + n:
            return None
        data = self.buf[_HEAD.size : _HEAD.size + n]
        self.buf = self.buf[_HEAD.size + n :]
        return pickle.loads(data)  # written by this process's own forked worker

    def close(self, kill: bool) -> int:
        """Close the pipes (killing the worker first if asked); its ``waitpid`` status."""
        for fd in (self.task_w, self.result_r):
            with contextlib.suppress(OSError):
                os.close(fd)
        if kill:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        return os.waitpid(self.pid, 0)[1]


def run_pool(
    tasks: list[Task],
    *,
    jobs: int = 2,
    timeout: float = DEFAULT.timeout_s,
    memory_mb: int = DEFAULT.memory_mb,
    max_tasks: int = 500,
    decode: Callable = Result.from_dict,
) -> Iterator[tuple[object, object]]:
    """Yield (key, result) for every task, in completion order."""
    todo = list(range(len(tasks)))[::-1]
    idle: list[_Worker] = []
    busy: dict[int, _Worker] = {}
    poll = min(0.05, max(timeout / 4, 0.005))  # how often a long answer's CPU time is read

    def finish(w: _Worker, payload: dict):
        elapsed = (time.perf_counter() - w.t0) * 1000
        return tasks[w.index][0], result_of(
            payload, timeout=timeout, memory_mb=memory_mb, elapsed_ms=elapsed, decode=decode
        )

    try:
        while todo or busy:
            while todo and len(busy) < max(1, jobs):
                w = idle.pop() if idle else _Worker(tasks, memory_mb, timeout, max_tasks)
                k = todo.pop()
                try:
                    w.send(k, timeout)
                except OSError:  # the worker retired or died between tasks
                    w.close(kill=True)
                    todo.append(k)
                    continue
                busy[w.result_r] = w
            now = time.monotonic()
            wait = max(
                0.0, min(min(w.deadline for w in busy.values()), min(w.started + timeout for w in busy.values())) - now
            )
            if any(now - w.started >= timeout for w in busy.values()):
                wait = min(wait, poll)
            ready, _, _ = select.select(list(busy), [], [], wait)
            for fd in ready:
                w = busy[fd]
                chunk = os.read(fd, 1 << 16)
                if not chunk:  # died mid-answer, without a report
                    del busy[fd]
                    yield finish(w, death_payload(w.close(kill=False)))
                    continue
                w.buf += chunk
                msg = w.message()
                if msg is not None:
                    del busy[fd]
                    w.cpu0 = msg.pop("cpu", w.cpu0)
                    if msg.pop("retire", False):
                        w.close(kill=False)
                    else:
                        idle.append(w)
                    yield finish(w, msg)
            now = time.monotonic()
            for fd, w in list(busy.items()):
                if w.over_cpu(timeout, now) or now >= w.deadline:
                    del busy[fd]
                    w.close(kill=True)
                    yield finish(w, {"error": "timeout"})
    finally:
        for w in idle + list(busy.values()):
            w.close(kill=True)
