"""Readability figures (5x): grade per paragraph, sentence lengths, the metrics against their ranges."""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from . import COLORS, figure
from .. import readability

#: Band colours from easiest to hardest (light, so the value marker stays readable).
BAND_COLORS = ["#d9efe6", "#e8f2d0", "#fbf0c9", "#fadcc0", "#f4c4b8", "#eab0b0"]


def _metric_values(analysis) -> dict[str, float]:
    table = analysis.tables.get("readability")
    if table is None or len(table) == 0:
        return {}
    return {m: float(v) for m, v in zip(table["metric"], pd.to_numeric(table["value"], errors="coerce"))}


def paragraph_chart_data(analysis) -> pd.DataFrame:
    """Rows of figure 51: paragraph (1-based, reading order), words, sentences, flesch_kincaid_grade,
    article_flesch_kincaid_grade, above_article (bool)."""
    per_para = analysis.tables.get("readability_paragraphs")
    cols = ["paragraph", "words", "sentences", "flesch_kincaid_grade", "article_flesch_kincaid_grade",
            "above_article"]
    if per_para is None or len(per_para) == 0 or per_para["flesch_kincaid_grade"].notna().sum() == 0:
        return pd.DataFrame(columns=cols)
    article_fk = _metric_values(analysis).get("flesch_kincaid_grade", math.nan)
    data = per_para[["para_id", "words", "sentences", "flesch_kincaid_grade"]].copy()
    data.insert(1, "paragraph", data["para_id"].astype(int) + 1)
    data["article_flesch_kincaid_grade"] = article_fk
    data["above_article"] = data["flesch_kincaid_grade"] > article_fk
    return data[cols].reset_index(drop=True)


@figure("51", "grade-by-paragraph")
def grade_by_paragraph(analysis):
    """Bars: Flesch–Kincaid grade of each paragraph, in reading order; line: the whole article."""
    data = paragraph_chart_data(analysis)
    if data.empty:
        return None
    article_fk = float(data["article_flesch_kincaid_grade"].iloc[0])
    fig, ax = plt.subplots(figsize=(max(8, 0.28 * len(data) + 3), 4.5))
    colors = [COLORS["negative"] if above else COLORS["positive"] for above in data["above_article"]]
    ax.bar(data["paragraph"], data["flesch_kincaid_grade"], color=colors, width=0.75)
    if not math.isnan(article_fk):
        ax.axhline(article_fk, color="#333333", linewidth=1.2, linestyle="--")
        ax.annotate(f"whole article: grade {article_fk:.1f}", xy=(1, article_fk), xycoords=("axes fraction", "data"),
                    xytext=(-4, 4), textcoords="offset points", ha="right", va="bottom", fontsize=9)
    ax.axhspan(6, 9, color=BAND_COLORS[1], zorder=0)
    ax.text(0.995, 7.5, "grades 6–9 ≈ plain English", transform=ax.get_yaxis_transform(), fontsize=8,
            ha="right", va="center", color="#333333", zorder=4,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1})
    ax.set_xlim(0.4, len(data) + 0.6)
    step = 1 if len(data) <= 30 else 5
    ax.set_xticks(range(1, len(data) + 1, step))
    ax.set_xlabel("paragraph, in reading order")
    ax.set_ylabel("Flesch–Kincaid grade\n(US school grade; higher = harder)")
    ax.set_title("Which paragraphs are hardest to read? (orange: harder than the whole article)")
    ax.grid(axis="x", visible=False)
    return fig, data


def sentence_chart_data(analysis) -> pd.DataFrame:
    """Rows of figure 52, one per sentence: sentence, paragraph (both 1-based, reading order), words,
    flesch_kincaid_grade, hard_rank (1…5 for the hard sentences of ``hard_sentences``, else empty)."""
    cols = ["sentence", "paragraph", "words", "flesch_kincaid_grade", "hard_rank"]
    scores = readability.sentence_scores(analysis.tables.get("sentences"))
    scores = scores[scores["words"] > 0]
    if scores.empty:
        return pd.DataFrame(columns=cols)
    hard = analysis.tables.get("hard_sentences")
    ranks = dict(zip(hard["sent_id"], hard["rank"])) if hard is not None and len(hard) else {}
    data = scores[["sent_id", "para_id", "words", "flesch_kincaid_grade"]].copy()
    data["hard_rank"] = data["sent_id"].map(ranks).astype("Int64")
    data = data.assign(sentence=data["sent_id"].astype(int) + 1, paragraph=data["para_id"].astype(int) + 1)
    return data[cols].reset_index(drop=True)


