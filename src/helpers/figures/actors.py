"""Actor figures (2x): who is named and how, and where in the article each main actor appears."""
from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

from . import COLORS, figure
from .. import actors as actors_mod

#: One colour per way of naming an actor (Okabe–Ito, colour-blind safe).
VIA_COLORS = {
    "name": "#0072B2",
    "alias": "#56B4E9",
    "title": "#009E73",
    "pronoun": "#999999",
    "demonym": "#E69F00",
}
VIA_LABELS = {
    "name": "by name (“Mr. Putin”)",
    "alias": "other name (“Vladimir”, “U.S.”)",
    "title": "by office (“the president”)",
    "pronoun": "pronoun (“he”, “she”)",
    "demonym": "adjective, people or capital (“Russian”, “Kremlin”)",
}


@figure("21", "mentions-by-actor")
def mentions_by_actor(analysis):
    """Horizontal stacked bars: mentions of the most mentioned actors, split by how they are named."""
    data = actors_mod.mentions_by_via(analysis.tables.get("mentions"), top=12)
    if data.empty:
        return None
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.42 * len(data) + 1.6)))
    y = list(range(len(data)))[::-1]
    left = [0] * len(data)
    for via, color in VIA_COLORS.items():
        values = data[via].astype(int).tolist()
        if sum(values) == 0:
            continue
        ax.barh(y, values, left=left, color=color, label=VIA_LABELS[via], height=0.7)
        left = [a + b for a, b in zip(left, values)]
    for yy, total in zip(y, data["total"]):
        ax.annotate(str(int(total)), xy=(total, yy), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=9)
    ax.set_yticks(y)
    ax.set_yticklabels([f"{a} ({k})" for a, k in zip(data["actor"], data["kind"])])
    ax.set_xlabel("mentions in the article (count)")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no "0.5 mentions" tick
    ax.set_title("Who is named most often, and how?")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    ax.set_xlim(0, max(data["total"]) * 1.12 + 1)
    return fig, data


@figure("22", "actor-positions")
def actor_positions(analysis):
    """Dots: paragraphs where each main actor is mentioned; dot area = mentions in that paragraph."""
    sents = analysis.tables.get("sentences")
    data = actors_mod.positions(analysis.tables.get("mentions"), sents, top=8)
    if data.empty:
        return None
    order = list(dict.fromkeys(data["actor"]))
    n_para = int(sents["para_id"].max()) + 1
    fig, ax = plt.subplots(figsize=(max(8, 0.3 * n_para + 3), max(2.5, 0.45 * len(order) + 1.5)))
    ypos = {a: len(order) - 1 - k for k, a in enumerate(order)}
    ax.scatter(data["paragraph"], data["actor"].map(ypos), s=data["mentions"].astype(int) * 40,
               color=COLORS["positive"], alpha=0.75, edgecolor="white", linewidth=0.5)
    firsts = data.drop_duplicates("actor")
    ax.scatter(firsts["first_paragraph"], firsts["actor"].map(ypos), marker="|", s=300,
               color=COLORS["accent"], label="first mention")
    ax.set_yticks([ypos[a] for a in order])
    ax.set_yticklabels(order)
    ax.set_xlim(0.4, n_para + 0.6)
    ax.set_xticks(range(1, n_para + 1, 1 if n_para <= 30 else 5))
    ax.set_xlabel("paragraph, in reading order (1 = first)")
    ax.set_title("Where in the article does each main actor appear? (dot area = mentions)")
    ax.grid(axis="y", visible=False)
    ax.legend(loc="upper left", fontsize=8, frameon=False, bbox_to_anchor=(1.0, 1.0))
    return fig, data
