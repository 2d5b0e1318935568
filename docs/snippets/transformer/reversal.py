# %% [markdown]
# A 2-layer, 2-head Transformer encoder (kb.models.transformer) trained to reverse
# 8-token sequences; then its attention maps for one test sequence.

# %%
import torch

from kb import epochs, make_trainer, seed_everything
from kb.datasets.sequences import ReversalDataModule
from kb.models.transformer import LitTransformer, plot_attention
from kb.plotting import assert_readable

torch.set_num_threads(1)
seed_everything(0)
data, model = ReversalDataModule(seed=0), LitTransformer()
trainer = make_trainer(max_epochs=epochs(quick=20, full=60))
trainer.fit(model, data)
result = trainer.test(model, data, verbose=False)[0]
print(f"test: per-token accuracy {result['test_acc']:.3f} after {trainer.current_epoch} epochs")

# %%
x_test, y_test = data.test_set.tensors
tokens = x_test[:1]
maps = model.attention_maps(tokens)
print("input  :", tokens[0].tolist())
print("output :", model(tokens).argmax(-1)[0].tolist())
last = maps[-1][0].mean(0)  # layer 2, averaged over the heads: (query, key)
print("layer 2 (mean of the heads), key with the largest weight for each query position:", last.argmax(-1).tolist())
fig = plot_attention(maps, tokens)

# %% tags=["hide-input"]
assert result["test_acc"] > 0.95
assert (model(tokens).argmax(-1) == tokens.flip(1)).all()
assert last.argmax(-1).tolist() == list(range(7, -1, -1))  # the anti-diagonal: query i reads key 7 - i
assert_readable(fig)
