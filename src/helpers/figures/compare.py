"""Corpus comparison figures (order 6x): the same actors across outlets, blame across articles.

Unlike the per-article figures, these take a CORPUS (the dict of tables returned by
`helpers.corpus.load_corpus` or `helpers.batch.analyze_corpus`), not an `Analysis`, so they are
not in the ``@figure`` registry that `export_all` draws for one article. Use `show` in notebooks
and `export_all` here to save them, each as PNG + SVG + the plotted data as CSV.
"""
from __future__ import annotations

import math
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .. import corpus as corpus_tables
from . import COLORS, STYLE, display_figure, save_figure, stamp

def _short(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


BIAS_ORDER = ["left", "left-center", "center", "right-center", "right", "questionable"]


def _group_order(values: pd.Series) -> list:
    present = list(dict.fromkeys(values.astype(str)))
    known = [b for b in BIAS_ORDER if b in present]
    return known + sorted(v for v in present if v not in known) if known else sorted(present)


def sentiment_by_group(corpus: dict, by: str = "outlet", actors: list[str] | None = None, top: int = 6,
                       min_mentions: int = 3):
    """Dot-and-interval panels: sentiment toward each of the ``top`` actors, per group.

    x: pooled score, −1 (every mention negative) … +1 (every mention positive), with the 95%
    interval of `corpus.pooled_sentiment` (clustered by article). One panel per actor (those in
    the most articles, or ``actors``); groups with fewer than ``min_mentions`` mentions are left
    out. Returns ``(fig, data)`` or None when nothing qualifies.
    """
    ms = corpus.get("mention_sentiment")
    if ms is None or ms.empty or by not in ms.columns:
        return None
    actors = actors or corpus_tables.top_actors(corpus.get("article_actors"), n=top)
    table = corpus_tables.sentiment_by_group(ms[ms["actor"].isin(actors)], by=[by, "actor"], min_mentions=min_mentions)
    if table.empty:
        return None
    actors = [a for a in actors if a in set(table["actor"])]
    order = _group_order(table[by])
    ncols = min(3, len(actors))
    nrows = math.ceil(len(actors) / ncols)
    height = max(2.2, 0.28 * len(order) + 1.2)
    fig, axes = plt.subplots(nrows, ncols, figsize=(3.6 * ncols + 1.5, height * nrows), sharex=True, sharey=True,
                             squeeze=False)
    ypos = {g: i for i, g in enumerate(order)}
    for ax, actor in zip(axes.flat, actors):
        part = table[table["actor"] == actor]
        y = part[by].astype(str).map(ypos)
        color = np.where(part["score"] < 0, COLORS["negative"], np.where(part["score"] > 0, COLORS["positive"], COLORS["neutral"]))
        ax.errorbar(part["score"], y, xerr=[part["score"] - part["ci_low"], part["ci_high"] - part["score"]],
                    fmt="none", ecolor="#555555", elinewidth=1, capsize=2)
        ax.scatter(part["score"], y, c=color, s=18 + 4 * np.sqrt(part["mentions"]), zorder=3)
        ax.axvline(0, color="#333333", lw=0.8)
        ax.set_title(actor, fontsize=10, loc="left")
        ax.set_xlim(-1.05, 1.05)
    for ax in axes.flat[len(actors):]:
        ax.set_visible(False)
    axes[0, 0].set_yticks(range(len(order)), order)
    axes[0, 0].invert_yaxis()
    for ax in axes[-1]:
        ax.set_xlabel("sentiment (−1 negative … +1 positive)")
    fig.suptitle(f"How each actor is treated, by {by}: pooled mention sentiment with 95% interval "
                 f"(≥ {min_mentions} mentions)", x=0.01, ha="left", fontsize=11, fontweight="bold")
    fig.tight_layout(rect=(0, 0, 1, 1 - 0.45 / fig.get_figheight()))
    return fig, table


def blame_across_corpus(corpus: dict, top: int = 15):
    """Horizontal bars: the ``top`` most frequent "source → target" edges, coloured by relation.

    Bar length = number of edges in the corpus (negated edges left out; the label says in how many
    articles). Returns ``(fig, data)`` or None when the corpus has no edge.
    """
    edges = corpus_tables.blame_edges(corpus.get("blame"), include_negated=False)
    if edges.empty:
        return None
    data = edges.head(top).reset_index(drop=True)
    labels = [_short(f"{s} → {t}") for s, t in zip(data["source"], data["target"])]
    fig, ax = plt.subplots(figsize=(8, 0.32 * len(data) + 1.4))
    colors = [COLORS.get(r, COLORS["neutral"]) for r in data["relation"]]
    ax.barh(range(len(data)), data["count"], color=colors)
    for i, (n, k) in enumerate(zip(data["count"], data["articles"])):
        ax.text(n, i, f" {k} article{'s' if k != 1 else ''}", va="center", fontsize=8)
    ax.set_yticks(range(len(data)), labels)
    ax.invert_yaxis()
    ax.set_xlabel("edges in the corpus (count)")
    handles = [plt.Rectangle((0, 0), 1, 1, color=COLORS.get(r, COLORS["neutral"])) for r in dict.fromkeys(data["relation"])]
    ax.legend(handles, list(dict.fromkeys(data["relation"])), loc="lower right", frameon=False, fontsize=8)
    ax.set_title("Who blames, criticises or praises whom across the corpus (most frequent edges)")
    return fig, data


def readability_by_group(corpus: dict, by: str = "outlet", metric: str = "flesch_kincaid_grade"):
    """Dot-and-interval: mean ``metric`` per group with a 95% t-interval, sorted by the mean.

    For grade-level metrics higher = harder to read; for ``flesch_reading_ease`` higher =
    easier. The label gives the number of articles (no interval when there is only one).
    Returns ``(fig, data)`` or None when the metric is absent.
    """
    articles = corpus.get("articles")
    if articles is None or articles.empty or by not in articles.columns:
        return None
    if metric not in articles.columns:
        metrics = corpus_tables.readability_columns(articles)
        if not metrics:
            return None
        metric = metrics[0]
    table = corpus_tables.readability_by_group(articles, metrics=[metric], by=by)
    if table.empty:
        return None
    table = table.sort_values("mean", kind="mergesort").reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(8, 0.3 * len(table) + 1.4))
    y = np.arange(len(table))
    lo = (table["mean"] - table["ci_low"]).fillna(0)
    hi = (table["ci_high"] - table["mean"]).fillna(0)
    ax.errorbar(table["mean"], y, xerr=[lo, hi], fmt="o", color=COLORS["positive"], ecolor="#555555", capsize=2)
    ax.set_yticks(y, [f"{g} (n={n})" for g, n in zip(table[by], table["articles"])])
    direction = "higher = easier" if "ease" in metric else "higher = harder"
    ax.set_xlabel(f"{metric} ({direction}); mean with 95% interval")
    ax.set_title(f"Readability by {by}: {metric.replace('_', ' ')}")
    return fig, table


