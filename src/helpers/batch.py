"""Analyse a corpus: many articles, in parallel worker processes, streamed to disk.

``python -m helpers analyze PATH... --out DIR [--jobs N] [--force] [--no-figures]`` (see
`cli_analyze`) and `run` in Python. For every article ``DIR/<slug>/`` is written atomically by
`Analysis.save`, then ``DIR/<slug>/.done`` records what it was made from. As results arrive the
corpus tables grow row by row (written to ``DIR/.<name>.part`` and renamed when the batch ends):

* ``DIR/articles.csv``: one row per article (`corpus.article_row`);
* ``DIR/article_actors.csv``: one row per article × actor (`corpus.actor_rows`);
* ``DIR/errors.csv``: one row per file that could not be analysed (source, error).

Rows follow the input order (sorted within folders), whatever ``jobs`` is. Workers return only
these small rows, never an `Analysis`, so memory stays flat as the corpus grows.

Slugs: an article's folder is named after its file name (`article.slugify` of the stem). When
two inputs of one batch share a slug (``a/index.html`` and ``b/index.html``), EVERY one of them
gets ``<slug>-<h>`` where ``<h>`` is the first 8 hex digits of the SHA-1 of its resolved path,
so neither overwrites the other and the name does not depend on the order of the inputs.

Reliability (docs/reliability.md): one run per ``DIR`` at a time (``DIR/.lock``; a second run
refuses at once); temporaries of a crashed run removed first; inputs de-duplicated by resolved
path; a per-article time budget (``timeout``); Ctrl-C / SIGTERM stop the workers and write the
tables for what finished (exit 130); a full disk stops the batch once (exit 2).

Skipping: an article is skipped (its rows re-read from its folder) when ``DIR/<slug>/.done``
matches the input's resolved path, size and modification time, the package fingerprint (version
plus a hash of the package's code and data files), the aliases, and figures were written if they
are wanted now. ``force=True`` re-analyses everything.
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .article import slugify
from .errors import InputError
from .fsutil import (FATAL_ERRNOS, OutputLock, dir_mode, remove_stale, remove_temp_dirs, spreadsheet_safe,
                     spreadsheet_safe_value)

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: File stems never taken from inside a folder (folder documentation, not articles).
NOT_ARTICLES = ("readme", "license", "licence", "changelog", "copying")
STAMP = ".done"
CORPUS_FILES = ("articles", "article_actors", "errors")
#: Default per-article time budget in seconds (``--timeout``); the seed takes about 2 s with figures.
DEFAULT_TIMEOUT = 120.0
#: Exit status of a run stopped by Ctrl-C or SIGTERM (the shell's 128 + SIGINT).
INTERRUPTED = 130
#: Exit status of a run stopped because the output cannot be written (disk full, read-only).
STOPPED = 2


def expand(paths) -> list[Path]:
    """Files named directly, plus article files inside named folders (sorted, recursive).

    Inside folders only ``ARTICLE_SUFFIXES`` count; hidden files/folders and README / LICENSE /
    CHANGELOG files are ignored. A file named directly is always kept (so a wrong or missing one
    gets its error line).
    """
    out: list[Path] = []
    for raw in [paths] if isinstance(paths, (str, Path)) else paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
                              and p.stem.lower() not in NOT_ARTICLES
                              and not any(part.startswith(".") for part in p.relative_to(path).parts)))
        else:
            out.append(path)
    return out


def unique_inputs(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """``(kept, dropped)``: the inputs with repeats of one resolved path removed (first one kept).

    ``F F ./x/../F`` or a folder plus a file inside it name one article: it is analysed once.
    """
    seen: set[str] = set()
    kept, dropped = [], []
    for path in paths:
        try:
            key = str(path.resolve())
        except (OSError, RuntimeError):
            key = str(path)
        (dropped if key in seen else kept).append(path)
        seen.add(key)
    return kept, dropped


def assign_slugs(paths: list[Path]) -> list[str]:
    """Output folder name of each input (see the module docstring for the collision rule)."""
    bases = [slugify(p.stem or "article") for p in paths]
    counts: dict[str, set[str]] = {}
    for base, p in zip(bases, paths):
        counts.setdefault(base, set()).add(str(p.resolve()))
    return [f"{base}-{hashlib.sha1(str(p.resolve()).encode()).hexdigest()[:8]}" if len(counts[base]) > 1 else base
            for base, p in zip(bases, paths)]


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """Package version plus a hash of every code and data file of the installed package."""
    from . import __version__

    root = Path(__file__).resolve().parent
    digest = hashlib.sha1(__version__.encode())
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in (".pyc",):
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


def _aliases_hash(aliases) -> str:
    return hashlib.sha1(json.dumps(aliases or {}, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:12]


def stamp_for(path: Path, aliases=None, safe_csv: bool = False, sentiment: str = "encoder") -> dict:
    """What ``.done`` records for ``path`` (figures flag excluded; ``sentiment``: the classifier used)."""
    st = path.stat()
    stamp = {"source": str(path.resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns,
             "fingerprint": fingerprint(), "aliases": _aliases_hash(aliases), "sentiment": sentiment}
    if safe_csv:
        stamp["safe_csv"] = True
    return stamp


def is_up_to_date(folder: Path, path: Path, aliases=None, figures: bool = True, safe_csv: bool = False,
                  sentiment: str = "encoder") -> bool:
    """True when ``folder/.done`` says ``folder`` was made from this very input and code."""
    try:
        done = json.loads((folder / STAMP).read_text(encoding="utf-8"))
        expected = stamp_for(path, aliases, safe_csv, sentiment)
        if bool(done.get("safe_csv", False)) != bool(safe_csv):
            return False
    except (OSError, ValueError):
        return False
    same = all(done.get(k) == v for k, v in expected.items())
    return same and (done.get("figures", False) or not figures) and (folder / "article.json").exists()


@dataclass
class BatchResult:
    """Outcome of `run`: counters and one ``(source, error)`` per failed input.

    ``interrupted`` is True after Ctrl-C / SIGTERM; ``stopped`` holds the one-line reason when the
    batch stopped because its output could not be written (a full disk, a read-only folder).
    """

    out_dir: Path
    ok: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: bool = False
    stopped: str = ""
    not_started: int = 0
    kept_earlier: bool = False  #: every input failed, so the earlier run's tables were left in place

    @property
    def total(self) -> int:
        return self.ok + self.skipped + self.failed

    @property
    def exit_status(self) -> int:
        """0 when every input was analysed or skipped; 1 if any failed; 2 stopped (disk full …); 130 interrupted."""
        if self.interrupted:
            return INTERRUPTED
        if self.stopped:
            return STOPPED
        return 1 if self.failed else 0

    def summary(self) -> str:
        # a rate only when it means something (two or more analysed); no "(0.0 articles/s)"
        rate = f" ({self.ok / self.seconds:.1f} articles/s)" if self.seconds and self.ok >= 2 else ""
        line = (f"{self.ok} analysed, {self.skipped} up to date, {self.failed} failed "
                f"in {self.seconds:.1f} s{rate} -> {self.out_dir}")
        if self.kept_earlier:
            line += " (nothing analysed: the earlier tables are kept)"
        if self.interrupted or self.stopped:
            why = "interrupted" if self.interrupted else "stopped"
            line += f"; {why}: {self.not_started} not analysed (run again to resume)"
        return line


def _check_thread_setting() -> None:
    """Raise `InputError` now (in the parent, before any fork) for a ``$HELPERS_ENCODER_THREADS`` that is no number.

    Each worker reads it at start-up (`scale.configure_worker`), before a worker can report an
    error; unchecked, every worker would die and every article fail as "the worker process died".
    """
    from .scale import encoder_threads_env

    encoder_threads_env()


# --------------------------------------------------------------------------- worker side
_CONFIG: dict = {}


class ArticleTimeout(BaseException):
    """Raised inside a worker when one article exceeds its time budget (BaseException, so no
    library's ``except Exception`` swallows it; `Analysis.save` still cleans up its temp folder)."""


class Interrupted(BaseException):
    """SIGTERM turned into an exception in the main process, handled like Ctrl-C."""


def _init_worker(config: dict) -> None:
    _CONFIG.clear()
    _CONFIG.update(config)
    if config.get("parallel"):
        from .scale import configure_worker

        configure_worker(config["threads"])  # one encoder session per worker, cores/jobs threads each


def _rows(article: dict, tables: dict, slug: str, source: str) -> tuple[dict, list[dict]]:
    from . import corpus

    row = corpus.article_row(article, tables, slug, source)
    actor = corpus.actor_rows(tables, slug, article.get("outlet", ""))
    return row, actor.to_dict("records")


class _Budget:
    """``with _Budget(seconds):`` raises `ArticleTimeout` in this thread after ``seconds`` (SIGALRM).

    Works in the main thread of a process (the CLI, pool workers); elsewhere (a thread pool) and
    for ``seconds`` <= 0 it does nothing. Pure-Python work is interrupted at once; a long call
    inside a C extension is interrupted when it returns.
    """

    def __init__(self, seconds):
        self.seconds = float(seconds or 0)
        self.active = self.seconds > 0 and threading.current_thread() is threading.main_thread() \
            and hasattr(signal, "setitimer")
        self.previous = None

    def _fire(self, signum, frame):
        raise ArticleTimeout()

    def __enter__(self):
        if self.active:
            self.previous = signal.signal(signal.SIGALRM, self._fire)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        if self.active:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous or signal.SIG_DFL)
        return False


