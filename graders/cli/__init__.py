"""Stage 7, the command line ``kb-grade``: parsing (``main``), the commands, and human output (``render``)."""

from __future__ import annotations

from .main import main

__all__ = ["main"]
