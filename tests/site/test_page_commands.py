"""The ``kb-grade check ID ANSWER`` examples on the pages never give the answer away: each
names a real question and, when it shows a concrete answer instead of a placeholder, that
answer is graded not correct (a wrong answer, ideally one the grader explains)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from graders import Verdict, check, load

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [*sorted((ROOT / "docs").glob("*/**/*.md")), ROOT / "README.md"]
PLACEHOLDERS = {"YOUR ANSWER", "你的答案"}
_CHECK = re.compile(r"kb-grade check (.+?)(?:`|$)", re.M)


def page_checks() -> list[tuple[str, str, str, int | None]]:
    """(where, question id, answer, seed) of every concrete ``kb-grade check`` example."""
    found = []
    for path in SOURCES:
        for match in _CHECK.finditer(path.read_text(encoding="utf-8")):
            words = shlex.split(match.group(1).split("#")[0])
            qid, answer, rest = words[0], words[1], words[2:]
            seed = int(rest[rest.index("--seed") + 1]) if "--seed" in rest else None
            if answer not in PLACEHOLDERS and not answer.startswith("-"):
                found.append((str(path.relative_to(ROOT)), qid, answer, seed))
    return found


CHECKS = page_checks()


def test_the_pages_show_concrete_examples():
    assert len(CHECKS) >= 10  # the scan finds them (a broken pattern would find none)


@pytest.mark.parametrize(("where", "qid", "answer", "seed"), CHECKS, ids=[f"{c[0]}:{c[1]}" for c in CHECKS])
def test_a_page_example_is_not_the_answer(where, qid, answer, seed):
    result = check(load(qid), answer, seed=seed)
    assert result.verdict is not Verdict.CORRECT, f"{where} gives away the answer to {qid}: {answer}"
    assert result.verdict is Verdict.INCORRECT, f"{where}: {answer!r} is not a readable answer to {qid}"
