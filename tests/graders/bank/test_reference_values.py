"""The bank's answers are computed, not remembered: each question below is graded against the value
PyTorch (or scikit-learn, or ``kb``) computes for it, in every variant, and that value must be correct."""

from __future__ import annotations

import math

import pytest

from graders.bank import load_all, variant_count
from graders.bank.variants import pick
from graders.grading.pipeline import check

torch = pytest.importorskip("torch")
nn = torch.nn
F = torch.nn.functional

QUESTIONS = load_all()


def _count(module) -> int:
    return sum(p.numel() for p in module.parameters())


def _variants(qid: str):
    q = QUESTIONS[qid]
    for seed in range(variant_count(q)):
        yield seed, pick(q.params, seed)[1]


def _assert_correct(qid: str, value, seed: int | None = None) -> None:
    text = value if isinstance(value, str) else repr(value)
    r = check(QUESTIONS[qid], text, seed=seed)
    assert r.verdict.value == "correct", (qid, seed, text, r)


def _literal(t) -> str:
    """A tensor as the grader's matrix literal (rows), or a column vector for 1-D."""
    rows = t.tolist()
    if t.dim() == 1:
        return "[" + ", ".join(repr(float(v)) for v in rows) + "]"
    return "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in r) + "]" for r in rows) + "]"


# -- parameter counts, in every variant ---------------------------------------------------------------


def test_lstm_param_count_is_keras_convention_of_nn_lstm():
    for seed, v in _variants("lstm-param-count"):
        lstm = nn.LSTM(v["d"], v["m"])
        one_bias = _count(lstm) - lstm.bias_hh_l0.numel()  # Keras: one bias vector per block
        _assert_correct("lstm-param-count", one_bias, seed)
        assert check(QUESTIONS["lstm-param-count"], str(_count(lstm)), seed=seed).note == "two-biases"


def test_mha_param_count_matches_nn_multihead_attention():
    for seed, v in _variants("mha-param-count"):
        _assert_correct("mha-param-count", _count(nn.MultiheadAttention(v["d"], 8)), seed)


def test_conv1x1_params_match_nn_conv2d():
    for seed, v in _variants("conv1x1-params"):
        _assert_correct("conv1x1-params", _count(nn.Conv2d(v["cin"], v["cout"], 1)), seed)


def test_two_hidden_layer_mlp_params_match_pytorch():
    for seed, v in _variants("mlp-two-hidden-params"):
        mlp = nn.Sequential(nn.Linear(784, v["h1"]), nn.Linear(v["h1"], v["h2"]), nn.Linear(v["h2"], 10))
        _assert_correct("mlp-two-hidden-params", _count(mlp), seed)


# -- shapes and masks ---------------------------------------------------------------------------------


def test_same_padding_keeps_the_side():
    for seed, v in _variants("conv-same-padding"):
        p = (v["k"] - 1) // 2
        out = nn.Conv2d(1, 1, v["k"], padding=p)(torch.zeros(1, 1, 17, 17))
        assert out.shape[-1] == 17
        _assert_correct("conv-same-padding", p, seed)


def test_causal_mask_allowed_entries_match_tril():
    for seed, v in _variants("causal-mask-allowed"):
        n = v["n"]
        allowed = int(torch.tril(torch.ones(n, n, dtype=torch.bool)).sum())
        masked = int(torch.triu(torch.ones(n, n, dtype=torch.bool), diagonal=1).sum())  # what the mask hides
        assert allowed + masked == n * n
        _assert_correct("causal-mask-allowed", allowed, seed)


# -- small computations -------------------------------------------------------------------------------


def test_maxpool_example_matches_max_pool2d():
    a = torch.tensor([[1, 3, 2, 0], [4, 2, 1, 5], [0, 1, 3, 2], [2, 6, 1, 1]], dtype=torch.float64)
    _assert_correct("maxpool-example", _literal(F.max_pool2d(a[None, None], 2)[0, 0]))
    assert check(QUESTIONS["maxpool-example"], _literal(F.avg_pool2d(a[None, None], 2)[0, 0])).note == "average-pooling"


def test_conv_output_value_matches_conv2d():
    x = torch.tensor([[1, 2, 0], [4, 1, 3], [2, 1, 0]], dtype=torch.float64)[None, None]
    w = torch.tensor([[1, 0, -1]] * 3, dtype=torch.float64)[None, None]
    y = F.conv2d(x, w, bias=torch.tensor([0.5], dtype=torch.float64))
    _assert_correct("conv-output-value", float(y))
    flipped = F.conv2d(x, w.flip(-1), bias=torch.tensor([0.5], dtype=torch.float64))
    assert check(QUESTIONS["conv-output-value"], repr(float(flipped))).note == "flipped-kernel"


