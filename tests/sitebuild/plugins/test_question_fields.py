"""``kb-question-fields``: the question file's fields, from the schema, in each language."""

from __future__ import annotations

import pytest

from graders.bank.schema import schema
from sitebuild.plugins.question_fields import render_fields


@pytest.mark.parametrize(
    ("lang", "row"),
    [
        ("en", "| `kind` | yes | `numeric` · `symbolic` · `matrix` · `derivation` | What the answer is"),
        ("zh", "| `kind` | 是 | `numeric` · `symbolic` · `matrix` · `derivation` | 答案的类型"),
        ("en", "| `hints` |  | mapping | Optional hints"),
        ("zh", "| `title` | 是 | 中英文文本 | 简短的标题"),
    ],
)
def test_rows(lang: str, row: str) -> None:
    assert row in render_fields(schema(), lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_field_of_the_schema_is_a_row(lang: str) -> None:
    table = render_fields(schema(), lang)
    assert [line.split("`")[1] for line in table.splitlines()[2:]] == list(schema()["properties"])


def test_a_field_without_a_description_fails_the_build() -> None:
    broken = {**schema(), "properties": {**schema()["properties"], "new": {"type": "string"}}}
    with pytest.raises(ValueError, match="'new' has no zh description"):
        render_fields(broken, "zh")
