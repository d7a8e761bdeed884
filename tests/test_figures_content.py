"""What the figures say: honest sentiment, 1-based paragraphs, the article named on every figure."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers import figures
from helpers.figures import sentiment as fs


def test_stance_is_neutral_inside_the_interval():
    assert fs.stance(-0.004, -0.3, 0.2) == "neutral"
    assert fs.stance(-0.4, -0.6, -0.1) == "negative"
    assert fs.stance(0.5, 0.2, 0.8) == "positive"


def test_seed_chart_colours_only_clear_stances_and_leaves_out_rare_actors(seed_analysis):
    data = fs.actor_chart_data(seed_analysis)
    rare = data[data["mentions"] < fs.MIN_MENTIONS]
    assert len(rare) > 0 and not rare["plotted"].any()
    assert data.loc[data["plotted"], "mentions"].min() >= fs.MIN_MENTIONS
    # a stance is claimed only when the whole 95 % interval lies on one side of 0
    crosses = (data["ci_low"] <= 0) & (data["ci_high"] >= 0)
    assert (data.loc[crosses, "stance"] == "neutral").all()
    assert (data.loc[~crosses, "stance"] != "neutral").all()
    # Russia (whose strikes the article reports) is clearly negative on the seed
    assert data.set_index("actor").loc["Russia", "stance"] == "negative"
    clear = data[data["plotted"] & (data["stance"] != "neutral")]
    verdict = fs.verdict(seed_analysis)
    assert verdict.startswith("Clearly different from neutral")
    for row in clear.itertuples():
        assert f"{row.actor} ({row.stance}, {row.score:+.2f})" in verdict
    fig, _ = fs.actor_sentiment(seed_analysis)
    grey = tuple(round(c / 255, 3) for c in (0x99, 0x99, 0x99))
    colours = [tuple(round(c, 3) for c in bar.get_facecolor()[:3]) for bar in fig.axes[0].patches]
    assert colours.count(grey) == int((data["plotted"] & (data["stance"] == "neutral")).sum())
    assert len(colours) - colours.count(grey) == len(clear)
    plt.close(fig)


def test_verdict_names_an_actor_whose_interval_excludes_zero(seed_analysis):
    import copy

    a = copy.copy(seed_analysis)
    a.tables = dict(seed_analysis.tables)
    table = seed_analysis.tables["actor_sentiment"].copy()
    table.loc[0, ["score", "ci_low", "ci_high"]] = [-0.7, -0.9, -0.4]
    a.tables["actor_sentiment"] = table
    actor = table.loc[0, "actor"]
    assert f"{actor} (negative, -0.70)" in fs.verdict(a)


def test_paragraph_numbers_count_from_one_in_every_figure_csv(seed_analysis, tmp_path):
    figures.export_all(seed_analysis, tmp_path)
    n_para = len(seed_analysis.article.paragraphs)
    seen = 0
    for csv in sorted(tmp_path.glob("*.csv")):
        data = pd.read_csv(csv)
        assert "para_id" not in data.columns, csv.name
        if "paragraph" in data.columns:
            seen += 1
            assert data["paragraph"].min() >= 1 and data["paragraph"].max() <= n_para, csv.name
    assert seen >= 3  # 22, 32, 51 (and 52)
    grade = pd.read_csv(tmp_path / "51-grade-by-paragraph.csv")
    assert grade["paragraph"].tolist() == list(range(1, n_para + 1))


def test_sentiment_through_article_draws_only_measured_paragraphs(seed_analysis):
    fig, data = fs.sentiment_through_article(seed_analysis)
    measured = {(a, p) for a, p in zip(data["actor"], data["paragraph"])}
    for line in fig.axes[0].get_lines():
        xs = list(line.get_xdata())
        if line.get_linestyle() != "None" and len(xs) > 1:  # a joining line: neighbouring paragraphs only
            assert all(b - a == 1 for a, b in zip(xs, xs[1:]))
    assert len(measured) == len(data)
    plt.close(fig)


@pytest.mark.parametrize("stem", ["21-mentions-by-actor", "31-actor-sentiment", "41-blame-network", "51-grade-by-paragraph",
                                  "53-metrics"])
def test_every_figure_names_the_article_and_outlet(seed_analysis, stem):
    fig, _ = figures.make(stem, seed_analysis)
    texts = [t.get_text() for t in fig.texts]
    assert any(seed_analysis.article.title[:30] in t and "The New York Times" in t for t in texts)
    plt.close(fig)


def test_verdict_and_title_say_so_when_no_actor_differs(seed_analysis):
    import copy

    a = copy.copy(seed_analysis)
    a.tables = dict(seed_analysis.tables)
    table = seed_analysis.tables["actor_sentiment"].copy()
    table["ci_low"] = table["score"].clip(upper=0) - 0.1  # every interval holds its score and 0
    table["ci_high"] = table["score"].clip(lower=0) + 0.1
    a.tables["actor_sentiment"] = table
    assert fs.verdict(a).startswith("No actor is treated clearly differently from neutral")
    fig, _ = fs.actor_sentiment(a)
    assert fig.axes[0].get_title().startswith("No actor is treated clearly differently")
    grey = tuple(round(c / 255, 3) for c in (0x99, 0x99, 0x99))
    assert {tuple(round(c, 3) for c in bar.get_facecolor()[:3]) for bar in fig.axes[0].patches} == {grey}
    plt.close(fig)


@pytest.mark.parametrize("n_actors", [1, 2, 4])
def test_sentiment_notes_never_overlap_the_axis_label(seed_analysis, n_actors):
    # with one or two bars the axes are short; the notes under the chart used to sit at a fixed
    # offset from the axes and ran into the two-line axis label (seen on a one-actor article)
    import copy

    a = copy.copy(seed_analysis)
    a.tables = dict(seed_analysis.tables)
    table = seed_analysis.tables["actor_sentiment"].sort_values("mentions", ascending=False).copy()
    table.loc[table.index[n_actors:], "mentions"] = 1  # all but the first n_actors named once: not drawn
    a.tables["actor_sentiment"] = table
    fig, _ = figures.make("31-actor-sentiment", a)
    renderer = fig.canvas.get_renderer()
    boxes = [fig.axes[0].xaxis.label.get_window_extent(renderer)] + [t.get_window_extent(renderer) for t in fig.texts]
    assert len(fig.axes[0].patches) == n_actors and len(boxes) >= 3
    for i, b in enumerate(boxes):
        for c in boxes[i + 1:]:
            assert not b.overlaps(c), (b, c)
    plt.close(fig)


def test_mention_counts_have_whole_number_ticks():
    import helpers

    small = helpers.analyze(helpers.load_article(
        "Port talks stall\n\nBy Ana Ortiz | Harbor Courier\n\nMayor Ilse Varn met Femke Dijkstra on Monday. "
        "Dijkstra said the offer was too low, and Varn said she would wait."), sentiment="fast")
    fig, _ = figures.make("21-mentions-by-actor", small)
    ticks = fig.axes[0].get_xticks()
    assert len(ticks) >= 3 and all(float(t).is_integer() for t in ticks), ticks
    plt.close(fig)
