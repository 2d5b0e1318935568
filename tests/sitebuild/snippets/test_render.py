"""Figures carry their size, so the page keeps their place before they are decoded."""

from __future__ import annotations

import base64
import io
import struct

import pytest

from sitebuild.snippets.render import _output, png_size


def _png(width: int, height: int) -> str:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    buffer = io.BytesIO()
    Figure(figsize=(width / 100, height / 100), dpi=100).savefig(buffer, format="png", dpi=100)
    return base64.b64encode(buffer.getvalue()).decode()


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (_png(300, 120), (300, 120)),
        (base64.b64encode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + struct.pack(">II", 900, 540)).decode(), (900, 540)),
        (base64.b64encode(b"GIF89a" + b"\0" * 30).decode(), None),  # not a PNG
        (base64.b64encode(b"\x89PNG\r\n\x1a\n").decode(), None),  # truncated
        ("", None),
    ],
)
def test_png_size(data: str, expected) -> None:
    assert png_size(data) == expected


def test_a_figure_has_width_height_and_async_decoding() -> None:
    html = _output({"kind": "image/png", "text": _png(300, 120)}, "a figure")
    assert '<img alt="a figure" width="300" height="120" decoding="async" src="data:image/png;base64,' in html
