"""Batch throughput, speed-up with jobs, peak memory, and seconds per article for the seed.

    .venv/bin/python benchmarks/bench_batch.py [--json] [--limit 500] [--jobs 1,2] [--figures-sample 5] [--profile]

Measures (each batch in a fresh subprocess, so start-up and memory are its own):

* ``seed_seconds``: full analysis of the seed article (`load_article` + `analyze`), median of
  ``--repeats`` runs after one warm-up run, i.e. after start-up (model and lexicon loading);
* ``seed_save_seconds`` / ``seed_save_figures_seconds``: writing its folder without / with figures;
* for each ``--jobs`` value: articles per second of ``python -m helpers analyze`` logic
  (`batch.run`, figures off, ``force``) over 500 articles by default (the first 500 of the 567
  OneStopEnglish texts from ``../shared/data/onestopenglish``; else the sample corpus copied 4×;
  ``--limit 0`` for all), wall time including
  worker start-up; the speed-up of the last over the first; peak RSS of the batch process
  (``VmHWM``; with jobs 1 it does the analysis) and of the largest worker (``RUSAGE_CHILDREN``);
* ``figures_seconds_per_article``: the extra cost of figures, from a small ``--figures-sample``
  batch (default 5 articles: figures cost seconds each) run with and without figures;
* ``--profile``: cProfile of a jobs=1 batch; prints the cumulative seconds per stage.

Prints one line per number, and with ``--json`` one JSON object as the last line. The machine is
shared: numbers are only comparable within one run (the lead re-measures on a quiet machine).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from helpers import batch
t_import = time.perf_counter() - t0
paths, out, jobs, figures = json.loads(sys.argv[1])
r = batch.run(paths, out, jobs=jobs, force=True, figures=figures, progress=False)
# VmHWM: this process's own peak (ru_maxrss of RUSAGE_SELF keeps the pre-exec peak of the bench process)
self_kb = next((int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:")),
               resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"ok": r.ok, "failed": r.failed, "seconds": r.seconds, "import_seconds": t_import,
                  "peak_rss_mb_parent": self_kb / 1024, "peak_rss_mb_worker": child_kb / 1024}))
"""

#: Stage functions reported by --profile (module:function as cProfile names them).
STAGES = [
    ("read", "article.py", "load_article"),
    ("sentences", "text.py", "sentences"),
    ("actors", "actors/mentions.py", "find_mentions"),
    ("actor table", "actors/table.py", "actor_table"),
    ("quotes", "attribution/table.py", "find_quotes"),
    ("sentiment", "sentiment.py", "score_mentions"),
    ("sentiment by actor", "sentiment.py", "by_actor"),
    ("sentiment evidence", "sentiment.py", "evidence"),
    ("blame", "framing.py", "find_blame"),
    ("passives", "framing.py", "passives"),
    ("frames", "framing.py", "frames"),
    ("readability", "readability.py", "measure"),
    ("save (CSV)", "pipeline.py", "save"),
    ("corpus rows", "batch.py", "_rows"),
]


def corpus_paths(tmp: Path) -> tuple[list[str], str]:
    """≥ 500 article files: OneStopEnglish if present, else the sample corpus copied 4×."""
    from helpers.paths import SHARED_DATA

    onestop = SHARED_DATA / "onestopenglish"
    if onestop.exists():
        return [str(onestop / level) for level in ("advanced", "intermediate", "elementary")], "onestopenglish (567 texts)"
    sample = ROOT / "seeds" / "corpus" / "narrative_frames"
    for k in range(4):
        dest = tmp / f"copy{k}"
        dest.mkdir(parents=True)
        for path in sample.glob("nf-*.md"):
            shutil.copyfile(path, dest / f"{k}-{path.name}")
    return [str(tmp)], "sample corpus ×4"


