"""Human output renders every kind of result without errors, in each language."""

from __future__ import annotations

import pytest

from graders.cli.main import main


@pytest.mark.parametrize("lang", ["zh", "en", "both"])
@pytest.mark.parametrize("argv", [
    ["check", "mse-house-prices", "70"],
    ["check", "mse-house-prices", "abc("],
    ["check", "sigmoid-derivative", "σ(z)^2"],
    ["check", "sq-error-derivative-steps", "d/dŷ (y-ŷ)^2\n= 2(y-ŷ)"],
    ["preview", "-", "2θ(1-θ)"],
    ["preview", "-", "2θ(1-"],
    ["show", "backprop-two-layer-dw1"],
    ["list"],
])
def test_human_output(argv, lang, capsys):
    main([*argv, "--lang", lang, "--no-sandbox"] if argv[0] in ("check", "preview") else [*argv, "--lang", lang])
    out = capsys.readouterr().out
    assert out.strip()
    if lang == "en" and argv[0] == "check":
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in out.replace("读作", ""))
