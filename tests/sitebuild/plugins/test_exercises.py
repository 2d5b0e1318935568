"""Chapter exercise lists rendered from the kb-grade question bank."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from graders.bank import load_all
from sitebuild.plugins.exercises import DIRECTIVE, ExercisesPlugin, render_exercises


@pytest.mark.parametrize(
    ("line", "topics"),
    [("<!-- kb-exercises loss-functions -->", "loss-functions"), ("<!--kb-exercises cnn rnn-->", "cnn rnn")],
)
def test_directive(line: str, topics: str) -> None:
    assert DIRECTIVE.search(line)["topics"] == topics


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_question_of_the_topic_is_listed_with_its_command(lang: str) -> None:
    questions = [q for q in load_all().values() if q.topic == "loss-functions"]
    text = render_exercises(questions, lang)
    for q in questions:
        assert f"kb-grade show {q.id}" in text
        assert q.title.zh in text if lang == "zh" else q.title.en in text


class _File:
    src_uri = "en/models/x.md"


class _Page:
    file = _File()


def test_unknown_topic_fails_the_build() -> None:
    with pytest.raises(PluginError, match="no kb-grade question has topic nope"):
        ExercisesPlugin().on_page_markdown("## Exercises\n\n<!-- kb-exercises nope -->\n", _Page(), None, None)


def test_pages_without_the_directive_are_untouched() -> None:
    text = "# T\n\nNothing here.\n"
    assert ExercisesPlugin().on_page_markdown(text, _Page(), None, None) is text
