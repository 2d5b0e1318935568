"""Every kb-grade question is listed on a chapter page, in both languages."""

from __future__ import annotations

from pathlib import Path

import pytest

from graders.bank import load_all
from sitebuild.plugins.exercises import DIRECTIVE

DOCS = Path(__file__).resolve().parents[2] / "docs"


def _listed_topics(lang: str) -> set[str]:
    topics: set[str] = set()
    for page in (DOCS / lang).rglob("*.md"):
        for match in DIRECTIVE.finditer(page.read_text(encoding="utf-8")):
            topics.update(match["topics"].split())
    return topics


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_question_topic_has_a_chapter(lang: str) -> None:
    topics = {q.topic for q in load_all().values()}
    assert topics - _listed_topics(lang) == set()
