"""Figures for reports: one style, saved as PNG (reading) + SVG (print) + the plotted data as CSV.

Figure functions live in the submodules (``figures.readability``, ``figures.actors`` …) and
register themselves with `@figure(order, name)`. Each takes an `Analysis` and returns
``(fig, data)`` or ``None`` when the article gives nothing to plot. `export_all` writes them as
``<order>-<name>.{png,svg,csv}``.
"""
from __future__ import annotations

import importlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import matplotlib.pyplot as plt
import pandas as pd

from ..fsutil import atomic_write_bytes

#: Submodules that hold figure functions; imported by `export_all`.
SUBMODULES = ("readability", "actors", "sentiment", "blame")

STYLE = {
    "figure.figsize": (8, 4.5),
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "savefig.bbox": "tight",
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "svg.fonttype": "none",
    "svg.hashsalt": "helpers",
}

#: Colours used across figures (colour-blind safe, Okabe–Ito).
COLORS = {
    "negative": "#D55E00",
    "neutral": "#999999",
    "positive": "#0072B2",
    "accent": "#E69F00",
    "blame": "#D55E00",
    "criticism": "#CC79A7",
    "pressure": "#E69F00",
    "praise": "#009E73",
    "responsibility": "#0072B2",
    "deflection": "#56B4E9",
}


@dataclass(frozen=True)
class FigureSpec:
    order: str
    name: str
    func: Callable

    @property
    def stem(self) -> str:
        return f"{self.order}-{self.name}"


REGISTRY: dict[str, FigureSpec] = {}


def figure(order: str, name: str):
    """Register a figure function ``func(analysis) -> (fig, data) | None`` under ``<order>-<name>``."""

    def wrap(func):
        spec = FigureSpec(order, name, func)
        REGISTRY[spec.stem] = spec
        return func

    return wrap


def style():
    """Context manager applying the project's figure style."""
    return plt.rc_context(STYLE)


def save_figure(fig, name: str, data: pd.DataFrame, out_dir, close: bool = True) -> dict[str, Path]:
    """Write ``name.png``, ``name.svg`` and ``name.csv`` (the plotted data) into ``out_dir``.

    Returns the three paths. The figure is closed afterwards. SVG output is deterministic (fixed
    hash salt, no date metadata) so re-runs produce identical files.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {ext: out_dir / f"{name}.{ext}" for ext in ("png", "svg", "csv")}
    png, svg = io.BytesIO(), io.BytesIO()
    with plt.rc_context(STYLE):
        # Lay the figure out once: the tight bounding box (in inches) serves both formats.
        bbox = fig.get_tightbbox(fig.canvas.get_renderer()).padded(plt.rcParams["savefig.pad_inches"])
        fig.savefig(png, format="png", metadata={"Software": None}, bbox_inches=bbox)
        fig.savefig(svg, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches=bbox)
    if close:
        plt.close(fig)
    # each file appears whole or not at all (a notebook killed mid-export leaves no half image)
    atomic_write_bytes(paths["png"], png.getvalue())
    atomic_write_bytes(paths["svg"], svg.getvalue())
    atomic_write_bytes(paths["csv"], pd.DataFrame(data).to_csv(index=False).encode("utf-8"))
    return paths


def load_all() -> dict[str, FigureSpec]:
    """Import every figure submodule (which registers its figures) and return the registry."""
    for sub in SUBMODULES:
        try:
            importlib.import_module(f"{__name__}.{sub}")
        except ModuleNotFoundError as err:
            if err.name != f"{__name__}.{sub}":
                raise
    return dict(sorted(REGISTRY.items()))


def make(stem: str, analysis):
    """Draw one registered figure for ``analysis``: ``(fig, data)`` or None."""
    spec = load_all()[stem]
    with plt.rc_context(STYLE):
        return spec.func(analysis)


def export_all(analysis, out_dir) -> list[Path]:
    """Draw and save every registered figure that has data; returns the PNG paths."""
    written = []
    for stem, spec in load_all().items():
        with plt.rc_context(STYLE):
            result = spec.func(analysis)
        if result is None:
            continue
        fig, data = result
        written.append(save_figure(fig, stem, data, out_dir)["png"])
    return written


def show(stem: str, analysis, out_dir=None) -> None:
    """Notebook helper: draw one figure, display it once, save it under ``out_dir`` if given.

    The plotted data goes to ``<out_dir>/<stem>.csv`` (or use `make` to get it as a DataFrame);
    a note is printed when the article gives nothing to plot.
    """
    result = make(stem, analysis)
    if result is None:
        print(f"{stem}: nothing to plot for this article")
        return
    display_figure(*result, stem, out_dir)


def display_figure(fig, data: pd.DataFrame, stem: str, out_dir=None) -> None:
    """Display ``fig`` once in a notebook (as PNG) and, if ``out_dir`` is given, save PNG + SVG + CSV.

    Displays the PNG itself, not the Figure object, so it shows (and exports to HTML) whatever
    matplotlib backend the kernel runs, including Agg under papermill. Closes the figure.
    """
    try:
        from IPython.display import Image, display

        if out_dir is not None:
            png = save_figure(fig, stem, data, out_dir, close=False)["png"].read_bytes()
        else:
            buffer = io.BytesIO()
            with plt.rc_context(STYLE):
                fig.savefig(buffer, format="png", metadata={"Software": None})
            png = buffer.getvalue()
        display(Image(data=png, format="png"))
    finally:
        plt.close(fig)
