# %% [markdown]
# BERT in miniature: pre-train a 2-layer Transformer encoder by masked-token prediction on
# an unlabelled generated corpus, then fine-tune it on a small labelled sentiment task whose
# test sentences use opinion words never seen with a label. Compare with the same encoder
# trained from scratch on the labelled data only.

# %%
import torch

from kb.datasets.corpus import CLS, MASK, NEGATIVE, PAD, POSITIVE, Vocab, make_corpus
from kb.models.bert import LitMaskedLM, mask_tokens
from kb.models.pretraining import run_pretraining
from kb.plotting import assert_readable, label, subplots

torch.set_num_threads(1)
print("vocabulary size:", len(Vocab.build()))
print("two corpus sentences:", *make_corpus(2, seed=0), sep="\n  ")
half = len(POSITIVE) // 2
print("opinion words in labelled training sentences:", POSITIVE[:half] + NEGATIVE[:half])
print("opinion words only in the test sentences   :", POSITIVE[half:] + NEGATIVE[half:])
mask_prob = LitMaskedLM().hparams.mask_prob
print("share of word positions picked for prediction (mask_prob):", mask_prob)
vocab = Vocab.build()
tokens = torch.tensor([vocab.encode(sentence) for sentence in make_corpus(3000, seed=1)])
inputs, labels = mask_tokens(tokens, len(vocab), mask_prob, generator=torch.Generator().manual_seed(0))
words, picked = (tokens != PAD) & (tokens != CLS), labels != -100
print(
    f"measured on 3000 sentences: {picked.sum() / words.sum():.1%} of the word positions picked; of those "
    f"{(inputs[picked] == MASK).float().mean():.1%} became [MASK], "
    f"{((inputs[picked] != MASK) & (inputs[picked] != tokens[picked])).float().mean():.1%} another word, "
    f"{(inputs[picked] == tokens[picked]).float().mean():.1%} stayed"
)

# %%
run = run_pretraining(seed=0)
result, curves = run.metrics, run.curves
print(f"masked-token accuracy after pre-training (validation): {result['mlm_acc']:.3f}")
print(f"sentiment test accuracy, pre-trained then fine-tuned  : {result['pretrained_acc']:.3f}")
print(f"sentiment test accuracy, trained from scratch         : {result['scratch_acc']:.3f}   (chance = 0.5)")

fig, (pre, fine) = subplots(1, 2, height=3.4, width_ratios=[0.8, 1])
pre.plot(range(1, len(curves["mlm_val_acc"]) + 1), curves["mlm_val_acc"], color="C2")
pre.set(title="LitMaskedLM", xlabel=label("epoch", "轮次"), ylabel="val_acc", ylim=(0, 1))
for name, colour in (("pretrained", "C0"), ("scratch", "C1")):
    run_epochs = range(1, len(curves[f"{name}_val_acc"]) + 1)
    fine.plot(run_epochs, curves[f"{name}_val_acc"], color=colour, linestyle=":", label=f"{name}: val_acc")
    fine.plot(run_epochs, curves[f"{name}_unseen_acc"], color=colour, label=f"{name}: unseen_acc")
fine.axhline(0.5, color="0.5", linewidth=1, linestyle="--")
fine.set(title="LitBertClassifier", xlabel=label("epoch", "轮次"), ylabel="acc", ylim=(0.3, 1.03))
legend = fig.legend(*fine.get_legend_handles_labels(), fontsize="small", loc="outside lower center", ncols=2)
print(
    "accuracy on the monitoring sentences (unseen words) after the last fine-tuning epoch: "
    f"pre-trained {curves['pretrained_unseen_acc'][-1]:.3f}, from scratch {curves['scratch_unseen_acc'][-1]:.3f}"
)

# %% tags=["hide-input"]
assert result["pretrained_acc"] >= 0.85 and 0.3 < result["scratch_acc"] < 0.7 and result["mlm_acc"] > 0.55
assert abs((inputs[picked] == MASK).float().mean() - 0.8) < 0.02 and abs(picked.sum() / words.sum() - mask_prob) < 0.01
assert curves["pretrained_unseen_acc"][-1] > 0.85 and curves["scratch_unseen_acc"][-1] < 0.7
assert_readable(fig)
