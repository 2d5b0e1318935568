r"""``diagram`` checks: read a quoted Mermaid ``graph`` and test relations between its nodes.

>>> graph_properties("graph TD\nA[x] --> B[y]", require=[["x", "y", "edge"]])
True
"""

from __future__ import annotations

import re
from collections import deque
from typing import Any

from .registry import register

__all__ = ["mermaid_edges", "graph_properties", "graph_center"]


_NODE = r"([A-Za-z0-9_]+)\s*(?:\[([^\]]*)\]|\(([^)]*)\)|\{([^}]*)\})?"
_EDGE = re.compile(_NODE + r"\s*-->\s*(?:\|[^|]*\|\s*)?" + _NODE)


def mermaid_edges(text: str) -> tuple[dict[str, str], list[tuple[str, str]]]:
    """(labels by node id, edges as (from label, to label)) of a ``graph`` in Mermaid."""
    labels: dict[str, str] = {}
    raw: list[tuple[str, str]] = []
    for line in text.splitlines():
        m = _EDGE.search(line)
        if not m:
            continue
        a, b = m.group(1), m.group(5)
        for nid, groups in ((a, m.group(2, 3, 4)), (b, m.group(6, 7, 8))):
            label = next((g for g in groups if g is not None), None)
            if label is not None:
                labels[nid] = label.strip()
            labels.setdefault(nid, nid)
        raw.append((a, b))
    return labels, [(labels[a], labels[b]) for a, b in raw]


def _reaches(edges: list[tuple[str, str]], a: str, b: str) -> bool:
    seen, todo = {a}, deque([a])
    while todo:
        n = todo.popleft()
        for x, y in edges:
            if x == n and y not in seen:
                if y == b:
                    return True
                seen.add(y)
                todo.append(y)
    return False


@register("diagram")
def graph_properties(value: str, *, require: list = (), forbid: list = (), **_: Any) -> bool:
    """Does the Mermaid graph ``value`` have every ``require``d and none of the ``forbid``den relations?

    A relation is [from, to, "edge"] (a direct arrow) or [from, to, "path"] (reachable).
    """
    _, edges = mermaid_edges(value)
    if not edges:
        return False

    def holds(rel: list) -> bool:
        a, b, how = rel
        return (a, b) in edges if how == "edge" else _reaches(edges, a, b)

    return all(holds(r) for r in require) and not any(holds(r) for r in forbid)


@register("diagram")
def graph_center(value: list, *, excerpt: str) -> bool:
    """The centre of the (undirected) graph: the nodes of least eccentricity. Is it ``value``?"""
    _, edges = mermaid_edges(excerpt)
    nodes = sorted({n for e in edges for n in e})
    adj = {n: set() for n in nodes}
    for a, b in edges:
        adj[a].add(b)
        adj[b].add(a)

    def ecc(n: str) -> int:
        dist, todo = {n: 0}, deque([n])
        while todo:
            u = todo.popleft()
            for v in adj[u]:
                if v not in dist:
                    dist[v] = dist[u] + 1
                    todo.append(v)
        return max(dist.values())

    e = {n: ecc(n) for n in nodes}
    centre = sorted(n for n in nodes if e[n] == min(e.values()))
    return sorted(value) == centre
