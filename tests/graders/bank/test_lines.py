"""The line of a part of a question file, for ``kb-grade validate``'s reports."""

from __future__ import annotations

import pytest

from graders.bank.lines import line_of, path_in

YAML = """\
id: q            # line 1
kind: numeric
title:
  zh: 标题
  en: Title
tests:
  - {answer: "1", verdict: correct}
  - answer: "2"
    verdict: incorrect
    note: wrong
"""
JSON = '{"id": "q",\n "tests": [\n  {"answer": "1"},\n  {"answer": "2",\n   "verdict": "x"}]}'

LINES = [
    (YAML, "$", 1),
    (YAML, "$.id", 1),
    (YAML, "$.kind", 2),
    (YAML, "$.title.en", 5),
    (YAML, "$.tests", 6),
    (YAML, "$.tests[0]", 7),
    (YAML, "$.tests[1]", 8),
    (YAML, "$.tests[1].note", 10),
    (YAML, "$.tests[1].seed", 8),  # a missing key: the mapping that lacks it
    (YAML, "$.tests[7]", 6),  # a missing item: the list
    (YAML, "$.tests[1].note: a message after the path", 10),
    (JSON, "$.tests[1].verdict", 5),
    (JSON, "$.tests[0]", 3),
    ("", "$.id", None),
    ("id: [unclosed\n", "$.id", None),
]


@pytest.mark.parametrize("text, where, line", LINES)
def test_line_of(text, where, line):
    assert line_of(text, where) == line


PATHS = [
    ("$: missing required key 'kind'", "$"),
    ("$.tests[2]: a self-test expecting 'incorrect' must name its note", "$.tests[2]"),
    ("$.title.zh: empty string", "$.title.zh"),
    ("$.variables.W2.shape[0]: 9 > 8", "$.variables.W2.shape[0]"),
    ("no path here", "$"),
]


@pytest.mark.parametrize("detail, path", PATHS)
def test_path_in(detail, path):
    assert path_in(detail) == path
