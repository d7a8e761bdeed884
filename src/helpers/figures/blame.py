"""Figures of blame and framing (order 4x): the blame network and the five generic-frame scores."""
from __future__ import annotations

import math
import textwrap

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyArrowPatch

from ..framing import FRAMES, frame_scores
from ..tables import BLAME_RELATIONS
from . import COLORS, figure

#: Node standing for "nobody named" (a deflection that names no one to take the blame).
NOBODY = "(no one named)"
#: Node diameter in layout units; node centres are at least ``SPACING`` diameters apart.
NODE_DIAMETER = 1.0
SPACING = 1.6
_FRAME_LABELS = {
    "responsibility": "Attribution of responsibility",
    "human_interest": "Human interest",
    "conflict": "Conflict",
    "morality": "Morality",
    "economic": "Economic consequences",
}


def edge_counts(blame: pd.DataFrame) -> pd.DataFrame:
    """Edges aggregated for plotting: source, target, relation, negated, count (distinct sentences).

    An edge found in one sentence by both a rule and the model (``origin``) counts once; a
    table without ``sent_id`` counts rows.
    """
    cols = ["source", "target", "relation", "negated", "count"]
    if blame is None or blame.empty:
        return pd.DataFrame(columns=cols)
    df = blame.copy()
    df["target"] = df["target"].fillna("").replace("", NOBODY)
    df["negated"] = df["negated"].astype(bool)
    where = df["sent_id"].astype(str) if "sent_id" in df else pd.Series(df.index.astype(str), index=df.index)
    out = (df.assign(_sentence=where).groupby(["source", "target", "relation", "negated"], as_index=False)
           .agg(count=("_sentence", "nunique")))
    return out[cols].sort_values(["count", "source", "target"], ascending=[False, True, True]).reset_index(drop=True)


def _distances(points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(differences, distances) of every ordered pair of points; a point's distance to itself is inf."""
    diff = points[:, None, :] - points[None, :, :]
    dist = np.sqrt((diff ** 2).sum(-1))
    np.fill_diagonal(dist, np.inf)
    return diff, dist


def _min_distance(points: np.ndarray) -> float:
    return float(_distances(points)[1].min()) if len(points) >= 2 else math.inf


def _component_layout(graph: nx.Graph, nodes: list[str], gap: float) -> np.ndarray:
    """Positions of one connected component, scaled so centres are at least ``gap`` apart."""
    n = len(nodes)
    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[0.0, 0.0], [gap, 0.0]])
    if n <= 4:
        points = np.array([nx.circular_layout(nodes)[v] for v in nodes], dtype=float)
    else:
        pos = nx.spring_layout(graph.subgraph(nodes), seed=7, k=1.6 / n ** 0.5, iterations=200)
        points = np.array([pos[v] for v in nodes], dtype=float)
        if _min_distance(points) < 1e-6 * max(np.ptp(points, axis=0).max(), 1e-9):  # collapsed: fall back
            points = np.array([nx.circular_layout(nodes)[v] for v in nodes], dtype=float)
    points = points - points.mean(axis=0)
    if n <= 4:
        return points * (gap / _min_distance(points))
    return _spread(points, gap)


def _spread(points: np.ndarray, gap: float, rounds: int = 200) -> np.ndarray:
    """Scale a spring layout so its *median* nearest-neighbour distance is ``gap``, then push apart
    the pairs that are closer than ``gap`` (half the shortfall each, per round).

    Scaling by the closest pair alone (one near-coincident pair in a spring layout of 15 actors)
    made the whole drawing several times larger than its nodes, so the names shrank to 4 pt. If
    pushing apart has not separated every pair after ``rounds``, the result is scaled up until it
    has: nodes never overlap.
    """
    points = points * (gap / max(float(np.median(_distances(points)[1].min(axis=1))), 1e-9))
    for _ in range(rounds):
        diff, dist = _distances(points)
        short = np.clip(gap - dist, 0, None)
        if not short.any():
            break
        unit = diff / np.where(np.isfinite(dist), np.maximum(dist, 1e-9), 1)[..., None]
        points = points + 0.5 * (short[..., None] * unit).sum(axis=1)
    closest = _min_distance(points)
    return points * (gap / closest) if closest < gap else points


def network_layout(nodes, edges, diameter: float = NODE_DIAMETER, spacing: float = SPACING) -> dict[str, np.ndarray]:
    """Node centres for the blame network: no two nodes closer than ``spacing`` × ``diameter``.

    Each connected group of actors is laid out on its own (spring layout, or a circle for up to
    four nodes) and scaled so its closest pair (a circle) or its typical neighbours (a spring
    layout, `_spread`) are ``spacing`` diameters apart; the groups
    are then packed in rows, largest first, with one diameter between their bounding boxes. So
    nodes never overlap, whatever the graph (``spacing`` ≥ 1 guarantees it).
    """
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b) for a, b in edges if a != b)
    gap = spacing * diameter
    groups = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    blocks = [(group, _component_layout(graph, group, gap)) for group in groups]
    total_area = sum((np.ptp(p[:, 0]) + 2 * diameter) * (np.ptp(p[:, 1]) + 2 * diameter) for _, p in blocks)
    row_width = max(math.sqrt(total_area) * 1.9,  # figures are wider than tall
                    max(np.ptp(p[:, 0]) + 2 * diameter for _, p in blocks))
    pos: dict[str, np.ndarray] = {}
    x = y = row_height = 0.0
    for group, points in blocks:
        width = np.ptp(points[:, 0]) + 2 * diameter
        height = np.ptp(points[:, 1]) + 2 * diameter
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y - row_height, 0.0
        offset = np.array([x + diameter - points[:, 0].min(), y - diameter - points[:, 1].max()])
        for node, point in zip(group, points):
            pos[node] = point + offset
        x += width
        row_height = max(row_height, height)
    return pos