_WARM: set = set()  # (process id, sentiment model) already warmed up; a forked worker is a new pid


def _warm_up(sentiment: str = "encoder") -> None:
    """Load the resources and the ``sentiment`` model once per process (`pipeline.warm_up`), so
    loading is not charged to an article's budget (``fast`` never loads the encoder)."""
    key = (os.getpid(), sentiment)
    if key in _WARM:
        return
    _WARM.add(key)
    from .pipeline import warm_up

    try:
        warm_up(sentiment)
    except Exception:  # noqa: BLE001 - a failure here shows up, with its message, on the first article
        pass


def _analyse_and_save(src: Path, path: str, slug: str, cfg: dict, result: dict) -> None:
    from .article import load_article
    from .pipeline import analyze

    out_dir, aliases, figures = Path(cfg["out_dir"]), cfg.get("aliases"), cfg.get("figures", True)
    safe_csv = cfg.get("safe_csv", False)
    sentiment = cfg.get("sentiment", "encoder")
    stamp = stamp_for(src, aliases, safe_csv, sentiment)  # before reading, so an edit during the run is seen next time
    article = load_article(src)
    analysis = analyze(article, aliases=aliases, sentiment=sentiment)
    if safe_csv:
        analysis.tables = {name: spreadsheet_safe(df) for name, df in analysis.tables.items()}
    saved = analysis.save(out_dir, figures=figures, slug=slug)
    (saved / STAMP).write_text(json.dumps({**stamp, "figures": bool(figures)}, indent=1), encoding="utf-8")
    record = article.to_dict()
    record["slug"] = slug
    result["article"], result["actors"] = _rows(record, analysis.tables, slug, path)
    result["warnings"] = list(article.warnings)
    result["status"] = "ok"


