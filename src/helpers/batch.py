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
import sys
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .article import slugify
from .errors import InputError

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: File stems never taken from inside a folder (folder documentation, not articles).
NOT_ARTICLES = ("readme", "license", "licence", "changelog", "copying")
STAMP = ".done"
CORPUS_FILES = ("articles", "article_actors", "errors")


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


def stamp_for(path: Path, aliases=None) -> dict:
    """What ``.done`` records for ``path`` (figures flag excluded)."""
    st = path.stat()
    return {"source": str(path.resolve()), "size": st.st_size, "mtime_ns": st.st_mtime_ns,
            "fingerprint": fingerprint(), "aliases": _aliases_hash(aliases)}


def is_up_to_date(folder: Path, path: Path, aliases=None, figures: bool = True) -> bool:
    """True when ``folder/.done`` says ``folder`` was made from this very input and code."""
    try:
        done = json.loads((folder / STAMP).read_text(encoding="utf-8"))
        expected = stamp_for(path, aliases)
    except (OSError, ValueError):
        return False
    same = all(done.get(k) == v for k, v in expected.items())
    return same and (done.get("figures", False) or not figures) and (folder / "article.json").exists()


@dataclass
class BatchResult:
    """Outcome of `run`: counters and one ``(source, error)`` per failed input."""

    out_dir: Path
    ok: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    kept_earlier: bool = False  #: every input failed, so the earlier run's tables were left in place

    @property
    def total(self) -> int:
        return self.ok + self.skipped + self.failed

    @property
    def exit_status(self) -> int:
        """0 when every input was analysed or skipped, else 1."""
        return 1 if self.failed else 0

    def summary(self) -> str:
        """One line: counts, time, and a rate only when it means something (two or more analysed)."""
        rate = f" ({self.ok / self.seconds:.1f} articles/s)" if self.seconds and self.ok >= 2 else ""
        kept = " (nothing analysed: the earlier tables are kept)" if self.kept_earlier else ""
        return (f"{self.ok} analysed, {self.skipped} up to date, {self.failed} failed "
                f"in {self.seconds:.1f} s{rate} -> {self.out_dir}{kept}")


# --------------------------------------------------------------------------- worker side
_CONFIG: dict = {}


def _init_worker(config: dict) -> None:
    _CONFIG.clear()
    _CONFIG.update(config)
    if config.get("parallel"):
        from .scale import one_thread_per_process

        one_thread_per_process()  # one encoder session per worker, one thread each


def _rows(article: dict, tables: dict, slug: str, source: str) -> tuple[dict, list[dict]]:
    from . import corpus

    row = corpus.article_row(article, tables, slug, source)
    actor = corpus.actor_rows(tables, slug, article.get("outlet", ""))
    return row, actor.to_dict("records")


def process_one(path: str, slug: str) -> dict:
    """Analyse (or skip) one input inside a worker; returns a small dict, never the Analysis.

    Keys: ``source``, ``slug``, ``status`` (ok | skipped | failed), ``error`` (one line, no
    source), ``article`` (row of articles.csv), ``actors`` (rows of article_actors.csv),
    ``warnings``.
    """
    from . import corpus

    cfg = _CONFIG
    out_dir, aliases, figures, force = Path(cfg["out_dir"]), cfg.get("aliases"), cfg.get("figures", True), cfg.get("force", False)
    src = Path(path)
    result = {"source": path, "slug": slug, "status": "failed", "error": "", "article": None, "actors": [], "warnings": []}
    folder = out_dir / slug
    try:
        if not src.exists():
            raise InputError(path, "no such file or folder")
        if not src.is_file():
            raise InputError(path, "not a regular file")
        if not force and is_up_to_date(folder, src, aliases, figures):
            article, tables = corpus.read_article_folder(folder)
            result["article"], result["actors"] = _rows(article, tables, slug, path)
            result["status"] = "skipped"
            return result
        from .article import load_article
        from .pipeline import analyze

        stamp = stamp_for(src, aliases)  # before reading, so an edit during the run is seen next time
        article = load_article(src)
        analysis = analyze(article, aliases=aliases)
        saved = analysis.save(out_dir, figures=figures, slug=slug)
        (saved / STAMP).write_text(json.dumps({**stamp, "figures": bool(figures)}, indent=1), encoding="utf-8")
        record = article.to_dict()
        record["slug"] = slug
        result["article"], result["actors"] = _rows(record, analysis.tables, slug, path)
        result["warnings"] = list(article.warnings)
        result["status"] = "ok"
    except InputError as err:
        result["error"] = err.problem if err.source == path else str(err)
    except Exception as err:  # one bad article never stops the batch, nor shows a traceback
        message = " ".join(str(err).split())[:300]
        result["error"] = f"unexpected {type(err).__name__}: {message}" if message else f"unexpected {type(err).__name__}"
    return result


def _process_task(task: tuple[str, str]) -> dict:
    return process_one(*task)


# --------------------------------------------------------------------------- main side
class _RowWriter:
    """Appends dict rows to ``DIR/.<name>.part``; `commit` renames it to ``DIR/<name>.csv``."""

    def __init__(self, out_dir: Path, name: str, columns: list[str] | None = None):
        self.final = out_dir / f"{name}.csv"
        self.part = out_dir / f".{name}.csv.part"
        self.handle = open(self.part, "w", newline="", encoding="utf-8")
        self.columns = columns
        self.writer = None
        if columns is not None:
            self._start(columns)

    def _start(self, columns):
        self.columns = list(columns)
        self.writer = csv.DictWriter(self.handle, fieldnames=self.columns, extrasaction="ignore", restval="")
        self.writer.writeheader()

    def write(self, rows: list[dict]):
        if not rows:
            return
        if self.writer is None:
            self._start(rows[0].keys())
        self.writer.writerows({k: ("" if isinstance(v, float) and v != v else v) for k, v in row.items()} for row in rows)
        self.handle.flush()

    def commit(self, default_columns: list[str]):
        if self.writer is None:
            self._start(default_columns)
        self.handle.close()
        os.replace(self.part, self.final)

    def abort(self):
        if not self.handle.closed:
            self.handle.close()


