"""A snippet as a Jupyter notebook with its outputs, made from the cache (nothing re-runs):
the snippet file gives the cells (Markdown and code, as jupytext reads them), the cache entry
gives each code cell's outputs, in the page's language (its figures included).

The reader downloads it from the page and, with the project installed, re-runs it with
:data:`RUN_COMMAND`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sitebuild.snippets.cache import CacheEntry

__all__ = ["RUN_COMMAND", "notebook_name", "to_notebook", "write_notebook"]

#: How a reader re-runs a downloaded notebook in place (``{file}``: its file name); ``jupyter execute``
#: comes with nbclient, which the project installs.
RUN_COMMAND = "KB_PROFILE={profile} jupyter execute --inplace {file}"


def notebook_name(snippet: str) -> str:
    """The notebook's path under a language's ``notebooks/`` folder: ``math/activations.ipynb``."""
    return str(Path(snippet).with_suffix(".ipynb").as_posix())


def _output(out: dict[str, str], lang: str) -> Any:
    import nbformat

    kind, text = out["kind"], out["text"]
    if kind == "stream":
        return nbformat.v4.new_output("stream", name=out.get("name") or "stdout", text=text)
    if kind == "image/png":
        return nbformat.v4.new_output("display_data", data={"image/png": out.get(lang, text), "text/plain": "<Figure>"})
    if kind == "text/plain":
        return nbformat.v4.new_output("display_data", data={"text/plain": text})
    return nbformat.v4.new_output("display_data", data={kind: text, "text/plain": ""})


def to_notebook(entry: CacheEntry, snippet_file: Path, *, lang: str = "en"):
    """The notebook (nbformat v4) of ``snippet_file`` with the outputs recorded in ``entry``."""
    import jupytext
    import nbformat

    source = jupytext.reads(snippet_file.read_text(encoding="utf-8"), fmt="py:percent")
    code = iter(entry.cells)
    cells = []
    for cell in source.cells:
        if cell.cell_type != "code":
            cells.append(nbformat.v4.new_markdown_cell(cell.source))
            continue
        recorded = next(code)
        new = nbformat.v4.new_code_cell(cell.source, outputs=[_output(o, lang) for o in recorded["outputs"]])
        if recorded.get("hide_input"):
            new.metadata["tags"] = ["hide-input"]
        cells.append(new)
    for index, cell in enumerate(cells):
        cell["id"] = f"cell-{index + 1}"  # the same notebook from the same entry, build after build
    notebook = nbformat.v4.new_notebook(
        cells=cells,
        metadata={
            "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
            "language_info": {"name": "python", "version": entry.environment.get("python", "")},
            "foundation_kb": {
                "snippet": "docs/snippets/" + entry.snippet,
                "profile": entry.environment.get("profile", ""),
                "packages": entry.environment.get("packages", {}),
                "provenance": entry.provenance,
            },
        },
    )
    nbformat.validate(notebook)
    return notebook


def write_notebook(entry: CacheEntry, snippet_file: Path, target: Path, *, lang: str = "en") -> Path:
    """Write the notebook of ``entry`` to ``target`` (folders created); returns ``target``."""
    import nbformat

    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(to_notebook(entry, snippet_file, lang=lang), str(target))
    return target
