"""Where in a question file a part of it is: the line of a schema path such as ``$.tests[3].note``.

The file is composed (not constructed) by PyYAML's safe composer, which keeps each node's position;
JSON is YAML here too. A path that stops early (a missing key) gives the line of the deepest part
that exists, so a report still points at the right mapping.

>>> text = "id: q\\ntests:\\n  - {answer: '1', verdict: correct}\\n  - answer: '2'\\n    verdict: incorrect\\n"
>>> line_of(text, "$.tests[1].verdict"), line_of(text, "$.tests[0]"), line_of(text, "$.title")
(5, 3, 1)
>>> path_in("$.tests[2]: a self-test expecting 'incorrect' must name its note")
'$.tests[2]'
"""

from __future__ import annotations

import re

__all__ = ["line_of", "path_in"]

_PART = re.compile(r"\.([^.\[\]:\s]+)|\[(\d+)\]")
_PATH = re.compile(r"^\$(?:\.[^.\[\]:\s]+|\[\d+\])*")


def path_in(detail: str) -> str:
    """The ``$…`` path a schema message starts with (``$`` if it names none)."""
    m = _PATH.match(detail)
    return m.group(0) if m else "$"


def _child(node, part: tuple[str, str]):
    """(the node that ``part`` names, the line to report for it) or (None, None)."""
    import yaml

    key, index = part
    if key and isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                return v, k.start_mark.line + 1
    if index and isinstance(node, yaml.SequenceNode) and int(index) < len(node.value):
        item = node.value[int(index)]
        return item, item.start_mark.line + 1
    return None, None


def line_of(text: str, where: str) -> int | None:
    """The 1-based line of ``where`` (a ``$…`` path) in the YAML or JSON ``text``; None if unreadable."""
    import yaml

    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    if node is None:
        return None
    line = node.start_mark.line + 1
    for part in _PART.findall(path_in(where)):
        node, found = _child(node, part)
        if node is None:
            break
        line = found
    return line
