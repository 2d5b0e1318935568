"""``places``: every further place of an error that recurs (issue 17, item 5: one entry, every place).

An erratum quotes its claim once; ``places`` lists the other places where the article (or the
other article in the same file) says the same thing, each an exact quote like the claim.

>>> from graders.errata.model import ErrataError
>>> parse_places([{"claim": "甲", "occurrence": 2}], "e000-x", ErrataError)
(Place(claim='甲', occurrence=2, section=''),)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Place", "parse_places"]

_KEYS = {"claim", "occurrence", "section"}


@dataclass(frozen=True)
class Place:
    """One more place where the same error recurs: an exact quote (compared like ``claim``),
    which occurrence when the quote is repeated, and its section when it differs from the entry's."""

    claim: str
    occurrence: int | None = None
    section: str = ""


def parse_places(raw: Any, eid: str, error: type[Exception]) -> tuple[Place, ...]:
    """Validate ``places``: a non-empty list of {claim, occurrence?, section?}; ``error`` names the field."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        raise error("must be a non-empty list of {claim, occurrence, section}", entry=eid, field="places")
    out = []
    for i, p in enumerate(raw):
        where = f"places[{i}]"
        if not isinstance(p, dict) or set(p) - _KEYS:
            raise error(f"must be a mapping with keys among {sorted(_KEYS)}", entry=eid, field=where)
        if not isinstance(p.get("claim"), str) or not p["claim"].strip():
            raise error("missing or empty claim", entry=eid, field=f"{where}.claim")
        occurrence = p.get("occurrence")
        if occurrence is not None and (not isinstance(occurrence, int) or occurrence < 1):
            raise error("must be a positive integer", entry=eid, field=f"{where}.occurrence")
        section = p.get("section", "")
        if not isinstance(section, str):
            raise error("must be a string", entry=eid, field=f"{where}.section")
        out.append(Place(claim=p["claim"], occurrence=occurrence, section=section))
    return tuple(out)
