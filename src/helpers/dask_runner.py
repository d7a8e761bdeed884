"""Run a batch on a Dask cluster: ``python -m helpers analyze PATH... --out DIR --scheduler ADDRESS``.

The multiprocessing pool of `helpers.batch` stays the default; this module is the engine past one
machine (Dask distributed, https://distributed.dask.org). `batch.run` calls `dask_results` in
place of its pool, so everything around it is the same code: the input list and slugs, the
progress bar, the corpus tables streamed row by row in input order, the error lines, the summary,
the corpus figures. What differs is where an article is analysed and how its files travel:

* the CLIENT (this process) checks each input as the local worker would (missing, not a file,
  up to date → its rows are re-read from ``DIR/<slug>/``, unreadable), reads its bytes and records
  its ``.done`` stamp; only then does it submit a task. Inputs travel WITH the task, so workers
  need no shared input file system;
* a WORKER (any machine with this package installed, same version) analyses the bytes, writes the
  article folder into its own temporary folder and sends back every file of it (bytes) plus the
  corpus rows; a worker whose package differs (`batch.fingerprint`) refuses the task with a clear
  error rather than write other results;
* the client writes each returned folder atomically (temporary sibling, then rename), exactly as
  `Analysis.save` does, so outputs are byte-identical to a local run of the same inputs.

At most ``window`` tasks are submitted or waiting to be written at once (memory stays flat), and
results are written in input order. A worker that dies takes its running tasks with it; the
scheduler re-runs them on another worker, and each article is still written once (a task's result
is received once). A task that cannot run at all (Dask gives up on it, e.g. it killed workers
three times) becomes that input's error line.

``ADDRESS`` is a scheduler address (``tcp://HOST:8786``) or ``local``: a ``LocalCluster`` of
``jobs`` single-threaded worker processes on this machine, for Dask's dashboard (with ``bokeh``
installed). See docs/corpus-scale.md.
"""
from __future__ import annotations

import json
import sys
import tempfile
import threading
from collections import deque
from pathlib import Path

from .errors import InputError
from .fsutil import atomic_dir

#: Tasks in flight or waiting to be written, per worker thread of the cluster.
WINDOW_PER_THREAD = 4
#: Dask settings for the cluster ``--scheduler local`` starts (the same ones docs/corpus-scale.md
#: gives for workers started by hand). Dask's defaults cost an idle 2-worker cluster about 0.1 CPU
#: core (measured: 96 ms of CPU per second in scheduler, nannies and workers, 23 with these): the
#: workers' statistical profiler samples every thread's stack every 10 ms (the dashboard's
#: "Profile" page, not used here) and every process checks its event loop every 20 ms.
QUIET_CLUSTER = {"distributed.worker.profile.enabled": False, "distributed.admin.tick.interval": "1s"}
#: One article at a time per worker process: matplotlib and the lazy loaders are not thread-safe.
_ANALYSIS_LOCK = threading.Lock()


# --------------------------------------------------------------------------- worker side
def analyze_payload(task: dict) -> dict:
    """Analyse one article from its bytes on a Dask worker; returns its files and corpus rows.

    ``task``: ``source`` (the path as the user gave it), ``name`` (file name, for the format),
    ``data`` (bytes), ``slug``, ``stamp`` (the client's ``.done`` record), ``fingerprint``,
    ``aliases``, ``figures``. Returns the dict of `batch.process_one` plus ``files``
    (relative path → bytes) on success. Never raises for a bad article.
    """
    from . import batch

    source = task["source"]
    result = {"source": source, "slug": task["slug"], "status": "failed", "error": "", "article": None, "actors": [],
              "warnings": []}
    with _ANALYSIS_LOCK, tempfile.TemporaryDirectory(prefix="helpers-dask-") as tmp:
        tmp_input = Path(tmp) / "in" / task["name"]
        try:
            if batch.fingerprint() != task["fingerprint"]:
                raise InputError(source, f"this Dask worker runs helpers {batch.fingerprint()}, the client "
                                         f"{task['fingerprint']}: install the same version on every worker")
            tmp_input.parent.mkdir()
            tmp_input.write_bytes(task["data"])
            files, result["article"], result["actors"], result["warnings"] = _analyze_file(
                tmp_input, source, task, Path(tmp) / "out")
            result["files"] = files
            result["status"] = "ok"
        except InputError as err:
            result["error"] = err.problem if err.source in (source, str(tmp_input)) else str(err).replace(str(tmp_input), source)
        except Exception as err:  # the same one line as the local pool
            message = " ".join(str(err).split())[:300]
            result["error"] = f"unexpected {type(err).__name__}: {message}" if message else f"unexpected {type(err).__name__}"
    return result