def test_attention_weight_and_output():
    scores = torch.tensor([6.0, 2.0, 0.0], dtype=torch.float64)
    _assert_correct("attention-softmax-weight", float(torch.softmax(scores / math.sqrt(4), 0)[0]))
    weights, values = (
        torch.tensor([0.5, 0.3, 0.2], dtype=torch.float64),
        torch.tensor([2.0, -1.0, 4.0], dtype=torch.float64),
    )
    _assert_correct("attention-output-value", float(weights @ values))


def test_positional_encoding_entry_matches_kb():
    from kb.models.transformer import positional_encoding

    _assert_correct("positional-encoding-value", float(positional_encoding(4, 4)[3, 2]))


def test_softmax_and_cross_entropy_values():
    z = torch.tensor([2.0, 1.0, -1.0], dtype=torch.float64)
    _assert_correct("softmax-three-logits", float(torch.softmax(z, 0)[0]))
    probs = torch.tensor([[0.2, 0.7, 0.1]], dtype=torch.float64)
    _assert_correct("cross-entropy-categorical", float(F.nll_loss(probs.log(), torch.tensor([1]))))


def test_softmax_cross_entropy_gradient_by_autograd():
    logits = torch.tensor([0.2, 0.7, 0.1], dtype=torch.float64).log().requires_grad_()  # softmax(logits) = ŷ
    F.cross_entropy(logits[None], torch.tensor([2])).backward()
    grad = torch.round(logits.grad, decimals=12)
    _assert_correct("softmax-ce-gradient-vector", _literal(grad))


def test_neuron_weight_gradient_by_autograd():
    w = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
    a = torch.sigmoid(w * 2.0 - 1.0)
    (0.5 * (a - 1.0) ** 2).backward()
    _assert_correct("backprop-neuron-weight-gradient", float(w.grad))


def test_lstm_and_gru_steps_match_the_cells():
    # one-dimensional cells whose gates take exactly the question's values (weights 0, biases set)
    lstm = nn.LSTMCell(1, 1).double()
    gate = lambda p: math.log(p / (1 - p))  # noqa: E731 - the logit that gives sigmoid = p
    with torch.no_grad():
        for p in lstm.parameters():
            p.zero_()
        lstm.bias_ih.copy_(
            torch.tensor([gate(0.5), gate(0.9), math.atanh(0.6), gate(0.8)], dtype=torch.float64)
        )  # PyTorch order i, f, g, o
        h, c = lstm(
            torch.zeros(1, 1, dtype=torch.float64),
            (torch.zeros(1, 1, dtype=torch.float64), torch.full((1, 1), 2.0, dtype=torch.float64)),
        )
    assert float(c) == pytest.approx(2.1)
    _assert_correct("lstm-cell-step", float(h))

    gru = nn.GRUCell(1, 1).double()
    with torch.no_grad():
        for p in gru.parameters():
            p.zero_()
        gru.bias_ih.copy_(
            torch.tensor([0.0, gate(0.8), math.atanh(-0.2)], dtype=torch.float64)
        )  # PyTorch order r, z, n
        h = gru(torch.zeros(1, 1, dtype=torch.float64), torch.full((1, 1), 0.5, dtype=torch.float64))
    _assert_correct("gru-update-step", float(h))


def test_bptt_factor_by_autograd():
    w, h_targets = 0.8, (0.5, 0.6)
    h0 = torch.tensor(0.3, dtype=torch.float64, requires_grad=True)
    h, value = h0, 0.3
    for target in h_targets:  # the input term u x_t + b chosen so that h_t takes the question's value
        drive = math.atanh(target) - w * value
        h, value = torch.tanh(w * h + drive), target
    assert float(h.detach()) == pytest.approx(0.6)
    h.backward()
    _assert_correct("rnn-bptt-two-steps", float(h0.grad))


