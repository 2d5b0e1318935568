"""The book's figure style: one look for every figure the docs build draws.

Pages show the PNGs that the snippets' figures become, on Material's light *and* dark
(slate) scheme, at desktop and phone width, and one executed output serves the zh
and the en page. So every figure here is

* **transparent**, with text, axes and ticks in a mid grey (:data:`INK`) whose contrast
  is about 4:1 on both white and slate, and line colours (:data:`PALETTE`, Paul Tol's
  "vibrant" set, reordered) that stay visible on both;
* **one width** (:data:`WIDTH` inches at :data:`DPI`): the page scales every figure by
  the same factor, so a label is as large in one figure as in the next, and the base
  size (:data:`FONT_PT`) is still about 11 CSS px on a 390 px phone;
* **language-neutral** where it can be: symbols and the names the code prints
  (``train_loss``); a word a reader must read is written with :func:`label`
  (``label("epoch", "轮次")``), which returns the English text (or the Chinese one
  when ``$KB_LANG`` is ``zh``) and remembers the other: the docs build renders each
  figure once per language (:func:`translated`) and the zh page shows the Chinese one,
  drawn with a CJK font (Noto Sans CJK) that matplotlib falls back to glyph by glyph.

:func:`subplots` creates a figure in this style; :func:`image_grid` and :func:`heatmap`
draw what several chapters need; :func:`figure_problems` lists what makes a figure
hard to read (snippets and tests assert it is empty). matplotlib is imported only
when a figure is made.

>>> fig, ax = subplots()
>>> _ = ax.plot([0, 1], [1, 0], label="f(x)")
>>> _ = ax.set_xlabel("x"), ax.set_ylabel("y")
>>> figure_problems(fig)
[]
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

__all__ = [
    "INK",
    "PALETTE",
    "CATEGORICAL",
    "WIDTH",
    "DPI",
    "FONT_PT",
    "MIN_FONT_PT",
    "style",
    "use_book_style",
    "subplots",
    "ink_cmap",
    "image_grid",
    "heatmap",
    "figure_problems",
    "assert_readable",
    "FigureProblem",
    "LANGUAGES",
    "language",
    "label",
    "translation",
    "translated",
]

#: Text, axes and tick colour: equal contrast (about 4:1) on white and on Material's slate.
INK = "#7f7f7f"
#: Line and marker colours, each visible on white and on slate (the first five at >= 3:1 on both).
PALETTE = ("#0077BB", "#EE7733", "#009988", "#CC3311", "#EE3377", "#33BBEE", "#BBBBBB")
#: Ten colours for ten classes (digits): :data:`PALETTE`'s first six and four more, each with a contrast
#: of at least 2:1 on both schemes (markers, not text).
CATEGORICAL = ("#0077BB", "#EE7733", "#009988", "#CC3311", "#EE3377", "#33BBEE", "#AA4499", "#999933", "#DDAA33", INK)
#: Width of every figure, inches; with 12 pt text a phone shows labels at about 10 CSS px.
WIDTH = 6.0
#: Pixels per inch of the PNGs (1.5 device pixels per CSS pixel at the page's 600 px).
DPI = 150
#: The base text size: about 11 CSS px on a 390 px phone, 18 px at the page's 600 px.
FONT_PT = 13.5
#: No text in a figure may be smaller than this (about 9 CSS px on a phone); matplotlib's
#: ``"small"`` (0.83 of :data:`FONT_PT`) is the smallest size the figures use.
MIN_FONT_PT = 11.0

_backend_ready = False
_FONTS = ("DejaVu Sans", "Noto Sans CJK SC", "Noto Sans CJK JP", "Source Han Sans SC", "WenQuanYi Zen Hei")


def _installed_fonts() -> list[str]:
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    return [name for name in _FONTS if name in names] or ["DejaVu Sans"]


def style() -> dict[str, Any]:
    """The rcParams of the book's style (fonts limited to those installed)."""
    from cycler import cycler

    return {
        "figure.figsize": (WIDTH, 3.4),
        "figure.dpi": DPI,
        "savefig.dpi": DPI,
        "figure.facecolor": "none",
        "figure.edgecolor": "none",
        "axes.facecolor": "none",
        "savefig.facecolor": "none",
        "savefig.edgecolor": "none",
        "savefig.transparent": True,
        "figure.constrained_layout.use": True,
        # a list of families: matplotlib falls back glyph by glyph from one to the next
        "font.family": _installed_fonts(),
        "font.sans-serif": _installed_fonts(),
        "mathtext.fontset": "dejavusans",
        "font.size": FONT_PT,
        "axes.titlesize": FONT_PT,
        "axes.labelsize": FONT_PT,
        "xtick.labelsize": "medium",
        "ytick.labelsize": "medium",
        "legend.fontsize": "small",
        "figure.titlesize": FONT_PT,
        "text.color": INK,
        "axes.labelcolor": INK,
        "axes.titlecolor": INK,
        "axes.edgecolor": INK,
        "xtick.color": INK,
        "ytick.color": INK,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "grid.color": INK,
        "grid.alpha": 0.25,
        "grid.linewidth": 0.6,
        "axes.prop_cycle": cycler(color=list(PALETTE)),
        "lines.linewidth": 2.0,
        "lines.markersize": 5,
        "legend.frameon": False,
        "image.cmap": "viridis",
        "axes.unicode_minus": True,
    }


