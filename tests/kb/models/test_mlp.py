"""kb.models.mlp: the regularisation options (dropout, weight decay, shifted training images)."""

import pytest
import torch

from kb.models.mlp import MLP, LitMLP


def test_no_dropout_layers_by_default():
    assert not any(isinstance(m, torch.nn.Dropout) for m in MLP(4, (8, 8), 3).modules())


@pytest.mark.parametrize("p, hidden", [(0.5, (8, 8)), (0.2, (16,))])
def test_dropout_after_every_hidden_activation(p, hidden):
    model = MLP(4, hidden, 3, dropout=p)
    drops = [m for m in model.modules() if isinstance(m, torch.nn.Dropout)]
    assert len(drops) == len(hidden) and all(d.p == p for d in drops)
    x = torch.randn(64, 4)
    model.eval()
    torch.testing.assert_close(model(x), model(x))  # evaluation: dropout is the identity
    model.train()
    torch.manual_seed(0)
    assert not torch.allclose(model(x), model(x))  # training: a new random mask each call


@pytest.mark.parametrize("dropout", [-0.1, 1.0])
def test_bad_dropout(dropout):
    with pytest.raises(ValueError, match=r"dropout must be in \[0, 1\)"):
        MLP(4, (8,), 3, dropout=dropout)


@pytest.mark.parametrize("weight_decay", [0.0, 0.1])
def test_weight_decay_adds_lambda_w_to_the_gradient(weight_decay):
    torch.manual_seed(0)
    module = LitMLP(in_features=3, hidden=(4,), classes=2, lr=0.1, weight_decay=weight_decay)
    optimizer = module.configure_optimizers()
    assert optimizer.param_groups[0]["weight_decay"] == weight_decay
    w = module.model.net[0].weight
    before, g = w.detach().clone(), torch.randn_like(w)
    w.grad = g.clone()
    optimizer.step()  # Adam's first step moves every weight by lr * sign(g + weight_decay * w)
    torch.testing.assert_close(w.detach(), before - 0.1 * torch.sign(g + weight_decay * before), atol=1e-6, rtol=0)


def test_jitter_augments_training_batches_only():
    torch.manual_seed(0)
    module = LitMLP(in_features=2, hidden=(8,), classes=2, jitter=0.3)
    seen = []
    module._shared_step = lambda batch, stage: seen.append((stage, batch[0].clone())) or torch.tensor(0.0)
    x, y = torch.rand(500, 2), torch.zeros(500, dtype=torch.int64)
    module.training_step((x, y), 0)
    module.validation_step((x, y), 0)
    (train_stage, train_x), (val_stage, val_x) = seen
    assert (train_stage, val_stage) == ("train", "val") and torch.equal(val_x, x)
    assert (train_x - x).std().item() == pytest.approx(0.3, abs=0.03)
