"""A soft time limit for one SymPy computation (``simplify``, ``solve``): interrupt it, decide nothing.

On POSIX it is an interval timer (SIGALRM) in the main thread; blocks nest, an inner block never
outlives the outer one, and on leaving it the outer timer is re-armed with what is left (at least
1 ms, so an outer deadline that passed while an inner block swallowed its ``Timeout`` still fires).
Where there is no interval timer (Pyodide, Windows, another thread) the block runs unbounded and
:data:`BOUNDED` is False: the hard limit of the isolation backend (a killed process, a terminated
Web Worker) is then the only bound, and callers use cheaper methods first.
"""

from __future__ import annotations

import signal
import threading
import time
from contextlib import contextmanager

from ..capabilities import CAPABILITIES

__all__ = ["Timeout", "soft_timeout", "BOUNDED"]

BOUNDED = CAPABILITIES.interval_timer


class Timeout(Exception):
    """Raised inside a :func:`soft_timeout` block when time is up."""


@contextmanager
def soft_timeout(seconds: float):
    if not BOUNDED or threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise Timeout

    outer, _ = signal.getitimer(signal.ITIMER_REAL)
    started = time.monotonic()
    old = signal.signal(signal.SIGALRM, handler)
    signal.setitimer(signal.ITIMER_REAL, min(seconds, outer) if outer > 0 else seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old if old is not None else signal.SIG_DFL)
        if outer > 0:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-3))
