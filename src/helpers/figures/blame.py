"""Figures of blame and framing (order 4x): the blame network and the five generic-frame scores."""
from __future__ import annotations

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
from matplotlib.lines import Line2D

from ..framing import FRAMES, frame_scores
from ..tables import BLAME_RELATIONS
from . import COLORS, figure

#: Node standing for "nobody named" (a deflection that names no one to take the blame).
NOBODY = "(no one named)"
_FRAME_LABELS = {
    "responsibility": "Attribution of responsibility",
    "human_interest": "Human interest",
    "conflict": "Conflict",
    "morality": "Morality",
    "economic": "Economic consequences",
}


def edge_counts(blame: pd.DataFrame) -> pd.DataFrame:
    """Edges aggregated for plotting: source, target, relation, negated, count (sentences)."""
    cols = ["source", "target", "relation", "negated", "count"]
    if blame is None or blame.empty:
        return pd.DataFrame(columns=cols)
    df = blame.copy()
    df["target"] = df["target"].fillna("").replace("", NOBODY)
    df["negated"] = df["negated"].astype(bool)
    out = df.groupby(["source", "target", "relation", "negated"], as_index=False).size().rename(columns={"size": "count"})
    return out[cols].sort_values(["count", "source", "target"], ascending=[False, True, True]).reset_index(drop=True)


@figure("41", "blame-network")
def blame_network(analysis):
    """Who blames, criticises, pressures or praises whom: arrows source → target.

    Colour = relation, dashed = negated or refused ("refused to blame"), width = number of
    sentences with that edge. Returns None when the article has no edge.
    """
    data = edge_counts(analysis.tables.get("blame"))
    if data.empty:
        return None
    graph = nx.MultiDiGraph()
    graph.add_edges_from((r.source, r.target) for r in data.itertuples())
    nodes = sorted(graph.nodes)
    if len(nodes) <= 3:
        pos = nx.circular_layout(nodes)
    else:
        pos = nx.spring_layout(nx.Graph(graph), seed=7, k=1.6 / len(nodes) ** 0.5, iterations=200)
    fig, ax = plt.subplots(figsize=(9, 6.5))
    seen_pairs: dict[tuple[str, str], int] = {}
    for r in data.itertuples():
        k = seen_pairs.get((r.source, r.target), 0)
        seen_pairs[(r.source, r.target)] = k + 1
        rad = 0.12 + 0.14 * k
        if r.source == r.target:
            continue
        edge_graph = nx.DiGraph([(r.source, r.target)])
        nx.draw_networkx_edges(
            edge_graph, pos, ax=ax, edge_color=COLORS[r.relation], width=1.2 + 1.6 * r.count,
            style="dashed" if r.negated else "solid", arrows=True, arrowstyle="-|>", arrowsize=16,
            connectionstyle=f"arc3,rad={rad}", node_size=2200, min_source_margin=12, min_target_margin=18,
        )
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_size=2200, node_color="#F2F2F2", edgecolors="#555555", linewidths=1)
    nx.draw_networkx_labels(graph, pos, ax=ax, labels={n: n.replace(" ", "\n", 1) for n in nodes}, font_size=8)
    present = [rel for rel in BLAME_RELATIONS if rel in set(data["relation"])]
    handles = [Line2D([], [], color=COLORS[rel], lw=2.5, label=rel) for rel in present]
    if data["negated"].any():
        handles.append(Line2D([], [], color="#555555", lw=2, ls="--", label="negated / refused"))
    ax.legend(handles=handles, title="relation (width = sentences)", loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    ax.set_title("Who blames, criticises, pressures or praises whom (arrow: source → target)")
    ax.set_axis_off()
    ax.margins(0.15)
    return fig, data


@figure("42", "frames")
def frame_bars(analysis):
    """The five generic news frames: share of the codebook questions answered yes (0–1)."""
    table = analysis.tables.get("frames")
    scores = frame_scores(table)
    if scores.empty:
        return None
    scores = scores.set_index("frame").loc[list(FRAMES)].reset_index()
    fig, ax = plt.subplots(figsize=(8, 3.6))
    labels = [_FRAME_LABELS[f] for f in scores["frame"]]
    y = range(len(scores))[::-1]
    ax.barh(list(y), scores["score"], color=COLORS["accent"], height=0.6)
    for yi, r in zip(y, scores.itertuples()):
        ax.text(r.score + 0.02, yi, f"{r.yes} of {r.questions} questions", va="center", fontsize=9)
    ax.set_yticks(list(y), labels)
    ax.set_xlim(0, 1.25)
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
    ax.set_xlabel("frame score: share of the frame's questions answered yes (0–1, higher = more present)")
    ax.set_title("How the article frames the story (Semetko & Valkenburg 2000 questions)")
    ax.grid(axis="y", visible=False)
    return fig, scores
