"""save_figure writes PNG + SVG + CSV, deterministically."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from helpers.figures import save_figure


def _fig():
    fig, ax = plt.subplots()
    ax.plot([1, 2, 3], [3, 1, 2])
    return fig


def test_save_figure_writes_three_files(tmp_path):
    data = pd.DataFrame({"x": [1, 2, 3], "y": [3, 1, 2]})
    paths = save_figure(_fig(), "01-test", data, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["01-test.csv", "01-test.png", "01-test.svg"]
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in paths["svg"].read_text()
    assert pd.read_csv(paths["csv"]).equals(data)


def test_svg_is_deterministic(tmp_path):
    data = pd.DataFrame({"x": [1]})
    a = save_figure(_fig(), "a", data, tmp_path)["svg"].read_text()
    b = save_figure(_fig(), "b", data, tmp_path)["svg"].read_text()
    assert a == b


def test_show_displays_png_and_saves_three_files(tmp_path, monkeypatch, seed_analysis):
    import IPython.display

    from helpers import figures

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj))
    assert figures.show("51-grade-by-paragraph", seed_analysis, tmp_path) is None
    assert len(shown) == 1 and shown[0].data[:8] == b"\x89PNG\r\n\x1a\n"
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".csv", ".png", ".svg"]


def test_show_says_when_there_is_nothing_to_plot(capsys):
    import helpers
    from helpers import figures

    empty = helpers.analyze(helpers.Article(title="Nothing", paragraphs=["It rained all day."]))
    figures.show("41-blame-network", empty)
    assert "nothing to plot" in capsys.readouterr().out
