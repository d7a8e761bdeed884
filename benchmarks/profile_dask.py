"""Where the Dask overhead goes: CPU seconds per process and worker idle time, pool against Dask.

    .venv/bin/python benchmarks/profile_dask.py [--inputs DIR] [--articles 80] [--jobs 2]
        [--figures none|auto] [--modes pool,cluster,local] [--json]

Wall times on a shared machine say little, so this counts CPU seconds (user + system) of every
process of a run, by role:

* ``pool``: ``--jobs N``: the parent and its N forked workers;
* ``cluster``: a cluster started by hand beforehand (``dask scheduler`` and ``dask worker
  --nworkers N --nthreads 1``, nannies included, as the docs tell users to start one), then the
  client (the ``analyze --scheduler tcp://…`` command); only the CPU spent during the client's
  run is counted for the long-lived scheduler and worker processes;
* ``local``: ``--scheduler local`` (the client process also runs the scheduler and the nannies;
  the worker processes are its children).

For Dask runs it also reads the scheduler's task stream (``Client.get_task_stream``): per worker,
the seconds spent computing tasks, and idle = the client's run time minus those. Inputs default
to the first ``--articles`` PolNeAR training texts (../shared/data/polnear/train/text).
"""
from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
ENV = {**os.environ, "MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}


def _cpu(proc: psutil.Process) -> float:
    t = proc.cpu_times()
    return t.user + t.system


class TreeSampler:
    """CPU seconds per process of the trees under ``roots``, sampled every ``interval`` s (the
    last sample of a process that exits is what it is charged; the totals come from rusage)."""

    def __init__(self, roots: dict[str, psutil.Process], interval: float = 0.2):
        self.roots, self.interval = roots, interval
        self.seen: dict[int, tuple[str, float]] = {}
        self.start_cpu = {p.pid: _cpu(p) for p in roots.values()}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    @staticmethod
    def _role(role, depth):
        return role if depth == 0 else f"{role} child"

    def _sample(self):
        for role, root in self.roots.items():
            try:
                procs = [(root, 0)] + [(c, 1) for c in root.children(recursive=True)]
            except psutil.Error:
                continue
            for proc, depth in procs:
                try:
                    self.seen[proc.pid] = (self._role(role, depth), _cpu(proc) - self.start_cpu.get(proc.pid, 0.0))
                except psutil.Error:
                    pass

    def _loop(self):
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def by_role(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for role, cpu in self.seen.values():
            out[role] = out.get(role, 0.0) + cpu
        return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def analyze_cmd(inputs: Path, out: Path, jobs: int, figures: str, scheduler: str | None) -> list[str]:
    cmd = [sys.executable, "-m", "helpers", "analyze", str(inputs), "--out", str(out), "--jobs", str(jobs),
           "--figures", figures, "--force", "--quiet"]
    return cmd + (["--scheduler", scheduler] if scheduler else [])


def run_client(cmd: list[str], extra_roots: dict[str, psutil.Process]) -> dict:
    """Run the analyze command; CPU seconds by role (its own tree plus ``extra_roots``' trees)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sampler = TreeSampler({"client": psutil.Process(proc.pid), **extra_roots})
    with sampler:
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"run failed: {proc.stderr.read().decode()[-800:]}")
    return {"wall": wall, "client_tree_cpu": usage.ru_utime + usage.ru_stime, "roles": sampler.by_role(),
            "t0": time.time() - wall, "t1": time.time()}


def task_stream(address: str, since: float) -> dict:
    from distributed import Client

    with Client(address, timeout="30s") as client:
        records = client.get_task_stream(start=since)
    per_worker: dict[str, float] = {}
    other: dict[str, float] = {}
    spans = []
    for rec in records:
        for ss in rec.get("startstops", ()):
            seconds = ss["stop"] - ss["start"]
            if ss["action"] == "compute":
                per_worker[rec["worker"]] = per_worker.get(rec["worker"], 0.0) + seconds
                spans.append((ss["start"], ss["stop"], rec["worker"]))
            else:
                other[ss["action"]] = other.get(ss["action"], 0.0) + seconds
    gaps = {}
    for worker in per_worker:
        mine = sorted(s for s in spans if s[2] == worker)
        gaps[worker] = [round(b[0] - a[1], 4) for a, b in zip(mine, mine[1:])]
    first = min((s[0] for s in spans), default=since)
    last = max((s[1] for s in spans), default=since)
    return {"tasks": len(records), "compute_by_worker": per_worker, "other_actions": other,
            "first_start": first, "last_stop": last, "gaps": gaps}


def install_task_stream(address: str) -> None:
    from distributed import Client

    with Client(address, timeout="30s") as client:
        client.get_task_stream(start=time.time())  # adds the scheduler's TaskStreamPlugin


def mode_pool(inputs, out, jobs, figures):
    return run_client(analyze_cmd(inputs, out, jobs, figures, None), {})


def mode_cluster(inputs, out, jobs, figures, nanny=True):
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    sched = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                              "--port", str(port), "--no-dashboard"], env=ENV, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    worker = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_worker", address, "--nworkers", str(jobs),
                               "--nthreads", "1", "--host", "127.0.0.1", "--no-dashboard"]
                              + ([] if nanny else ["--no-nanny"]), env=ENV, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    try:
        from distributed import Client

        with Client(address, timeout="60s") as client:
            client.wait_for_workers(jobs, timeout=180)
        install_task_stream(address)
        time.sleep(2)
        roots = {"scheduler": psutil.Process(sched.pid), "dask worker": psutil.Process(worker.pid)}
        before = {p.pid: _cpu(p) for r in roots.values() for p in [r] + r.children(recursive=True)}
        result = run_client(analyze_cmd(inputs, out, jobs, figures, address), roots)
        after = {}
        for role, r in roots.items():
            for i, p in enumerate([r] + r.children(recursive=True)):
                label = role if i == 0 else f"{role} child"
                after[label] = after.get(label, 0.0) + _cpu(p) - before.get(p.pid, 0.0)
        result["roles"].update(after)
        result["stream"] = task_stream(address, result["t0"])
        return result
    finally:
        for p in (worker, sched):
            p.terminate()
        for p in (worker, sched):
            try:
                p.wait(timeout=30)
            except subprocess.TimeoutExpired:
                p.kill()


def mode_local(inputs, out, jobs, figures):
    return run_client(analyze_cmd(inputs, out, jobs, figures, "local"), {})


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=Path, default=POLNEAR)
    parser.add_argument("--articles", type=int, default=80)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--figures", default="none")
    parser.add_argument("--modes", default="pool,cluster,local")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    files = sorted(p for p in args.inputs.iterdir() if p.is_file())[: args.articles]
    results = {}
    with tempfile.TemporaryDirectory(prefix="profile-dask-") as tmp:
        tmp = Path(tmp)
        (tmp / "in").mkdir()
        for p in files:
            (tmp / "in" / p.name).write_bytes(p.read_bytes())
        n = len(files)
        for mode in args.modes.split(","):
            fn = {"pool": mode_pool, "cluster": mode_cluster, "local": mode_local,
                  "cluster-nonanny": lambda *a: mode_cluster(*a, nanny=False)}[mode]
            res = fn(tmp / "in", tmp / mode, args.jobs, args.figures)
            results[mode] = res
            roles = {k: round(v, 2) for k, v in sorted(res["roles"].items())}
            total = sum(res["roles"].values())
            print(f"{mode:16s} wall {res['wall']:6.1f} s  CPU all {total:6.1f} s = {total / n:.3f} s/article  "
                  f"(client tree rusage {res['client_tree_cpu']:.1f})  {roles}", flush=True)
            if "stream" in res:
                st = res["stream"]
                busy = {w.rsplit(':', 1)[-1]: round(s, 1) for w, s in st["compute_by_worker"].items()}
                span = res["wall"]
                idle = {w: round(span - s, 1) for w, s in busy.items()}
                gaps = [g for gs in st["gaps"].values() for g in gs]
                gaps.sort()
                med = gaps[len(gaps) // 2] if gaps else 0
                print(f"{'':16s} tasks {st['tasks']}, compute per worker {busy}, idle of the run {idle}; "
                      f"first task starts {st['first_start'] - res['t0']:.1f} s after the client, last ends "
                      f"{res['t1'] - st['last_stop']:.1f} s before it exits; gaps between a worker's tasks: "
                      f"median {med * 1000:.0f} ms, sum {sum(gaps):.1f} s; other {st['other_actions']}", flush=True)
    if args.json:
        print(json.dumps(results, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