def test_adam_first_step_matches_torch_optim():
    theta = torch.tensor([1.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([theta], lr=0.001, betas=(0.9, 0.999), eps=1e-8)
    theta.grad = torch.tensor([0.02], dtype=torch.float64)
    opt.step()
    _assert_correct("adam-first-step", 1.0 - float(theta.detach()))


def test_gan_discriminator_loss_is_binary_cross_entropy():
    for seed, v in _variants("gan-discriminator-loss"):
        p = torch.tensor([v["dr"], v["df"]], dtype=torch.float64)
        loss = F.binary_cross_entropy(p, torch.tensor([1.0, 0.0], dtype=torch.float64), reduction="sum")
        _assert_correct("gan-discriminator-loss", float(loss), seed)


def test_gan_value_at_equilibrium():
    half = torch.tensor(0.5, dtype=torch.float64)
    _assert_correct("gan-value-at-equilibrium", float(half.log() + (1 - half).log()))


def test_vae_values_match_torch_distributions():
    from torch.distributions import Normal, kl_divergence

    mu, var = torch.tensor([1.0, 0.0], dtype=torch.float64), torch.tensor([1.0, 0.5], dtype=torch.float64)
    kl = kl_divergence(Normal(mu, var.sqrt()), Normal(torch.zeros(2, dtype=torch.float64), 1.0)).sum()
    _assert_correct("vae-kl-diagonal-example", float(kl))
    logvar, eps = torch.tensor(-2.0, dtype=torch.float64), 0.5
    _assert_correct("vae-reparameterisation", float(1.5 + torch.exp(0.5 * logvar) * eps))
    x, x_hat = torch.zeros(4, dtype=torch.float64), torch.full((4,), math.sqrt(0.5), dtype=torch.float64)  # MSE 0.5
    nll = -Normal(x_hat, 1.0).log_prob(x).sum()
    assert float(F.mse_loss(x_hat, x)) == pytest.approx(0.5)
    _assert_correct("vae-gaussian-decoder-nll", float(nll))


def test_least_squares_slope_matches_lstsq():
    x = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
    A = torch.stack([torch.ones(3, dtype=torch.float64), x], 1)
    beta = torch.linalg.lstsq(A, torch.tensor([[2.0], [4.0], [5.0]], dtype=torch.float64)).solution
    _assert_correct("linreg-normal-equation-slope", float(beta[1]))
    assert check(QUESTIONS["linreg-normal-equation-slope"], repr(float(beta[0]))).note == "intercept-not-slope"


def test_f1_matches_scikit_learn():
    metrics = pytest.importorskip("sklearn.metrics")
    y_true = [1] * 50 + [0] * 50
    y_pred = [1] * 40 + [0] * 10 + [1] * 20 + [0] * 30
    _assert_correct("f1-from-confusion-matrix", float(metrics.f1_score(y_true, y_pred)))
    assert (
        check(QUESTIONS["f1-from-confusion-matrix"], repr(float(metrics.accuracy_score(y_true, y_pred)))).note
        == "accuracy"
    )


def test_perplexity_is_exp_of_the_mean_token_loss():
    losses = torch.tensor([2.0, 1.0, 0.5, 2.5], dtype=torch.float64)
    _assert_correct("perplexity-from-losses", float(losses.mean().exp()))


def test_matrix_product_example_matches_matmul():
    a = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
    b = torch.tensor([[0.0, 1.0], [1.0, 0.0]])
    _assert_correct("matrix-product-example", _literal(a @ b))
    assert check(QUESTIONS["matrix-product-example"], _literal(b @ a)).note == "order-swapped"


def test_masked_lm_loss_ignores_unselected_positions():
    probs = torch.full((8, 2), 0.5, dtype=torch.float64)  # two-word vocabulary; positions 2 and 5 are selected
    probs[2] = torch.tensor([0.5, 0.5], dtype=torch.float64)
    probs[5] = torch.tensor([0.8, 0.2], dtype=torch.float64)
    targets = torch.full((8,), -100)  # PyTorch's ignore_index: unselected positions carry no loss
    targets[2], targets[5] = 0, 1
    _assert_correct("mlm-loss-masked-positions", float(F.nll_loss(probs.log(), targets)))


def test_relu_neuron_output():
    w, x = torch.tensor([0.5, -1.0, 2.0], dtype=torch.float64), torch.tensor([2.0, 1.0, 0.5], dtype=torch.float64)
    _assert_correct("neuron-output-relu", float(F.relu(w @ x - 1.5)))


# -- hand-worked examples (math/worked-examples.md) ---------------------------------------------------


def test_lstm_cell_state_matches_lstm_cell():
    cell = nn.LSTMCell(1, 1).double()
    with torch.no_grad():  # weights 0, biases = the question's pre-activations (order i, f, g, o)
        for p in cell.parameters():
            p.zero_()
        cell.bias_ih.copy_(torch.tensor([0.0, 2.0, 1.0, 0.0], dtype=torch.float64))
        _, c = cell(
            torch.zeros(1, 1, dtype=torch.float64),
            (torch.zeros(1, 1, dtype=torch.float64), torch.ones(1, 1, dtype=torch.float64)),
        )
    _assert_correct("lstm-step-cell-state", float(c))


def test_adam_second_step_matches_torch_optim():
    theta = torch.tensor([0.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([theta], lr=0.1, betas=(0.9, 0.999), eps=1e-8)
    steps = []
    for g in (2.0, 1.0):
        before = float(theta.detach())
        theta.grad = torch.tensor([g], dtype=torch.float64)
        opt.step()
        steps.append(before - float(theta.detach()))
    assert steps[0] == pytest.approx(0.1)
    _assert_correct("adam-second-step", steps[1])


def test_softmax_jacobian_entry_by_autograd():
    z = torch.tensor([2.0, 1.0, -1.0], dtype=torch.float64)
    J = torch.autograd.functional.jacobian(lambda t: torch.softmax(t, 0), z)
    _assert_correct("softmax-jacobian-entry", float(J[0, 1]))
    assert check(QUESTIONS["softmax-jacobian-entry"], repr(float(J[0, 0]))).note == "diagonal-entry"


# -- evaluation (math/evaluation.md) ------------------------------------------------------------------


def test_multiclass_f1_matches_scikit_learn():
    metrics = pytest.importorskip("sklearn.metrics")
    matrix = [[8, 1, 1], [2, 6, 2], [0, 3, 7]]
    y_true = [r for r, row in enumerate(matrix) for c, n in enumerate(row) for _ in range(n)]
    y_pred = [c for row in matrix for c, n in enumerate(row) for _ in range(n)]
    assert metrics.confusion_matrix(y_true, y_pred).tolist() == matrix
    _assert_correct("recall-multiclass-confusion", float(metrics.f1_score(y_true, y_pred, average=None)[1]))
    assert (
        check(QUESTIONS["recall-multiclass-confusion"], repr(float(metrics.accuracy_score(y_true, y_pred)))).note
        == "accuracy"
    )


def test_auc_matches_scikit_learn():
    metrics = pytest.importorskip("sklearn.metrics")
    labels, scores = [1, 1, 1, 0, 0], [0.9, 0.6, 0.3, 0.7, 0.2]
    _assert_correct("auc-from-scores", float(metrics.roc_auc_score(labels, scores)))
    accuracy = metrics.accuracy_score(labels, [int(s >= 0.5) for s in scores])
    assert check(QUESTIONS["auc-from-scores"], repr(float(accuracy))).note == "accuracy-at-half"


def test_perplexity_from_probabilities_is_exp_of_cross_entropy():
    probs = torch.tensor([0.5, 0.25, 0.125, 0.5], dtype=torch.float64)
    logits = torch.stack([probs.log(), (1 - probs).log()], dim=1)  # two-token vocabulary, the true token first
    loss = F.cross_entropy(logits, torch.zeros(4, dtype=torch.long))
    _assert_correct("perplexity-from-probabilities", float(loss.exp()))


def test_wer_example_matches_kb():
    from kb.sequence_metrics import edit_operations, word_error_rate

    ref, hyp = "the cat sat on the mat", "a cat sat on mat"
    assert edit_operations(ref, hyp) == {"substitutions": 1, "deletions": 1, "insertions": 0}
    _assert_correct("wer-example", word_error_rate(ref, hyp))


# -- probability and information (math/probability.md) -----------------------------------------------


def test_entropy_in_bits_matches_torch_distributions():
    from torch.distributions import Categorical

    probs = torch.tensor([0.5, 0.25, 0.125, 0.125], dtype=torch.float64)
    nats = float(Categorical(probs=probs).entropy())
    _assert_correct("entropy-distribution", nats / math.log(2))
    assert check(QUESTIONS["entropy-distribution"], repr(nats)).note == "nats-not-bits"


def test_gaussian_kl_matches_torch_distributions():
    from torch.distributions import Normal, kl_divergence

    p, q = Normal(torch.tensor(1.0, dtype=torch.float64), 2.0), Normal(torch.tensor(0.0, dtype=torch.float64), 1.0)
    _assert_correct("kl-two-gaussians", float(kl_divergence(p, q)))
    assert check(QUESTIONS["kl-two-gaussians"], repr(float(kl_divergence(q, p)))).note == "reversed"


def test_discrete_kl_matches_torch_distributions():
    from torch.distributions import Categorical, kl_divergence

    p = Categorical(probs=torch.tensor([0.5, 0.5], dtype=torch.float64))
    q = Categorical(probs=torch.tensor([0.9, 0.1], dtype=torch.float64))
    _assert_correct("kl-discrete-direction", float(kl_divergence(p, q)))
    assert check(QUESTIONS["kl-discrete-direction"], repr(float(kl_divergence(q, p)))).note == "reversed"


# -- building blocks (models/building-blocks.md) ------------------------------------------------------


def test_residual_block_params_match_kb_residual_block():
    from kb.models.residual import ResidualBlock

    for seed, v in _variants("residual-block-params"):
        block = ResidualBlock(v["d"])
        assert block(torch.zeros(2, v["d"])).shape == (2, v["d"])  # the output has the input's shape
        _assert_correct("residual-block-params", _count(block), seed)


def test_he_init_std_matches_kaiming_normal():
    for seed, v in _variants("he-init-std"):
        torch.manual_seed(seed)
        w = nn.init.kaiming_normal_(torch.empty(v["m"], v["n"]), nonlinearity="relu")
        assert w.std().item() == pytest.approx(math.sqrt(2 / v["n"]), rel=0.1)
        gain = nn.init.calculate_gain("relu")  # sqrt(2)
        _assert_correct("he-init-std", gain / math.sqrt(v["n"]), seed)


def test_layer_norm_entry_matches_nn_layer_norm():
    out = F.layer_norm(torch.tensor([0.0, 0.0, 3.0, 5.0], dtype=torch.float64), (4,), eps=0.0)
    _assert_correct("layer-norm-entry", out[-1].item())


# -- generalisation (math/generalisation.md) ----------------------------------------------------------


def test_weight_decay_step_matches_torch_sgd():
    for seed, v in _variants("weight-decay-step"):
        w = torch.tensor([v["w"]], dtype=torch.float64, requires_grad=True)
        optimizer = torch.optim.SGD([w], lr=v["eta"], weight_decay=v["lam"])  # adds lam * w to the gradient
        w.grad = torch.tensor([v["g"]], dtype=torch.float64)
        optimizer.step()
        _assert_correct("weight-decay-step", w.item(), seed)


def test_dropout_kept_unit_matches_nn_dropout():
    for seed, v in _variants("dropout-kept-unit"):
        torch.manual_seed(seed)
        out = nn.Dropout(v["p"]).train()(torch.full((1000,), v["h"], dtype=torch.float64))
        kept = out[out != 0]
        assert len(kept) and torch.allclose(kept, kept[0])
        _assert_correct("dropout-kept-unit", kept[0].item(), seed)


def test_l2_mse_gradient_is_what_sympy_differentiates():
    sp = pytest.importorskip("sympy")
    w, x1, x2, y1, y2 = sp.symbols("w x_1 x_2 y_1 y_2", real=True)
    lam = sp.Symbol("lambda", positive=True)
    J = ((w * x1 - y1) ** 2 + (w * x2 - y2) ** 2) / 2 + lam / 2 * w**2
    gradient = sp.expand(sp.diff(J, w))  # SymPy's derivative, as the one step of a derivation
    _assert_correct("l2-mse-gradient-steps", QUESTIONS["l2-mse-gradient-steps"].start + "\n= " + str(gradient))


# -- language models (models/language-models.md) ------------------------------------------------------


def test_vit_patch_count_matches_patchify():
    from kb.models.vit import patchify

    for seed, v in _variants("vit-patch-count"):
        patches = patchify(torch.zeros(1, 3, v["side"], v["side"]), v["patch"])
        _assert_correct("vit-patch-count", patches.shape[1], seed)


def test_vit_patch_embedding_params_match_kb_patch_embedding():
    from kb.models.vit import PatchEmbedding

    for seed, v in _variants("vit-patch-embedding-params"):
        embedding = PatchEmbedding(image_size=v["patch"] * 2, patch=v["patch"], channels=3, d_model=v["d"])
        _assert_correct("vit-patch-embedding-params", _count(embedding.proj), seed)


def test_next_token_predictions_match_the_shifted_targets():
    from kb.datasets.progressions import next_token_pairs

    for seed, v in _variants("next-token-predictions"):
        _, targets = next_token_pairs(torch.zeros(v["B"], v["T"], dtype=torch.int64))
        _assert_correct("next-token-predictions", targets.numel(), seed)