def process_one(path: str, slug: str) -> dict:
    """Analyse (or skip) one input inside a worker; returns a small dict, never the Analysis.

    Keys: ``source``, ``slug``, ``status`` (ok | skipped | failed | fatal), ``error`` (one line, no
    source), ``article`` (row of articles.csv), ``actors`` (rows of article_actors.csv),
    ``warnings``. ``fatal`` means the output cannot be written (disk full, read-only folder): the
    batch stops. An article that exceeds the time budget (``timeout`` in the config, seconds)
    fails with "timed out after N s"; nothing of it is left on disk.
    """
    from . import corpus

    cfg = _CONFIG
    out_dir, aliases, figures, force = Path(cfg["out_dir"]), cfg.get("aliases"), cfg.get("figures", True), cfg.get("force", False)
    timeout = cfg.get("timeout", DEFAULT_TIMEOUT)
    src = Path(path)
    result = {"source": path, "slug": slug, "status": "failed", "error": "", "article": None, "actors": [], "warnings": []}
    folder = out_dir / slug
    try:
        if not src.exists():
            raise InputError(path, "no such file or folder")
        if not src.is_file():
            raise InputError(path, "not a regular file")
        if not force and is_up_to_date(folder, src, aliases, figures, cfg.get("safe_csv", False),
                                       cfg.get("sentiment", "encoder")):
            article, tables = corpus.read_article_folder(folder)
            result["article"], result["actors"] = _rows(article, tables, slug, path)
            result["status"] = "skipped"
            return result
        _warm_up(cfg.get("sentiment", "encoder"))  # loads the models once per process, outside the article's budget
        with _Budget(timeout):
            _analyse_and_save(src, path, slug, cfg, result)
    except ArticleTimeout:
        result["error"] = f"timed out after {timeout:g} s (the per-article budget; raise it with --timeout)"
    except InputError as err:
        result["error"] = err.problem if err.source == path else str(err)
    except OSError as err:
        if err.errno in FATAL_ERRNOS:
            result["status"] = "fatal"
            result["error"] = f"{err.strerror or 'cannot write'} ({err.filename or out_dir})"
        else:
            result["error"] = _unexpected(err)
    except Exception as err:  # one bad article never stops the batch, nor shows a traceback
        result["error"] = _unexpected(err)
    return result


