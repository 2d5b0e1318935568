"""The hand-written Transformer pieces against PyTorch's, and the learned attention maps."""

import math

import pytest
import torch
from torch import nn

from kb.datasets.base import DatasetError
from kb.datasets.sequences import ReversalDataModule, make_reversal_data
from kb.models.transformer import (
    EncoderLayer,
    MultiHeadSelfAttention,
    TransformerEncoder,
    causal_mask,
    plot_attention,
    positional_encoding,
)


def _copy_attention(ours: MultiHeadSelfAttention, ref: nn.MultiheadAttention) -> None:
    with torch.no_grad():
        ref.in_proj_weight.copy_(torch.cat([ours.q.weight, ours.k.weight, ours.v.weight]))
        ref.in_proj_bias.copy_(torch.cat([ours.q.bias, ours.k.bias, ours.v.bias]))
        ref.out_proj.weight.copy_(ours.out.weight)
        ref.out_proj.bias.copy_(ours.out.bias)


def test_attention_matches_nn_multihead_attention():
    """Values, per-head weights and input gradients; float64, rtol 1e-10."""
    torch.manual_seed(0)
    ours = MultiHeadSelfAttention(12, heads=3).double()
    ref = nn.MultiheadAttention(12, 3, batch_first=True).double()
    _copy_attention(ours, ref)
    x = torch.randn(2, 5, 12, dtype=torch.float64, requires_grad=True)
    x_ref = x.detach().clone().requires_grad_()
    out, weights = ours(x)
    out_ref, weights_ref = ref(x_ref, x_ref, x_ref, average_attn_weights=False)
    torch.testing.assert_close(out, out_ref, rtol=1e-10, atol=1e-12)
    torch.testing.assert_close(weights, weights_ref, rtol=1e-10, atol=1e-12)
    out.square().sum().backward()
    out_ref.square().sum().backward()
    torch.testing.assert_close(x.grad, x_ref.grad, rtol=1e-10, atol=1e-12)


def test_padding_mask_matches_key_padding_mask():
    torch.manual_seed(1)
    ours = MultiHeadSelfAttention(8, heads=2).double()
    ref = nn.MultiheadAttention(8, 2, batch_first=True).double()
    _copy_attention(ours, ref)
    x = torch.randn(2, 5, 8, dtype=torch.float64)
    mask = torch.tensor([[False] * 5, [False, False, False, True, True]])
    out, weights = ours(x, mask)
    out_ref, weights_ref = ref(x, x, x, key_padding_mask=mask, average_attn_weights=False)
    torch.testing.assert_close(out, out_ref, rtol=1e-10, atol=1e-12)
    torch.testing.assert_close(weights, weights_ref, rtol=1e-10, atol=1e-12)
    assert float(weights[1, :, :, 3:].detach().abs().max()) == 0.0


def test_encoder_layer_matches_nn_transformer_encoder_layer():
    torch.manual_seed(0)
    ours = EncoderLayer(8, heads=2, d_ff=16).double().eval()
    ref = nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, batch_first=True).double().eval()
    _copy_attention(ours.attn, ref.self_attn)
    ref.load_state_dict(
        {
            **ref.state_dict(),
            "linear1.weight": ours.ff[0].weight,
            "linear1.bias": ours.ff[0].bias,
            "linear2.weight": ours.ff[2].weight,
            "linear2.bias": ours.ff[2].bias,
            "norm1.weight": ours.norm1.weight,
            "norm1.bias": ours.norm1.bias,
            "norm2.weight": ours.norm2.weight,
            "norm2.bias": ours.norm2.bias,
        }
    )
    x = torch.randn(3, 6, 8, dtype=torch.float64)
    # the fused fast path is off in train mode; compare the plain math
    ref.train(), ours.train()
    torch.testing.assert_close(ours(x)[0], ref(x), rtol=1e-10, atol=1e-12)


def test_positional_encoding_values():
    pe = positional_encoding(50, 16)
    assert pe.shape == (50, 16)
    assert pe[0, 0::2].abs().max() == 0 and (pe[0, 1::2] == 1).all()
    assert math.isclose(float(pe[3, 2]), math.sin(3 / 10000 ** (2 / 16)), rel_tol=1e-6)