def run(paths, out_dir, jobs: int = 1, force: bool = False, aliases: dict | None = None, progress: bool = True,
        figures="auto", chunksize: int | None = None, scheduler: str | None = None) -> BatchResult:
    """Analyse every article of ``paths`` (files or folders) into ``out_dir``; see the module docstring.

    ``jobs`` worker processes (1 = in this process; 0 = one per CPU). ``figures``: ``all`` |
    ``corpus`` | ``none`` | ``auto`` (or a bool), see `helpers.scale`. ``scheduler``: a Dask
    scheduler address (``tcp://HOST:PORT``) or ``local`` to run the articles as Dask tasks
    (`helpers.dask_runner`; same outputs). Prints a progress bar and one
    ``error: <source>: <problem>`` line per failed input on stderr. Never raises for a bad input;
    the returned `BatchResult` counts ok / skipped / failed (``exit_status`` 1 if any failed).
    """
    from . import corpus, scale

    started = time.perf_counter()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    inputs = expand(paths)
    slugs = assign_slugs(inputs)
    tasks = [(str(p), s) for p, s in zip(inputs, slugs)]
    jobs = (os.cpu_count() or 1) if jobs == 0 else max(1, int(jobs))
    jobs = min(jobs, max(1, len(tasks)))
    mode = scale.figure_mode(figures, len(tasks))
    config = {"out_dir": str(out_dir), "aliases": aliases, "figures": scale.per_article_figures(mode), "force": force}
    fingerprint()  # computed once here, inherited by forked workers
    restore = lambda: None  # noqa: E731
    if jobs > 1 and scheduler is None:
        config["parallel"] = True
        restore = scale.prepare_parent()  # resources loaded once, shared copy-on-write by the workers

    result = BatchResult(out_dir=out_dir)
    writers = {"articles": _RowWriter(out_dir, "articles"),
               "article_actors": _RowWriter(out_dir, "article_actors", corpus.ACTOR_COLUMNS),
               "errors": _RowWriter(out_dir, "errors", corpus.ERROR_COLUMNS)}
    pool = None
    try:
        from tqdm.auto import tqdm

        if scheduler is not None:
            from .dask_runner import dask_results

            results = dask_results(scheduler, tasks, config, jobs=jobs)
        elif jobs > 1:
            import multiprocessing

            ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
            pool = ctx.Pool(jobs, initializer=_init_worker, initargs=(config,))
            size = chunksize or max(1, min(8, len(tasks) // (jobs * 8)))
            results = pool.imap(_process_task, tasks, chunksize=size)
        else:
            _init_worker(config)
            results = (_process_task(t) for t in tasks)
        # No bar for a single article (nothing to follow), nor when stderr is not a terminal.
        show = progress and len(tasks) > 1 and sys.stderr.isatty()
        bar = tqdm(total=len(tasks), unit="article", file=sys.stderr, disable=not show, dynamic_ncols=True)
        with bar:
            for item in results:
                bar.update(1)
                _record(item, result, writers, bar)
                if result.failed:
                    bar.set_postfix(failed=result.failed, refresh=False)
        if result.failed and not (result.ok or result.skipped) and (out_dir / "articles.csv").exists():
            # Every input failed (a mistyped path): keep the earlier run's tables, report the errors.
            writers["errors"].commit(corpus.ERROR_COLUMNS)
            result.kept_earlier = True
        else:
            writers["articles"].commit(corpus.ARTICLE_COLUMNS + ["warnings"])
            writers["article_actors"].commit(corpus.ACTOR_COLUMNS)
            writers["errors"].commit(corpus.ERROR_COLUMNS)
            if mode != "none":
                scale.export_corpus_figures(out_dir)
    finally:
        for w in writers.values():
            w.abort()
            if w.part.exists():
                w.part.unlink()
        if pool is not None:
            pool.close()
            pool.join()
        restore()
    result.seconds = time.perf_counter() - started
    return result


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


def cli_analyze(args) -> int:
    """``python -m helpers analyze PATH... --out DIR [--jobs N] [--force] [--no-figures] [--aliases FILE]``."""
    aliases = None
    if getattr(args, "aliases", None):
        import yaml

        alias_path = Path(args.aliases)
        if not alias_path.is_file():
            raise InputError(args.aliases, "aliases file not found")
        try:
            aliases = yaml.safe_load(alias_path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as err:
            raise InputError(args.aliases, f"not valid YAML ({type(err).__name__})") from None
        if not isinstance(aliases, dict):
            raise InputError(args.aliases, "must map surface forms to actor names")
    figures = "none" if getattr(args, "no_figures", False) else getattr(args, "figures", None)
    result = run(args.paths, args.out, jobs=getattr(args, "jobs", 1), force=getattr(args, "force", False),
                 aliases=aliases, figures=figures, progress=not getattr(args, "quiet", False),
                 scheduler=getattr(args, "scheduler", None))
    print(result.summary())
    return result.exit_status
