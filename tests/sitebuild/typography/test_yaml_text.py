"""The YAML fixer: only ``zh:`` values change, with their quoting kept (input, output)."""

from __future__ import annotations

import pytest
import yaml

from sitebuild.typography.yaml_text import fix_yaml

FIXES = [
    (
        "title:\n  zh: 一步 (含偏差修正)\n  en: One step (bias)\n",
        "title:\n  zh: 一步（含偏差修正）\n  en: One step (bias)\n",
    ),
    ('zh: "原文说\\"对\\", 其实"\n', 'zh: "原文说“对”，其实"\n'),
    ("zh: '它''是'' 对的: 是'\n", "zh: '它‘是’对的：是'\n"),
    (
        'hints:\n  zh:\n    - "先算 m_2, 再算"\n    - 注意: 分母\n',
        'hints:\n  zh:\n    - "先算 m_2，再算"\n    - 注意：分母\n',
    ),
    (
        "prompt:\n  zh: |\n    第一行\n    接着写:\n\n    `f(x): y`\n  en: |\n    a: b\n",
        "prompt:\n  zh: |\n    第一行接着写：\n\n    `f(x): y`\n  en: |\n    a: b\n",
    ),
    ("- zh: 中文 (注) # a comment\n", "- zh: 中文（注） # a comment\n"),
]

KEPT = [
    "claim: 原文: 不改 (逐字引用)\nsection: 核心 / 概念\n",
    "en: 'He said: \"no\" (twice)'\n",
    "zh: 一切正常。\n",
    "zh: {a: b}\n",
]


@pytest.mark.parametrize(("text", "fixed"), FIXES)
def test_fix_yaml(text: str, fixed: str) -> None:
    out, _ = fix_yaml(text)
    assert out == fixed
    assert fix_yaml(fixed) == (fixed, [])
    assert yaml.safe_load(out) is not None  # still YAML


@pytest.mark.parametrize("text", KEPT)
def test_other_keys_are_kept(text: str) -> None:
    assert fix_yaml(text) == (text, [])
