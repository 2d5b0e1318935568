"""Where an error is: other places where it recurs (``also``), English quotes and English section names.

>>> names = {"(第二篇)": "(second article)", "1. 背景介绍": "1. Background"}
>>> section_in_english("(第二篇) 1. 背景介绍 / Adam", names)
'(second article) 1. Background / Adam'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from .vocabulary import ErrataError

__all__ = ["Place", "places", "quote_en", "section_in_english", "translated"]


@dataclass(frozen=True)
class Place:
    """Another place where the same error recurs (issue 17, item 5): an exact quote, like ``claim``."""

    document: str
    section: str
    claim: str
    quote_en: str = ""  # English translation of the quote, shown beside it on the English page
    occurrence: int | None = None  # which occurrence of a repeated quote (1-based), like the entry's
    section_en: str = ""  # ``section`` with English heading names (from ``sections_en``)


def places(raw: Any, eid: str, document: str, documents: dict) -> tuple[Place, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        raise ErrataError("must be a non-empty list of {document, section, claim}", entry=eid, field="also")
    out = []
    for i, p in enumerate(raw):
        where = f"also[{i}]"
        if not isinstance(p, dict) or set(p) - {"document", "section", "claim", "quote_en", "occurrence"}:
            raise ErrataError(
                "must be a mapping with section, claim, quote_en and optionally document, occurrence",
                entry=eid,
                field=where,
            )
        doc = p.get("document", document)
        if doc not in documents:
            raise ErrataError(f"unknown document {doc!r}", entry=eid, field=f"{where}.document")
        occurrence = p.get("occurrence")
        if occurrence is not None and (type(occurrence) is not int or occurrence < 1):
            raise ErrataError("must be a positive integer", entry=eid, field=f"{where}.occurrence")
        claim, section = _req(p, "claim", eid, where), _req(p, "section", eid, where)
        out.append(Place(doc, section, claim, quote_en=quote_en(p, eid), occurrence=occurrence))
    return tuple(out)


_CJK = re.compile(r"[\u3400-\u9fff]")


def section_in_english(section: str, names: dict[str, str], eid: str = "?") -> str:
    """``a / b / c`` with every heading that contains Chinese replaced by its name in ``names``."""
    out = []
    for seg in (s.strip() for s in section.split(" / ")):
        prefix, _, rest = seg.partition(") ") if seg.startswith("(") else ("", "", seg)
        prefix = prefix + ")" if prefix else ""
        parts = [p for p in (prefix, rest) if p]
        missing = [p for p in parts if _CJK.search(p) and p not in names]
        if missing:
            raise ErrataError(f"no English name for heading {missing[0]!r} in sections_en", entry=eid, field="section")
        out.append(" ".join(names.get(p, p) for p in parts))
    return " / ".join(out)


def translated(e: Any, names: dict[str, str]) -> Any:
    """The erratum ``e`` with ``section_en`` filled in, for itself and every recurrence."""
    also = tuple(replace(p, section_en=section_in_english(p.section, names, e.id)) for p in e.also)
    return replace(e, section_en=section_in_english(e.section, names, e.id), also=also)


def _req(d: dict, key: str, eid: str, where: str) -> str:
    v = d.get(key)
    if not isinstance(v, str) or not v.strip():
        raise ErrataError("missing or empty (a non-empty string is required)", entry=eid, field=f"{where}.{key}")
    return v


def quote_en(d: dict, eid: str) -> str:
    """The optional ``quote_en`` of an entry or a place (the English translation of its quote)."""
    v = d.get("quote_en", "")
    if not isinstance(v, str):
        raise ErrataError("must be a string (the English translation of the quote)", entry=eid, field="quote_en")
    return v.strip()