def _unexpected(err: BaseException) -> str:
    message = " ".join(str(err).split())[:300]
    return f"unexpected {type(err).__name__}: {message}" if message else f"unexpected {type(err).__name__}"


def _process_task(task: tuple[str, str]) -> dict:
    return process_one(*task)


# --------------------------------------------------------------------------- main side
class _RowWriter:
    """Appends dict rows to ``DIR/.<name>.part``; `commit` renames it to ``DIR/<name>.csv``.

    ``safe`` applies `fsutil.spreadsheet_safe_value` to every cell (``--safe-csv``).
    """

    def __init__(self, out_dir: Path, name: str, columns: list[str] | None = None, safe: bool = False):
        self.final = out_dir / f"{name}.csv"
        self.part = out_dir / f".{name}.csv.part"
        self.handle = open(self.part, "w", newline="", encoding="utf-8")
        self.columns = columns
        self.writer = None
        self.safe = safe
        if columns is not None:
            self._start(columns)

    def _start(self, columns):
        self.columns = list(columns)
        self.writer = csv.DictWriter(self.handle, fieldnames=self.columns, extrasaction="ignore", restval="")
        self.writer.writeheader()

    def _cell(self, value):
        if isinstance(value, float) and value != value:
            return ""
        return spreadsheet_safe_value(value) if self.safe else value

    def write(self, rows: list[dict]):
        if not rows:
            return
        if self.writer is None:
            self._start(rows[0].keys())
        self.writer.writerows({k: self._cell(v) for k, v in row.items()} for row in rows)
        self.handle.flush()

    def commit(self, default_columns: list[str]):
        if self.writer is None:
            self._start(default_columns)
        self.handle.close()
        os.chmod(self.part, 0o666 & dir_mode())
        os.replace(self.part, self.final)

    def abort(self):
        """Close and delete the ``.part`` file (nothing half-written stays behind)."""
        if not self.handle.closed:
            self.handle.close()
        try:
            os.unlink(self.part)
        except OSError:
            pass