def _analyze_file(path: Path, source: str, task: dict, out: Path):
    from . import batch
    from .article import load_article
    from .pipeline import analyze

    article = load_article(path)
    article.source = str(Path(source).expanduser())  # as a local run records it
    analysis = analyze(article, aliases=task["aliases"], sentiment=task.get("sentiment", "encoder"))
    saved = analysis.save(out, figures=task["figures"], slug=task["slug"])
    (saved / batch.STAMP).write_text(json.dumps({**task["stamp"], "figures": bool(task["figures"])}, indent=1),
                                     encoding="utf-8")
    files = {str(p.relative_to(saved)): p.read_bytes() for p in sorted(saved.rglob("*")) if p.is_file()}
    record = article.to_dict()
    record["slug"] = task["slug"]
    row, actors = batch._rows(record, analysis.tables, task["slug"], source)
    return files, row, actors, list(article.warnings)


try:
    from distributed.diagnostics.plugin import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - distributed is a dependency
    _WorkerPlugin = object


class WarmUp(_WorkerPlugin):
    """Dask worker plugin: load the language resources and the ``sentiment`` model once when a
    worker starts (and when a worker joins later), one encoder thread per worker process."""

    name = "helpers-warm-up"

    def __init__(self, sentiment: str = "encoder"):
        self.sentiment = sentiment

    def setup(self, worker=None):
        from .pipeline import warm_up
        from .scale import one_thread_per_process

        with _ANALYSIS_LOCK:
            one_thread_per_process()  # one encoder thread per worker process
            warm_up(self.sentiment)


# --------------------------------------------------------------------------- client side
def write_folder(out_dir: Path, slug: str, files: dict[str, bytes]) -> Path:
    """Write one article folder from its files, atomically (as `Analysis.save` does)."""
    with atomic_dir(out_dir, slug) as tmp:
        for rel, data in files.items():
            target = tmp / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return out_dir / slug


def prepare_task(path: str, slug: str, config: dict) -> dict:
    """What the client does for one input before submitting: a finished result dict (failed or
    skipped, as `batch.process_one` would give) or ``{"task": …}`` to send to a worker."""
    from . import batch, corpus
    from .article import read_bytes

    out_dir, aliases, figures = Path(config["out_dir"]), config.get("aliases"), config.get("figures", True)
    result = {"source": path, "slug": slug, "status": "failed", "error": "", "article": None, "actors": [], "warnings": []}
    src = Path(path)
    try:
        if not src.exists():
            raise InputError(path, "no such file or folder")
        if not src.is_file():
            raise InputError(path, "not a regular file")
        folder = out_dir / slug
        sentiment = config.get("sentiment", "encoder")
        if not config.get("force", False) and batch.is_up_to_date(folder, src, aliases, figures, sentiment=sentiment):
            article, tables = corpus.read_article_folder(folder)
            result["article"], result["actors"] = batch._rows(article, tables, slug, path)
            result["status"] = "skipped"
            return result
        stamp = batch.stamp_for(src, aliases, sentiment=sentiment)  # before reading, as locally
        data = read_bytes(src)
    except InputError as err:
        result["error"] = err.problem if err.source == path else str(err)
        return result
    except Exception as err:
        message = " ".join(str(err).split())[:300]
        result["error"] = f"unexpected {type(err).__name__}: {message}" if message else f"unexpected {type(err).__name__}"
        return result
    return {"task": {"source": path, "name": src.name, "data": data, "slug": slug, "stamp": stamp,
                     "fingerprint": batch.fingerprint(), "aliases": aliases, "figures": bool(figures),
                     "sentiment": sentiment}}


