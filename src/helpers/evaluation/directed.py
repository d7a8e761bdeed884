"""Who blames whom, checked against Park, Pan & Joo (2021): ``python -m helpers evaluate directed FILE --json``.

``FILE``: tab-separated lines ``sentence with both entities in [brackets]``, entity 1, entity 2,
label 0–4 (0 neutral, 1 positive 1→2, 2 positive 2→1, 3 negative 1→2, 4 negative 2→1). Brackets
that close one character early ("[Democrat]s") are repaired by `helpers.directed.parse_bracketed`.
Each pair is labelled by the encoder's directed head (default), the linear model
(``--sentiment fast``, `helpers.directed.classify_pair`) or their ensemble (``--sentiment ensemble``,
the default maker of blame edges); ``--json`` adds the edge precision / recall of every model.

Metrics: ``n`` pairs, ``f1_macro`` (mean F1 over the five labels), ``f1_micro`` (= accuracy for
single-label data). The table gives precision, recall, F1 and support per label.
Published test macro-F1: 0.662–0.677 (Park et al. 2021), 0.725 (best later RoBERTa result).
References: Park, Pan & Joo (2021), "Who Blames or Endorses Whom? Entity-to-Entity Directed
Sentiment Extraction in News Text", Findings of ACL 2021.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import directed
from ..errors import InputError
from .newsmtsc import bootstrap_se


def _edge_scores(probs, gold, threshold: float) -> dict:
    """Edge precision / recall at ``threshold``: a non-neutral direction kept when its probability reaches it."""
    import numpy as np

    gold = np.asarray(gold)
    best = probs[:, 1:].argmax(axis=1) + 1
    keep = probs[np.arange(len(best)), best] >= threshold
    tp = int((keep & (best == gold)).sum())
    n_pred, n_gold = int(keep.sum()), int((gold != 0).sum())
    return {"edge_threshold": threshold, "edge_precision": round(tp / n_pred, 4) if n_pred else 0.0,
            "edge_recall": round(tp / n_gold, 4) if n_gold else 0.0}


def evaluate(path, sentiment: str = "encoder") -> tuple[dict, pd.DataFrame]:
    """Macro and micro F1 on a Park et al. file; see the module doc.

    ``sentiment``: which directed model labels the pairs: ``"encoder"`` (default; the encoder's
    directed head), ``"fast"`` (the linear model `directed.classify_pair`) or ``"ensemble"`` (the
    mean of the two calibrated probability vectors, the default maker of blame edges,
    `directed.EDGE_MODEL`). ``edge_*``: that model's edge precision / recall at its shipped
    threshold (`directed.edge_threshold`; correct = the gold label). ``edge_models``: the same for
    every edge model that this run computed (all three unless ``"fast"``). ``f1_macro_se``:
    bootstrap standard error over pairs.
    """
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    if sentiment not in ("encoder", "fast", "ensemble"):
        raise InputError("sentiment", f"{sentiment!r} is not one of encoder, fast, ensemble")
    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "expected a Park et al. .txt file (sentence, entity 1, entity 2, label)")
    pairs = directed.read_file(path)
    if not pairs:
        raise InputError(str(path), "no line with two [bracketed] entities and a label 0-4")
    gold = [p.label for p in pairs]
    items = [(p.sentence, p.e1, p.e2) for p in pairs]
    probs = {"linear": directed.edge_probabilities(items, "linear")}
    if sentiment != "fast":
        probs["encoder"] = directed.edge_probabilities(items, "encoder")
        probs["ensemble"] = (probs["linear"] + probs["encoder"]) / 2
    edge_models = {name: _edge_scores(p, gold, directed.edge_threshold(name)) for name, p in probs.items()}
    own = {"fast": "linear"}.get(sentiment, sentiment)
    if sentiment == "fast":
        pred = directed.predict(directed.model(), pairs)
    else:
        pred = [int(i) for i in probs[own].argmax(axis=1)]
    edges = {**edge_models[own], "edge_models": edge_models}
    labels = sorted(directed.LABELS)
    p, r, f, s = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    table = pd.DataFrame({
        "label": labels, "meaning": [directed.LABELS[i] for i in labels],
        "precision": p.round(3), "recall": r.round(3), "f1": f.round(3), "support": s,
        "predicted": [pred.count(i) for i in labels],
    })
    metrics = {
        "task": "directed", "n": len(pairs),
        "f1_macro": round(float(f1_score(gold, pred, labels=labels, average="macro", zero_division=0)), 4),
        "f1_micro": round(float(f1_score(gold, pred, labels=labels, average="micro", zero_division=0)), 4),
        "model": sentiment,
        "f1_macro_se": round(bootstrap_se(gold, pred, labels), 4),
        **edges,
    }
    return metrics, table
