"""The benchmarks' static server sends the site's files and counts exactly the bytes it sent."""

from __future__ import annotations

import urllib.request

import pytest

from sitebuild.static_server import Counting, serve


@pytest.mark.parametrize(
    ("files", "fetched", "expected_bytes"),
    [
        ({"index.html": b"<p>hi</p>"}, ["/index.html"], 9),
        ({"a.js": b"x" * 1000, "b.css": b"y" * 24}, ["/a.js", "/b.css", "/a.js"], 2024),
        ({"index.html": b""}, ["/index.html"], 0),
    ],
)
def test_counts_the_bytes_sent(tmp_path, files, fetched, expected_bytes):
    for name, body in files.items():
        (tmp_path / name).write_bytes(body)
    server, base = serve(tmp_path)
    try:
        Counting.sent = 0
        bodies = [urllib.request.urlopen(base + path, timeout=10).read() for path in fetched]
        assert bodies == [files[path.lstrip("/")] for path in fetched]
        assert Counting.sent == expected_bytes
    finally:
        server.shutdown()
        server.server_close()
