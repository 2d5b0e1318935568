"""kb.plotting: the book's figure style, and the checks that catch an unreadable figure."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot
import matplotlib.text
import numpy as np
import pytest
from matplotlib import font_manager

from kb.plotting import (
    CATEGORICAL,
    INK,
    LANGUAGES,
    PALETTE,
    WIDTH,
    FigureProblem,
    assert_readable,
    figure_problems,
    heatmap,
    image_grid,
    ink_cmap,
    label,
    language,
    style,
    subplots,
    translated,
    translation,
)


def _good():
    fig, ax = subplots()
    ax.plot([0, 1], [0, 1], label="a")
    ax.plot([0, 1], [1, 0], label="b")
    ax.set(xlabel="x", ylabel="y")
    ax.legend()
    return fig


def _no_labels(fig):
    fig.axes[0].set(xlabel="", ylabel="")


def _tiny_text(fig):
    fig.axes[0].set_xlabel("x", fontsize=6)


def _opaque(fig):
    fig.set_facecolor("white")


def _no_legend(fig):
    fig.axes[0].get_legend().remove()


def _narrow(fig):
    fig.set_size_inches(4, 3)


def _narrow_drawing(fig):
    fig.axes[0].set_aspect("equal")
    fig.set_size_inches(WIDTH, 1.5)


def _too_tall(fig):
    fig.set_size_inches(WIDTH, 13)


BREAKAGES = [  # (what is done to a good figure, a phrase the problem must contain)
    (_no_labels, "no x label"),
    (_tiny_text, "below"),
    (_opaque, "background is not transparent"),
    (_no_legend, "no legend"),
    (_narrow, "wide, not"),
    (_narrow_drawing, "of the 6.0 in width is used"),
    (_too_tall, "more than twice its width"),
]


def test_a_good_figure_has_no_problems():
    assert figure_problems(_good()) == []
    assert_readable(_good())


@pytest.mark.parametrize("break_it, phrase", BREAKAGES, ids=[b.__name__ for b, _ in BREAKAGES])
def test_each_problem_is_found(break_it, phrase):
    fig = _good()
    break_it(fig)
    problems = figure_problems(fig)
    assert any(phrase in p for p in problems), problems
    with pytest.raises(FigureProblem, match="figure 1"):
        assert_readable(fig)


def test_shared_axes_and_figure_labels_count():
    fig, axes = subplots(1, 2, sharey=True)
    for ax in axes:
        ax.plot([0, 1], [0, 1])
        ax.set_xlabel("t")
    axes[0].set_ylabel("y")  # the right panel shares it
    assert figure_problems(fig) == []
    fig2, ax2 = subplots()
    ax2.plot([0, 1], [0, 1])
    fig2.supxlabel("x"), fig2.supylabel("y")
    assert figure_problems(fig2) == []


def test_style_is_transparent_grey_and_uses_installed_fonts():
    rc = style()
    assert rc["figure.facecolor"] == rc["axes.facecolor"] == "none" and rc["savefig.transparent"]
    assert rc["text.color"] == rc["axes.edgecolor"] == INK
    installed = {f.name for f in font_manager.fontManager.ttflist}
    assert set(rc["font.sans-serif"]) <= installed | {"DejaVu Sans"}
    fig, _ = subplots()
    assert fig.get_size_inches()[0] == WIDTH and fig.get_facecolor()[3] == 0


@pytest.mark.parametrize("colours, minimum", [(PALETTE[:5], 2.8), (CATEGORICAL, 2.0)])
def test_colours_keep_contrast_on_white_and_slate(colours, minimum):
    def luminance(hex_colour):
        rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    slate = luminance("#1e2029")
    for colour in colours:
        lum = luminance(colour)
        assert (1.05 / (lum + 0.05)) >= minimum and ((lum + 0.05) / (slate + 0.05)) >= minimum, colour


def test_ink_cmap_runs_from_transparent_to_ink():
    cmap = ink_cmap()
    assert cmap(0.0)[3] == 0 and cmap(1.0)[3] == 1
    assert matplotlib.colors.to_hex(cmap(1.0)[:3]) == INK


def test_image_grid_and_heatmap_are_readable():
    images = [np.eye(8) for _ in range(10)]
    fig = image_grid(images, titles=[str(i) for i in range(10)], ncols=5)
    assert len([ax for ax in fig.axes if ax.images]) == 10
    assert_readable(fig)
    with pytest.raises(ValueError, match="no images"):
        image_grid([])
    fig, ax = subplots()
    heatmap(ax, np.array([[0.0, 1.0], [-1.0, 0.5]]), cmap="Greys", annotate=True, fmt="{:.1f}", colorbar=False)
    texts = {t.get_text(): t.get_color() for t in ax.texts}
    assert texts["−1.0"] == "black" and texts["1.0"] == "white"  # light cell: black text; dark cell: white
    assert_readable(fig)


def test_chinese_labels_render_with_the_cjk_fallback():
    import warnings

    cjk = [f for f in style()["font.sans-serif"] if "CJK" in f or "Han" in f or "WenQuanYi" in f]
    fig, ax = subplots()
    ax.set_title("损失函数与学习率")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    missing = [w for w in caught if "missing from font" in str(w.message)]
    if any(f.name.startswith("Noto Sans CJK") for f in font_manager.fontManager.ttflist):
        assert cjk and missing == [], [str(w.message) for w in missing]
    else:  # no CJK font here: nothing to fall back to, and matplotlib says so
        assert not cjk and missing


def _drawn_texts(fig) -> set[str]:
    fig.canvas.draw()  # tick labels are made when the figure is drawn
    return {t.get_text() for t in fig.findobj(matplotlib.text.Text) if t.get_visible()}


# Each row: where a text sits in a figure; label() there must read in Chinese inside translated().
PLACES = [
    ("title", lambda fig, ax, text: ax.set_title(text)),
    ("x label", lambda fig, ax, text: ax.set_xlabel(text)),
    ("y label via set()", lambda fig, ax, text: ax.set(ylabel=text)),
    ("legend", lambda fig, ax, text: (ax.plot([0, 1], label=text), ax.legend())),
    ("tick labels", lambda fig, ax, text: ax.set_xticks([0, 1], [text, "b"])),
    ("heatmap ticks", lambda fig, ax, text: heatmap(ax, np.eye(2), xticks=[text, "b"], colorbar=False)),
    ("suptitle", lambda fig, ax, text: fig.suptitle(text)),
    ("annotation", lambda fig, ax, text: ax.text(0.5, 0.5, text)),
]


@pytest.mark.parametrize("place", PLACES, ids=[p[0] for p in PLACES])
def test_translated_swaps_labels_wherever_they_sit_and_restores_them(place, monkeypatch):
    monkeypatch.delenv("KB_LANG", raising=False)
    fig, ax = subplots()
    ax.plot([0, 1], [1, 0])
    place[1](fig, ax, label("learning rate", "学习率"))
    assert "learning rate" in _drawn_texts(fig)
    with translated(fig, "zh") as changed:
        texts = _drawn_texts(fig)
        assert changed >= 1 and "学习率" in texts and "learning rate" not in texts
    texts = _drawn_texts(fig)
    assert "learning rate" in texts and "学习率" not in texts
    matplotlib.pyplot.close(fig)


def test_a_figure_without_labels_is_unchanged(monkeypatch):
    monkeypatch.delenv("KB_LANG", raising=False)
    fig, ax = subplots()
    ax.set(xlabel="$x$", title="train_loss")
    with translated(fig, "zh") as changed:
        assert changed == 0 and ax.get_xlabel() == "$x$"


@pytest.mark.parametrize(
    ("env", "expected"), [(None, "epoch"), ("zh", "轮次"), ("ZH", "轮次"), ("en", "epoch"), ("fr", "epoch")]
)
def test_label_follows_kb_lang(env, expected, monkeypatch):
    if env is None:
        monkeypatch.delenv("KB_LANG", raising=False)
    else:
        monkeypatch.setenv("KB_LANG", env)
    assert label("epoch", "轮次") == expected and language() in LANGUAGES
    assert translation("epoch", "zh") == "轮次" and translation("no such text", "zh") is None
