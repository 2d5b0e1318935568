"""``kb-assets``: serve Mermaid and MathJax from the site itself, each only to the pages that use it.

The files come from ``node_modules`` (pinned in ``package.json`` /
``package-lock.json``, installed by ``make``) and are added to the build as
generated files under ``assets/vendor/``, so no page ever needs a CDN. A missing
``node_modules`` fails the build with the command that fixes it.

Both are listed in ``extra_javascript`` (so every page would load them: 3.6 MB and 1.2 MB);
after a page is rendered, the tags of a library the page does not use are taken out (and of
the API reference's stylesheet, which mkdocstrings adds to every page),
from one table, :data:`LIBRARIES` (what in a page's HTML needs the library, and its scripts).
The detection is at build time, which is only right when every page view is a full page load:
the build fails if Material's ``navigation.instant`` is switched on. Pages also lose the
templates' indentation (:func:`drop_indentation`).

Versions and licences are recorded in the README ("Vendored browser assets"), and
``tests/site/test_site_build.py`` checks them against ``package-lock.json``.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

__all__ = ["LIBRARIES", "AssetsPlugin", "VENDORED", "drop_indentation", "drop_unused_libraries"]

# destination folder under assets/vendor/ -> (package, files or folders inside the package)
VENDORED: dict[str, tuple[str, tuple[str, ...]]] = {
    "mermaid": ("mermaid", ("dist/mermaid.min.js",)),
    "mathjax": ("mathjax", ("es5/tex-mml-chtml.js", "es5/output", "es5/input", "es5/ui", "es5/a11y", "es5/sre")),
}

# library -> (what in a page's HTML uses it, its extra_javascript / extra_css entries)
LIBRARIES: dict[str, tuple[re.Pattern[str], tuple[str, ...]]] = {
    # Material renders <pre class="mermaid"> with the global `mermaid`
    "mermaid": (re.compile(r'<pre class="mermaid"'), ("assets/vendor/mermaid/mermaid.min.js",)),
    # arithmatex formulas; answer boxes, whose feedback is typeset (not the exercises overview)
    "mathjax": (
        re.compile(r'class="(?:arithmatex|kb-ex-input)"'),
        ("assets/mathjax-config.js", "assets/vendor/mathjax/tex-mml-chtml.js"),
    ),
    # the API reference's own stylesheet (added by mkdocstrings to every page)
    "mkdocstrings": (re.compile(r'class="doc doc-'), ("assets/_mkdocstrings.css",)),
}


def drop_unused_libraries(html: str) -> str:
    """``html`` without the ``<script>`` and stylesheet tags of the :data:`LIBRARIES` it does not use."""
    for uses, assets in LIBRARIES.values():
        if not uses.search(html):
            for asset in assets:
                path = rf'"[^"]*?{re.escape(asset)}"'
                tag = rf"<script src={path}[^>]*></script>|<link rel=\"stylesheet\" href={path}[^>]*>"
                html = re.sub(rf"[ \t]*(?:{tag})\n?", "", html)
    return html


# elements whose whitespace is content
_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S)
_INDENTED_LINES = re.compile(r"\n\s+")


def drop_indentation(html: str) -> str:
    """``html`` without the templates' indentation and blank lines (a quarter of a page's bytes):
    a line break stays where there was one, so the text renders the same; ``<pre>``,
    ``<textarea>``, ``<script>`` and ``<style>`` are kept as they are."""
    parts = _VERBATIM.split(html)
    # split() returns text, (element, tag name), text, ...: every third item is a tag name
    return "".join(
        part if i % 3 == 1 else _INDENTED_LINES.sub("\n", part) for i, part in enumerate(parts) if i % 3 != 2
    )


class AssetsConfig(base.Config):
    node_modules = c.Type(str, default="node_modules")


class AssetsPlugin(BasePlugin[AssetsConfig]):
    def on_config(self, config):
        if "navigation.instant" in config.theme.get("features", []):
            raise PluginError("kb-assets: navigation.instant would keep the first page's libraries for every page")
        return config

    def on_post_page(self, output: str, page, config) -> str:
        return drop_indentation(drop_unused_libraries(output))

    def on_files(self, files: Files, config) -> Files:
        root = Path(config.config_file_path).resolve().parent / self.config.node_modules
        for dest, (package, members) in VENDORED.items():
            package_dir = root / package
            if not package_dir.is_dir():
                raise PluginError(f"kb-assets: {package_dir} is missing; run `make assets` (npm ci)")
            for member in members:
                source = package_dir / member
                paths = [source] if source.is_file() else sorted(p for p in source.rglob("*") if p.is_file())
                for path in paths:
                    uri = f"assets/vendor/{dest}/{path.relative_to(source.parent).as_posix()}"
                    if files.get_file_from_path(uri) is None:
                        files.append(File.generated(config, uri, abs_src_path=str(path)))
        return files
