"""What crosses from a worker to the parent: a result, or the limit or failure that stopped it.

A worker runs a task (a function returning a :class:`~graders.result.Result` or a preview) and
reports a payload: ``{"result": …}``, or ``{"error": "timeout" | "too-large" |
"crashed", "detail": …}``. :func:`result_of` turns a payload, or a worker that died without one,
into the verdict that says what happened: a limit as the limit hit, a crash as a crash.
"""

from __future__ import annotations

import signal
from collections.abc import Callable

from ..messages import message
from ..result import Result, Verdict

__all__ = ["Task", "payload_of", "result_of", "limit_result", "death_payload", "CpuTimeout"]

Task = tuple[object, Callable[[], object]]  # (key, function)


class CpuTimeout(Exception):
    """Raised in a worker when its CPU-time limit for the current task is reached (SIGXCPU)."""


def payload_of(fn: Callable[[], object]) -> dict:
    """Run ``fn``; its result, or the kind of failure."""
    try:
        return {"result": fn()}
    except CpuTimeout:
        return {"error": "timeout"}
    except (MemoryError, RecursionError):
        return {"error": "too-large"}
    except BaseException as exc:  # reported to the parent as "crashed"
        return {"error": "crashed", "detail": f"{type(exc).__name__}: {exc}"[:500]}


def death_payload(status: int) -> dict:
    """The payload of a worker that exited without reporting (``status`` from ``waitpid``)."""
    if hasattr(signal, "SIGXCPU") and _signal(status) == signal.SIGXCPU:
        return {"error": "timeout"}
    if _signal(status) == signal.SIGKILL:
        return {"error": "too-large", "detail": "killed (the system's out-of-memory killer?)"}
    return {"error": "crashed", "detail": f"worker exit status {status}"}


def _signal(status: int) -> int | None:
    import os

    return os.WTERMSIG(status) if os.WIFSIGNALED(status) else None


def limit_result(verdict: Verdict, code: str, **params) -> Result:
    return Result(verdict, feedback=message(code, **params), note=code)


def result_of(payload: dict, *, timeout: float, memory_mb: int, elapsed_ms: float, decode: Callable = Result.from_dict):
    """What a worker reported, decoded (or the verdict for the limit or failure that stopped it)."""
    if "result" in payload:
        found = payload["result"]
        return decode(found) if isinstance(found, dict) else found
    error = payload["error"]
    if error == "timeout":
        out = limit_result(Verdict.TIMEOUT, "timeout", limit=f"{timeout:g}")
    elif error == "too-large":
        out = limit_result(Verdict.TOO_LARGE, "too-large", limit=memory_mb)
    else:
        out = limit_result(Verdict.ERROR, "crashed")
    return out.with_(elapsed_ms=elapsed_ms, detail=payload.get("detail", ""))
