"""A static file server for a built site that counts the bytes it sends: what the page
benchmarks (``benchmarks/site_pages.py``, ``benchmarks/browser_grading.py``) serve the
site with, so a figure of bytes per page view comes from what really went over the wire."""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

__all__ = ["Counting", "serve"]


class Counting(SimpleHTTPRequestHandler):
    """Serves files quietly; ``Counting.sent`` adds up the body bytes sent (reset it to 0)."""

    sent = 0

    def log_message(self, *args) -> None:
        pass

    def copyfile(self, source, outputfile) -> None:
        data = source.read()
        type(self).sent += len(data)
        outputfile.write(data)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``site`` on a free local port in a daemon thread: ``(server, base URL)``."""
    handler = functools.partial(Counting, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
