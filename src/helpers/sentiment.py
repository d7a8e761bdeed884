"""Target-dependent sentiment: the stance of a sentence toward one actor, and per actor.

Not the mood of the sentence but its stance toward the target: in "Mr. Trump refused to draw a
moral distinction between Russia and Ukraine" the criticism is of Trump. Two classifiers, both
trained on NewsMTSC: ``"encoder"`` (the default), a fine-tuned MiniLM-L6 run with ONNX Runtime
(`helpers.encoder`, model card ``docs/models/encoder.md``), and ``"fast"``, the linear model over
target-aware features (`helpers.sentiment_model`), about 13 times faster (3,400 against 266 targets
per second on one core, ``docs/models/encoder.md``) and less accurate, for very large corpora.
Quoted stance counts as the article's stance toward the target (NewsMTSC's convention), but the
speaker of the quote is kept (column ``speaker``).

References: Hamborg & Donnay, "NewsMTSC: A Dataset for (Multi-)Target-dependent Sentiment
Classification in Political News Articles", EACL 2021. Forman, "Quantifying counts and costs via
classification", Data Mining and Knowledge Discovery 17, 2008 (why per-actor counts must carry the
classifier's error). Bella, Ferri, Hernández-Orallo & Ramírez-Quintana, "Quantification via
probability estimators", ICDM 2010 (the mean of calibrated probabilities).
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .errors import InputError
from .sentiment_model import LABELS, load_model
from .tables import COLUMNS
from .text import records

#: Extra columns of the mention sentiment table, after the contract columns.
MENTION_EXTRA = ["para_id", "start", "end", "via", "n_in_sentence", "p_negative", "p_neutral", "p_positive",
                 "in_quote", "speaker", "is_speaker"]
EVIDENCE_COLUMNS = ["actor", "side", "sent_id", "score", "label", "surface", "text"]
PARAGRAPH_COLUMNS = ["actor", "para_id", "mentions", "score"]
#: z for the 95 % interval.
Z95 = 1.959963984540054
#: The target-sentiment classifiers: the fine-tuned encoder (default) and the linear model.
MODELS = ("encoder", "fast")
DEFAULT_MODEL = "encoder"
#: Bootstrap replicates of the per-actor interval.
BOOTSTRAP = 1000


def check_model(model: str) -> str:
    """``model`` if it names a classifier of `MODELS`, else a one-line `InputError`."""
    if model not in MODELS:
        raise InputError("sentiment", f"{model!r} is not one of {', '.join(MODELS)}")
    return model


def _clip_span(sentence: str, start: int, end: int) -> tuple[int, int]:
    """Offsets clipped into the sentence (a degenerate span marks an empty target at ``start``)."""
    n = len(sentence)
    start = min(max(0, int(start)), n)
    end = min(max(start, int(end)), n)
    return start, end


def span_probabilities(spans: list[tuple[str, int, int]], model: str = DEFAULT_MODEL) -> np.ndarray:
    """P(negative), P(neutral), P(positive) per (sentence, start, end); shape (n, 3), rows sum to 1.

    ``model="encoder"`` runs all spans through the encoder in a few batched calls (probabilities
    temperature-calibrated on dev); ``"fast"``: the linear model, span by span.
    """
    check_model(model)
    if not spans:
        return np.zeros((0, 3))
    if model == "fast":
        m = load_model()
        return np.array([m.predict_proba(str(s), a, b) for s, a, b in spans], dtype=np.float64)
    from . import encoder

    return encoder.load().target_proba([(str(s), *_clip_span(str(s), a, b)) for s, a, b in spans])


def target_probabilities(sentence: str, start: int, end: int, model: str = DEFAULT_MODEL) -> np.ndarray:
    """P(negative), P(neutral), P(positive) of the stance toward ``sentence[start:end]`` (sums to 1)."""
    return span_probabilities([(sentence, start, end)], model)[0]


def classify_target(sentence: str, start: int, end: int, model: str = DEFAULT_MODEL) -> str:
    """Label of the stance toward ``sentence[start:end]``: negative | neutral | positive.

    ``start``/``end`` are character offsets into ``sentence`` (end exclusive); ``model``: see `MODELS`.
    >>> classify_target("Critics called Smith a liar and a fraud.", 15, 20)
    'negative'
    """
    return LABELS[int(np.argmax(target_probabilities(sentence, start, end, model)))]


def classify_targets(spans: list[tuple[str, int, int]], model: str = DEFAULT_MODEL) -> list[str]:
    """`classify_target` for many (sentence, start, end) at once (batched)."""
    return [LABELS[int(i)] for i in span_probabilities(spans, model).argmax(axis=1)]


#: Mentions of one actor in one sentence whose probabilities are averaged (each costs a pass over the
#: sentence). The most in 924 PolNeAR texts is 7; a text repeating a name hundreds of times per
#: sentence would otherwise make this stage quadratic in mention count.
MAX_SCORED_PER_SENTENCE = 16


def _quote_spans(text: str, quotes_here: list[dict]) -> list[tuple[int, int, str]]:
    """Character spans (in the sentence) of the quotes of this sentence, with their speakers."""
    spans = []
    for q in quotes_here:
        content = str(q.get("content", "") or "").strip().strip('"“”').strip()
        speaker = str(q.get("speaker", "") or "")
        if not content:
            continue
        pos = text.find(content)
        if pos >= 0:
            spans.append((pos, pos + len(content), speaker))
        elif text.strip() and text.strip().strip('"“”') in content:  # quote spans several sentences
            spans.append((0, len(text), speaker))
    return spans


def _records(df: pd.DataFrame) -> list[dict]:
    """``df.to_dict("records")`` (native Python values) without its per-row overhead."""
    names = list(df.columns)
    return [dict(zip(names, row)) for row in records(df, names)]


def _empty_mention_sentiment() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS["mention_sentiment"] + MENTION_EXTRA})


def score_mentions(sentences: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame | None = None,
                   model: str = DEFAULT_MODEL) -> pd.DataFrame:
    """Mention sentiment table: the stance of each sentence toward each actor it names.

    One row per actor per sentence: when a sentence names an actor more than once ("Mr. Trump
    … he …"), the class probabilities of those mentions are averaged (``n_in_sentence`` says how
    many), so a long sentence does not count twice. Mentions with an empty actor are skipped.

    Columns: ``actor``, ``sent_id``, ``surface`` (first mention in the sentence), ``label``
    (argmax of the averaged probabilities), ``score`` = P(positive) − P(negative) (−1 … 1, higher =
    more positive), then ``para_id``, ``start``/``end`` (of the first mention, offsets in the
    sentence), ``via``, ``n_in_sentence``, ``p_negative``/``p_neutral``/``p_positive``,
    ``in_quote`` (the first mention sits inside a quote of the quotes table), ``speaker`` (who
    said that quote, else ""), ``is_speaker`` (the actor is the speaker of a quote in this sentence).
    ``model``: the classifier (`MODELS`); all mentions of the article go to it in one batched call.
    """
    check_model(model)
    if sentences is None or mentions is None or len(sentences) == 0 or len(mentions) == 0:
        return _empty_mention_sentiment()
    m = mentions[mentions["actor"].notna() & (mentions["actor"].astype(str).str.strip() != "")]
    if m.empty:
        return _empty_mention_sentiment()
    texts = dict(zip(sentences["sent_id"], sentences["text"].astype(str)))
    paras = dict(zip(sentences["sent_id"], sentences["para_id"])) if "para_id" in sentences else {}
    quotes_by_sent: dict[int, list[dict]] = {}
    if quotes is not None and len(quotes):
        for q in _records(quotes):
            quotes_by_sent.setdefault(q["sent_id"], []).append(q)
    # (sent_id, actor) -> mentions in reading order; dicts keep first-seen order.
    groups: dict[tuple, list[dict]] = {}
    for r in _records(m.sort_values(["sent_id", "start", "end"], kind="stable")):
        if r["sent_id"] in texts:
            groups.setdefault((r["sent_id"], r["actor"]), []).append(r)
    # one name repeated hundreds of times in one sentence: the first MAX_SCORED_PER_SENTENCE count
    spans = [(texts[sid], int(r["start"]), int(r["end"])) for (sid, _), group in groups.items()
             for r in group[:MAX_SCORED_PER_SENTENCE]]
    all_probs = span_probabilities(spans, model)
    spans_cache: dict[int, list] = {}
    rows = []
    k = 0
    for (sent_id, actor), group in groups.items():
        text = texts[sent_id]
        scored = min(len(group), MAX_SCORED_PER_SENTENCE)
        probs = all_probs[k] if scored == 1 else all_probs[k:k + scored].mean(axis=0)
        k += scored
        first = group[0]
        quotes_here = quotes_by_sent.get(sent_id, [])
        if sent_id not in spans_cache:
            spans_cache[sent_id] = _quote_spans(text, quotes_here)
        start, end = int(first["start"]), int(first["end"])
        speaker = next((sp for a, b, sp in spans_cache[sent_id] if a <= start and end <= b), None)
        rows.append({
            "actor": actor,
            "sent_id": int(sent_id),
            "surface": first["surface"],
            "label": LABELS[int(np.argmax(probs))],
            "score": float(probs[2] - probs[0]),
            "para_id": int(paras.get(sent_id, 0)),
            "start": start,
            "end": end,
            "via": first.get("via", ""),
            "n_in_sentence": len(group),
            "p_negative": float(probs[0]),
            "p_neutral": float(probs[1]),
            "p_positive": float(probs[2]),
            "in_quote": speaker is not None,
            "speaker": speaker or "",
            "is_speaker": any(str(q.get("speaker", "")) == str(actor) for q in quotes_here),
        })
    if not rows:
        return _empty_mention_sentiment()
    out = pd.DataFrame(rows, columns=COLUMNS["mention_sentiment"] + MENTION_EXTRA)
    return out.sort_values(["sent_id", "start"], kind="stable").reset_index(drop=True)


def actor_interval(probs: np.ndarray, temperatures: list[float] | None = None, reps: int = BOOTSTRAP,
                   seed: int = 0, z: float = Z95) -> tuple[float, float]:
    """95 % interval of an actor's score from its mention-sentences' class probabilities ``probs`` (n, 3).

    What it covers: which sentences happened to name the actor (a bootstrap over the n
    mention-sentences), the classifier's error on each of them (each replicate draws every
    sentence's true label from its calibrated probabilities instead of taking the likeliest label),
    and the uncertainty of that calibration (each replicate rescales the probabilities with a
    temperature refitted on a bootstrap sample of the dev set, ``temperatures`` relative to the
    shipped one). A replicate's score is the share of positive minus the share of negative
    sentences. What it does not cover: a shift between NewsMTSC and the article at hand (dev
    calibration is assumed to hold), and errors of the actor finder. ``n = 0`` gives (−1, 1).
    Deterministic (``seed``).
    """
    probs = np.asarray(probs, dtype=np.float64).reshape(-1, 3)
    n = len(probs)
    if n == 0:
        return (-1.0, 1.0)
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, n, size=(reps, n))
    p = probs[pick]  # (reps, n, 3)
    if temperatures:
        ratio = np.asarray(temperatures, dtype=np.float64)[rng.integers(0, len(temperatures), size=reps)]
        logp = np.log(np.clip(p, 1e-12, None)) / ratio[:, None, None]
        logp -= logp.max(axis=-1, keepdims=True)
        p = np.exp(logp)
        p /= p.sum(axis=-1, keepdims=True)
    u = rng.random((reps, n))
    neg = u < p[..., 0]
    pos = u >= p[..., 0] + p[..., 1]
    scores = pos.mean(axis=1) - neg.mean(axis=1)
    alpha = (1 - math.erf(z / math.sqrt(2))) / 2
    lo, hi = np.quantile(scores, [alpha, 1 - alpha])
    return (float(lo), float(hi))


def _temperature_ratios(model: str) -> list[float] | None:
    """The dev-bootstrap temperatures of the encoder relative to its shipped one (None for the fast model)."""
    if model != "encoder":
        return None
    from . import encoder

    meta = encoder.load_meta()
    t0 = float(meta.get("temperature", {}).get("target", 1.0))
    boot = meta.get("temperature_bootstrap") or []
    return [float(t) / t0 for t in boot] or None


def by_actor(mention_sentiment: pd.DataFrame, model: str = DEFAULT_MODEL) -> pd.DataFrame:
    """Actor sentiment table: per actor the counts per label, a score and its 95 % interval.

    ``mentions`` counts mention-sentences (one per actor per sentence, see `score_mentions`);
    ``negative``/``neutral``/``positive`` count their labels; ``score`` is the mean of the
    per-sentence scores P(pos) − P(neg) (−1 … 1, higher = more positive; with calibrated
    probabilities an estimate of the share of positive minus negative sentences, Bella et al.
    2010); ``ci_low``/``ci_high`` bound it (`actor_interval`, 95 %: the sampling of sentences and
    the classifier's own error). ``model`` names the classifier that produced the table (the
    encoder's calibration uncertainty enters the interval). Extra column ``quoted`` counts
    mention-sentences inside a quote. Rows: most-mentioned actor first.
    """
    check_model(model)
    columns = COLUMNS["actor_sentiment"] + ["quoted"]
    if mention_sentiment is None or len(mention_sentiment) == 0:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    stats: dict[str, dict] = {}  # actor -> running counts, in first-seen order
    quoted = mention_sentiment["in_quote"] if "in_quote" in mention_sentiment else [False] * len(mention_sentiment)
    if {"p_negative", "p_neutral", "p_positive"} <= set(mention_sentiment.columns):
        probs = mention_sentiment[["p_negative", "p_neutral", "p_positive"]].to_numpy(dtype=np.float64)
    else:  # a table without probabilities: its hard labels
        probs = np.eye(3)[[LABELS.index(lab) for lab in mention_sentiment["label"]]]
    for i, (actor, label, score, in_quote) in enumerate(zip(mention_sentiment["actor"], mention_sentiment["label"],
                                                            pd.to_numeric(mention_sentiment["score"]), quoted)):
        st = stats.setdefault(actor, {"actor": actor, "mentions": 0, **{lab: 0 for lab in LABELS},
                                      "total": 0.0, "quoted": 0, "rows": []})
        st["mentions"] += 1
        st[label] += 1
        st["total"] += float(score)
        st["quoted"] += int(bool(in_quote))
        st["rows"].append(i)
    ratios = _temperature_ratios(model)
    rows = []
    for st in stats.values():
        score = st.pop("total") / st["mentions"]
        lo, hi = actor_interval(probs[st.pop("rows")], ratios)
        rows.append({**st, "score": score, "ci_low": min(lo, score), "ci_high": max(hi, score)})
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["mentions", "actor"], ascending=[False, True], kind="stable").reset_index(drop=True)


def evidence(mention_sentiment: pd.DataFrame, sentences: pd.DataFrame,
             actor_sentiment: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each actor, the most negative and the most positive sentence, so a reader can audit.

    Columns: ``actor``, ``side`` ("negative" = the sentence with the lowest score for that actor,
    "positive" = the highest), ``sent_id``, ``score`` (−1 … 1), ``label``, ``surface``, ``text``.
    An actor named in one sentence only gets one row, on the side of its sign. Actors in
    `by_actor` order (most mentioned first).
    """
    if mention_sentiment is None or len(mention_sentiment) == 0 or sentences is None or len(sentences) == 0:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in EVIDENCE_COLUMNS})
    text = dict(zip(sentences["sent_id"], sentences["text"]))
    scored = mention_sentiment.to_dict("records")
    lowest: dict[str, int] = {}
    highest: dict[str, int] = {}
    for i, r in enumerate(scored):  # first occurrence wins ties, like idxmin / idxmax
        r["score"] = float(r["score"])
        if r["actor"] not in lowest or r["score"] < scored[lowest[r["actor"]]]["score"]:
            lowest[r["actor"]] = i
        if r["actor"] not in highest or r["score"] > scored[highest[r["actor"]]]["score"]:
            highest[r["actor"]] = i
    rows = []
    if actor_sentiment is None:  # the order of `by_actor`; pass its table to avoid computing it twice
        actor_sentiment = by_actor(mention_sentiment, "fast")
    for actor in actor_sentiment["actor"]:
        lo, hi = lowest[actor], highest[actor]
        picks = [("negative", lo), ("positive", hi)] if lo != hi else [
            ("negative" if scored[lo]["score"] < 0 else "positive", lo)]
        for side, i in picks:
            r = scored[i]
            rows.append({"actor": actor, "side": side, "sent_id": int(r["sent_id"]), "score": float(r["score"]),
                         "label": r["label"], "surface": r["surface"], "text": text.get(r["sent_id"], "")})
    return pd.DataFrame(rows, columns=EVIDENCE_COLUMNS)


