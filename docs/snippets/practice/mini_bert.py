# %% [markdown]
# BERT in miniature: pre-train a 2-layer Transformer encoder by masked-token prediction on
# an unlabelled generated corpus, then fine-tune it on a small labelled sentiment task whose
# test sentences use opinion words never seen with a label. Compare with the same encoder
# trained from scratch on the labelled data only.

# %%
from kb.datasets.corpus import NEGATIVE, POSITIVE, Vocab, make_corpus
from kb.models.pretraining import compare_pretraining

print("vocabulary size:", len(Vocab.build()))
print("two corpus sentences:", *make_corpus(2, seed=0), sep="\n  ")
half = len(POSITIVE) // 2
print("opinion words in labelled training sentences:", POSITIVE[:half] + NEGATIVE[:half])
print("opinion words only in the test sentences   :", POSITIVE[half:] + NEGATIVE[half:])

# %%
result = compare_pretraining(seed=0)
print(f"masked-token accuracy after pre-training (validation): {result['mlm_acc']:.3f}")
print(f"sentiment test accuracy, pre-trained then fine-tuned  : {result['pretrained_acc']:.3f}")
print(f"sentiment test accuracy, trained from scratch         : {result['scratch_acc']:.3f}   (chance = 0.5)")
