"""The blame network: nodes never overlap, names fit their circles, parallel arrows are apart."""
from __future__ import annotations

import itertools
import random

import numpy as np
import pandas as pd
import pytest

from helpers.figures import blame


def _min_centre_distance(pos):
    pts = np.array(list(pos.values()))
    return min(np.linalg.norm(a - b) for a, b in itertools.combinations(pts, 2))


def _random_graph(seed):
    rng = random.Random(seed)
    n = rng.randint(2, 24)
    nodes = [f"Actor {i}" for i in range(n)]
    edges = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(rng.randint(1, 2 * n))]
    return nodes, edges


@pytest.mark.parametrize("seed", range(40))
def test_layout_never_overlaps_for_random_graphs(seed):
    nodes, edges = _random_graph(seed)
    pos = blame.network_layout(nodes, edges, diameter=1.0)
    assert set(pos) == set(nodes)
    assert _min_centre_distance(pos) >= 1.0


@pytest.mark.parametrize("nodes, edges", [
    (["A", "B", "C", "D"], [("A", "B"), ("C", "D")]),                        # two separate pairs
    ([f"N{i}" for i in range(12)], []),                                      # no edge at all
    ([f"N{i}" for i in range(9)], [(f"N0", f"N{i}") for i in range(1, 9)]),  # a star
    (["A", "B", "C", "D", "E", "F"], [("A", "B"), ("B", "C"), ("D", "E"), ("E", "F"), ("F", "D")]),
    (["A", "B"], [("A", "A")]),                                              # self-edge only
], ids=["two-pairs", "isolated", "star", "chain-and-triangle", "self-edge"])
def test_layout_never_overlaps_for_awkward_graphs(nodes, edges):
    for diameter in (0.5, 1.0, 3.0):
        pos = blame.network_layout(nodes, edges, diameter=diameter)
        assert _min_centre_distance(pos) >= diameter


def _analysis(rows):
    import helpers

    a = helpers.analyze(helpers.Article(title="Test", paragraphs=["Nothing here."]))
    a.tables["blame"] = pd.DataFrame(rows, columns=["source", "target", "relation", "negated", "cue", "sent_id",
                                                    "evidence"])
    return a


def test_two_groups_draw_every_node_and_arrow():
    import matplotlib.pyplot as plt

    a = _analysis([("Maria Lopez", "John Park", "criticism", False, "criticized", 0, ""),
                   ("Peter Hill", "Anna Stone", "praise", False, "praised", 1, "")])
    fig, data = blame.blame_network(a)
    ax = fig.axes[0]
    assert len(ax.patches) == 4 + 2  # four circles, two arrows
    centres = [p.center for p in ax.patches if hasattr(p, "center")]
    assert _min_centre_distance(dict(enumerate(np.array(centres)))) >= 2 * blame.NODE_DIAMETER / 2
    plt.close(fig)


def test_long_names_fit_inside_their_circle():
    import matplotlib.pyplot as plt

    long = "Secretary-General of the North Atlantic Treaty Organization"
    a = _analysis([(long, "Russia", "criticism", False, "criticized", 0, ""),
                   ("Russia", long, "blame", False, "blamed", 1, ""),
                   ("Russia", long, "pressure", True, "urged", 2, "")])
    fig, data = blame.blame_network(a)
    ax = fig.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    diameter_px = ax.transData.transform((blame.NODE_DIAMETER, 0))[0] - ax.transData.transform((0, 0))[0]
    labels = [t for t in ax.texts if t.get_text().replace("\n", " ") in (long, "Russia")]
    assert len(labels) == 2
    for t in labels:
        box = t.get_window_extent(renderer)
        assert box.width <= diameter_px and box.height <= diameter_px
    # three edges between the same pair: three arrows, no two on the same curve
    arrows = [p for p in ax.patches if p.__class__.__name__ == "FancyArrowPatch"]
    assert len(arrows) == 3
    curves = {(tuple(map(tuple, a._posA_posB)), a.get_connectionstyle().rad) for a in arrows}
    assert len(curves) == 3
    plt.close(fig)


def test_nobody_node_is_explained_in_the_legend():
    import matplotlib.pyplot as plt

    a = _analysis([("Trump", "", "deflection", False, "mistakes were made", 0, "")])
    fig, data = blame.blame_network(a)
    legend = " ".join(t.get_text() for t in fig.axes[0].get_legend().get_texts())
    assert blame.NOBODY in set(data["target"]) and "names nobody" in legend
    plt.close(fig)


def test_many_actors_are_spread_evenly_not_scaled_by_their_closest_pair():
    # the seed's 15-actor network (names replaced): its spring layout has one near pair, and scaling
    # the whole drawing by that pair put neighbours 3.6 gaps apart, so every name shrank to 4-5 pt
    pairs = [(3, 2), (3, 9), (5, 8), (5, 11), (6, 8), (6, 11), (8, 10), (8, 11), (8, 13), (9, 0), (9, 2), (9, 3),
             (9, 4), (9, 8), (9, 11), (9, 13), (9, 14), (10, 1), (10, 8), (10, 11), (10, 12), (10, 14), (11, 13),
             (14, 7), (14, 9), (14, 11)]
    edges = [(f"A{a:02d}", f"A{b:02d}") for a, b in pairs]
    nodes = [f"A{k:02d}" for k in range(15)]
    pos = blame.network_layout(nodes, edges)
    points = np.array([pos[n] for n in nodes])
    diff = points[:, None, :] - points[None, :, :]
    dist = np.sqrt((diff ** 2).sum(-1))
    np.fill_diagonal(dist, np.inf)
    gap = blame.SPACING * blame.NODE_DIAMETER
    assert dist.min() >= gap - 1e-9  # never overlapping
    assert np.median(dist.min(axis=1)) <= 1.25 * gap  # neighbours about one gap apart
