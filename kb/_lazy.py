"""Lazy re-exports (PEP 562), shared by ``kb``, ``kb.models`` and ``kb.datasets``:
a package lists ``name -> defining module`` and imports the module on first use, so
``import kb`` stays free of torch and a snippet depends only on the modules it uses."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(package: str, exports: dict[str, str], namespace: dict[str, Any]) -> tuple[Callable, Callable]:
    """Return the module-level ``__getattr__`` and ``__dir__`` for ``package``."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(namespace.get("__all__", exports))

    return __getattr__, __dir__
