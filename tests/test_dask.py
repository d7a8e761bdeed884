"""Batch on a real Dask cluster (a `dask scheduler` and two `dask worker` processes on 127.0.0.1).

Outputs byte-identical to a local run; skip / --force / bad files as locally; a worker killed in
the middle of a run loses and duplicates no article.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from helpers import batch, scale
from helpers.paths import PROJECT_ROOT

SAMPLE = PROJECT_ROOT / "seeds" / "corpus" / "narrative_frames"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    """A scheduler and ``n`` single-threaded workers as separate processes (the `dask` CLI)."""

    def __init__(self, n_workers: int = 2):
        self.port = _free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        env = {**os.environ, "MPLBACKEND": "Agg", "OMP_NUM_THREADS": "1"}
        self.scheduler = subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", str(self.port),
             "--no-dashboard"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        self.workers = [subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", self.address, "--nthreads", "1", "--host", "127.0.0.1",
             "--no-dashboard", "--no-nanny", "--name", f"w{i}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=env) for i in range(n_workers)]
        from distributed import Client

        with Client(self.address, timeout="60s") as client:
            client.wait_for_workers(n_workers, timeout=120)

    def close(self):
        for proc in self.workers + [self.scheduler]:
            if proc.poll() is None:
                proc.terminate()
        for proc in self.workers + [self.scheduler]:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="module")
def cluster():
    c = Cluster(2)
    yield c
    c.close()


@pytest.fixture(scope="module")
def corpus20(tmp_path_factory):
    """19 sample articles, one empty file (a bad input): 20 inputs."""
    folder = tmp_path_factory.mktemp("corpus20")
    for path in sorted(SAMPLE.glob("nf-*.md"))[:19]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "zz-empty.txt").write_bytes(b"")
    return folder


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_dask_run_is_byte_identical_to_a_local_run(cluster, corpus20, tmp_path):
    local = batch.run([corpus20], tmp_path / "local", progress=False)
    remote = batch.run([corpus20], tmp_path / "dask", progress=False, scheduler=cluster.address)
    assert (remote.ok, remote.skipped, remote.failed) == (local.ok, local.skipped, local.failed) == (19, 0, 1)
    assert remote.errors == local.errors == [(str(corpus20 / "zz-empty.txt"), "empty file (no text)")]
    a, b = _tree(tmp_path / "local"), _tree(tmp_path / "dask")
    assert sorted(a) == sorted(b)
    assert len([k for k in a if k.endswith("/article.json")]) == 19
    assert any(k.startswith(scale.CORPUS_FIGURES + "/") for k in a)
    assert [k for k in a if a[k] != b[k]] == []


def test_dask_skip_touch_and_force_behave_as_locally(cluster, corpus20, tmp_path):
    out = tmp_path / "out"
    first = batch.run([corpus20], out, progress=False, scheduler=cluster.address)
    assert (first.ok, first.skipped, first.failed) == (19, 0, 1)
    again = batch.run([corpus20], out, progress=False, scheduler=cluster.address)
    assert (again.ok, again.skipped, again.failed) == (0, 19, 1)
    touched = sorted(corpus20.glob("nf-*.md"))[3]
    os.utime(touched, ns=(touched.stat().st_atime_ns, touched.stat().st_mtime_ns + 10**9))
    once = batch.run([corpus20], out, progress=False, scheduler=cluster.address)
    assert (once.ok, once.skipped) == (1, 18)
    forced = batch.run([corpus20], out, progress=False, force=True, scheduler=cluster.address)
    assert (forced.ok, forced.skipped) == (19, 0)
    rows = pd.read_csv(out / "articles.csv")
    assert len(rows) == 19 and rows["slug"].is_unique


def test_dask_per_article_figures_are_identical_too(cluster, corpus20, tmp_path):
    files = [str(p) for p in sorted(corpus20.glob("nf-*.md"))[:2]]
    batch.run(files, tmp_path / "local", figures="all", progress=False)
    batch.run(files, tmp_path / "dask", figures="all", progress=False, scheduler=cluster.address)
    a, b = _tree(tmp_path / "local"), _tree(tmp_path / "dask")
    assert sum(k.endswith(".svg") for k in a) > 10
    assert sorted(a) == sorted(b) and [k for k in a if a[k] != b[k]] == []


def test_cli_scheduler_unreachable_is_one_line(tmp_path, corpus20, capsys):
    from helpers.cli import main

    address = f"tcp://127.0.0.1:{_free_port()}"
    status = main(["analyze", str(corpus20), "--out", str(tmp_path / "o"), "--scheduler", address, "--quiet"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 2
    assert err[-1].startswith(f"error: {address}: cannot reach the Dask scheduler")


def test_killing_a_worker_mid_run_loses_and_duplicates_nothing(corpus20, tmp_path):
    local = tmp_path / "local"
    batch.run([corpus20], local, progress=False)
    c = Cluster(2)
    try:
        out = tmp_path / "dask"
        run = subprocess.Popen([sys.executable, "-m", "helpers", "analyze", str(corpus20), "--out", str(out),
                                "--scheduler", c.address, "--quiet"], cwd=PROJECT_ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "MPLBACKEND": "Agg"})
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and run.poll() is None:
            done = list(out.glob("*/.done")) if out.exists() else []
            if len(done) >= 3:
                break
            time.sleep(0.05)
        assert run.poll() is None, "the run ended before a worker could be killed"
        written_before_kill = len(list(out.glob("*/.done")))
        os.kill(c.workers[0].pid, signal.SIGKILL)
        stdout, stderr = run.communicate(timeout=600)
        assert written_before_kill < 19
        assert run.returncode == 1, stderr  # 1: the empty file failed, nothing else
        assert "19 analysed, 0 up to date, 1 failed" in stdout
        rows = pd.read_csv(out / "articles.csv")
        assert len(rows) == 19 and rows["slug"].is_unique
        assert (out / "articles.csv").read_bytes() == (local / "articles.csv").read_bytes()
        assert (out / "article_actors.csv").read_bytes() == (local / "article_actors.csv").read_bytes()
        a, b = _tree(local), _tree(out)
        assert sorted(a) == sorted(b) and [k for k in a if a[k] != b[k]] == []
    finally:
        c.close()


def test_local_cluster_workers_run_without_the_profiler_and_the_fast_tick():
    """``--scheduler local`` starts its scheduler, nannies and workers with `QUIET_CLUSTER`."""
    from helpers.dask_runner import connect

    client = connect("local", 2)
    try:
        def settings(dask_worker):
            return sorted(dask_worker.periodic_callbacks), dask_worker._tick_interval

        found = client.run(settings)
        scheduler_tick = client.run_on_scheduler(lambda dask_scheduler: dask_scheduler._tick_interval)
    finally:
        cluster = client.cluster
        client.close()
        cluster.close()
    assert len(found) == 2
    for callbacks, tick in found.values():
        assert "profile" not in callbacks and "heartbeat" in callbacks
        assert tick == 1.0
    assert scheduler_tick == 1.0
