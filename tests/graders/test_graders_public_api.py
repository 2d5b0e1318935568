from __future__ import annotations

import graders


def test_all_names_resolve():
    for name in graders.__all__:
        assert getattr(graders, name) is not None, name


def test_all_and_lazy_table_agree():
    assert set(graders.__all__) - {"__version__"} == set(graders._EXPORTS)


def test_version():
    assert graders.__version__.count(".") == 2