def use_book_style() -> None:
    """Apply :func:`style` to matplotlib's global rcParams (figures made afterwards use it)."""
    import matplotlib
    import matplotlib.pyplot as plt

    global _backend_ready
    if not _backend_ready:
        # The backend module is imported with the first figure; in Jupyter that import applies
        # the inline backend's own rc (dpi, figure size, font size). Let it happen first.
        plt.close(plt.figure())
        _backend_ready = True
    matplotlib.rcParams.update(style())


def subplots(nrows: int = 1, ncols: int = 1, *, height: float = 3.4, **kwargs: Any):
    """``plt.subplots`` in the book's style, :data:`WIDTH` inches wide. Returns ``(fig, axes)``."""
    use_book_style()
    import matplotlib.pyplot as plt

    return plt.subplots(nrows, ncols, figsize=(WIDTH, height), **kwargs)


def ink_cmap():
    """A colormap from transparent to :data:`INK`: images drawn with it are strokes of grey ink
    on whatever the page's background is, light or dark."""
    from matplotlib.colors import LinearSegmentedColormap, to_rgb

    r, g, b = to_rgb(INK)
    return LinearSegmentedColormap.from_list("kb-ink", [(r, g, b, 0.0), (r, g, b, 1.0)])


def image_grid(
    images: Sequence[Any],
    titles: Sequence[str] | None = None,
    *,
    ncols: int = 8,
    cmap: Any = None,
    vmin: float | None = 0.0,
    vmax: float | None = 1.0,
    row_labels: Sequence[str] | None = None,
    title_colors: Sequence[str] | None = None,
):
    """Small images (2-D arrays or tensors) in a grid, each in a faint frame, optional titles above
    each; drawn in :func:`ink_cmap` unless ``cmap`` is given. Returns the Figure."""
    import numpy as np

    if len(images) == 0:
        raise ValueError("no images to plot")
    nrows = -(-len(images) // ncols)
    cell = WIDTH / ncols
    fig, axes = subplots(nrows, ncols, height=cell * nrows * (1.3 if titles else 1.0), squeeze=False)
    cmap = ink_cmap() if cmap is None else cmap
    for i, ax in enumerate(axes.flat):
        ax.set(xticks=[], yticks=[])
        ax.grid(False)
        if i >= len(images):
            ax.set_axis_off()
            continue
        for spine in ax.spines.values():
            spine.set(visible=True, color=INK, alpha=0.35, linewidth=0.6)
        image = images[i]
        image = image.detach().cpu().numpy() if hasattr(image, "detach") else np.asarray(image)
        ax.imshow(image, cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest")
        if titles is not None:
            color = title_colors[i] if title_colors is not None else INK
            ax.set_title(titles[i], fontsize="small", color=color, pad=2)
    if row_labels is not None:
        for r, label in enumerate(row_labels):
            axes[r][0].text(-0.12, 0.5, label, transform=axes[r][0].transAxes, ha="right", va="center")
    return fig


def heatmap(
    ax,
    matrix: Any,
    *,
    cmap: str = "viridis",
    vmin: float | None = None,
    vmax: float | None = None,
    annotate: bool = False,
    fmt: str = "{:.2f}",
    fontsize: float | str = "small",
    colorbar: bool = True,
    xticks: Sequence[str] | None = None,
    yticks: Sequence[str] | None = None,
):
    """Draw ``matrix`` on ``ax`` (row 0 at the top), optionally printing each value in its cell
    in black or white, whichever reads better on that cell. Returns the image."""
    import numpy as np

    values = matrix.detach().cpu().numpy() if hasattr(matrix, "detach") else np.asarray(matrix)
    image = ax.imshow(values, cmap=cmap, vmin=vmin, vmax=vmax, interpolation="nearest", aspect="auto")
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if xticks is not None:
        ax.set_xticks(range(len(xticks)), xticks)
    if yticks is not None:
        ax.set_yticks(range(len(yticks)), yticks)
    if annotate:
        for (r, c), value in np.ndenumerate(values):
            red, green, blue, _ = image.cmap(image.norm(value))
            light = 0.2126 * red + 0.7152 * green + 0.0722 * blue > 0.45
            ax.text(
                c,
                r,
                fmt.format(value).replace("-", "−"),
                ha="center",
                va="center",
                fontsize=fontsize,
                color="black" if light else "white",
            )
    if colorbar:
        ax.figure.colorbar(image, ax=ax, shrink=0.9)
    return image


#: The languages a figure is drawn in; the first is the one figures are made in.
LANGUAGES = ("en", "zh")
_TRANSLATIONS: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES[1:]}


def language() -> str:
    """The language :func:`label` returns: ``$KB_LANG`` when it is one of :data:`LANGUAGES`, else ``en``."""
    lang = os.environ.get("KB_LANG", "").strip().lower()
    return lang if lang in LANGUAGES else LANGUAGES[0]


def label(en: str, zh: str) -> str:
    """A text for a figure in both languages: returns the one for :func:`language` and remembers
    ``zh`` as the translation of ``en`` for :func:`translated`.

    >>> label("epoch", "轮次")
    'epoch'
    >>> translation("epoch", "zh")
    '轮次'
    """
    _TRANSLATIONS["zh"][en] = zh
    return zh if language() == "zh" else en


def translation(text: str, lang: str) -> str | None:
    """The ``lang`` text :func:`label` recorded for the English ``text``, or None."""
    return _TRANSLATIONS.get(lang, {}).get(text)


@contextmanager
def translated(fig, lang: str) -> Iterator[int]:
    """Within the block, every text of ``fig`` that :func:`label` made reads in ``lang``
    (titles, axis labels, legends, annotations, fixed tick labels); yields how many texts
    changed, and restores them all afterwards.

    >>> fig, ax = subplots()
    >>> _ = ax.set_xlabel(label("step", "步数"))
    >>> with translated(fig, "zh") as changed:
    ...     (changed, ax.get_xlabel())
    (1, '步数')
    >>> ax.get_xlabel()
    'step'
    """
    from matplotlib.text import Text
    from matplotlib.ticker import Formatter

    class Translating(Formatter):  # tick labels are made at draw time: translate them there
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def __call__(self, x: float, pos: int | None = None) -> str:
            made = self.inner(x, pos)
            return translation(made, lang) or made

        def format_ticks(self, values: Any) -> list[str]:
            return [translation(t, lang) or t for t in self.inner.format_ticks(values)]

        def set_locs(self, locs: Any) -> None:
            self.inner.set_locs(locs)

        def get_offset(self) -> str:
            return self.inner.get_offset()

    undo: list[Any] = []
    for text in fig.findobj(Text):
        other = translation(text.get_text(), lang)
        if other is not None:
            undo.append((text.set_text, text.get_text()))
            text.set_text(other)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            formatter = axis.get_major_formatter()
            if any(translation(t, lang) for t in formatter.format_ticks(axis.get_majorticklocs())):
                undo.append((axis.set_major_formatter, formatter))
                axis.set_major_formatter(Translating(formatter))
    try:
        yield len(undo)
    finally:
        for restore, value in reversed(undo):
            restore(value)


def _visible_texts(fig) -> list[Any]:
    texts = list(fig.findobj(lambda a: hasattr(a, "get_fontsize") and hasattr(a, "get_text")))
    return [t for t in texts if t.get_visible() and t.get_text().strip()]


def _has_label(fig, ax, name: str) -> bool:
    """``ax`` has an ``name``-axis label, or an axes sharing that axis has one, or the figure has
    a ``supxlabel``/``supylabel``."""
    sup = getattr(fig, f"_sup{name}label", None)
    if sup is not None and sup.get_text().strip():
        return True
    siblings = getattr(ax, f"get_shared_{name}_axes")().get_siblings(ax)
    return any(getattr(a, f"get_{name}label")().strip() for a in siblings)


def figure_problems(fig) -> list[str]:
    """What would make ``fig`` hard to read on the page; empty when it is fine.

    Checks: the size (:data:`WIDTH` wide and using at least 90% of that width, at most
    twice as tall), a transparent
    background, no text below :data:`MIN_FONT_PT`, a label on both axes of every plot
    that draws lines, points or contours (image axes with hidden ticks are exempt), and a
    legend wherever two or more artists carry labels.
    """
    problems = []
    width, height = fig.get_size_inches()
    if abs(width - WIDTH) > 0.01:
        problems.append(f"figure is {width:.2f} in wide, not {WIDTH}")
    if height > 2 * WIDTH:
        problems.append(f"figure is {height:.2f} in tall, more than twice its width")
    fig.draw_without_rendering()  # lay the figure out (constrained layout) as saving it would
    drawn = fig.get_tightbbox().width  # what the page shows: the inline backend crops to this
    if drawn < 0.9 * WIDTH:
        problems.append(
            f"only {drawn:.2f} in of the {WIDTH} in width is used: the page would show it larger than the others"
        )
    if fig.get_facecolor()[3] != 0:
        problems.append("figure background is not transparent")
    for text in _visible_texts(fig):
        if text.get_fontsize() < MIN_FONT_PT - 1e-9:
            problems.append(f"text {text.get_text()[:20]!r} is {text.get_fontsize():.1f} pt, below {MIN_FONT_PT}")
    for i, ax in enumerate(fig.axes):
        if not ax.get_visible() or not ax.axison or ax.get_label() == "<colorbar>":
            continue
        if ax.get_facecolor()[3] != 0:
            problems.append(f"axes {i}: background is not transparent")
        draws = bool(ax.lines or ax.collections)
        if draws and not ax.images:
            for name in ("x", "y"):
                if not _has_label(fig, ax, name):
                    problems.append(f"axes {i} ({ax.get_title()!r}): no {name} label")
        labelled = [a for a in (*ax.lines, *ax.collections, *ax.patches) if not a.get_label().startswith("_")]
        if len(labelled) >= 2 and ax.get_legend() is None and not fig.legends:
            problems.append(f"axes {i} ({ax.get_title()!r}): {len(labelled)} labelled artists but no legend")
    return problems


class FigureProblem(AssertionError):
    """A figure fails :func:`figure_problems` (raised by :func:`assert_readable`)."""


def assert_readable(*figures) -> None:
    """Raise :class:`FigureProblem` listing every problem :func:`figure_problems` finds."""
    found = [f"figure {i + 1}: {p}" for i, fig in enumerate(figures) for p in figure_problems(fig)]
    if found:
        raise FigureProblem("; ".join(found))
