"""What the platform the grader runs on can do, decided once, by capability (not ``hasattr``).

CPython on Linux or macOS can fork and set rlimits and interval timers. Pyodide (Emscripten) and
WASI have an ``os.fork`` that raises and no ``signal.setitimer``: there a check runs in-process and
the host (the browser's Web Worker) enforces the hard deadline by terminating the worker.

>>> CAPABILITIES.platform in ("posix", "emscripten", "wasi", "windows", "other")
True
"""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import dataclass

__all__ = ["Capabilities", "CAPABILITIES", "detect"]


@dataclass(frozen=True)
class Capabilities:
    platform: str  # posix | emscripten | wasi | windows | other
    fork: bool  # a forked child with rlimits can run a check
    interval_timer: bool  # SIGALRM via setitimer can interrupt a computation (soft time limit)


def detect(platform: str = sys.platform, os_name: str = os.name) -> Capabilities:
    """Capabilities of a platform (``sys.platform``, ``os.name``); tests pass other values."""
    if platform in ("emscripten", "wasi"):
        return Capabilities(platform, fork=False, interval_timer=False)
    if os_name == "nt":
        return Capabilities("windows", fork=False, interval_timer=False)
    if os_name == "posix":
        return Capabilities("posix", fork=hasattr(os, "fork"), interval_timer=hasattr(signal, "setitimer"))
    return Capabilities("other", fork=False, interval_timer=False)


CAPABILITIES = detect()