def connect(scheduler: str, jobs: int = 1):
    """A ``distributed.Client`` for ``scheduler`` (an address, or ``local`` for a LocalCluster of
    ``jobs`` single-threaded worker processes). Raises `InputError` when it cannot connect."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - a dependency of the package
        raise InputError("--scheduler", "needs the 'distributed' package (pip install distributed)") from None
    import logging

    logging.getLogger("distributed").setLevel(logging.WARNING)
    if scheduler == "local":
        import dask

        with dask.config.set(QUIET_CLUSTER):  # read when the scheduler, nannies and workers start
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   dashboard_address=":0")  # any free port: no clash, no warning
        client = Client(cluster)
        if _has_bokeh():
            print(f"Dask dashboard: {client.dashboard_link}", file=sys.stderr)
        return client
    try:
        return Client(scheduler, timeout="10s")
    except (OSError, TimeoutError, ValueError) as err:
        raise InputError(scheduler, f"cannot reach the Dask scheduler ({type(err).__name__}: {err})") from None


def _has_bokeh() -> bool:
    import importlib.util

    return importlib.util.find_spec("bokeh") is not None


def dask_results(scheduler: str, tasks: list[tuple[str, str]], config: dict, jobs: int = 1):
    """Yield one result dict per ``(path, slug)`` in ``tasks``, IN ORDER, as `batch.process_one` would,
    the articles analysed on the Dask cluster at ``scheduler`` and their folders written here."""
    client = connect(scheduler, jobs)
    try:
        yield from _ordered_results(client, tasks, config)
    finally:
        cluster = getattr(client, "cluster", None) if scheduler == "local" else None
        client.close()
        if cluster is not None:
            cluster.close()


def _ordered_results(client, tasks, config):
    from uuid import uuid4

    from distributed import as_completed

    try:
        client.register_plugin(WarmUp(config.get("sentiment", "encoder")))
    except Exception as err:  # the first task of each worker warms it up instead
        print(f"warning: Dask workers not warmed up ({type(err).__name__}: {err})", file=sys.stderr)
    out_dir = Path(config["out_dir"])
    threads = sum(client.nthreads().values()) or 1
    window = max(8, WINDOW_PER_THREAD * threads)
    run_id = uuid4().hex[:8]
    pending = deque()  # input order: a finished result dict, or the key (a tuple) of a submitted task
    queue = iter(tasks)
    running = as_completed()
    inputs: dict = {}  # task key -> (source, slug)
    done: dict = {}  # task key -> result dict (its folder already written)

    def refill():
        for path, slug in queue:
            prepared = prepare_task(path, slug, config)
            if "task" in prepared:
                key = (f"helpers-analyze-{run_id}", slug)  # one task group: the dashboard's one bar, Dask's queuing
                running.add(client.submit(analyze_payload, prepared["task"], pure=False, key=key))
                inputs[key] = (path, slug)
                pending.append(key)
            else:
                pending.append(prepared)
            if len(pending) >= window:
                return

    refill()
    while pending:
        head = pending[0]
        if isinstance(head, tuple):
            while head not in done:  # write every folder as its result arrives, rows in input order
                future = next(running)
                done[future.key] = _collect(future, out_dir, *inputs.pop(future.key))
            head = done.pop(head)
        pending.popleft()
        yield head
        refill()


def _collect(future, out_dir: Path, source: str, slug: str) -> dict:
    """The result of a finished task, its folder written; a task Dask could not run is a failure."""
    try:
        item = future.result()
    except Exception as err:
        message = " ".join(str(err).split())[:300]
        error = f"unexpected {type(err).__name__}: {message}" if message else f"unexpected {type(err).__name__}"
        return {"source": source, "slug": slug, "status": "failed", "error": error, "article": None, "actors": [],
                "warnings": []}
    finally:
        future.release()
    files = item.pop("files", None)
    if files is not None:
        write_folder(out_dir, slug, files)
    return item
