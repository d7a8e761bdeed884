"""The shared scores: macro-F1, its bootstrap SE, directed edge P/R/F1, calibration bins (hand-computed cases)."""
from __future__ import annotations

import numpy as np
import pytest

from helpers import metrics


def test_macro_f1_counts_a_class_never_predicted_as_zero():
    # class 0: F1 1; class 1: never predicted, F1 0; class 2: tp 2, 3 predicted, 2 gold, F1 0.8
    assert metrics.macro_f1([0, 1, 2, 2], [0, 2, 2, 2], 3) == pytest.approx(0.6)
    assert metrics.macro_f1([0, 1], [0, 1], 3) == pytest.approx(2 / 3)  # class 2 absent everywhere


def test_bootstrap_se_shrinks_with_more_items_and_is_zero_for_perfect_predictions():
    rng = np.random.default_rng(1)
    gold = rng.integers(0, 3, 400)
    pred = np.where(rng.random(400) < 0.7, gold, rng.integers(0, 3, 400))
    small, large = metrics.bootstrap_se(gold[:50], pred[:50], 3), metrics.bootstrap_se(gold, pred, 3)
    assert 0 < large < small < 0.2 and small / large == pytest.approx(np.sqrt(8), rel=0.4)
    assert metrics.bootstrap_se(gold, gold, 3) == 0.0
    assert metrics.bootstrap_se(gold, pred, 3, reps=1) == 0.0


def test_edge_counts_keep_the_likeliest_direction_at_the_threshold():
    probs = np.array([[0.1, 0.0, 0.0, 0.9, 0.0],    # negative 1->2 at 0.9: kept, right
                      [0.5, 0.0, 0.0, 0.0, 0.5],    # negative 2->1 at 0.5: kept at 0.5, wrong (gold 3)
                      [0.7, 0.3, 0.0, 0.0, 0.0],    # positive 1->2 at 0.3: dropped (gold 1)
                      [0.0, 0.0, 0.6, 0.4, 0.0]])   # positive 2->1 at 0.6: kept, gold neutral
    gold = [3, 3, 1, 0]
    assert metrics.edge_counts(probs, gold, 0.5) == (1, 3, 3)
    assert metrics.edge_counts(probs, gold, 0.95) == (0, 0, 3)
    assert metrics.prf(1, 3, 3) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert metrics.prf(0, 0, 3) == (0.0, 0.0, 0.0)


def test_reliability_bins_and_ece():
    probs = np.array([[0.95, 0.05], [0.95, 0.05], [0.6, 0.4], [0.6, 0.4]])
    gold = [0, 0, 0, 1]  # 0.95 bin: all right (gap 0.05); 0.6 bin: half right (gap 0.1)
    bins = metrics.reliability_bins(probs, gold, bins=10)
    filled = [b for b in bins if b["n"]]
    assert [(round(b["bin_low"], 1), b["n"], b["accuracy"]) for b in filled] == [(0.5, 2, 0.5), (0.9, 2, 1.0)]
    assert sum(b["n"] for b in bins) == 4 and len(bins) == 10
    assert metrics.ece(probs, gold) == pytest.approx(0.5 * 0.05 + 0.5 * 0.1)
    assert metrics.ece(np.zeros((0, 2)), []) == 0.0
