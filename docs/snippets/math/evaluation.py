# %% [markdown]
# Evaluation metrics on small examples: a logistic-regression classifier on two overlapping
# Gaussian blobs (confusion matrix, precision, recall, F1, ROC/AUC from kb.metrics, checked
# against scikit-learn), the perplexity of a bigram language model, and WER and BLEU of one
# sentence (kb.sequence_metrics).

# %%
import torch

from kb.metrics import auc, confusion_matrix, precision_recall_f1, roc_curve
from kb.models.logistic_regression import LogisticRegression
from kb.optim import GD
from kb.plotting import assert_readable, heatmap, subplots


def blobs(n: int, generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """n points per class: class 0 around (0, 0), class 1 around (1.5, 0.5), unit variance."""
    y = torch.cat([torch.zeros(n), torch.ones(n)])
    x = torch.randn(2 * n, 2, generator=generator) + y[:, None] * torch.tensor([1.5, 0.5])
    return x, y


g = torch.Generator().manual_seed(0)
(x_train, y_train), (x_test, y_test) = blobs(200, g), blobs(200, g)


def fit(features: list[int]) -> torch.Tensor:
    """Logistic regression on the chosen features; returns test-set probabilities of class 1."""
    torch.manual_seed(0)
    model = LogisticRegression(in_features=len(features))
    opt = GD(model.parameters(), lr=0.5)
    for _ in range(300):
        opt.zero_grad()
        torch.nn.functional.binary_cross_entropy_with_logits(model(x_train[:, features]), y_train).backward()
        opt.step()
    with torch.no_grad():
        return torch.sigmoid(model(x_test[:, features]))


scores = {"$x_1, x_2$": fit([0, 1]), "$x_2$": fit([1])}
p = scores["$x_1, x_2$"]
predicted = (p >= 0.5).long()
C = confusion_matrix(predicted, y_test.long(), classes=2)
prf = precision_recall_f1(C)
(tn, fp), (fn, tp) = C.tolist()
print("confusion matrix (rows: true 0/1, columns: predicted 0/1):", C.tolist())
print(f"TP = {tp}, FP = {fp}, FN = {fn}, TN = {tn}")
print(f"accuracy  = (TP + TN)/N  = {(tp + tn) / len(y_test):.3f}")
print(f"precision = TP/(TP + FP) = {prf['precision'][1]:.3f}")
print(f"recall    = TP/(TP + FN) = {prf['recall'][1]:.3f}")
print(f"F1        = 2PR/(P + R)  = {prf['f1'][1]:.3f}")

# %%
fig, (ax, right) = subplots(1, 2, height=3.6, width_ratios=[1.25, 1])
areas = {}
for name, s in scores.items():
    fpr, tpr, _ = roc_curve(s, y_test)
    areas[name] = auc(fpr, tpr)
    ax.plot(fpr, tpr, label=f"{name}: AUC = {areas[name]:.3f}")
ax.plot([0, 1], [0, 1], linestyle="--", color="0.6", label="TPR = FPR: AUC = 0.5")
ax.plot([fp / (fp + tn)], [tp / (tp + fn)], marker="o", color="0.45", linestyle="none", label="$p \\geq 0.5$")
ax.set(xlabel="FPR = FP/(FP + TN)", ylabel="TPR = TP/(TP + FN)", aspect="equal")
fig.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=2)
heatmap(
    right,
    C,
    cmap="Blues",
    annotate=True,
    fmt="{:.0f}",
    colorbar=False,
    xticks=["$\\hat y = 0$", "$\\hat y = 1$"],
    yticks=["$y = 0$", "$y = 1$"],
)
for name, area in areas.items():
    print(f"AUC (features {name.strip('$')}) = {area:.3f}")

# %%
# Perplexity: a bigram model (add-one smoothing) from a tiny corpus, on a test sentence.
import math
from itertools import pairwise

from kb.sequence_metrics import bleu, edit_operations, ngram_precision, perplexity, word_error_rate

text, sentence = "the cat sat on the mat . the dog sat on the rug . the cat saw the dog .", "the dog sat on the mat ."
corpus = text.split()
vocab = sorted(set(corpus))
pairs = list(pairwise(corpus))
test = sentence.split()
nll = []
for prev, word in pairwise(test):
    prob = (pairs.count((prev, word)) + 1) / (corpus[:-1].count(prev) + len(vocab))
    nll.append(-math.log(prob))
    print(f"p({word:>4} | {prev:<4}) = {prob:.3f}   -log p = {nll[-1]:.3f}")
print(f"mean NLL = {sum(nll) / len(nll):.3f} nats, perplexity = exp(mean NLL) = {perplexity(nll):.2f}")
print(f"a uniform model over the {len(vocab)} words: perplexity = {perplexity([math.log(len(vocab))] * 6):.2f}")

# %%
# WER and BLEU of one hypothesis against one reference.
reference, hypothesis = "the cat is on the mat", "the cat sat on the mat"
print("reference :", reference)
print("hypothesis:", hypothesis)
ops = edit_operations(reference, hypothesis)
print(
    f"WER = (S + D + I)/N = ({ops['substitutions']} + {ops['deletions']} + {ops['insertions']})/6 "
    f"= {word_error_rate(reference, hypothesis):.3f}"
)
for n in range(1, 5):
    matches, total = ngram_precision(reference, hypothesis, n)
    print(f"p_{n} = {matches}/{total}")
print(f"BLEU-2 = {bleu(reference, hypothesis, max_n=2):.3f}, BLEU-4 = {bleu(reference, hypothesis):.3f}")

# %% tags=["hide-input"]
from sklearn import metrics as skm

y_np, pred_np = y_test.long().numpy(), predicted.numpy()
assert C.tolist() == skm.confusion_matrix(y_np, pred_np).tolist()
assert abs(prf["precision"][1].item() - skm.precision_score(y_np, pred_np)) < 1e-6
assert abs(prf["recall"][1].item() - skm.recall_score(y_np, pred_np)) < 1e-6
assert abs(prf["f1"][1].item() - skm.f1_score(y_np, pred_np)) < 1e-6
for name, s in scores.items():
    assert abs(areas[name] - skm.roc_auc_score(y_np, s.numpy())) < 1e-9
assert 0.5 < areas["$x_2$"] < areas["$x_1, x_2$"] < 1  # the page: more information, larger area
assert 1 < perplexity(nll) < len(vocab)  # better than uniform, worse than certain
assert ops == {"substitutions": 1, "deletions": 0, "insertions": 0}
assert bleu(reference, hypothesis) == 0.0 < bleu(reference, hypothesis, max_n=2)  # no 4-gram matches
assert_readable(fig)
