"""kb.sequence_metrics: perplexity, WER and BLEU on behaviour tables (hand-counted)."""

import math

import pytest
import torch

from kb.sequence_metrics import bleu, edit_operations, ngram_precision, perplexity, word_error_rate

WER = [  # (reference, hypothesis, S, D, I)
    ("the cat sat on the mat", "the cat sat on the mat", 0, 0, 0),
    ("the cat sat on the mat", "the cat sit on mat", 1, 1, 0),
    ("a b c", "a x b c d", 0, 0, 2),
    ("a b c", "", 0, 3, 0),
    ("a b", "c d e", 2, 0, 1),
]


@pytest.mark.parametrize("ref, hyp, s, d, i", WER)
def test_edit_operations_and_wer(ref, hyp, s, d, i):
    assert edit_operations(ref, hyp) == {"substitutions": s, "deletions": d, "insertions": i}
    assert word_error_rate(ref, hyp) == pytest.approx((s + d + i) / len(ref.split()))


def test_wer_can_exceed_one():
    assert word_error_rate("a", "b c d") == 3.0


def test_clipped_precision_papineni_example():
    # Papineni et al. (2002): "the" counts at most twice, as often as in the reference
    assert ngram_precision("the cat is on the mat", "the the the the the the the", 1) == (2, 7)


def test_bleu_by_hand():
    ref, hyp = "the cat sat on the mat", "the cat sat on mat"
    p1, p2 = 5 / 5, 3 / 4  # bigrams of hyp: the-cat, cat-sat, sat-on match; on-mat does not
    expected = math.exp(1 - 6 / 5) * math.sqrt(p1 * p2)
    assert bleu(ref, hyp, max_n=2) == pytest.approx(expected)
    assert bleu(ref, ref) == pytest.approx(1.0)
    assert bleu(ref, "dog", max_n=1) == 0.0


def test_perplexity_is_exp_of_mean_nll():
    assert perplexity(torch.tensor([2.0, 1.0, 0.5, 2.5])) == pytest.approx(math.exp(1.5))
    assert perplexity([math.log(50)] * 7) == pytest.approx(50)  # uniform over 50 tokens


@pytest.mark.parametrize("call", [lambda: perplexity([]), lambda: word_error_rate("", "a"), lambda: bleu("", "a")])
def test_empty_input(call):
    with pytest.raises(ValueError):
        call()
