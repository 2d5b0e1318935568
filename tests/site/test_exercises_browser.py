"""Exercises on the page, graded in the reader's browser: typed answers get kb-grade's verdict, in zh
and en, with nothing leaving 127.0.0.1; every self-test agrees with the CLI; hostile answers end within
their limit with the page responsive; a page without exercises loads no Pyodide byte; phone width."""

from __future__ import annotations

import json

import pytest

from graders.bank import load_all
from graders.grading.pipeline import check

from .test_browser import Network

pytestmark = pytest.mark.browser

READY = 90_000  # ms: first load of Pyodide on a busy 2-core machine
VERDICT = ".kb-ex-result .kb-ex-verdict"


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    network = Network()
    context.route("**/*", network.route)
    p = context.new_page()
    p.on("response", network.response)
    p.network = network
    yield p
    assert network.blocked == [], network.blocked
    context.close()


def _exercise(page, site_url: str, path: str, qid: str):
    page.goto(f"{site_url}{path}#exercise-{qid}", wait_until="load")
    box = page.locator(f"#exercise-{qid}")
    box.scroll_into_view_if_needed()
    return box


def _answer(box, text: str, *, multi: bool = False) -> str:
    field = box.locator(".kb-ex-input")
    field.fill(text)
    if multi:
        field.press("Control+Enter")
    else:
        field.press("Enter")
    box.locator(VERDICT).wait_for(timeout=READY)
    return box.locator(".kb-ex-result").inner_text()


CASES = [  # (language, page, question, answer, verdict class, text in the result)
    ("en", "/en/math/losses/", "mse-house-prices", "300/3", "correct", "Correct."),
    ("en", "/en/math/losses/", "mse-house-prices", "70", "incorrect", "printed in the source article"),
    ("zh", "/math/losses/", "mse-house-prices", "70", "incorrect", "原文"),
    ("en", "/en/math/activations/", "sigmoid-derivative", r"\sigma(z)\left(1-\sigma(z)\right)", "correct", "Correct."),
    ("zh", "/math/activations/", "sigmoid-derivative", "d/dz σ(z)", "wrong-form", "请把导数算出来"),
    ("en", "/en/math/backprop/", "backprop-two-layer-dw2", "σ(W1 x) gᵀ", "incorrect", "transpose"),
]


@pytest.mark.parametrize("lang, path, qid, answer, verdict, fragment", CASES)
def test_typed_answers_get_the_graders_verdict(page, site_url, lang, path, qid, answer, verdict, fragment):
    box = _exercise(page, site_url, path, qid)
    result = _answer(box, answer)
    assert box.locator(f".kb-ex-verdict.kb-ex-{verdict}").count() == 1, result
    assert fragment in result
    assert "kb-grade check" in result


def test_invalid_input_shows_a_caret_and_is_not_wrong(page, site_url):
    box = _exercise(page, site_url, "/en/math/losses/", "mse-house-prices")
    field = box.locator(".kb-ex-input")
    field.fill("300/(3")
    box.locator(".kb-ex-preview .kb-ex-caret").wait_for(timeout=READY)
    assert box.locator(".kb-ex-preview .kb-ex-caret").inner_text().endswith("^")
    result = _answer(box, "300/(3")
    assert box.locator(".kb-ex-verdict.kb-ex-invalid").count() == 1 and "never closed" in result


def test_the_preview_shows_how_the_answer_was_read(page, site_url):
    box = _exercise(page, site_url, "/en/math/activations/", "sigmoid-derivative")
    box.locator(".kb-ex-input").fill("σ(z)(1-σ(z))")
    box.locator(".kb-ex-preview mjx-container").wait_for(timeout=READY)  # typeset by MathJax, as read
    assert "z" in box.locator(".kb-ex-preview").inner_text()


def test_a_derivation_marks_the_first_wrong_step(page, site_url):
    q = load_all()["sq-error-derivative-steps"]
    box = _exercise(page, site_url, "/en/math/losses/", q.id)
    result = _answer(box, "d/dŷ (y - ŷ)^2\n= 2(y - ŷ)\n= 2y - 2ŷ", multi=True)
    assert box.locator(".kb-ex-verdict.kb-ex-incorrect").count() == 1
    assert "Line 2" in result and box.locator(".kb-ex-step.kb-ex-incorrect").count() >= 1


def test_hints_one_at_a_time_and_the_answer_on_request(page, site_url):
    box = _exercise(page, site_url, "/en/math/losses/", "mse-house-prices")
    hints = box.locator(".kb-ex-variant:not([hidden]) .kb-ex-hints li:not([hidden])")
    assert hints.count() == 0
    box.locator(".kb-ex-hint").click()
    assert hints.count() == 1
    box.locator(".kb-ex-show-solution").click()
    assert box.locator(".kb-ex-variant:not([hidden]) .kb-ex-solution").is_visible()


