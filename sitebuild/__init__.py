"""sitebuild: the machinery that builds the site, separate from the knowledge base it shows.

The pipeline, in the order a build runs it:

* :mod:`sitebuild.snippets` — execute the docs snippets (jupytext percent-format ``.py``
  notebooks that import ``kb``) in a fresh Jupyter kernel, cache each result under a key
  that covers everything that can change it, render it as Markdown;
* :mod:`sitebuild.plugins` — the MkDocs plugins, one module each: ``kb-run`` (snippet
  output into pages), ``kb-assets`` (Mermaid and MathJax served by the site), ``kb-errata``
  and ``kb-exercises`` (pages made from the grader's errata and questions);
* :mod:`sitebuild.config` — the ``kb-run`` settings as ``mkdocs.yml`` gives them;
* :mod:`sitebuild.cli` — ``kb docs run|status``: execute or inspect snippets without a build;
* :mod:`sitebuild.griffe_doctest` — the API reference's doctest fences (mkdocstrings).

``kb`` never imports this package's plugins (``tests/test_layering.py`` checks it); only
``kb docs`` dispatches to :mod:`sitebuild.cli`. Nothing here imports torch or Lightning:
snippets run in a kernel.
"""

__all__: list[str] = []