def run_child(paths, out, jobs, figures) -> dict:
    env = {**os.environ, "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, "-c", CHILD, json.dumps([paths, str(out), jobs, figures])],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"batch failed (jobs={jobs}): {done.stderr.strip().splitlines()[-1:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def seed_timings(repeats: int) -> dict:
    import helpers
    from helpers.paths import SEED_ARTICLE

    helpers.analyze(helpers.load_article(SEED_ARTICLE))  # warm-up: models, lexicons, caches
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        analysis = helpers.analyze(helpers.load_article(SEED_ARTICLE))
        times.append(time.perf_counter() - t)
    out = {"seed_seconds": statistics.median(times)}
    with tempfile.TemporaryDirectory() as tmp:
        for key, figures in (("seed_save_seconds", False), ("seed_save_figures_seconds", True)):
            analysis.save(tmp, figures=figures)  # warm-up (imports the figure modules once)
            t = time.perf_counter()
            analysis.save(tmp, figures=figures)
            out[key] = time.perf_counter() - t
    return out


def profile_batch(paths: list[str], limit: int, out: Path) -> list[tuple[str, float]]:
    import cProfile
    import pstats

    from helpers import batch

    files = [str(p) for p in batch.expand(paths)[:limit]]
    batch.run(files[:2], out, force=True, figures=False, progress=False)  # warm-up
    prof = cProfile.Profile()
    prof.enable()
    batch.run(files, out, force=True, figures=False, progress=False)
    prof.disable()
    stats = pstats.Stats(prof).stats
    total = sum(v[2] for v in stats.values())  # total internal time ≈ profiled wall time
    rows = []
    for label, filename, func in STAGES:
        cum = sum(v[3] for (fname, _, name), v in stats.items() if name == func and fname.endswith(f"helpers/{filename}"))
        rows.append((label, cum / len(files)))
    rows.append(("total per article", total / len(files)))
    return rows


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    parser.add_argument("--jobs", default="1,2", help="comma-separated worker counts (default 1,2)")
    parser.add_argument("--limit", type=int, default=500,
                        help="use only the first N articles (default 500, the issue's minimum; 0 = all)")
    parser.add_argument("--repeats", type=int, default=5, help="seed analysis repeats (default 5)")
    parser.add_argument("--figures-sample", type=int, default=5, help="articles for the figures cost (default 5; 0 = skip)")
    parser.add_argument("--profile", action="store_true", help="cProfile a jobs=1 batch and print seconds per stage")
    parser.add_argument("--profile-limit", type=int, default=100)
    args = parser.parse_args(argv)

    from helpers import batch

    result: dict = {}
    with tempfile.TemporaryDirectory(prefix="bench-batch-") as tmp:
        tmp = Path(tmp)
        paths, label = corpus_paths(tmp / "corpus")
        files = [str(p) for p in batch.expand(paths)]
        if args.limit:
            files = files[: args.limit]
        result["corpus"] = label
        result["articles"] = len(files)

        result.update(seed_timings(args.repeats))
        print(f"seed: {result['seed_seconds']:.3f} s per article (analysis after start-up, median of {args.repeats})")
        print(f"seed: save {result['seed_save_seconds']:.3f} s without figures, "
              f"{result['seed_save_figures_seconds']:.3f} s with figures")

        rates = {}
        for jobs in [int(j) for j in args.jobs.split(",")]:
            r = run_child(files, tmp / f"out-{jobs}", jobs, False)
            rate = r["ok"] / r["seconds"] if r["seconds"] else 0.0
            rates[jobs] = rate
            result[f"jobs{jobs}"] = {**r, "articles_per_second": rate}
            print(f"batch --jobs {jobs}: {r['ok']} ok, {r['failed']} failed in {r['seconds']:.1f} s = {rate:.1f} articles/s "
                  f"(figures off); peak RSS parent {r['peak_rss_mb_parent']:.0f} MB, worker {r['peak_rss_mb_worker']:.0f} MB")
        if len(rates) > 1:
            first, last = min(rates), max(rates)
            result["speedup"] = rates[last] / rates[first] if rates[first] else None
            print(f"speed-up jobs {last} vs {first}: {result['speedup']:.2f}x (ideal {last / first:.0f}x)")

        if args.figures_sample:
            sample = files[: args.figures_sample]
            off = run_child(sample, tmp / "fig-off", 1, False)
            on = run_child(sample, tmp / "fig-on", 1, True)
            per = (on["seconds"] - off["seconds"]) / max(1, on["ok"])
            result["figures_seconds_per_article"] = per
            print(f"figures: +{per:.3f} s per article ({len(sample)} articles, jobs 1: "
                  f"{off['seconds']:.1f} s without, {on['seconds']:.1f} s with)")

        if args.profile:
            rows = profile_batch(paths if not args.limit else files, args.profile_limit, tmp / "profile")
            result["profile_seconds_per_article"] = dict(rows)
            for name, secs in rows:
                print(f"profile: {name:<20} {secs * 1000:8.1f} ms per article")
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