def test_without_positions_attention_cannot_tell_order():
    """Self-attention alone is permutation-equivariant: permuting inputs permutes outputs."""
    torch.manual_seed(0)
    layer = EncoderLayer(8, 2, 16).eval()
    x, perm = torch.randn(1, 6, 8), torch.randperm(6)
    torch.testing.assert_close(layer(x[:, perm])[0], layer(x)[0][:, perm], rtol=1e-5, atol=1e-6)


def test_attention_rows_are_distributions():
    model = TransformerEncoder(d_model=16, heads=4, layers=2)
    _, maps = model(torch.randint(0, 10, (2, 7)), return_attention=True)
    assert len(maps) == 2 and maps[0].shape == (2, 4, 7, 7)
    torch.testing.assert_close(maps[1].sum(-1), torch.ones(2, 4, 7))


@pytest.mark.slow
def test_trained_model_attends_to_the_mirrored_position(tmp_path):
    from kb.train_cli import fit

    run = fit("transformer", quiet=True)
    assert run.result["metrics"]["test_acc"] >= 0.95
    x = run.datamodule.test_set.tensors[0][:64]
    maps = run.model.attention_maps(x)
    anti_diagonal = torch.eye(x.shape[1]).flip(1).bool()
    best = max(float(maps[-1][:, h][:, anti_diagonal].mean()) for h in range(maps[-1].shape[1]))
    assert best > 0.6  # measured 0.93: a head looks at position T-1-i
    fig = plot_attention(maps, x)
    fig.savefig(tmp_path / "attention.png")
    assert (tmp_path / "attention.png").stat().st_size > 1000


BAD = [
    (lambda: MultiHeadSelfAttention(10, 3), ValueError, r"d_model \(10\) must be divisible by heads \(3\)"),
    (lambda: positional_encoding(4, 5), ValueError, "d_model must be even"),
    (lambda: TransformerEncoder()(torch.zeros(2, 5)), ValueError, "expected integer tokens"),
    (lambda: TransformerEncoder(max_len=4)(torch.zeros(1, 5, dtype=torch.long)), ValueError, "exceeds max_len=4"),
    (lambda: make_reversal_data(length=1), DatasetError, "length must be at least 2"),
    (lambda: ReversalDataModule(vocab=1), DatasetError, "need vocab >= 2"),
    (lambda: plot_attention([]), ValueError, "no attention maps"),
]


@pytest.mark.parametrize("call, error, message", BAD)
def test_bad_input(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_attention_plot_is_readable():
    from kb.plotting import assert_readable

    torch.manual_seed(0)
    x = torch.randint(0, 10, (2, 6))
    maps = TransformerEncoder(vocab=10, classes=10, d_model=16, heads=2, layers=2).encode(x)[1]
    fig = plot_attention(maps, x)
    assert_readable(fig)
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == [str(int(t)) for t in x[0]]


@pytest.mark.parametrize("length", [1, 4, 9])
def test_causal_mask_hides_exactly_the_future(length):
    mask = causal_mask(length)
    assert mask.shape == (length, length) and int((~mask).sum()) == length * (length + 1) // 2
    assert all(mask[i, j] == (j > i) for i in range(length) for j in range(length))


def test_causal_model_ignores_future_tokens():
    torch.manual_seed(0)
    model = TransformerEncoder(vocab=10, classes=10, causal=True).eval()
    tokens = torch.randint(0, 10, (2, 8))
    changed = tokens.clone()
    changed[:, 5:] = (changed[:, 5:] + 1) % 10  # change positions 5, 6, 7
    logits, maps = model(tokens, return_attention=True)
    torch.testing.assert_close(model(changed)[:, :5], logits[:, :5])  # positions 0..4 cannot see them
    assert not torch.allclose(model(changed)[:, 5:], logits[:, 5:])
    assert all((m[..., causal_mask(8)] == 0).all() for m in maps)  # no weight above the diagonal


def test_bidirectional_model_sees_future_tokens():
    torch.manual_seed(0)
    model = TransformerEncoder(vocab=10, classes=10).eval()
    tokens = torch.randint(0, 10, (2, 8))
    changed = tokens.clone()
    changed[:, 7] = (changed[:, 7] + 1) % 10
    assert not torch.allclose(model(changed)[:, 0], model(tokens)[:, 0])
