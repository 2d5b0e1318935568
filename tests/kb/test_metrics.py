"""kb.metrics: predictions, the confusion matrix (against scikit-learn) and the misclassified examples."""

import pytest
import torch
from sklearn.metrics import confusion_matrix as sk_confusion_matrix

from kb.metrics import confusion_matrix, misclassified, predict

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
