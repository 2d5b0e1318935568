"""Run profiles: ``quick`` (CPU, seconds per model) and ``full`` (longer, for GPU runners).

One setting picks the profile everywhere: the ``KB_PROFILE`` environment variable
(default ``quick``). Models and snippets ask :func:`current_profile` and scale their
epochs with :func:`epochs`. This module imports neither torch nor Lightning.

>>> get_profile("quick").name
'quick'
>>> epochs(quick=5, full=50, profile="full")
50
"""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["Profile", "ProfileError", "PROFILES", "current_profile", "get_profile", "epochs"]

ENV_VAR = "KB_PROFILE"


class ProfileError(ValueError):
    """An unknown profile name was requested."""


@dataclass(frozen=True)
class Profile:
    """A named run profile."""

    name: str
    description: str


PROFILES: dict[str, Profile] = {
    "quick": Profile("quick", "CPU, a few seconds per model; used for tests and local docs builds"),
    "full": Profile("full", "longer training for GPU runners; real datasets when present"),
}


def get_profile(name: str) -> Profile:
    """Return the profile called ``name`` or raise :class:`ProfileError`."""
    try:
        return PROFILES[name]
    except KeyError:
        known = ", ".join(sorted(PROFILES))
        raise ProfileError(f"unknown profile {name!r}; expected one of: {known}") from None


def current_profile() -> Profile:
    """The profile selected by ``$KB_PROFILE`` (``quick`` when unset)."""
    return get_profile(os.environ.get(ENV_VAR, "quick").strip() or "quick")


def epochs(*, quick: int, full: int, profile: str | None = None) -> int:
    """Pick an epoch count for the active (or given) profile."""
    name = profile if profile is not None else current_profile().name
    return {"quick": quick, "full": full}[get_profile(name).name]
