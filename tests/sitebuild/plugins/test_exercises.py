"""Chapter exercise lists rendered from the kb-grade question bank."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from graders.bank import load_all
from sitebuild.exercises.render import render_exercises
from sitebuild.plugins.exercises import DIRECTIVE, ExercisesPlugin


@pytest.mark.parametrize(
    ("line", "topics"),
    [("<!-- kb-exercises loss-functions -->", "loss-functions"), ("<!--kb-exercises cnn rnn-->", "cnn rnn")],
)
def test_directive(line: str, topics: str) -> None:
    assert DIRECTIVE.search(line)["topics"] == topics


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_question_of_the_topic_is_on_the_page_with_its_command(lang: str) -> None:
    questions = [q for q in load_all().values() if q.topic == "loss-functions"]
    text = render_exercises([q.id for q in questions], lang)
    for q in questions:
        assert f'data-id="{q.id}"' in text and f"kb-grade show {q.id}" in text
        assert q.title.zh in text if lang == "zh" else q.title.en in text


class _File:
    src_uri = "en/models/x.md"


class _Page:
    file = _File()

    def __init__(self) -> None:
        self.meta: dict = {}


def test_unknown_topic_fails_the_build() -> None:
    with pytest.raises(PluginError, match="no kb-grade question has topic nope"):
        ExercisesPlugin().on_page_markdown("## Exercises\n\n<!-- kb-exercises nope -->\n", _Page(), None, None)


def test_pages_without_the_directive_are_untouched() -> None:
    text = "# T\n\nNothing here.\n"
    assert ExercisesPlugin().on_page_markdown(text, _Page(), None, None) is text


def test_only_pages_with_exercises_get_the_grader_script() -> None:
    plugin, page = ExercisesPlugin(), _Page()
    html = "<html><head></head><body></body></html>"
    assert plugin.on_post_page(html, page, None) == html
    plugin.on_page_markdown("<!-- kb-exercises loss-functions -->", page, None, None)
    page.url = "en/models/x/"
    out = plugin.on_post_page(html, page, None)
    assert '<script src="../../../assets/grader/exercises.js"' in out and 'id="kb-exercises-ui"' in out
    assert "exercises.css" in out
