"""The MkDocs plugins, one module each, registered as ``mkdocs.plugins`` entry points:

========================  =================================================================
``kb-run``                :mod:`sitebuild.plugins.run` — executed snippet output into pages
``kb-assets``             :mod:`sitebuild.plugins.assets` — Mermaid and MathJax from ``node_modules``
``kb-errata``             :mod:`sitebuild.plugins.errata` — the errata page (needs ``graders``)
``kb-exercises``          :mod:`sitebuild.plugins.exercises` — chapter question lists (needs ``graders``)
``kb-languages``          :mod:`sitebuild.plugins.languages` — interface strings per edition, language switch
``kb-question-fields``    :mod:`sitebuild.plugins.question_fields` — the question file's fields (needs ``graders``)
``kb-search``             :mod:`sitebuild.plugins.search` — one search index per edition, no diagram source
``kb-repository``         :mod:`sitebuild.plugins.repository` — repository, issues and "edit this page" links
========================  =================================================================
"""

from sitebuild.plugins.assets import AssetsPlugin
from sitebuild.plugins.errata import ErrataPlugin
from sitebuild.plugins.exercises import ExercisesPlugin
from sitebuild.plugins.languages import LanguagesPlugin
from sitebuild.plugins.question_fields import QuestionFieldsPlugin
from sitebuild.plugins.repository import RepositoryPlugin
from sitebuild.plugins.run import RunPlugin
from sitebuild.plugins.search import SearchPlugin

__all__ = [
    "AssetsPlugin",
    "ErrataPlugin",
    "ExercisesPlugin",
    "LanguagesPlugin",
    "QuestionFieldsPlugin",
    "RepositoryPlugin",
    "RunPlugin",
    "SearchPlugin",
]
