"""kb.metrics: predictions, the confusion matrix (against scikit-learn) and the misclassified examples."""

import pytest
import torch
from sklearn.metrics import confusion_matrix as sk_confusion_matrix
from sklearn.metrics import precision_recall_fscore_support, roc_auc_score
from sklearn.metrics import roc_curve as sk_roc_curve

from kb.metrics import auc, confusion_matrix, misclassified, precision_recall_f1, predict, roc_curve

CASES = [  # (predicted, target, classes)
    ([0, 1, 1, 2], [0, 1, 2, 2], 3),
    ([2, 2, 2], [0, 1, 2], 3),
    ([0, 0, 1, 1, 3], [0, 1, 1, 0, 3], 4),
]


@pytest.mark.parametrize("predicted, target, classes", CASES)
def test_confusion_matrix_matches_scikit_learn(predicted, target, classes):
    ours = confusion_matrix(torch.tensor(predicted), torch.tensor(target), classes)
    assert ours.tolist() == sk_confusion_matrix(target, predicted, labels=list(range(classes))).tolist()
    assert ours.sum() == len(target)


def test_misclassified_lists_the_wrong_rows():
    assert misclassified(torch.tensor([0, 1, 2, 2]), torch.tensor([0, 2, 2, 1])).tolist() == [1, 3]


def test_predict_is_argmax_in_eval_mode_and_restores_training():
    model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Dropout(0.9))
    x = torch.randn(10, 3)
    out = predict(model, x, batch_size=3)
    model.eval()
    assert out.tolist() == model(x).argmax(-1).tolist()
    model.train()
    predict(model, x)
    assert model.training


@pytest.mark.parametrize(
    "predicted, target, message",
    [([0, 1], [0], "same length"), ([0, 5], [0, 1], r"in \[0, 3\)"), ([[0]], [[0]], "1-D")],
)
def test_bad_input(predicted, target, message):
    with pytest.raises(ValueError, match=message):
        confusion_matrix(torch.tensor(predicted), torch.tensor(target), 3)


@pytest.mark.parametrize("predicted, target, classes", CASES)
def test_precision_recall_f1_match_scikit_learn(predicted, target, classes):
    ours = precision_recall_f1(confusion_matrix(torch.tensor(predicted), torch.tensor(target), classes))
    p, r, f, support = precision_recall_fscore_support(target, predicted, labels=list(range(classes)), zero_division=0)
    for name, ref in [("precision", p), ("recall", r), ("f1", f)]:
        assert ours[name].tolist() == pytest.approx(ref.tolist()), name
    assert ours["support"].tolist() == support.tolist()


ROC = [  # (scores, labels)
    ([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]),
    ([0.9, 0.9, 0.5, 0.5, 0.1], [1, 0, 1, 0, 0]),  # ties
    ([0.2, 0.3, 0.7, 0.9], [1, 1, 0, 0]),  # perfectly wrong: AUC 0
]


@pytest.mark.parametrize("scores, labels", ROC)
def test_roc_curve_and_auc_match_scikit_learn(scores, labels):
    fpr, tpr, thresholds = roc_curve(torch.tensor(scores), torch.tensor(labels))
    sk_fpr, sk_tpr, _ = sk_roc_curve(labels, scores, drop_intermediate=False)
    assert fpr.tolist() == pytest.approx(sk_fpr.tolist()) and tpr.tolist() == pytest.approx(sk_tpr.tolist())
    assert thresholds[0] == float("inf") and (thresholds[1:].diff() < 0).all()
    assert auc(fpr, tpr) == pytest.approx(roc_auc_score(labels, scores))


def test_roc_needs_both_classes_and_precision_a_square_matrix():
    with pytest.raises(ValueError, match="both"):
        roc_curve(torch.tensor([0.1, 0.2]), torch.tensor([1, 1]))
    with pytest.raises(ValueError, match="square"):
        precision_recall_f1(torch.zeros(2, 3))
