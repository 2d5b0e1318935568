"""One execution, a figure per language: texts made with kb.plotting.label are drawn in Chinese
for the zh page, the rest of the figure is the same."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest

import kb
from sitebuild.snippets.execute import execute_snippet, kernel_env, process_env, setup_source
from sitebuild.snippets.figures import META_KEY, translations_of
from sitebuild.snippets.forked import Zygote, fork_available
from sitebuild.snippets.render import render_entry

pytestmark = pytest.mark.slow
KB_ROOT = Path(kb.__file__).resolve().parent

SNIPPET = """\
# %%
from kb.plotting import label, subplots
fig, ax = subplots()
ax.plot([0, 1, 2], [2, 0, 1])
ax.set(xlabel=label("epoch", "轮次"), ylabel="MSE")
fig.show()
# %%
plain, ax = subplots()
_ = ax.plot([0, 1], [1, 0]), ax.set(xlabel="$t$", ylabel="$y$")
"""


@pytest.fixture(scope="module", params=["kernel", "fork"])
def executed(request, tmp_path_factory):
    if request.param == "fork" and not fork_available():
        pytest.skip("needs os.fork")
    path = tmp_path_factory.mktemp("figures") / "bilingual.py"
    path.write_text(SNIPPET)
    zygote = None
    if request.param == "fork":
        env = kernel_env("quick")
        zygote = Zygote(process_env(env), setup_source(env))
    try:
        yield execute_snippet(path, "bilingual.py", profile="quick", package_root=KB_ROOT, zygote=zygote)
    finally:
        if zygote is not None:
            zygote.close()


def _image(data: str):
    from PIL import Image

    return Image.open(io.BytesIO(base64.b64decode(data))).convert("RGBA")


def test_a_labelled_figure_comes_in_both_languages_and_a_plain_one_once(executed) -> None:
    labelled, plain = (cell.outputs for cell in executed.cells)
    assert [o["kind"] for o in labelled] == ["image/png"] and [o["kind"] for o in plain] == ["image/png"]
    en, zh = _image(labelled[0]["text"]), _image(labelled[0]["zh"])
    assert en.size[0] == zh.size[0] and en.tobytes() != zh.tobytes()
    assert "zh" not in plain[0]


@pytest.mark.parametrize(("lang", "key"), [("en", "text"), ("zh", "zh")])
def test_each_page_shows_its_languages_figure(executed, lang: str, key: str) -> None:
    from sitebuild.snippets.cache import CacheEntry, environment_key

    cells = [{"source": c.source, "outputs": c.outputs, "hide_input": c.hide_input} for c in executed.cells]
    html = render_entry(CacheEntry("bilingual.py", "d", environment_key("quick"), {}, cells), lang=lang)
    figure = executed.cells[0].outputs[0]
    assert f"base64,{figure[key]}" in html
    assert f"base64,{figure['zh' if key == 'text' else 'text']}" not in html


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ({"metadata": {"image/png": {META_KEY: {"zh": "QUJD"}}}}, {"zh": "QUJD"}),
        ({"metadata": {"image/png": {META_KEY: {"zh": ["QU", "JD"]}}}}, {"zh": "QUJD"}),
        ({"metadata": {"needs_background": "light"}}, {}),
        ({}, {}),
    ],
)
def test_translations_travel_in_the_outputs_metadata(output, expected) -> None:
    assert translations_of(output) == expected
