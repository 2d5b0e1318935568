"""``kb-assets``: serve Mermaid and MathJax from the site itself.

The files come from ``node_modules`` (pinned in ``package.json`` /
``package-lock.json``, installed by ``make``) and are added to the build as
generated files under ``assets/vendor/``, so no page ever needs a CDN. A missing
``node_modules`` fails the build with the command that fixes it.

Versions and licences are recorded in the README ("Vendored browser assets"), and
``tests/site/test_site_build.py`` checks them against ``package-lock.json``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

__all__ = ["AssetsPlugin", "VENDORED"]

# destination folder under assets/vendor/ -> (package, files or folders inside the package)
VENDORED: dict[str, tuple[str, tuple[str, ...]]] = {
    "mermaid": ("mermaid", ("dist/mermaid.min.js",)),
    "mathjax": ("mathjax", ("es5/tex-mml-chtml.js", "es5/output", "es5/input", "es5/ui", "es5/a11y", "es5/sre")),
}


class AssetsConfig(base.Config):
    node_modules = c.Type(str, default="node_modules")


class AssetsPlugin(BasePlugin[AssetsConfig]):
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
