"""The dataset error types (no torch import, so the command line can catch them cheaply)."""

from __future__ import annotations

__all__ = ["DatasetError"]


class DatasetError(ValueError):
    """A dataset is missing, empty or malformed (the message says which and where)."""
