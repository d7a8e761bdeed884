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