@figure("52", "sentence-lengths")
def sentence_lengths(analysis):
    """Histogram of words per sentence; the hard sentences marked with their rank."""
    data = sentence_chart_data(analysis)
    if data.empty:
        return None
    fig, ax = plt.subplots()
    top = int(data["words"].max())
    bins = np.arange(0, top + 6, 5 if top > 20 else 2)
    counts, edges, _ = ax.hist(data["words"], bins=bins, color=COLORS["neutral"], edgecolor="white")
    mean = float(data["words"].mean())
    ax.axvline(mean, color="#333333", linestyle="--", linewidth=1.2)
    ax.annotate(f"mean {mean:.1f} words", xy=(mean, 1), xycoords=("data", "axes fraction"), xytext=(4, -12),
                textcoords="offset points", fontsize=9)
    ax.axvspan(15, 20, color=BAND_COLORS[1], zorder=0)
    ax.text(17.5, 0.98, "15–20 words:\nplain English", transform=ax.get_xaxis_transform(), ha="center",
            va="top", fontsize=8, color="#333333")
    hard = data.dropna(subset=["hard_rank"]).sort_values("hard_rank")
    ymax = max(counts.max(), 1)
    for i, row in enumerate(hard.itertuples()):
        height = ymax * (1.05 + 0.09 * (i % 3))
        ax.plot([row.words, row.words], [0, height], color=COLORS["negative"], linewidth=1)
        ax.annotate(f"#{row.hard_rank}", xy=(row.words, height), ha="center", va="bottom", fontsize=8,
                    color=COLORS["negative"])
    ax.set_ylim(0, ymax * 1.4)
    ax.set_xlabel("sentence length (words)")
    ax.set_ylabel("sentences")
    title = "How long are the sentences?"
    if len(hard):
        title += " (orange lines: the hardest sentences, #rank)"
    ax.set_title(title)
    ax.grid(axis="x", visible=False)
    return fig, data


def metrics_chart_data(analysis) -> pd.DataFrame:
    """Rows of figure 53, one per metric: metric, label, value, direction, typical_range,
    axis_min, axis_max, band (the named range the value falls in; empty if undefined)."""
    values = _metric_values(analysis)
    rows = []
    for m in readability.METRICS:
        value = values.get(m.name, math.nan)
        band = ""
        if not math.isnan(value):
            for low, high, label in m.bands:
                if low <= value < high:
                    band = label
            if not band and m.bands:
                band = m.bands[0][2] if value < m.bands[0][0] else m.bands[-1][2]
        rows.append((m.name, m.label, value, m.direction, m.typical_range, m.axis[0], m.axis[1], band))
    return pd.DataFrame(rows, columns=["metric", "label", "value", "direction", "typical_range", "axis_min",
                                       "axis_max", "band"])


def _band_colors(metric) -> list[str]:
    n = len(metric.bands)
    picks = [BAND_COLORS[round(i * (len(BAND_COLORS) - 1) / max(n - 1, 1))] for i in range(n)]
    return picks[::-1] if metric.direction == "higher = easier" else picks


@figure("53", "metrics")
def metrics_overview(analysis):
    """One strip per metric: its usual ranges as coloured bands (green = easier, red = harder),
    the article's value as a black marker with the number above it."""
    data = metrics_chart_data(analysis)
    if data["value"].notna().sum() == 0:
        return None
    n = len(data)
    height = 0.8 * n + 1.0
    fig, axes = plt.subplots(n, 1, figsize=(10, height))
    band_top = 1.0  # bands fill y 0…1; the value label sits above, in 1…1.7
    for ax, row, metric in zip(axes, data.itertuples(), readability.METRICS):
        lo, hi = metric.axis
        for (b_lo, b_hi, label), color in zip(metric.bands, _band_colors(metric)):
            ax.fill_between([b_lo, b_hi], 0, band_top, color=color, zorder=0, linewidth=0)
            ax.text((max(b_lo, lo) + min(b_hi, hi)) / 2, 0.4, label, ha="center", va="center", fontsize=7,
                    color="#444444", clip_on=True, linespacing=0.9)
        if math.isnan(row.value):
            note = "not defined for this text" + (" (needs ≥ 30 sentences)" if row.metric == "smog_index" else "")
            ax.text(0.5, 1.05, note, transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=8,
                    style="italic")
        else:
            shown = min(max(row.value, lo), hi)
            # a downward triangle on the band's top edge: points at the value, leaves the band label readable
            ax.plot([shown], [band_top + 0.05], marker="v", markersize=9, color="#111111", markeredgecolor="white",
                    zorder=3, clip_on=False)
            digits = 2 if row.metric in ("syllables_per_word", "difficult_word_share") else 1
            text = f"{row.value:.{digits}f}" + ("" if shown == row.value else " (off scale)")
            ax.text(shown, 1.3, text, ha="center", va="bottom", fontsize=9, fontweight="bold")
        ax.set_xlim(lo, hi)
        if hi - lo >= 10:
            ax.xaxis.set_major_locator(MaxNLocator(nbins=11, integer=True))
        ax.set_ylim(0, 1.9)
        ax.set_yticks([])
        ax.grid(False)
        for side in ("left", "top", "right"):
            ax.spines[side].set_visible(False)
        ax.tick_params(axis="x", labelsize=7, length=2, pad=1)
        arrow = "(higher = easier)" if metric.direction == "higher = easier" else "(higher = harder)"
        ax.text(-0.015, 0.5, f"{metric.label}\n{arrow}", transform=ax.transAxes, ha="right", va="center",
                fontsize=8)
    fig.suptitle("How hard is the article, formula by formula?", x=0.01, y=1 - 0.12 / height, ha="left",
                 fontsize=12, fontweight="bold")
    fig.text(0.01, 1 - 0.42 / height, "▼ this article · bands: the usual ranges of each scale, green = easier, "
             "red = harder (US grade: 8 ≈ plain English, 12 = end of high school)", ha="left", fontsize=8,
             color="#444444")
    fig.subplots_adjust(left=0.33, right=0.98, hspace=0.9, top=1 - 0.75 / height, bottom=0.3 / height)
    return fig, data
