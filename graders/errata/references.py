"""``reference`` checks: citations, dates and facts against the curated ``bibliography.yaml``.

A claim that matches no verified record "could not be verified"; it is never called wrong
on that ground alone.

>>> field("Hinton et al.", record="krizhevsky2012", field="authors")
False
>>> match({"title": "Attention Is All You Need", "first_author": "Vaswani"})
True
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from .registry import register

__all__ = ["BIBLIOGRAPHY_FILE", "bibliography", "match", "field", "years"]

BIBLIOGRAPHY_FILE = Path(__file__).with_name("bibliography.yaml")


@cache
def bibliography(path: str | None = None) -> dict[str, dict]:
    """Curated, verified records (``bibliography.yaml``), by key."""
    data = yaml.safe_load(Path(path or BIBLIOGRAPHY_FILE).read_text(encoding="utf-8"))
    records = data["records"]
    for key, rec in records.items():
        missing = [f for f in ("type", "title", "year") if f not in rec]
        if missing:
            raise ValueError(f"bibliography record {key!r} lacks {missing}")
    return records


def _norm(s: Any) -> str:
    s = str(s).casefold()
    s = re.sub(r"[\s\"'“”‘’《》〈〉.,:;!?()（）\-–—_/]+", " ", s)
    return s.strip()


def _surname(name: str) -> str:
    name = str(name).strip()
    if re.search(r"[\u4e00-\u9fff]", name):  # Chinese names: family name first, compare whole
        return _norm(name)
    parts = [p for p in re.split(r"[\s.]+", name) if p]
    return _norm(parts[-1]) if parts else ""


def _authors_match(claimed: Any, record: list[str]) -> bool:
    rec = [_surname(a) for a in record]
    if isinstance(claimed, str):  # "Goodfellow et al." means: first author Goodfellow
        m = re.match(r"^(.*?)\s*(et al\.?|等人?|等)?$", claimed.strip())
        return _surname(m.group(1)) == rec[0] and (m.group(2) is not None or len(rec) == 1)
    return [_surname(a) for a in claimed] == rec


def _field_matches(field: str, claimed: Any, actual: Any) -> bool:
    if field == "authors":
        return _authors_match(claimed, actual)
    if field == "first_author":
        return _surname(claimed) == _surname(actual)
    if isinstance(actual, list):
        if not isinstance(claimed, list):
            return False
        return sorted(map(_norm, claimed)) == sorted(map(_norm, actual))
    if isinstance(actual, int) and not isinstance(actual, bool):
        try:
            return int(claimed) == actual
        except (TypeError, ValueError):
            return False
    return _norm(claimed) == _norm(actual)


def _record_matches(query: dict, rec: dict) -> bool:
    for field, claimed in query.items():
        if field == "first_author":
            if not rec.get("authors") or _surname(claimed) != _surname(rec["authors"][0]):
                return False
        elif field not in rec or not _field_matches(field, claimed, rec[field]):
            return False
    return True


@register("reference")
def match(value: dict | str, **_: Any) -> bool:
    """Does ``value`` (title/authors/first_author/year/venue…, or a record key) name a verified record?

    A claim that matches no record "could not be verified"; the correction must match exactly one.
    """
    recs = bibliography()
    if isinstance(value, str):
        return value in recs
    hits = [k for k, rec in recs.items() if _record_matches(value, rec)]
    return len(hits) == 1


@register("reference")
def field(value: Any, *, record: str, field: str, compare: str = "equal") -> bool:
    """Is ``value`` the ``field`` of bibliography ``record``?

    ``compare``: ``equal`` (normalised text / surnames / integers / sets for lists),
    ``decade`` (value is a decade such as 1970 and the field a year), ``subset`` (every item of
    the value list is in the field list), ``year-range`` (value [lo, hi] contains the year).
    """
    rec = bibliography()[record]
    actual = rec[field]
    if compare == "equal":
        return _field_matches(field, value, actual)
    if compare == "decade":
        return int(value) == int(actual) // 10 * 10
    if compare == "subset":
        return isinstance(value, list) and {_norm(v) for v in value} <= {_norm(a) for a in actual}
    if compare == "year-range":
        lo, hi = value
        return int(lo) <= int(actual) <= int(hi)
    raise ValueError(f"unknown compare {compare!r}")


@register("reference")
def years(value: list, *, records: list[str]) -> bool:
    """``value`` = [lo, hi]: were all ``records`` published within these years?"""
    lo, hi = value
    recs = bibliography()
    return all(int(lo) <= int(recs[r]["year"]) <= int(hi) for r in records)
