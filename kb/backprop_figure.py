"""The computation graph of one forward and backward pass of :mod:`kb.backprop`'s
two-layer network, drawn with the numbers of that pass.

Columns, left to right: the parameters, the forward values (top to bottom, ``X`` to
the loss), the backward values (bottom to top, ``dZ2`` to ``dZ1``) and the parameter
gradients. Arrows show what each value is computed from. Meant for a hand-sized
network (a few inputs, hidden units and classes, a batch of one or two): every matrix
is printed in its box.
"""

from __future__ import annotations

import torch

from kb.plotting import PALETTE, subplots

__all__ = ["draw_backprop"]


def _matrix(t: torch.Tensor) -> str:
    rows = t.reshape(1, -1) if t.ndim < 2 else t
    return "\n".join("  ".join(f"{v:+.2f}".replace("-", "−") for v in row.tolist()) for row in rows)


def draw_backprop(
    params: dict[str, torch.Tensor], cache: dict[str, torch.Tensor], grads: dict[str, torch.Tensor], loss: torch.Tensor
):
    """Draw the graph for ``mlp_forward``'s ``cache`` and ``loss`` and ``mlp_backward``'s ``grads``.
    Returns the Figure."""
    if cache.get("activation") != "tanh":
        raise ValueError("draw_backprop labels the hidden activation as tanh; run mlp_forward with activation='tanh'")
    n = cache["X"].shape[0]
    Y = torch.nn.functional.one_hot(cache["y"].long(), cache["P"].shape[1]).to(cache["P"].dtype)
    dZ2 = (cache["P"] - Y) / n
    dA1 = dZ2 @ params["W2"].T
    dZ1 = dA1 * (1 - cache["A1"] ** 2)
    forward, backward = PALETTE[0], PALETTE[1]
    boxes = {  # name: (column, row, title, value, colour)
        "W1": (0, 1, "$W_1$", params["W1"], "0.5"),
        "b1": (0, 1.85, "$b_1$", params["b1"], "0.5"),
        "W2": (0, 3, "$W_2$", params["W2"], "0.5"),
        "b2": (0, 3.85, "$b_2$", params["b2"], "0.5"),
        "X": (1, 0, "$X$", cache["X"], forward),
        "Z1": (1, 1, "$Z_1=XW_1+b_1$", cache["X"] @ params["W1"] + params["b1"], forward),
        "A1": (1, 2, r"$A_1=\tanh Z_1$", cache["A1"], forward),
        "Z2": (1, 3, "$Z_2=A_1W_2+b_2$", cache["A1"] @ params["W2"] + params["b2"], forward),
        "P": (1, 4, r"$P=\mathrm{softmax}\,Z_2$", cache["P"], forward),
        "L": (1, 5, r"$L=\mathrm{mean}_i\,(-\log P_{i,y_i})$", loss.detach(), forward),
        "dZ2": (2.08, 3, "$dZ_2=(P-Y)/n$", dZ2, backward),
        "dA1": (2.08, 2, r"$dA_1=dZ_2W_2^{\top}$", dA1, backward),
        "dZ1": (2.08, 1, r"$dZ_1=dA_1\odot(1-A_1^2)$", dZ1, backward),
        "dW2": (3.25, 3, r"$dW_2=A_1^{\top}dZ_2$", grads["W2"], backward),
        "db2": (3.25, 3.85, r"$db_2=\mathbf{1}^{\top}dZ_2$", grads["b2"], backward),
        "dW1": (3.25, 1, r"$dW_1=X^{\top}dZ_1$", grads["W1"], backward),
        "db1": (3.25, 1.85, r"$db_1=\mathbf{1}^{\top}dZ_1$", grads["b1"], backward),
    }
    fig, ax = subplots(height=6.4)
    ax.set_axis_off()
    ax.set(xlim=(-0.55, 3.8), ylim=(5.45, -0.45))
    texts = {}
    for name, (col, row, title, value, colour) in boxes.items():
        texts[name] = ax.text(
            col,
            row,
            f"{title}\n{_matrix(value)}",
            ha="center",
            va="center",
            fontsize="small",
            linespacing=1.35,
            bbox={"boxstyle": "round,pad=0.35", "facecolor": "none", "edgecolor": colour, "linewidth": 1.2},
        )

    def arrow(a: str, b: str, colour: str) -> None:
        (ca, ra), (cb, rb) = boxes[a][:2], boxes[b][:2]
        if ca == cb:  # vertical: bottom edge to top edge, or the reverse
            start, end = ((0.5, 0.0), (0.5, 1.0)) if rb > ra else ((0.5, 1.0), (0.5, 0.0))
        else:  # to the right: right edge to left edge (or to the bottom edge when rows differ)
            start, end = (1.0, 0.5), ((0.0, 0.5) if ra == rb else (0.5, 0.0))
        ax.annotate(
            "",
            xy=end,
            xycoords=texts[b],
            xytext=start,
            textcoords=texts[a],
            arrowprops={"arrowstyle": "-|>", "color": colour, "linewidth": 1.3, "shrinkA": 7, "shrinkB": 7},
        )

    for a, b in [("X", "Z1"), ("W1", "Z1"), ("Z1", "A1"), ("A1", "Z2"), ("W2", "Z2"), ("Z2", "P"), ("P", "L")]:
        arrow(a, b, forward)
    for a, b in [("P", "dZ2"), ("dZ2", "dA1"), ("dA1", "dZ1"), ("dZ2", "dW2"), ("dZ1", "dW1")]:
        arrow(a, b, backward)
    return fig
