"""``kb-grade derive FILE``: the file is read with a size limit first; a BOM is ignored; bytes that are
not UTF-8 are invalid input, not a crash."""

from __future__ import annotations

import json

from graders.cli.main import main
from graders.reading.limits import DEFAULT

STEPS = "d/dx x^2\n= 2x\n"


def _run(capsys, path) -> tuple[int, dict]:
    code = main(["derive", str(path), "--json", "--no-sandbox"])
    return code, json.loads(capsys.readouterr().out)


def test_a_utf8_bom_is_ignored(tmp_path, capsys):
    f = tmp_path / "steps.txt"
    f.write_bytes(b"\xef\xbb\xbf" + STEPS.encode())
    code, out = _run(capsys, f)
    assert code == 0 and out["verdict"] == "correct"


def test_invalid_utf8_is_invalid_input(tmp_path, capsys):
    f = tmp_path / "steps.txt"
    f.write_bytes(b"d/dx x^2\n= 2\xff x\n")
    code, out = _run(capsys, f)
    assert code == 2 and out["verdict"] == "invalid" and out["note"] == "not-utf8"
    assert "byte 13" in out["feedback"]["en"]


def test_a_huge_file_is_refused_before_it_is_read(tmp_path, capsys):
    f = tmp_path / "steps.txt"
    with f.open("wb") as fh:
        fh.truncate(1 << 30)  # a 1 GB (sparse) file: only limit + 1 bytes may be read
    code, out = _run(capsys, f)
    assert code == 2 and out["note"] == "file-too-large" and str(DEFAULT.max_file_bytes) in out["feedback"]["en"]