def test_progress_is_kept_and_shown_on_the_overview(page, site_url):
    box = _exercise(page, site_url, "/en/math/losses/", "mse-house-prices")
    _answer(box, "100")
    assert "kb-ex-is-solved" in box.get_attribute("class")
    page.goto(f"{site_url}/en/exercises/", wait_until="load")
    item = page.locator('.kb-ex-overview [data-solved-id="mse-house-prices"]')
    assert "kb-ex-is-solved" in item.get_attribute("class")
    page.reload()
    assert "kb-ex-is-solved" in page.locator('.kb-ex-overview [data-solved-id="mse-house-prices"]').get_attribute(
        "class"
    )


def test_variants_are_kept_per_reader_and_the_command_matches(page, site_url):
    box = _exercise(page, site_url, "/en/concepts/", "mlp-param-count")
    variant = page.evaluate("Number(localStorage.getItem('kb-ex:mlp-param-count:variant'))")
    q = load_all()["mlp-param-count"]
    from graders.bank import pick

    h = pick(q.params, variant)[1]["h"]
    result = _answer(box, str(784 * h + h + h * 10 + 10))
    assert box.locator(".kb-ex-verdict.kb-ex-correct").count() == 1
    assert f"--seed {variant}" in result
    box.locator(".kb-ex-new-variant").click()
    assert page.evaluate("Number(localStorage.getItem('kb-ex:mlp-param-count:variant'))") == (variant + 1) % 6


def test_every_self_test_agrees_with_the_cli(page, site_url):
    page.goto(f"{site_url}/en/math/losses/", wait_until="load")
    rows = page.evaluate(
        """() => new Promise((resolve, reject) => {
            const w = new Worker(new URL("/assets/grader/grader-worker.mjs", location.href), {type: "module"});
            window.kbWorker = w;  // keep it (and this promise) alive
            w.onmessage = (e) => {
              const m = e.data;
              if (m.type === "ready" && m.stage === "sympy") w.postMessage({op: "selftests", rid: 1});
              if (m.type === "response") resolve(m.response.results);
              if (m.type === "failed") reject(m.message);
            };
        })"""
    )
    questions = load_all()
    expected = [(q.id, t.answer, t.seed) for q in questions.values() for t in q.tests]
    assert [(r["id"], r["answer"], r["seed"]) for r in rows] == expected
    for r in rows:
        cli = check(questions[r["id"]], r["answer"], seed=r["seed"])
        assert (r["verdict"], r["note"], r["feedback"]) == (
            cli.verdict.value,
            cli.note,
            {"zh": cli.feedback.zh, "en": cli.feedback.en},
        ), r


HOSTILE = [
    "9**9**9",
    "(x+1)^3000",
    "__import__('os').system('echo pwned')",
    "\\def\\a{\\a\\a}\\a",
    "1" * 100,
    "(" * 300 + "1" + ")" * 300,
    "100 + 1e-999999999",
]


def test_hostile_answers_end_within_their_limit_and_the_page_responds(page, site_url):
    page.add_init_script("localStorage.setItem('kb-ex:deadline_ms', '4000')")
    box = _exercise(page, site_url, "/en/math/losses/", "mse-house-prices")
    for answer in HOSTILE:
        _answer(box, answer)
        assert box.locator(".kb-ex-verdict.kb-ex-invalid").count() == 1, answer
    # a busy answer that needs the deadline: the worker is terminated, a fresh one grades the next
    page.evaluate("window.clicks = 0; document.body.addEventListener('click', () => window.clicks++)")
    box.locator(".kb-ex-input").fill("sum(sin(i) + i^2, i, 1, 9000)")
    box.locator(".kb-ex-check").click()
    page.wait_for_timeout(500)
    page.locator("h1").first.click()  # the page is not frozen while Python works
    assert page.evaluate("window.clicks") >= 1
    box.locator(".kb-ex-verdict.kb-ex-timeout").wait_for(timeout=30_000)
    assert box.locator(".kb-ex-verdict.kb-ex-timeout").count() == 1
    assert "correct" in _answer(box, "100").lower()  # a fresh worker


def test_a_page_without_exercises_loads_no_pyodide(page, site_url):
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(f"{site_url}/en/history/", wait_until="networkidle")
    assert not [u for u in asked if "/assets/grader/" in u], asked
    page.goto(f"{site_url}/en/math/losses/", wait_until="networkidle")
    assert not [u for u in asked if "pyodide" in u or u.endswith(".zip")], "loaded before a reader started"


def test_the_exercise_ui_fits_a_phone(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    p = context.new_page()
    p.goto(f"{site_url}/en/math/backprop/", wait_until="load")
    widths = p.evaluate("[...document.querySelectorAll('.kb-exercise')].map(e => [e.scrollWidth, e.clientWidth])")
    assert widths and all(scroll <= client + 1 for scroll, client in widths), widths
    assert p.evaluate("document.documentElement.scrollWidth") <= 391
    context.close()


def test_the_grader_bundle_is_recorded():
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[2]
    lock = json.loads((root / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/pyodide"]["version"] == "314.0.8"
    readme = (root / "README.md").read_text()
    assert "Pyodide" in readme and "MPL-2.0" in readme
