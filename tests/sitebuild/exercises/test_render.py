"""Questions on the page: every variant's text, the answer box, the commands; readable without JavaScript."""

from __future__ import annotations

import json
import re

import pytest

from graders.bank import fill, load, load_all, pick
from sitebuild.exercises.labels import UI, ui_for
from sitebuild.exercises.render import MAX_VARIANTS, render_exercises, render_overview, ui_json


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_variant_is_written_with_its_own_numbers(lang):
    q = load("mlp-param-count")
    html = render_exercises([q.id], lang)
    variants = re.findall(r'data-variant="(\d+)"', html)
    assert variants == [str(i) for i in range(6)]
    for i in range(6):
        h = pick(q.params, i)[1]["h"]
        block = html.split(f'data-variant="{i}"')[1].split("data-variant=")[0]
        assert f" {h} " in block and fill(q.answer, {"h": h}).replace("*", " \\cdot ") in block
    assert html.count("hidden") > 6  # one variant shown, hints and the answer behind buttons


def test_derivations_get_a_multi_line_box_and_the_derive_command():
    html = render_exercises(["sq-error-derivative-steps"], "en")
    assert "<textarea" in html and "kb-grade derive --question sq-error-derivative-steps steps.txt" in html


def test_the_source_article_and_its_wrong_claim_are_shown():
    html = render_exercises(["mse-house-prices"], "en")
    assert "From article 000" in html
    assert 'The article printed (wrongly): <span class="kb-verbatim">70</span>' in html  # quoted as printed


def test_answer_boxes_are_labelled():
    html = render_exercises(["mse-house-prices", "sigmoid-derivative"], "zh")
    for qid in ("mse-house-prices", "sigmoid-derivative"):
        assert f'<label for="kb-ex-answer-{qid}">' in html and f'id="kb-ex-answer-{qid}"' in html


def test_a_question_with_many_variants_shows_its_first_ones():
    from graders.bank import variant_count

    q = max(load_all().values(), key=variant_count)
    html = render_exercises([q.id], "en")
    shown = min(variant_count(q), MAX_VARIANTS)
    assert variant_count(q) > 1 and f'data-variants="{shown}"' in html
    assert re.findall(r'data-variant="(\d+)"', html) == [str(i) for i in range(shown)]


def test_the_overview_links_every_question():
    html = render_overview([("Losses", "../math/losses/", [("mse-house-prices", "MSE")])], "en")
    assert 'href="../math/losses/#exercise-mse-house-prices"' in html and 'data-solved-id="mse-house-prices"' in html


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_interface_words_exist_in_both_languages(lang):
    ui = ui_for(lang)
    assert set(ui["labels"]) >= set(UI) and set(ui["verdicts"]) >= {"correct", "incorrect", "invalid", "timeout"}
    if lang == "zh":
        assert all(re.search(r"[\u4e00-\u9fff]", v) for k, v in ui["verdicts"].items())
    assert "</" not in ui_json(lang).replace("<\\/", "") and json.loads(ui_json(lang))["lang"] == lang