def main_actors(mention_sentiment: pd.DataFrame, top: int = 5) -> list[str]:
    """The ``top`` actors with most mention-sentences (ties broken by name)."""
    if mention_sentiment is None or len(mention_sentiment) == 0:
        return []
    return by_actor(mention_sentiment, "fast")["actor"].head(top).tolist()


def by_paragraph(mention_sentiment: pd.DataFrame, actors: list[str] | None = None, top: int = 5) -> pd.DataFrame:
    """Sentiment toward the main actors paragraph by paragraph.

    One row per (actor, paragraph that names the actor): ``mentions`` (mention-sentences in the
    paragraph) and ``score`` (their mean, −1 … 1, higher = more positive). ``actors`` defaults to
    the ``top`` most-mentioned. Rows in actor order, then paragraph order.
    """
    if mention_sentiment is None or len(mention_sentiment) == 0 or "para_id" not in mention_sentiment:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in PARAGRAPH_COLUMNS})
    actors = list(actors) if actors is not None else main_actors(mention_sentiment, top)
    ms = mention_sentiment[mention_sentiment["actor"].isin(actors)].copy()
    if ms.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in PARAGRAPH_COLUMNS})
    ms["score"] = pd.to_numeric(ms["score"])
    out = ms.groupby(["actor", "para_id"], sort=False).agg(mentions=("score", "size"), score=("score", "mean")).reset_index()
    out["_order"] = out["actor"].map({a: i for i, a in enumerate(actors)})
    out = out.sort_values(["_order", "para_id"], kind="stable").drop(columns="_order")
    return out[PARAGRAPH_COLUMNS].reset_index(drop=True)


