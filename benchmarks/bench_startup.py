"""Start-up and figures: the seed as a whole process, and the cost of each figure (draw, layout, PNG, SVG).

    .venv/bin/python benchmarks/bench_startup.py [--repeats 3] [--json]

* whole processes, CPU seconds (user + system, from ``wait4``, so a busy machine inflates them
  less than wall time) and peak RSS, best of ``--repeats``: ``python -c "import helpers"``;
  ``python -m helpers analyze SEED --out TMP`` with its figures (the default for one article) and
  with ``--figures none``;
* per figure of the seed (after a warm-up): seconds to draw it (the figure function), to lay it
  out (the tight bounding box, computed once for both formats), to write the PNG and the SVG;
  and the sum. Corpus runs draw none of these by default (``--figures corpus``).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def process_cost(cmd: list[str], repeats: int) -> dict:
    """Best (lowest CPU) of ``repeats`` runs: wall s, CPU s, peak RSS MB."""
    best = None
    env = {**os.environ, "MPLBACKEND": "Agg"}
    for _ in range(repeats):
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.read().decode()[-500:]}")
        proc.stderr.close()
        row = {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024}
        if best is None or row["cpu_s"] < best["cpu_s"]:
            best = row
    return best


def figure_costs() -> list[tuple[str, float, float, float, float]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import helpers
    from helpers import figures
    from helpers.paths import SEED_ARTICLE

    analysis = helpers.analyze(helpers.load_article(SEED_ARTICLE))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for rep in range(2):  # the first pass warms up fonts and imports
            rows = []
            for stem, spec in figures.load_all().items():
                t0 = time.perf_counter()
                with plt.rc_context(figures.STYLE):
                    made = spec.func(analysis)
                t1 = time.perf_counter()
                if made is None:
                    continue
                fig, _ = made
                with plt.rc_context(figures.STYLE):
                    bbox = fig.get_tightbbox(fig.canvas.get_renderer()).padded(plt.rcParams["savefig.pad_inches"])
                    t2 = time.perf_counter()
                    fig.savefig(f"{tmp}/{stem}.png", metadata={"Software": None}, bbox_inches=bbox)
                    t3 = time.perf_counter()
                    fig.savefig(f"{tmp}/{stem}.svg", metadata={"Date": None, "Creator": None}, bbox_inches=bbox)
                    t4 = time.perf_counter()
                plt.close(fig)
                rows.append((stem, t1 - t0, t2 - t1, t3 - t2, t4 - t3))
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    from helpers.paths import SEED_ARTICLE

    result: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        runs = {
            "import helpers": [sys.executable, "-c", "import helpers"],
            "analyze seed (figures)": [sys.executable, "-m", "helpers", "analyze", str(SEED_ARTICLE), "--out",
                                       f"{tmp}/a", "--force", "--quiet"],
            "analyze seed --figures none": [sys.executable, "-m", "helpers", "analyze", str(SEED_ARTICLE), "--out",
                                            f"{tmp}/b", "--force", "--quiet", "--figures", "none"],
        }
        for label, cmd in runs.items():
            row = process_cost(cmd, args.repeats)
            result[label] = row
            print(f"{label:<30} CPU {row['cpu_s']:6.2f} s  wall {row['wall_s']:6.2f} s  peak RSS {row['peak_rss_mb']:5.0f} MB")
    rows = figure_costs()
    print(f"{'figure':<32} {'draw':>6} {'layout':>6} {'png':>6} {'svg':>6}   (seconds)")
    for stem, *t in rows:
        print(f"{stem:<32} " + " ".join(f"{v:6.3f}" for v in t))
    sums = [sum(r[i] for r in rows) for i in range(1, 5)]
    print(f"{'all figures':<32} " + " ".join(f"{v:6.3f}" for v in sums) + f"   total {sum(sums):.2f} s")
    result["figures"] = {stem: dict(zip(("draw", "layout", "png", "svg"), t)) for stem, *t in rows}
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
