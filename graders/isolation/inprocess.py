"""The in-process backend: for platforms without ``fork`` (Pyodide, WASI, Windows).

A check runs in the calling process with the soft limits only: the parser's size limits, which
refuse every input known to hang a CAS before it is built, and the SymPy layers' bounded steps
(where the platform has an interval timer). The hard deadline belongs to the host: in the browser
the page terminates the Web Worker running the grader and starts a fresh one
(:mod:`graders.isolation.host`). A failure inside a task still becomes a verdict, as in a worker.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from ..result import Result
from .protocol import Task, payload_of, result_of

__all__ = ["run_inline"]


def run_inline(
    tasks: list[Task], *, timeout: float, memory_mb: int, decode: Callable = Result.from_dict
) -> Iterator[tuple[object, object]]:
    for key, fn in tasks:
        t0 = time.perf_counter()
        payload = payload_of(fn)
        yield (
            key,
            result_of(
                payload,
                timeout=timeout,
                memory_mb=memory_mb,
                elapsed_ms=(time.perf_counter() - t0) * 1000,
                decode=decode,
            ),
        )
