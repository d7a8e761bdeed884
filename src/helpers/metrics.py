"""Scores shared by training (`helpers.train_encoder`), model selection (`helpers.directed`) and evaluation.

Classes are integers ``0 … n_classes-1``; probabilities are arrays of shape (n, n_classes).

- `macro_f1`: the mean F1 over the classes (0–1, higher = better; a class neither predicted nor
  present scores 0).
- `bootstrap_se`: the standard error of macro-F1 over items (bootstrap).
- `edge_counts` and `prf`: directed edges (Park et al.'s labels 1–4) kept at a probability
  threshold, and their precision / recall / F1.
- `reliability_bins` and `ece`: the calibration of the top-class probability in equal-width bins
  (Guo et al. 2017; ECE 0 = calibrated, higher = worse).

References: Efron & Tibshirani, "An Introduction to the Bootstrap", 1993. Guo et al., "On
Calibration of Modern Neural Networks", ICML 2017.
"""
from __future__ import annotations

import numpy as np


def macro_f1(gold, pred, n_classes: int) -> float:
    """Mean F1 over classes ``0 … n_classes-1`` (0–1, higher = better)."""
    gold, pred = np.asarray(gold), np.asarray(pred)
    f1s = []
    for c in range(n_classes):
        tp = int(((gold == c) & (pred == c)).sum())
        p, g = int((pred == c).sum()), int((gold == c).sum())
        f1s.append(2 * tp / (p + g) if p + g else 0.0)
    return float(np.mean(f1s))


def bootstrap_se(gold, pred, n_classes: int, reps: int = 1000, seed: int = 0) -> float:
    """Standard error of macro-F1 over items: the spread of macro-F1 on ``reps`` bootstrap resamples (0 for < 2 reps)."""
    rng = np.random.default_rng(seed)
    gold, pred = np.asarray(gold), np.asarray(pred)
    vals = [macro_f1(gold[i], pred[i], n_classes) for i in (rng.integers(0, len(gold), len(gold)) for _ in range(reps))]
    return float(np.std(vals, ddof=1)) if len(vals) > 1 else 0.0


def edge_counts(probs: np.ndarray, gold, threshold: float) -> tuple[int, int, int]:
    """(true positive, predicted, gold) directed edges: the likeliest of labels 1–4, kept when its probability ≥ threshold."""
    gold = np.asarray(gold)
    best = probs[:, 1:].argmax(1) + 1
    keep = probs[np.arange(len(best)), best] >= threshold
    tp = int((keep & (best == gold)).sum())
    return tp, int(keep.sum()), int((gold != 0).sum())


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 (each 0–1, higher = better; 0 when undefined) from counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def reliability_bins(probs: np.ndarray, gold, bins: int = 10) -> list[dict]:
    """Per equal-width bin of the top-class probability (0–1): ``bin_low``, ``bin_high``, ``n``,
    ``confidence`` (mean top-class probability) and ``accuracy`` (share correct); NaN for an empty bin."""
    probs, gold = np.asarray(probs), np.asarray(gold)
    conf, correct = probs.max(1), (probs.argmax(1) == gold).astype(float)
    edges = np.linspace(0.0, 1.0, bins + 1)
    out = []
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (conf > lo) & (conf <= hi)
        out.append({"bin_low": float(lo), "bin_high": float(hi), "n": int(sel.sum()),
                    "confidence": float(conf[sel].mean()) if sel.any() else float("nan"),
                    "accuracy": float(correct[sel].mean()) if sel.any() else float("nan")})
    return out


def ece(probs: np.ndarray, gold, bins: int = 10) -> float:
    """Expected calibration error of the top-class probability (0 = calibrated; higher = worse)."""
    n = len(np.asarray(gold))
    return float(sum(b["n"] / n * abs(b["confidence"] - b["accuracy"]) for b in reliability_bins(probs, gold, bins)
                     if b["n"])) if n else 0.0
