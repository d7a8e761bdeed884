"""Sentiment figures (3x): per-actor scores with intervals, and sentiment through the article."""
from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
import numpy as np
import pandas as pd

from . import COLORS, figure
from .. import sentiment

#: At most this many actors in the per-actor chart (the most mentioned).
MAX_ACTORS = 15


def actor_chart_data(analysis, max_actors: int = MAX_ACTORS) -> pd.DataFrame:
    """Rows of the per-actor chart: the most-mentioned actors, ordered by score (lowest first)."""
    table = analysis.tables.get("actor_sentiment")
    if table is None or len(table) == 0:
        return pd.DataFrame(columns=["actor", "mentions", "score", "ci_low", "ci_high"])
    data = table.head(max_actors)[["actor", "mentions", "negative", "neutral", "positive", "score", "ci_low", "ci_high"]]
    data = data.astype({"score": float, "ci_low": float, "ci_high": float})
    return data.sort_values(["score", "actor"], kind="stable").reset_index(drop=True)


@figure("31", "actor-sentiment")
def actor_sentiment(analysis):
    """Diverging bars: score per actor (−1 … 1) with its 95 % interval, ordered by score."""
    data = actor_chart_data(analysis)
    if data.empty:
        return None
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(data) + 1.6))
    y = np.arange(len(data))
    colors = [COLORS["negative"] if s < 0 else COLORS["positive"] for s in data["score"]]
    ax.barh(y, data["score"], color=colors, height=0.6)
    ax.errorbar(data["score"], y, xerr=[data["score"] - data["ci_low"], data["ci_high"] - data["score"]],
                fmt="none", ecolor="#333333", elinewidth=1, capsize=3)
    ax.set_yticks(y, [f"{a} (n={n})" for a, n in zip(data["actor"], data["mentions"])])
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("stance toward the actor: P(positive) − P(negative), mean over sentences (−1 … 1)")
    ax.set_title("How the article treats each actor (bars: mean score; lines: 95% interval)")
    ax.grid(axis="y", visible=False)
    return fig, data


@figure("32", "sentiment-through-article")
def sentiment_through_article(analysis, top: int = 4):
    """Lines: sentiment toward the main actors, paragraph by paragraph."""
    ms = analysis.tables.get("mention_sentiment")
    data = sentiment.by_paragraph(ms, top=top)
    if data.empty:
        return None
    n_para = len(analysis.article.paragraphs) if getattr(analysis, "article", None) is not None else 0
    fig, ax = plt.subplots()
    palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
    for i, (actor, g) in enumerate(data.groupby("actor", sort=False)):
        ax.plot(g["para_id"] + 1, g["score"].astype(float), marker="o", label=actor, color=palette[i % len(palette)])
    ax.axhline(0, color="#333333", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(0.5, max(n_para, int(data["para_id"].max()) + 1) + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("paragraph (reading order; lines join the paragraphs that name the actor)")
    ax.set_ylabel("stance score (−1 negative … 1 positive)")
    ax.set_title("Sentiment toward the main actors, paragraph by paragraph")
    ax.legend(loc="best", fontsize=8, frameon=False)
    return fig, data
