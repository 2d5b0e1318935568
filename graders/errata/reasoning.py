"""``reasoning`` checks: an explicit argument, for errata where nothing can be computed.

A reasoning check computes nothing and says so. It records the argument (zh and en) and its
premises; a premise that quotes an article names the quote (``quote``, optionally
``document``), and tests/errata verify every such quote against the article file, as they do
the claims. The function itself confirms only what can be confirmed mechanically: the
argument is recorded in both languages, it has premises, and it concludes the corrected
statement (``conclusion``), not the article's. Whether the argument is sound is for the
reader to judge; the page prints it in full, labelled as a reasoning check.

>>> premises = [{"zh": "甲", "en": "A", "quote": "甲"}]
>>> args = {"premises": premises, "argument": {"zh": "所以乙。", "en": "So B."}, "conclusion": "B"}
>>> argument("B", **args), argument("not B", **args)
(True, False)
"""

from __future__ import annotations

from typing import Any

from .model import ErrataError, normalise
from .registry import register

__all__ = ["argument", "premise_quotes"]


@register("reasoning")
def argument(value: str, *, premises: list, argument: dict, conclusion: str) -> bool:
    """Does the recorded argument (premises → ``conclusion``) conclude ``value``?"""
    if not isinstance(premises, list) or not premises:
        raise ErrataError("a reasoning check needs at least one premise", field="check.args.premises")
    for i, p in enumerate(premises):
        if not isinstance(p, dict) or not all(isinstance(p.get(k), str) and p[k].strip() for k in ("zh", "en")):
            raise ErrataError("every premise needs zh and en text", field=f"check.args.premises[{i}]")
    if not isinstance(argument, dict) or not all(str(argument.get(k, "")).strip() for k in ("zh", "en")):
        raise ErrataError("the argument needs zh and en text", field="check.args.argument")
    return normalise(str(value)) == normalise(conclusion)


def premise_quotes(args: dict[str, Any], document: str) -> list[tuple[str, str]]:
    """(document, quote) for every premise that quotes an article (the tests check them)."""
    return [(p.get("document", document), p["quote"]) for p in args.get("premises", []) if p.get("quote")]
