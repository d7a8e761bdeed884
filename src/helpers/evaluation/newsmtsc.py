"""NewsMTSC: target-dependent sentiment in political news (Hamborg & Donnay, EACL 2021).

``evaluate(path)`` runs `helpers.sentiment.classify_target` on every row of a NewsMTSC ``.jsonl``
file (sentence, from, to, mention, polarity −1/0/1) and returns the contract metrics
``{"task": "newsmtsc", "n", "f1_macro", "accuracy"}`` and a table with one row per gold class:
precision, recall, F1, support, then the confusion counts (``pred_negative`` … ``pred_positive``).

References: Hamborg & Donnay, "NewsMTSC: A Dataset for (Multi-)Target-dependent Sentiment
Classification in Political News Articles", EACL 2021.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..sentiment_model import LABELS, POLARITY_TO_LABEL


def read(path) -> list[dict]:
    """Rows of the file; one-line `InputError` on a missing file or a malformed row."""
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "no such file (NewsMTSC .jsonl expected)")
    rows = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                rows.append({"sentence": str(row["sentence"]), "from": int(row["from"]), "to": int(row["to"]),
                             "polarity": int(row["polarity"])})
            except (ValueError, KeyError, TypeError) as err:
                raise InputError(str(path), f"line {lineno}: not a NewsMTSC row ({type(err).__name__}: {err})") from None
            if row["polarity"] not in POLARITY_TO_LABEL:
                raise InputError(str(path), f"line {lineno}: polarity {row['polarity']!r} not in -1/0/1")
    return rows


def metrics_table(gold: list[str], pred: list[str]) -> tuple[dict, pd.DataFrame]:
    """Macro-F1, accuracy and the per-class table for two label lists."""
    rows, f1s = [], []
    n = len(gold)
    for lab in LABELS:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        n_pred = sum(p == lab for p in pred)
        n_gold = sum(g == lab for g in gold)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        row = {"label": lab, "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
               "support": n_gold}
        for other in LABELS:
            row[f"pred_{other}"] = sum(g == lab and p == other for g, p in zip(gold, pred))
        rows.append(row)
    accuracy = sum(g == p for g, p in zip(gold, pred)) / n if n else 0.0
    metrics = {"task": "newsmtsc", "n": n, "f1_macro": round(sum(f1s) / len(f1s), 4) if n else 0.0,
               "accuracy": round(accuracy, 4)}
    return metrics, pd.DataFrame(rows)


def label_bootstrap_se(gold: list, pred: list, labels, reps: int = 1000, seed: int = 0) -> float:
    """`metrics.bootstrap_se` for label lists (``labels`` gives the class order)."""
    from ..metrics import bootstrap_se

    index = {lab: i for i, lab in enumerate(labels)}
    return bootstrap_se([index[x] for x in gold], [index[x] for x in pred], len(labels), reps, seed)


def evaluate(path, sentiment: str = "encoder") -> tuple[dict, pd.DataFrame]:
    """Score `classify_targets` on a NewsMTSC file: ``({"task","n","f1_macro","accuracy", …}, table)``.

    ``sentiment``: the classifier (``"encoder"``, default, or ``"fast"``). Extra metrics: ``model``
    and ``f1_macro_se`` (bootstrap standard error over rows).
    """
    from ..sentiment import classify_targets

    rows = read(path)
    gold = [POLARITY_TO_LABEL[r["polarity"]] for r in rows]
    pred = classify_targets([(r["sentence"], r["from"], r["to"]) for r in rows], sentiment)
    metrics, table = metrics_table(gold, pred)
    metrics["model"] = sentiment
    metrics["f1_macro_se"] = round(label_bootstrap_se(gold, pred, LABELS), 4) if gold else 0.0
    return metrics, table


def reliability(paths, sentiment: str = "encoder", bins: int = 10) -> pd.DataFrame:
    """Reliability table of the classifier's top-class probability on NewsMTSC files (Guo et al. 2017).

    One row per equal-width confidence bin (0–1): ``bin_low``/``bin_high``, ``n`` targets,
    ``confidence`` (mean top-class probability) and ``accuracy`` (share correct). A calibrated
    classifier has accuracy ≈ confidence in every bin. The encoder's probabilities are
    temperature-scaled on these same dev files, so this shows the fit, not a held-out check.
    """
    import numpy as np

    from ..metrics import reliability_bins
    from ..sentiment import span_probabilities

    rows = [r for p in ([paths] if isinstance(paths, (str, Path)) else paths) for r in read(p)]
    probs = span_probabilities([(r["sentence"], r["from"], r["to"]) for r in rows], sentiment)
    gold = np.array([LABELS.index(POLARITY_TO_LABEL[r["polarity"]]) for r in rows])
    out = [{**b, "bin_low": round(b["bin_low"], 2), "bin_high": round(b["bin_high"], 2)}
           for b in reliability_bins(probs, gold, bins)]
    return pd.DataFrame(out)


def reliability_figure(table: pd.DataFrame):
    """Reliability diagram of a `reliability` table: accuracy against confidence per bin, the diagonal = calibrated."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4.5, 4.5))
    t = table[table["n"] > 0]
    ax.plot([0, 1], [0, 1], color="0.6", linestyle="--", linewidth=1, label="calibrated")
    ax.plot(t["confidence"], t["accuracy"], marker="o", label="encoder (dev)")
    for _, r in t.iterrows():
        ax.annotate(str(int(r["n"])), (r["confidence"], r["accuracy"]), textcoords="offset points", xytext=(4, -10),
                    fontsize=7, color="0.4")
    ax.set_xlabel("top-class probability (mean in bin)")
    ax.set_ylabel("share correct")
    ax.set_xlim(0.3, 1.0)
    ax.set_ylim(0.0, 1.0)
    ax.legend(loc="upper left", frameon=False)
    ax.set_title("Reliability: NewsMTSC dev-rw + dev-mt (n per bin)")
    fig.tight_layout()
    return fig