#: Stem → (function, keyword arguments). Stems follow the ``<order>-<name>`` convention.
FIGURES = {
    "61-sentiment-by-outlet": (sentiment_by_group, {"by": "outlet", "top": 3}),
    "62-sentiment-by-bias": (sentiment_by_group, {"by": "bias"}),
    "63-blame-across-corpus": (blame_across_corpus, {}),
    "64-readability-by-outlet": (readability_by_group, {"by": "outlet"}),
    "65-readability-by-bias": (readability_by_group, {"by": "bias"}),
}


def make(stem: str, corpus: dict, **kwargs):
    """Draw one comparison figure: ``(fig, data)`` or None (keyword arguments override the defaults)."""
    func, defaults = FIGURES[stem]
    with plt.rc_context(STYLE):
        result = func(corpus, **{**defaults, **kwargs})
        if result is not None:
            stamp(result[0], corpus_line(corpus))
        return result


def corpus_line(corpus: dict) -> str:
    """``Corpus: N articles from M outlets`` for the foot of a comparison figure."""
    articles = corpus.get("articles")
    if articles is None or len(articles) == 0:
        return ""
    outlets = articles["outlet"].nunique() if "outlet" in articles.columns else 0
    return f"Corpus: {len(articles)} articles" + (f" from {outlets} outlets" if outlets else "")


def show(stem: str, corpus: dict, out_dir=None, **kwargs) -> None:
    """Notebook helper: draw, display once (as PNG), save under ``out_dir`` if given."""
    result = make(stem, corpus, **kwargs)
    if result is None:
        print(f"{stem}: nothing to plot for this corpus")
        return
    display_figure(*result, stem, out_dir)


def export_all(corpus: dict, out_dir) -> list[Path]:
    """Save every comparison figure that has data into ``out_dir``; returns the PNG paths."""
    written = []
    for stem in FIGURES:
        result = make(stem, corpus)
        if result is not None:
            written.append(save_figure(result[0], stem, result[1], out_dir)["png"])
    return written
