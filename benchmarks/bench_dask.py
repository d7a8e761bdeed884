"""Dask overhead against the local pool, on one machine: the same batch both ways.

    .venv/bin/python benchmarks/bench_dask.py [--articles 300] [--jobs 2] [--json]

Generates ``--articles`` articles as `bench_corpus` does and analyses them three times, each in a
fresh process, figures off (``--figures none``) so the analysis itself is compared:

* the local pool, ``--jobs N``;
* Dask, on a cluster of N single-threaded worker processes started beforehand (a
  ``LocalCluster``, as a scheduler and workers started by hand would be): the per-article cost of
  Dask (task submission, inputs and output folders sent through the scheduler, writing here);
  once with Dask's default settings and once with the settings docs/corpus-scale.md gives for
  workers started by hand (`dask_runner.QUIET_CLUSTER`: no statistical profiler, a 1 s tick);
* ``--scheduler local``, the cluster started by the command itself (its start-up included).

The local pool runs first and again last (the faster of the two counts), since the load of a
shared machine drifts. Prints each wall time and the ratios Dask / local (aim: ≤ 1.2 for the
pre-started cluster with the recommended settings). CPU seconds per process, and where Dask's
extra time goes: `profile_dask.py`.
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
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_corpus import generate  # noqa: E402


def timed_run(inputs: Path, out: Path, jobs: int, scheduler: str | None = None) -> float:
    cmd = [sys.executable, "-m", "helpers", "analyze", str(inputs), "--out", str(out), "--jobs", str(jobs),
           "--figures", "none", "--force", "--quiet"]
    if scheduler:
        cmd += ["--scheduler", scheduler]
    env = {**os.environ, "MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=7200)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"run failed ({scheduler or 'local'}): {done.stderr.strip()[-500:]}")
    return wall


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    import dask
    from distributed import LocalCluster

    from helpers.dask_runner import QUIET_CLUSTER

    with tempfile.TemporaryDirectory(prefix="bench-dask-") as tmp:
        tmp = Path(tmp)
        generate(args.articles, tmp / "in")
        local = timed_run(tmp / "in", tmp / "local", args.jobs)
        os.environ["OMP_NUM_THREADS"] = "1"
        with LocalCluster(n_workers=args.jobs, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster:
            defaults = timed_run(tmp / "in", tmp / "dask-defaults", args.jobs, cluster.scheduler_address)
        with dask.config.set(QUIET_CLUSTER), LocalCluster(n_workers=args.jobs, threads_per_worker=1, processes=True,
                                                          dashboard_address=":0") as cluster:
            started = timed_run(tmp / "in", tmp / "dask", args.jobs, cluster.scheduler_address)
        own = timed_run(tmp / "in", tmp / "dask-local", args.jobs, "local")
        local = min(local, timed_run(tmp / "in", tmp / "local", args.jobs))  # again, last: a shared machine drifts
        same = all((tmp / "local" / name).read_bytes() == (tmp / run / name).read_bytes()
                   for name in ("articles.csv", "article_actors.csv", "errors.csv")
                   for run in ("dask", "dask-defaults", "dask-local"))
    n = args.articles
    print(f"{n} articles, --jobs {args.jobs}, figures off")
    print(f"local pool:                               {local:7.1f} s  ({n / local:.2f} articles/s)")
    print(f"Dask, cluster started, Dask defaults:     {defaults:7.1f} s  ({n / defaults:.2f} articles/s)  "
          f"{defaults / local:.2f}x local")
    print(f"Dask, cluster started, QUIET_CLUSTER:     {started:7.1f} s  ({n / started:.2f} articles/s)  "
          f"{started / local:.2f}x local")
    print(f"Dask, --scheduler local:                  {own:7.1f} s  ({n / own:.2f} articles/s)  {own / local:.2f}x local "
          f"(cluster start-up included)")
    print(f"corpus tables identical: {same}")
    result = {"articles": n, "jobs": args.jobs, "local_seconds": local, "dask_seconds": started,
              "dask_defaults_seconds": defaults,
              "dask_local_cluster_seconds": own, "overhead": started / local, "overhead_dask_defaults": defaults / local,
              "overhead_with_startup": own / local, "identical": same}
    if args.json:
        print(json.dumps(result))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