def model_card() -> pd.DataFrame:
    """The shipped classifiers' dev scores beside the published NewsMTSC results.

    Ours are measured on the NewsMTSC dev sets at training time (stored with each model; the
    encoder's with a bootstrap standard error, column ``f1_macro_se``); the published ones are on
    the test sets, which this repository does not have.
    """
    from . import encoder

    rows = []
    enc_dev = encoder.load_meta().get("dev", {})
    for split in ("dev_rw", "dev_mt"):
        if split in enc_dev:
            d = enc_dev[split]
            rows.append({"system": "this package (encoder: fine-tuned MiniLM-L6, default)", "split": split.replace("_", "-"),
                         "n": d["n"], "f1_macro": d["f1_macro"], "accuracy": d["accuracy"],
                         "f1_macro_se": d.get("f1_macro_se")})
    meta = load_model().meta
    for split in ("dev_rw", "dev_mt"):
        if split in meta:
            rows.append({"system": "this package (fast: linear, target-aware features)", "split": split.replace("_", "-"),
                         "n": meta[split]["n"], "f1_macro": meta[split]["f1_macro"], "accuracy": meta[split]["accuracy"]})
    from .evaluation.published import PUBLISHED

    for task, metric, _ours, system, value, split, _ref in PUBLISHED:
        if task == "newsmtsc" and metric == "f1_macro":
            rows.append({"system": system, "split": split, "n": None, "f1_macro": value, "accuracy": None})
    return pd.DataFrame(rows, columns=["system", "split", "n", "f1_macro", "accuracy", "f1_macro_se"])
