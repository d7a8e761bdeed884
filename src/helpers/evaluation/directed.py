"""Who blames whom, checked against Park, Pan & Joo (2021): ``python -m helpers evaluate directed FILE --json``.

``FILE``: tab-separated lines ``sentence with both entities in [brackets]``, entity 1, entity 2,
label 0–4 (0 neutral, 1 positive 1→2, 2 positive 2→1, 3 negative 1→2, 4 negative 2→1). Brackets
that close one character early ("[Democrat]s") are repaired by `helpers.directed.parse_bracketed`.
Each pair is labelled with `helpers.directed.classify_pair`.

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


def evaluate(path, sentiment: str = "encoder") -> tuple[dict, pd.DataFrame]:
    """Macro and micro F1 on a Park et al. file; see the module doc.

    ``sentiment="encoder"`` (default): the encoder's directed head, plus the edge precision/recall
    at the shipped threshold (``edge_*``: a non-neutral direction kept when its probability reaches
    the threshold, counted correct when it is the gold label); ``"fast"``: the linear model
    `directed.classify_pair`. ``f1_macro_se``: bootstrap standard error over pairs.
    """
    from sklearn.metrics import f1_score, precision_recall_fscore_support

    path = Path(path)
    if not path.is_file():
        raise InputError(str(path), "expected a Park et al. .txt file (sentence, entity 1, entity 2, label)")
    pairs = directed.read_file(path)
    if not pairs:
        raise InputError(str(path), "no line with two [bracketed] entities and a label 0-4")
    gold = [p.label for p in pairs]
    edges = {}
    if sentiment == "encoder":
        from .. import encoder

        model = encoder.load()
        probs = model.pair_proba([(p.sentence, p.e1, p.e2) for p in pairs])
        pred = [int(i) for i in probs.argmax(axis=1)]
        threshold = float(model.meta.get("edges", {}).get("threshold", 0.5))
        best = probs[:, 1:].argmax(axis=1) + 1
        keep = probs[range(len(best)), best] >= threshold
        tp = int(sum(k and b == g for k, b, g in zip(keep, best, gold)))
        n_pred, n_gold = int(keep.sum()), sum(g != 0 for g in gold)
        edges = {"edge_threshold": threshold, "edge_precision": round(tp / n_pred, 4) if n_pred else 0.0,
                 "edge_recall": round(tp / n_gold, 4) if n_gold else 0.0}
    elif sentiment == "fast":
        pred = directed.predict(directed.model(), pairs)
    else:
        raise InputError("sentiment", f"{sentiment!r} is not one of encoder, fast")
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