def _worker_main(conn, config: dict) -> None:
    """A worker process: analyse the tasks that come down its own pipe, send back each result.

    Ctrl-C and SIGTERM sent to the whole process group are left to the parent, which stops the
    workers itself (SIGKILL). When the parent is gone the pipe closes and the worker exits.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _init_worker(config)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            conn.send(_process_task(task))
        except OSError:
            return


def parallel_results(tasks: list[tuple[str, str]], jobs: int, config: dict):
    """Results of `process_one` for ``tasks`` from ``jobs`` worker processes, yielded in task order.

    Each worker has its own pipe (no lock shared between processes), so stopping them at any
    moment cannot deadlock: closing this generator (or an exception inside it, such as Ctrl-C)
    kills every worker and waits for it. A worker that dies during a task (out of memory, a
    crash in a C extension) fails that task with a one-line error and is replaced.
    """
    import multiprocessing
    from multiprocessing.connection import wait

    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    workers: dict = {}  # parent end of the pipe -> [process, index of its task or None]
    results: dict[int, dict] = {}
    todo = iter(range(len(tasks)))

    def start():
        here, there = ctx.Pipe()
        proc = ctx.Process(target=_worker_main, args=(there, config), daemon=True)
        proc.start()
        there.close()
        workers[here] = [proc, None]
        feed(here)

    def feed(conn):
        index = next(todo, None)
        workers[conn][1] = index
        if index is not None:
            conn.send(tasks[index])

    try:
        for _ in range(min(jobs, len(tasks))):
            start()
        emitted = 0
        while emitted < len(tasks):
            while emitted in results:
                yield results.pop(emitted)
                emitted += 1
            if emitted >= len(tasks):
                break
            busy = [conn for conn, (_, index) in workers.items() if index is not None]
            for conn in wait(busy):
                proc, index = workers[conn]
                try:
                    results[index] = conn.recv()
                except (EOFError, OSError):
                    proc.join(timeout=5)
                    path, slug = tasks[index]
                    results[index] = {"source": path, "slug": slug, "status": "failed", "article": None,
                                      "actors": [], "warnings": [],
                                      "error": f"the worker process died (exit code {proc.exitcode}) while analysing it"}
                    del workers[conn]
                    conn.close()
                    start()
                    continue
                feed(conn)
    finally:
        for conn, (proc, _) in workers.items():
            if proc.is_alive():
                proc.kill()
        for conn, (proc, _) in workers.items():
            proc.join(timeout=10)
            conn.close()


class _Signals:
    """While a batch runs in the main thread, Ctrl-C and SIGTERM raise `Interrupted`.

    Inside `critical` (writing one item's rows) the signal is held and raised when it ends, so
    the corpus tables never get half an article.
    """

    depth = 0
    pending = False

    def __enter__(self):
        self.saved = None
        if threading.current_thread() is threading.main_thread():
            self.saved = (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM))
            signal.signal(signal.SIGINT, self._handler)
            signal.signal(signal.SIGTERM, self._handler)
        _Signals.depth, _Signals.pending = 0, False
        return self

    @staticmethod
    def _handler(signum, frame):
        if _Signals.depth:
            _Signals.pending = True
            return
        raise Interrupted()

    class critical:
        def __enter__(self):
            _Signals.depth += 1

        def __exit__(self, *exc):
            _Signals.depth -= 1
            if not _Signals.depth and _Signals.pending and exc[0] is None:
                _Signals.pending = False
                raise Interrupted()
            return False

    @staticmethod
    def quiet():
        """From the first interruption on, further Ctrl-C / SIGTERM wait until the tables are written."""
        if threading.current_thread() is threading.main_thread():
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            signal.signal(signal.SIGTERM, signal.SIG_IGN)

    def __exit__(self, *exc):
        if self.saved is not None:
            signal.signal(signal.SIGINT, self.saved[0])
            signal.signal(signal.SIGTERM, self.saved[1])
        return False


def run(paths, out_dir, jobs: int = 1, force: bool = False, aliases: dict | None = None, progress: bool = True,
        figures="auto", chunksize: int | None = None, scheduler: str | None = None,
        timeout: float | None = DEFAULT_TIMEOUT, safe_csv: bool = False, sentiment: str = "encoder") -> BatchResult:
    """Analyse every article of ``paths`` (files or folders) into ``out_dir``; see the module docstring.

    ``jobs`` worker processes (1 = in this process; 0 = one per core of the affinity mask). ``figures``: ``all`` |
    ``corpus`` | ``none`` | ``auto`` (or a bool), see `helpers.scale`. ``scheduler``: a Dask
    scheduler address (``tcp://HOST:PORT``) or ``local`` to run the articles as Dask tasks
    (`helpers.dask_runner`; same outputs). ``sentiment``: ``encoder`` | ``fast`` (`helpers.sentiment`). Prints a progress bar and one
    ``error: <source>: <problem>`` line per failed input on stderr. Never raises for a bad input;
    the returned `BatchResult` counts ok / skipped / failed (``exit_status`` 1 if any failed).

    Reliability (docs/reliability.md): the folder is locked for the run (a second run into it
    raises `InputError` at once); temporaries left by a crashed run are removed first; inputs
    naming one file twice are analysed once; each article has ``timeout`` seconds (None or 0 =
    no limit); Ctrl-C or SIGTERM stops the workers, writes the corpus tables for what finished
    and returns with ``interrupted`` set; a full disk stops the batch with ``stopped`` set.
    ``safe_csv`` prefixes text cells that a spreadsheet would run as formulas with ``'``.
    ``chunksize`` is accepted for compatibility and ignored: each worker takes one article at a time.
    """
    out_dir = Path(out_dir)
    with OutputLock(out_dir):
        stale = remove_stale(out_dir)
        if stale:
            print(f"note: removed {stale} temporary file(s) left by an interrupted run in {out_dir}", file=sys.stderr)
        return _run_locked(paths, out_dir, jobs, force, aliases, progress, figures, scheduler, timeout, safe_csv,
                           sentiment)


def _run_locked(paths, out_dir, jobs, force, aliases, progress, figures, scheduler, timeout, safe_csv,
                sentiment="encoder") -> BatchResult:
    from . import corpus, scale

    started, wall_start = time.perf_counter(), time.time()
    inputs, repeated = unique_inputs(expand(paths))
    for path in repeated:
        print(f"note: {path}: named more than once; analysed once", file=sys.stderr)
    slugs = assign_slugs(inputs)
    tasks = [(str(p), s) for p, s in zip(inputs, slugs)]
    _check_thread_setting()  # a bad $HELPERS_ENCODER_THREADS: one error here, not a dead worker per article
    jobs = scale.available_cores() if jobs == 0 else max(1, int(jobs))  # 0: the cores this process may use
    jobs = min(jobs, max(1, len(tasks)))
    mode = scale.figure_mode(figures, len(tasks))
    config = {"out_dir": str(out_dir), "aliases": aliases, "figures": scale.per_article_figures(mode), "force": force,
              "timeout": timeout or 0, "safe_csv": safe_csv, "sentiment": sentiment}
    fingerprint()  # computed once here, inherited by forked workers
    if jobs > 1 and scheduler is None:
        config["parallel"] = True
        config["threads"] = scale.threads_per_worker(jobs)  # no oversubscription: jobs × threads = cores
        scale.prepare_parent(sentiment)  # lexicons loaded once, shared copy-on-write; the encoder is the workers'

    result = BatchResult(out_dir=out_dir)
    writers = {"articles": _RowWriter(out_dir, "articles", safe=safe_csv),
               "article_actors": _RowWriter(out_dir, "article_actors", corpus.ACTOR_COLUMNS, safe=safe_csv),
               "errors": _RowWriter(out_dir, "errors", corpus.ERROR_COLUMNS, safe=safe_csv)}
    pool = None
    done = 0
    try:
        from tqdm.auto import tqdm

        with _Signals():
            # No bar for a single article (nothing to follow), nor when stderr is not a terminal.
            show = progress and len(tasks) > 1 and sys.stderr.isatty()
            bar = tqdm(total=len(tasks), unit="article", file=sys.stderr, disable=not show, dynamic_ncols=True)
            try:
                if scheduler is not None:
                    from .dask_runner import dask_results

                    results = pool = dask_results(scheduler, tasks, config, jobs=jobs)
                elif jobs > 1:
                    results = pool = parallel_results(tasks, jobs, config)
                else:
                    _init_worker(config)
                    results = (_process_task(t) for t in tasks)
                for item in results:
                    bar.update(1)
                    done += 1
                    if item["status"] == "fatal":
                        result.stopped = item["error"]
                        break
                    with _Signals.critical():  # an item's rows are written whole or not at all
                        _record(item, result, writers, bar)
                    if result.failed:
                        bar.set_postfix(failed=result.failed, refresh=False)
            except (KeyboardInterrupt, Interrupted):
                _Signals.quiet()
                result.interrupted = True
            finally:
                bar.close()
            if result.interrupted or result.stopped:
                _Signals.quiet()
                if pool is not None:
                    pool.close()  # the workers are killed at once; their temp folders are removed below
                    pool = None
                remove_temp_dirs(out_dir)  # what the stopped workers were writing
                if result.interrupted:
                    _record_finished(tasks[done:], config, result, writers, bar, since=wall_start)
                result.not_started = len(tasks) - result.total
            _commit(writers, corpus, result)
            if mode != "none" and not (result.interrupted or result.stopped):
                scale.export_corpus_figures(out_dir)
    finally:
        for w in writers.values():
            w.abort()
        if pool is not None:
            pool.close()
    if result.stopped:
        print(f"error: {out_dir}: {result.stopped}; the batch stopped (free space and run again to resume)",
              file=sys.stderr)
    elif result.interrupted:
        print(f"interrupted: corpus tables written for the {result.total} finished input(s); run again to resume",
              file=sys.stderr)
    result.seconds = time.perf_counter() - started
    return result


def _record_finished(tasks, config: dict, result: BatchResult, writers: dict, bar, since: float) -> None:
    """After an interruption: rows of the articles whose folders the workers completed but whose
    results had not reached us yet (their ``.done`` is current and, with ``force``, from this run)."""
    _init_worker({**config, "force": False})
    for path, slug in tasks:
        done = Path(config["out_dir"]) / slug / STAMP
        try:
            fresh = done.stat().st_mtime >= since - 1 if config.get("force") else True
        except OSError:
            continue
        if not fresh or not is_up_to_date(done.parent, Path(path), config.get("aliases"), config.get("figures", True),
                                          config.get("safe_csv", False), config.get("sentiment", "encoder")):
            continue
        item = process_one(path, slug)
        if item["status"] == "skipped":
            item["status"] = "ok"
            _record(item, result, writers, bar)


def _commit(writers: dict, corpus, result: BatchResult) -> None:
    if result.failed and not (result.ok or result.skipped) and writers["articles"].final.exists():
        # Every input failed (a mistyped path): keep the earlier run's tables, report the errors.
        writers["errors"].commit(corpus.ERROR_COLUMNS)
        result.kept_earlier = True
        return
    try:
        writers["articles"].commit(corpus.ARTICLE_COLUMNS + ["warnings"])
        writers["article_actors"].commit(corpus.ACTOR_COLUMNS)
        writers["errors"].commit(corpus.ERROR_COLUMNS)
    except OSError as err:
        if err.errno not in FATAL_ERRNOS:
            raise
        result.stopped = result.stopped or f"{err.strerror} ({err.filename or result.out_dir}); corpus tables not written"


def _record(item: dict, result: BatchResult, writers: dict, bar) -> None:
    source = item["source"]
    for warning in item.get("warnings", []):
        bar.write(f"warning: {source}: {warning}", file=sys.stderr)
    if item["status"] == "failed":
        result.failed += 1
        result.errors.append((source, item["error"]))
        writers["errors"].write([{"source": source, "error": item["error"]}])
        bar.write(f"error: {source}: {item['error']}", file=sys.stderr)
        return
    if item["status"] == "skipped":
        result.skipped += 1
    else:
        result.ok += 1
    writers["articles"].write([item["article"]])
    writers["article_actors"].write(item["actors"])


def analyze_corpus(corpus_dir, out_dir=None, jobs: int = 1, figures: bool = False, force: bool = False,
                   progress: bool = False) -> dict:
    """Notebook helper: analyse a corpus folder (skipping what is up to date) and load its tables.

    ``out_dir`` defaults to ``<project>/out/corpus/<folder name>``. Returns `corpus.load_corpus`
    of it, with the corpus's ``corpus.tsv`` metadata (e.g. outlet bias) joined on ``slug`` when
    the folder has one.
    """
    from . import corpus
    from .paths import PROJECT_ROOT

    corpus_dir = Path(corpus_dir)
    out_dir = Path(out_dir) if out_dir else PROJECT_ROOT / "out" / "corpus" / corpus_dir.name
    run([corpus_dir], out_dir, jobs=jobs, force=force, figures=figures, progress=progress)
    metadata = corpus_dir / "corpus.tsv"
    return corpus.load_corpus(out_dir, metadata=metadata if metadata.exists() else None)


def load_aliases(path) -> dict[str, str]:
    """The ``--aliases`` YAML file as ``{surface form: actor}``, checked once for the whole batch.

    Raises `InputError` (naming the file, and the entry when one is wrong) for a missing file,
    invalid YAML, a top level that is not a mapping, or a key or value that is not text.
    """
    import yaml

    alias_path = Path(path)
    if not alias_path.is_file():
        raise InputError(path, "aliases file not found")
    try:
        aliases = yaml.safe_load(alias_path.read_text(encoding="utf-8")) or {}
    except UnicodeDecodeError:
        raise InputError(path, "aliases file is not UTF-8 text") from None
    except yaml.YAMLError as err:
        raise InputError(path, f"not valid YAML ({type(err).__name__})") from None
    if not isinstance(aliases, dict):
        raise InputError(path, "must map surface forms to actor names")
    for surface, target in aliases.items():
        if not isinstance(surface, str) or not isinstance(target, str) or not surface.strip() or not target.strip():
            raise InputError(path, f"entry {surface!r}: {target!r}: surface forms and actor names must be "
                                   "non-empty text (quote numbers, one name per line)")
    return aliases


def cli_analyze(args) -> int:
    """``python -m helpers analyze PATH... --out DIR [--jobs N] [--force] [--no-figures] [--aliases FILE]
    [--timeout S] [--safe-csv]``."""
    aliases = load_aliases(args.aliases) if getattr(args, "aliases", None) else None
    if not expand(args.paths):
        raise InputError(" ".join(map(str, args.paths)),
                         f"no article files found (looked for {', '.join(ARTICLE_SUFFIXES)})")
    timeout = getattr(args, "timeout", DEFAULT_TIMEOUT)
    figures = "none" if getattr(args, "no_figures", False) else getattr(args, "figures", None)
    result = run(args.paths, args.out, jobs=getattr(args, "jobs", 1), force=getattr(args, "force", False),
                 aliases=aliases, figures=figures, progress=not getattr(args, "quiet", False),
                 scheduler=getattr(args, "scheduler", None), timeout=timeout,
                 safe_csv=getattr(args, "safe_csv", False), sentiment=getattr(args, "sentiment", "encoder"))
    print(result.summary())
    return result.exit_status
