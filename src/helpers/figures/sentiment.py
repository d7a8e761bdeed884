"""Sentiment figures (3x): per-actor scores with intervals, and sentiment through the article.

Honest display: an actor is coloured negative or positive only when its whole 95 % interval lies
on that side of zero (grey otherwise: not distinguishable from neutral); actors named fewer than
`MIN_MENTIONS` times are left out of the per-actor chart (and listed under it); paragraphs are
numbered from 1, and only paragraphs that name the actor are drawn.
"""
from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator
import numpy as np
import pandas as pd

from . import COLORS, figure, stamp
from .. import sentiment

#: At most this many actors in the per-actor chart (the most mentioned).
MAX_ACTORS = 15
#: Actors named fewer times than this are not scored in the chart: with one or two sentences the
#: 95 % interval spans most of −1 … 1, so a bar would suggest a stance the article does not show.
MIN_MENTIONS = 3

CHART_COLUMNS = ["actor", "mentions", "negative", "neutral", "positive", "score", "ci_low", "ci_high", "stance",
                 "plotted"]


def stance(score: float, ci_low: float, ci_high: float) -> str:
    """``negative`` / ``positive`` when the 95 % interval excludes 0 on that side, else ``neutral``."""
    if ci_high < 0:
        return "negative"
    if ci_low > 0:
        return "positive"
    return "neutral"


def actor_chart_data(analysis, max_actors: int = MAX_ACTORS, min_mentions: int = MIN_MENTIONS) -> pd.DataFrame:
    """Rows of the per-actor chart: the most-mentioned actors, ordered by score (lowest first).

    ``stance``: negative / positive when the 95 % interval lies wholly on that side of 0, else
    neutral. ``plotted``: False for actors with fewer than ``min_mentions`` mentions (left out).
    """
    table = analysis.tables.get("actor_sentiment")
    if table is None or len(table) == 0:
        return pd.DataFrame(columns=CHART_COLUMNS)
    data = table.head(max_actors)[CHART_COLUMNS[:8]].copy()
    data = data.astype({"score": float, "ci_low": float, "ci_high": float, "mentions": int})
    data["stance"] = [stance(*r) for r in data[["score", "ci_low", "ci_high"]].itertuples(index=False)]
    data["plotted"] = data["mentions"] >= min_mentions
    return data.sort_values(["score", "actor"], kind="stable").reset_index(drop=True)


def verdict(analysis, min_mentions: int = MIN_MENTIONS) -> str:
    """One plain sentence on the per-actor chart: which actors differ from neutral, if any."""
    data = actor_chart_data(analysis, min_mentions=min_mentions)
    shown = data[data["plotted"]]
    if data.empty:
        return "No actor is named, so there is no stance to measure."
    if shown.empty:
        return (f"No actor is named {min_mentions} times or more: too few sentences to say how the article "
                "treats anyone.")
    clear = shown[shown["stance"] != "neutral"]
    if clear.empty:
        return (f"No actor is treated clearly differently from neutral: every actor's 95 % interval includes 0 "
                f"(actors named at least {min_mentions} times).")
    parts = [f"{r.actor} ({r.stance}, {r.score:+.2f})" for r in clear.itertuples()]
    return (f"Clearly different from neutral (the whole 95 % interval on one side of 0): {', '.join(parts)}. "
            f"Every other actor named at least {min_mentions} times is indistinguishable from neutral.")


@figure("31", "actor-sentiment")
def actor_sentiment(analysis):
    """Diverging bars: score per actor (−1 … 1) with its 95 % interval, ordered by score.

    Grey bars: the interval includes 0 (not distinguishable from neutral). Actors named fewer
    than `MIN_MENTIONS` times are listed under the chart, not drawn.
    """
    data = actor_chart_data(analysis)
    shown = data[data["plotted"]].reset_index(drop=True)
    if shown.empty:
        return None
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(shown) + 1.8))
    y = np.arange(len(shown))
    colors = [COLORS[s] for s in shown["stance"]]
    ax.barh(y, shown["score"], color=colors, height=0.6)
    ax.errorbar(shown["score"], y, xerr=[shown["score"] - shown["ci_low"], shown["ci_high"] - shown["score"]],
                fmt="none", ecolor="#333333", elinewidth=1, capsize=3)
    ax.set_yticks(y, [f"{a} (n={n})" for a, n in zip(shown["actor"], shown["mentions"])])
    ax.axvline(0, color="#333333", linewidth=0.8)
    ax.set_xlim(-1.05, 1.05)
    ax.set_xlabel("stance toward the actor: P(positive) − P(negative), mean over sentences (−1 … 1)\n"
                  "n = sentences naming the actor")
    clear = (shown["stance"] != "neutral").any()
    ax.set_title("How the article treats each actor (bars: mean score; lines: 95% interval)" if clear else
                 "No actor is treated clearly differently from neutral (every 95% interval includes 0)")
    ax.grid(axis="y", visible=False)
    note = "grey: the 95% interval includes 0 (not distinguishable from neutral)"
    left_out = data.loc[~data["plotted"], "actor"].tolist()
    if left_out:
        names = ", ".join(left_out[:6]) + (f" and {len(left_out) - 6} more" if len(left_out) > 6 else "")
        note += f"\nnamed fewer than {MIN_MENTIONS} times, not drawn: {names}"
    stamp(fig, note, color="#333333")  # under the axis label, whatever the number of bars
    return fig, data


@figure("32", "sentiment-through-article")
def sentiment_through_article(analysis, top: int = 4):
    """Dots: sentiment toward the main actors in each paragraph that names them (paragraphs from 1).

    Lines join only neighbouring paragraphs that both name the actor: a gap is a paragraph that
    does not, and nothing is drawn across it.
    """
    ms = analysis.tables.get("mention_sentiment")
    data = sentiment.by_paragraph(ms, top=top)
    if data.empty:
        return None
    data = data.copy()
    data.insert(1, "paragraph", data["para_id"].astype(int) + 1)
    data = data.drop(columns="para_id")
    data["score"] = data["score"].astype(float)
    n_para = len(analysis.article.paragraphs) if getattr(analysis, "article", None) is not None else 0
    fig, ax = plt.subplots()
    palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9"]
    for i, (actor, g) in enumerate(data.groupby("actor", sort=False)):
        color = palette[i % len(palette)]
        ax.plot(g["paragraph"], g["score"], marker="o", linestyle="none", color=color, label=actor)
        run = (g["paragraph"].diff() != 1).cumsum()
        for _, part in g.groupby(run):
            if len(part) > 1:
                ax.plot(part["paragraph"], part["score"], color=color, linewidth=1.2)
    ax.axhline(0, color="#333333", linewidth=0.8)
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlim(0.5, max(n_para, int(data["paragraph"].max())) + 0.5)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("paragraph, in reading order (1 = first); lines join neighbouring paragraphs only")
    ax.set_ylabel("stance score (−1 negative … 1 positive)")
    ax.set_title("Sentiment toward the main actors, in the paragraphs that name them")
    ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False)
    return fig, data