def _label(name: str, width: int = 11) -> str:
    return "\n".join(textwrap.wrap(name, width=width, break_long_words=False, break_on_hyphens=False)) or name


def _fit_labels(fig, ax, texts, diameter_px: float) -> None:
    """Shrink each label's font until it fits inside its circle (a square of 0.8 diameters)."""
    renderer = fig.canvas.get_renderer()
    for text in texts:
        size = text.get_fontsize()
        while size > 4:
            box = text.get_window_extent(renderer)
            if box.width <= 0.8 * diameter_px and box.height <= 0.8 * diameter_px:
                break
            size -= 0.5
            text.set_fontsize(size)


@figure("41", "blame-network")
def blame_network(analysis):
    """Who blames, criticises, pressures or praises whom: arrows source → target.

    Colour = relation, dashed = negated or refused ("refused to blame"), width = number of
    sentences with that edge; arrows between the same two actors curve apart. Nodes never
    overlap (`network_layout`); names are wrapped and shrunk to fit their circle. "(no one named)"
    stands for a deflection that names nobody ("mistakes were made"). A self-edge (an actor
    criticising themselves) is listed in the data, not drawn. Returns None when there is no edge.
    """
    data = edge_counts(analysis.tables.get("blame"))
    if data.empty:
        return None
    nodes = sorted(set(data["source"]) | set(data["target"]))
    pos = network_layout(nodes, zip(data["source"], data["target"]))
    points = np.array(list(pos.values()))
    r = NODE_DIAMETER / 2
    x0, x1 = points[:, 0].min() - 2 * r, points[:, 0].max() + 2 * r
    y0, y1 = points[:, 1].min() - 2 * r, points[:, 1].max() + 2 * r
    width_in = min(10.0, max(4.5, 1.3 * (x1 - x0)))
    height_in = min(9.0, max(2.6, width_in * (y1 - y0) / (x1 - x0)))
    fig, ax = plt.subplots(figsize=(width_in + 2.6, height_in))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    circles = {}
    for node in nodes:
        nobody = node == NOBODY
        circle = Circle(pos[node], r, facecolor="white" if nobody else "#F2F2F2", edgecolor="#555555",
                        linewidth=1, linestyle="--" if nobody else "-", zorder=3)
        ax.add_patch(circle)
        circles[node] = circle
    pair_seen: dict[frozenset, int] = {}
    for row in data.itertuples():
        if row.source == row.target:
            continue
        pair = frozenset((row.source, row.target))
        k = pair_seen.get(pair, 0)
        pair_seen[pair] = k + 1
        arrow = FancyArrowPatch(
            pos[row.source], pos[row.target], patchA=circles[row.source], patchB=circles[row.target],
            connectionstyle=f"arc3,rad={0.12 + 0.18 * k}", arrowstyle="-|>", mutation_scale=14,
            color=COLORS[row.relation], linewidth=1.0 + 1.2 * min(int(row.count), 5),
            linestyle="--" if row.negated else "-", zorder=2, shrinkA=2, shrinkB=2,
        )
        ax.add_patch(arrow)
    texts = [ax.text(*pos[n], _label(n), ha="center", va="center", fontsize=9, zorder=4, linespacing=1.0)
             for n in nodes]
    fig.canvas.draw()
    diameter_px = abs(ax.transData.transform((NODE_DIAMETER, 0))[0] - ax.transData.transform((0, 0))[0])
    _fit_labels(fig, ax, texts, diameter_px)
    present = [rel for rel in BLAME_RELATIONS if rel in set(data["relation"])]
    handles = [Line2D([], [], color=COLORS[rel], lw=2.5, label=rel) for rel in present]
    if data["negated"].any():
        handles.append(Line2D([], [], color="#555555", lw=2, ls="--", label="negated / refused"))
    if NOBODY in nodes:
        handles.append(Line2D([], [], color="none", label=f"{NOBODY}: a deflection\nthat names nobody"))
    if (data["source"] == data["target"]).any():
        handles.append(Line2D([], [], color="none", label="self-criticism: in the table, not drawn"))
    ax.legend(handles=handles, title="relation (width = sentences)", loc="upper left", bbox_to_anchor=(1.0, 1.0),
              frameon=False, fontsize=8, title_fontsize=8)
    ax.set_title("Who blames, criticises, pressures or praises whom? (arrow: source → target)")
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
