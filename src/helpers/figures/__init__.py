"""Figures for reports: one style, saved as PNG (reading) + SVG (print) + the plotted data as CSV.

Figure functions live in the submodules (``figures.readability``, ``figures.actors`` …) and
register themselves with `@figure(order, name)`. Each takes an `Analysis` and returns
``(fig, data)`` or ``None`` when the article gives nothing to plot. `export_all` writes them as
``<order>-<name>.{png,svg,csv}``.
"""
from __future__ import annotations

import functools
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
    """Register a figure function ``func(analysis) -> (fig, data) | None`` under ``<order>-<name>``.

    The registered function also writes the article's title and outlet under the figure
    (`stamp`), so a figure pasted elsewhere still says what it is about.
    """

    def wrap(func):
        @functools.wraps(func)
        def stamped(analysis, *args, **kwargs):
            result = func(analysis, *args, **kwargs)
            if result is not None:
                stamp(result[0], source_line(analysis))
            return result

        spec = FigureSpec(order, name, stamped)
        REGISTRY[spec.stem] = spec
        return stamped

    return wrap


def source_line(analysis) -> str:
    """``Article: "<title>" (<outlet>, <date>)`` for the foot of a figure; fields that are empty are left out."""
    article = getattr(analysis, "article", None)
    if article is None:
        return ""
    source = Path(article.source).name if article.source and not article.source.startswith("<") else ""
    title = article.title or ""
    if not title:  # an article without a headline: name its file
        return f"Article: {source or 'untitled'}" + (f" ({article.outlet})" if article.outlet else "")
    title = title if len(title) <= 90 else title[:89] + "…"
    extra = ", ".join(x for x in (article.outlet, getattr(article, "date", "")) if x)
    return f"Article: \u201c{title}\u201d" + (f" ({extra})" if extra else "")


def stamp(fig, text: str, color: str = "#555555") -> None:
    """Write ``text`` in small type under everything already drawn on ``fig`` (left-aligned).

    Placed from the drawn extent, not at a fixed offset, so it never overlaps an axis label however
    short the figure is; a second call goes under the first."""
    if not text:
        return
    renderer = fig.canvas.get_renderer()
    box = fig.get_tightbbox(renderer)  # inches
    width, height = fig.get_size_inches()
    fig.text(box.x0 / width, (box.y0 - 0.06) / height, text, ha="left", va="top", fontsize=8, color=color)


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
