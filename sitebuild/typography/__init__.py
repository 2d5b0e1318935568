"""Chinese typography of the zh edition: the rules, a fixer for the sources, a checker
for the built pages. Fix with ``python -m sitebuild.typography --fix`` (idempotent),
check a build with ``python -m sitebuild.typography --check site/``.
"""

from sitebuild.typography.check import (
    SOURCES,
    PageFinding,
    check_site,
    fix_file,
    fix_sources,
    source_files,
    unresolved_in,
)
from sitebuild.typography.html_text import text_blocks
from sitebuild.typography.markdown import fix_markdown, join_wrapped_lines, mask, unresolved
from sitebuild.typography.rules import RULES, Finding, check_text, fix_text, leftovers
from sitebuild.typography.yaml_text import fix_yaml

__all__ = [
    "RULES",
    "SOURCES",
    "Finding",
    "PageFinding",
    "check_site",
    "check_text",
    "fix_file",
    "fix_markdown",
    "fix_sources",
    "fix_text",
    "fix_yaml",
    "join_wrapped_lines",
    "leftovers",
    "mask",
    "source_files",
    "text_blocks",
    "unresolved",
    "unresolved_in",
]
