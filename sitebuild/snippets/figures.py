"""Figures in every language of the site from one execution.

:func:`install` wraps the shell's PNG formatter for matplotlib figures (the one the inline
backend registers): each figure is drawn as made (English), then once more per other language
with the texts :func:`kb.plotting.label` recorded swapped in (:func:`kb.plotting.translated`).
The other languages' PNGs travel in the output's metadata (``metadata["image/png"][META_KEY]``,
valid nbformat), :mod:`~sitebuild.snippets.execute` keeps them beside the English one and
:mod:`~sitebuild.snippets.render` shows the page's language. A figure without such texts is
drawn once. Runs in the snippet's process (the hidden setup cell calls :func:`install`).
"""

from __future__ import annotations

import sys
from typing import Any

__all__ = ["META_KEY", "install", "translations_of"]

META_KEY = "kb_languages"


def install(shell: Any) -> bool:
    """Wrap ``shell``'s PNG formatter for figures; False when no figure formatter is registered."""
    from matplotlib.figure import Figure

    png = shell.display_formatter.formatters["image/png"]
    try:
        draw = png.lookup_by_type(Figure)
    except KeyError:
        return False

    def every_language(fig: Figure) -> Any:
        made = draw(fig)
        plotting = sys.modules.get("kb.plotting")  # only snippets that use kb.plotting have labels
        if made is None or plotting is None:
            return made
        others = {}
        for lang in plotting.LANGUAGES[1:]:
            with plotting.translated(fig, lang) as changed:
                if changed:
                    others[lang] = draw(fig)
        return (made, {META_KEY: others}) if others else made

    png.for_type(Figure, every_language)
    return True


def translations_of(output: dict[str, Any]) -> dict[str, str]:
    """The other languages' PNGs of a ``display_data``/``execute_result`` output (may be empty)."""
    metadata = output.get("metadata") or {}
    found = (metadata.get("image/png") or {}).get(META_KEY) or {}
    return {lang: "".join(v) if isinstance(v, list) else str(v) for lang, v in found.items()}
