"""Our scores are set beside the published ones for the same task, metric and split."""
from __future__ import annotations

import pandas as pd

from helpers.evaluation import published


def test_flatten_keeps_scores_and_drops_counts():
    metrics = {"task": "frames", "n": 132, "threshold": 0.4, "agreement": {"CO": {"f1": 0.35, "kappa": 0.12}},
               "villain_blamed_share": 0.076, "villains": 237}
    assert published.flatten(metrics) == {"agreement.CO.f1": 0.35, "agreement.CO.kappa": 0.12,
                                          "villain_blamed_share": 0.076}


def test_beside_published_matches_the_comparable_split():
    scores = pd.DataFrame([("newsmtsc", "NewsMTSC dev-rw", 343, "f1_macro", 0.67),
                           ("newsmtsc", "NewsMTSC dev-mt", 442, "f1_macro", 0.65)],
                          columns=["task", "dataset", "n", "metric", "value"])
    table = published.beside_published(scores)
    gru = table[(table.system == "RoBERTa GRU-TSC")].set_index("split")
    assert gru.loc["test-rw", "ours"] == 0.67 and gru.loc["test-rw", "published"] == 0.831
    assert gru.loc["test-mt", "ours"] == 0.65 and gru.loc["test-mt", "published"] == 0.825
    assert table.loc[table.task == "directed", "ours"].isna().all()  # not measured in this frame
