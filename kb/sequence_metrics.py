"""Metrics for generated sequences: perplexity of a language model, word error rate (WER) of a
transcript, and BLEU of a translation, each written from its definition.

* **Perplexity** ``exp(mean_t -log p(x_t | x_<t))``: the exponential of the mean per-token
  negative log-likelihood (nats); a model that is uniform over ``V`` tokens has perplexity ``V``.
* **WER** ``(S + D + I) / N``: the fewest word substitutions, deletions and insertions that turn
  the reference into the hypothesis (a Levenshtein distance over words: a deletion is a reference
  word the hypothesis misses, an insertion an extra hypothesis word), per reference word.
  It can exceed 1.
* **BLEU** (Papineni et al., 2002) ``BP * exp(sum_n w_n log p_n)``: ``p_n`` is the *clipped*
  n-gram precision (an n-gram of the hypothesis counts at most as often as it occurs in the
  reference), ``w_n = 1/N``, and the brevity penalty ``BP = min(1, exp(1 - r/c))`` punishes a
  hypothesis of ``c`` words shorter than the reference's ``r``. One sentence and one reference
  here; corpus BLEU sums the counts over all sentences before dividing.

>>> round(perplexity([1.0, 1.0]), 4)
2.7183
>>> word_error_rate("the cat sat on the mat", "the cat sat on mat")
0.16666666666666666
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

import torch

__all__ = ["perplexity", "edit_operations", "word_error_rate", "ngram_precision", "bleu"]


def perplexity(token_nll: Sequence[float] | torch.Tensor) -> float:
    """``exp(mean(token_nll))`` for per-token negative log-likelihoods in nats."""
    nll = torch.as_tensor(token_nll, dtype=torch.float64)
    if nll.numel() == 0:
        raise ValueError("perplexity of no tokens")
    return float(nll.mean().exp())


def _words(text: str | Sequence[str]) -> list[str]:
    return text.split() if isinstance(text, str) else list(text)


def edit_operations(reference: str | Sequence[str], hypothesis: str | Sequence[str]) -> dict[str, int]:
    """The fewest ``substitutions``, ``deletions`` and ``insertions`` (word level) from hypothesis to reference."""
    ref, hyp = _words(reference), _words(hypothesis)
    # cost[i][j] = (edits, S, D, I) turning hyp[:j] into ref[:i]
    cost = [[(j, 0, 0, j) for j in range(len(hyp) + 1)]]
    for i in range(1, len(ref) + 1):
        row = [(i, 0, i, 0)]
        for j in range(1, len(hyp) + 1):
            same = ref[i - 1] == hyp[j - 1]
            e, s, d, n = cost[i - 1][j - 1]
            options = [(e + (not same), s + (not same), d, n)]
            e, s, d, n = cost[i - 1][j]
            options.append((e + 1, s, d + 1, n))  # a reference word is missing
            e, s, d, n = row[j - 1]
            options.append((e + 1, s, d, n + 1))  # an extra word in the hypothesis
            row.append(min(options))
        cost.append(row)
    _, s, d, n = cost[-1][-1]
    return {"substitutions": s, "deletions": d, "insertions": n}


def word_error_rate(reference: str | Sequence[str], hypothesis: str | Sequence[str]) -> float:
    """``(S + D + I) / N`` with ``N`` the number of reference words."""
    n = len(_words(reference))
    if n == 0:
        raise ValueError("WER needs a non-empty reference")
    return sum(edit_operations(reference, hypothesis).values()) / n


def _ngrams(words: list[str], n: int) -> Counter:
    return Counter(tuple(words[i : i + n]) for i in range(len(words) - n + 1))


def ngram_precision(reference: str | Sequence[str], hypothesis: str | Sequence[str], n: int) -> tuple[int, int]:
    """``(clipped matches, hypothesis n-grams)`` for n-grams of length ``n``."""
    ref, hyp = _ngrams(_words(reference), n), _ngrams(_words(hypothesis), n)
    return sum(min(count, ref[gram]) for gram, count in hyp.items()), sum(hyp.values())


def bleu(reference: str | Sequence[str], hypothesis: str | Sequence[str], max_n: int = 4) -> float:
    """Sentence BLEU against one reference with uniform weights over n = 1..``max_n`` (0 if some ``p_n`` is 0)."""
    ref, hyp = _words(reference), _words(hypothesis)
    if not hyp or not ref:
        raise ValueError("BLEU needs a non-empty reference and hypothesis")
    log_p = 0.0
    for n in range(1, max_n + 1):
        matches, total = ngram_precision(ref, hyp, n)
        if matches == 0:
            return 0.0
        log_p += math.log(matches / total) / max_n
    brevity = min(1.0, math.exp(1 - len(ref) / len(hyp)))
    return brevity * math.exp(log_p)
