"""How this project starts Chromium for its browser tests and benchmarks: which binary
(``KB_CHROMIUM``, default Debian's ``/usr/bin/chromium``, installed by ``make browser``) and
the flags that keep it quiet and local (no first-run, no background networking, no sync)."""

from __future__ import annotations

import os

__all__ = ["ARGS", "CHROMIUM", "OFFLINE_ARGS"]

CHROMIUM = os.environ.get("KB_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
#: ``ARGS`` plus a resolver that knows only 127.0.0.1: offline without request routing
#: (routing would disable the browser cache, which the benchmarks measure).
OFFLINE_ARGS = [*ARGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
