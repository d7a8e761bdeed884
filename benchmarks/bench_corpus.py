"""A generated corpus of 10,000 articles at --jobs 2: wall time, throughput, and memory over time.

    .venv/bin/python benchmarks/bench_corpus.py [--articles 10000] [--jobs 2] [--figures corpus] [--json]

Generates ``--articles`` article files (deterministic, seed 0) by sampling 4–16 paragraphs each
from the Narrative Frames sample corpus (``seeds/corpus/narrative_frames``, climate news from US
and UK outlets) and the OneStopEnglish texts (``../shared/data/onestopenglish``, when present),
with a headline and an outlet line, into 1,000-file subfolders of a temporary folder. Then runs
``python -m helpers analyze DIR --out OUT --jobs N`` (the defaults otherwise: corpus figures
only) as a subprocess and samples the resident memory of its whole process tree (parent plus
workers, RSS via psutil; shared copy-on-write pages count once per process, so this is an upper
bound) every second. Prints wall time, articles per second, the CPU seconds of all its processes
(so the rate it would reach on cores of its own, when the machine is shared), peak RSS, and RSS at each tenth of
the run, so a leak shows as a rising series; "flat" means the last tenth is within 15 % of the
second tenth. ``--inputs`` runs real articles instead (the issue's 300-article class:
``--inputs ../shared/data/polnear/train/text --articles 300``). Every second's sample (RSS and
PSS of the tree, the parent's and the largest worker's RSS, articles done, the load average)
goes to a CSV, plotted as a PNG beside it (``--csv``; default under ``.bench/``).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "seeds" / "corpus" / "narrative_frames"
OUTLETS = ["The Daily Example", "Northern Courier", "Harbour Times", "Metro Ledger", "Valley Post", "Coastal Herald"]


def paragraph_pool() -> list[str]:
    """Paragraphs of the Narrative Frames sample (front matter dropped) and of OneStopEnglish."""
    from helpers.paths import SHARED_DATA

    pool = []
    for path in sorted(SAMPLE.glob("nf-*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[2]
        pool.extend(p.strip() for p in text.split("\n\n") if len(p.split()) >= 8)
    onestop = SHARED_DATA / "onestopenglish"
    for path in sorted(onestop.glob("*/*.txt")) if onestop.exists() else []:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
        pool.extend(p.strip() for p in text.splitlines() if len(p.split()) >= 8)
    return pool


def generate(n: int, folder: Path, seed: int = 0) -> int:
    """Write ``n`` articles under ``folder`` (1,000 per subfolder); returns the number of words."""
    rng = random.Random(seed)
    pool = paragraph_pool()
    words = 0
    for i in range(n):
        sub = folder / f"part{i // 1000:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        paras = rng.sample(pool, rng.randint(4, 16))
        title = " ".join(paras[0].split()[:8]).rstrip(".,;:")
        body = "\n\n".join(paras)
        words += len(body.split())
        (sub / f"article-{i:05d}.txt").write_text(f"{title}\n\nBy Staff, {rng.choice(OUTLETS)}\n\n{body}\n",
                                                  encoding="utf-8")
    return words


def copy_inputs(paths: list[str], n: int, folder: Path) -> int:
    """Copy ``n`` article files of ``paths`` (evenly spaced in sorted order) into ``folder``; returns words."""
    import shutil

    from helpers.batch import expand

    files = expand(paths)
    step = max(1, len(files) // max(1, n))
    folder.mkdir(parents=True)
    words = 0
    for path in files[::step][:n]:
        shutil.copyfile(path, folder / path.name)
        words += len(path.read_text(encoding="utf-8", errors="replace").split())
    return words


def tree_memory_mb(proc) -> dict[str, float]:
    """Memory of ``proc`` and its descendants now, in MB: ``rss`` (the sum of their resident sets;
    pages shared copy-on-write count once per process, an upper bound), ``pss`` (proportional set
    size: each shared page split between its sharers, so the sum is what the tree really holds),
    ``parent_rss`` and ``workers_rss`` (the largest child's)."""
    import psutil

    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return {"rss": 0.0, "pss": 0.0, "parent_rss": 0.0, "workers_rss": 0.0}
    rss, pss, parent, workers = 0, 0, 0, 0
    for p in procs:
        try:
            full = p.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += full.rss
        pss += getattr(full, "pss", full.rss)
        if p.pid == proc.pid:
            parent = full.rss
        else:
            workers = max(workers, full.rss)
    mb = 2**20
    return {"rss": rss / mb, "pss": pss / mb, "parent_rss": parent / mb, "workers_rss": workers / mb}


def write_samples(samples: list[dict], csv_path: Path, title: str) -> Path | None:
    """The memory samples as CSV (one row per second) and, beside it, a PNG of RSS and PSS over time."""
    import csv

    csv_path.parent.mkdir(parents=True, exist_ok=True)
    with open(csv_path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(samples[0]) if samples else ["seconds"])
        writer.writeheader()
        writer.writerows({k: round(v, 1) if isinstance(v, float) else v for k, v in row.items()} for row in samples)
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover - a dependency
        return None
    fig, ax = plt.subplots(figsize=(8, 3.5))
    t = [r["seconds"] for r in samples]
    for key, label in (("rss_mb", "RSS, parent + workers"), ("pss_mb", "PSS, parent + workers"),
                       ("parent_rss_mb", "RSS, parent"), ("worker_rss_mb", "RSS, largest worker")):
        ax.plot(t, [r[key] for r in samples], label=label)
    ax.set_xlabel("seconds since start")
    ax.set_ylabel("MB")
    ax.set_ylim(bottom=0)
    ax.set_title(title, fontsize=9)
    done = ax.twinx()
    done.plot(t, [r["articles_done"] for r in samples], color="grey", linestyle=":", label="articles done")
    done.set_ylabel("articles done")
    ax.legend(loc="lower right", fontsize=7)
    png = csv_path.with_suffix(".png")
    fig.tight_layout()
    fig.savefig(png, dpi=100)
    plt.close(fig)
    return png


def main(argv=None) -> int:
    import psutil

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--figures", default="auto", help="--figures of the run (default auto = corpus figures)")
    parser.add_argument("--scheduler", help="run on this Dask scheduler instead of the local pool")
    parser.add_argument("--inputs", nargs="+", help="real articles instead of a generated corpus: files or folders, "
                        "--articles of them evenly spaced in sorted order (e.g. ../shared/data/polnear/train/text)")
    parser.add_argument("--sentiment", choices=("encoder", "fast"), help="--sentiment of the run (default: the CLI's, encoder)")
    parser.add_argument("--csv", type=Path, help="memory samples, one row per second (default "
                        ".bench/corpus-memory-<articles>-jobs<N>[-<sentiment>].csv; a PNG plot beside it)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as tmp:
        tmp = Path(tmp)
        t0 = time.perf_counter()
        if args.inputs:
            words = copy_inputs(args.inputs, args.articles, tmp / "in")
            args.articles = min(args.articles, len(list((tmp / "in").iterdir())))
            print(f"copied {args.articles} real articles, {words} words ({words / args.articles:.0f} per article)",
                  flush=True)
        else:
            words = generate(args.articles, tmp / "in")
            print(f"generated {args.articles} articles, {words} words ({words / args.articles:.0f} per article) "
                  f"in {time.perf_counter() - t0:.1f} s", flush=True)
        cmd = [sys.executable, "-m", "helpers", "analyze", str(tmp / "in"), "--out", str(tmp / "out"),
               "--jobs", str(args.jobs), "--figures", args.figures, "--quiet"]
        if args.scheduler:
            cmd += ["--scheduler", args.scheduler]
        if args.sentiment:
            cmd += ["--sentiment", args.sentiment]
        env = {**os.environ, "MPLBACKEND": "Agg"}  # thread counts: the run's own (cores / jobs per worker)
        started = time.perf_counter()
        out_log, err_log = open(tmp / "stdout.txt", "w+"), open(tmp / "stderr.txt", "w+")
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out_log, stderr=err_log, text=True)
        watcher = psutil.Process(proc.pid)
        samples: list[tuple[float, float, int]] = []  # (seconds, RSS MB, articles done)
        rows: list[dict] = []  # the CSV
        next_tenth = 1
        articles_csv = tmp / "out" / ".articles.csv.part"
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)  # usage: the run and its reaped workers
            if pid:
                break
            done = 0
            try:
                with open(articles_csv, "rb") as handle:
                    done = max(0, sum(1 for _ in handle) - 1)
            except OSError:
                pass
            mem = tree_memory_mb(watcher)
            samples.append((time.perf_counter() - started, mem["rss"], done))
            rows.append({"seconds": samples[-1][0], "articles_done": done, "rss_mb": mem["rss"], "pss_mb": mem["pss"],
                         "parent_rss_mb": mem["parent_rss"], "worker_rss_mb": mem["workers_rss"],
                         "load_average_1min": os.getloadavg()[0]})
            while done >= args.articles * next_tenth / 10 and next_tenth <= 10:  # progress, in case of a stop
                print(f"  {done} articles after {samples[-1][0]:.0f} s, RSS now {samples[-1][1]:.0f} MB, "
                      f"peak so far {max(mb for _, mb, _ in samples):.0f} MB", flush=True)
                next_tenth += 1
            time.sleep(1.0)
        wall = time.perf_counter() - started
        cpu = usage.ru_utime + usage.ru_stime
        stdout, stderr = (tmp / "stdout.txt").read_text(), (tmp / "stderr.txt").read_text()
        out_log.close()
        err_log.close()
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            print(stderr[-2000:], file=sys.stderr)
            return 1
        summary = stdout.strip().splitlines()[-1] if stdout.strip() else ""
        peak = max((mb for _, mb, _ in samples), default=0.0)
        tenths = []
        for k in range(1, 11):
            cut = [mb for _, mb, done in samples if done <= args.articles * k / 10 and done > args.articles * (k - 1) / 10]
            tenths.append(max(cut) if cut else float("nan"))
        flat = bool(tenths[1] == tenths[1] and tenths[-1] == tenths[-1] and tenths[-1] <= 1.15 * tenths[1])
        peak_pss = max((r["pss_mb"] for r in rows), default=0.0)
        peak_parent = max((r["parent_rss_mb"] for r in rows), default=0.0)
        peak_worker = max((r["worker_rss_mb"] for r in rows), default=0.0)
        loads = [r["load_average_1min"] for r in rows]
        label = f"{args.articles}-jobs{args.jobs}" + (f"-{args.sentiment}" if args.sentiment else "")
        csv_path = args.csv or ROOT / ".bench" / f"corpus-memory-{label}.csv"
        png = write_samples(rows, csv_path, f"analyze {args.articles} articles, --jobs {args.jobs}"
                            + (f", --sentiment {args.sentiment}" if args.sentiment else ""))
        print(f"analyze --jobs {args.jobs}{' --scheduler ' + args.scheduler if args.scheduler else ''}: {summary}")
        print(f"wall {wall:.1f} s = {args.articles / wall:.2f} articles/s; peak RSS of the process tree {peak:.0f} MB")
        print(f"CPU {cpu:.1f} s = {cpu / args.articles:.3f} s per article (all processes); on {args.jobs} cores of "
              f"its own the run would reach about {args.jobs * args.articles / cpu:.2f} articles/s")
        print("RSS (MB, max) per tenth of the articles: " + " ".join(f"{mb:.0f}" for mb in tenths)
              + f"  -> {'flat' if flat else 'NOT flat'}")
        print(f"peak PSS of the process tree {peak_pss:.0f} MB (shared pages split); peak RSS of the parent "
              f"{peak_parent:.0f} MB, of the largest worker {peak_worker:.0f} MB")
        if loads:
            print(f"load average (1 min) during the run: {min(loads):.1f}–{max(loads):.1f}, "
                  f"mean {sum(loads) / len(loads):.1f}")
        print(f"memory samples: {csv_path}" + (f" (plot {png})" if png else ""))
        result = {"articles": args.articles, "words": words, "jobs": args.jobs, "wall_seconds": wall,
                  "articles_per_second": args.articles / wall, "peak_rss_mb": peak, "rss_by_tenth_mb": tenths,
                  "flat": flat, "summary": summary, "cpu_seconds": cpu, "peak_pss_mb": peak_pss,
                  "peak_parent_rss_mb": peak_parent, "peak_worker_rss_mb": peak_worker,
                  "load_average": [min(loads), max(loads)] if loads else None, "samples_csv": str(csv_path),
                  "articles_per_second_own_cores": args.jobs * args.articles / cpu}
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
