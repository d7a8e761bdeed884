"""Corpus-scale settings shared by the local pool (`helpers.batch`) and Dask (`helpers.dask_runner`).

Figures. A corpus user wants the comparison figures across articles, rarely nine figures × two
formats for every article (about 2–3 s of CPU per article, 90 % of a batch when drawn). One
option, ``--figures``, chooses:

* ``all``: every article's own figures (``OUT/<slug>/<order>-<name>.{png,svg,csv}``) and, when the
  batch has two or more articles, the corpus comparison figures;
* ``corpus``: only the corpus comparison figures, in ``OUT/_figures/`` (``6x-*.{png,svg,csv}``,
  `helpers.figures.compare`), drawn once from the finished corpus tables;
* ``none``: no figures at all.

The default (``auto``) is ``all`` for a single article (``python -m helpers analyze seed.txt``
keeps its figures, as does ``python -m helpers report``) and ``corpus`` for two or more inputs.
``OUT/_figures`` cannot clash with an article folder: slugs never contain ``_``.
"""
from __future__ import annotations

import os
from pathlib import Path

from .fsutil import atomic_dir

FIGURE_MODES = ("all", "corpus", "none")
#: Folder (inside the output folder) of the corpus comparison figures.
CORPUS_FIGURES = "_figures"
#: The per-article tables the comparison figures read (besides the corpus tables themselves).
COMPARE_TABLES = ("mention_sentiment", "blame")


def figure_mode(figures, n_inputs: int) -> str:
    """``all`` | ``corpus`` | ``none`` from the ``figures`` option (a mode, ``auto``/None, or a bool).

    ``True`` means ``all`` and ``False`` ``none`` (the ``figures=`` flag of `batch.run` before the
    modes); ``auto`` or None is ``all`` for one input and ``corpus`` for more.
    """
    if figures is True:
        return "all"
    if figures is False:
        return "none"
    if figures in (None, "auto"):
        return "all" if n_inputs <= 1 else "corpus"
    if figures not in FIGURE_MODES:
        from .errors import InputError

        raise InputError("--figures", f"must be one of auto, {', '.join(FIGURE_MODES)} (got {figures!r})")
    return figures


def per_article_figures(mode: str) -> bool:
    """True when each article's own figures are drawn in this mode."""
    return mode == "all"


def export_corpus_figures(out_dir, min_articles: int = 2) -> Path | None:
    """Draw the corpus comparison figures of a finished output folder into ``OUT/_figures/``.

    Reads the corpus tables with `corpus.load_corpus` (so the figures are the same whichever
    engine made the folder). Written atomically (a temporary sibling renamed into place). Returns
    the folder, or None when the corpus has fewer than ``min_articles`` articles.
    """
    from . import corpus
    from .figures import compare

    out_dir = Path(out_dir)
    tables = corpus.load_corpus(out_dir, tables=COMPARE_TABLES)
    if len(tables["articles"]) < min_articles:
        return None
    with atomic_dir(out_dir, CORPUS_FIGURES) as tmp:
        compare.export_all(tables, tmp)
    return out_dir / CORPUS_FIGURES


#: Environment variable read by `helpers.encoder` for the intra-op threads of its ONNX session.
ENCODER_THREADS_ENV = "HELPERS_ENCODER_THREADS"
#: Thread-count variables of the numerical libraries (OpenMP, OpenBLAS, MKL, numexpr) a worker sets.
NUMERIC_THREADS_ENV = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


def available_cores() -> int:
    """CPU cores this process may run on (its affinity mask, e.g. under ``taskset``; else the CPU count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def encoder_threads_env() -> int | None:
    """Threads asked for by ``$HELPERS_ENCODER_THREADS`` (None when unset or empty; at least 1).

    Raises `InputError` (one line naming the variable) when it is not a whole number.
    """
    raw = os.environ.get(ENCODER_THREADS_ENV, "").strip()
    if not raw:
        return None
    try:
        return max(1, int(raw))
    except ValueError:
        from .errors import InputError

        raise InputError(ENCODER_THREADS_ENV, f"{raw!r} is not a whole number of threads") from None


def threads_per_worker(jobs: int, cores: int | None = None) -> int:
    """Threads each of ``jobs`` worker processes may use so that together they fill ``cores`` once.

    ``cores // jobs``, at least 1: with ``--jobs 2`` on 2 cores each worker's encoder session gets
    one intra-op thread (not ONNX Runtime's default of one per core, which would run 4 threads on
    2 cores); with ``--jobs 2`` on 8 cores, 4 each.
    """
    cores = available_cores() if cores is None else max(1, int(cores))
    return max(1, cores // max(1, int(jobs)))


def configure_worker(threads: int) -> int:
    """In a worker process: at most ``threads`` threads for the encoder and the numerical libraries.

    Sets ``$HELPERS_ENCODER_THREADS`` (the encoder's intra-op threads) and the OpenMP / BLAS
    variables of `NUMERIC_THREADS_ENV` unless the user set them, limits the BLAS and OpenMP
    thread pools already loaded in this process (threadpoolctl: a forked worker inherits numpy's
    OpenBLAS sized for every core), and sets the encoder's thread count (`encoder.set_threads`),
    so the worker opens ONE session of its own, with that many threads (a session inherited from
    the parent is set aside, never used or freed in the worker).
    Returns the encoder's thread count (the user's ``$HELPERS_ENCODER_THREADS`` if set).
    """
    threads = max(1, int(threads))
    os.environ.setdefault(ENCODER_THREADS_ENV, str(threads))
    for name in NUMERIC_THREADS_ENV:
        os.environ.setdefault(name, str(threads))
    _limit_thread_pools(threads)
    encoder_threads = encoder_threads_env() or threads
    _set_encoder_threads(encoder_threads)
    return encoder_threads


def one_thread_per_process() -> int:
    """`configure_worker` with one thread: a Dask worker process (run one per core, ``--nthreads 1``)."""
    return configure_worker(1)


def _limit_thread_pools(threads: int) -> None:
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a dependency
        return
    threadpool_limits(limits=threads)


def _set_encoder_threads(n) -> None:
    import sys

    encoder = sys.modules.get("helpers.encoder")
    if encoder is not None and hasattr(encoder, "set_threads"):
        encoder.set_threads(n)


def prepare_parent(sentiment: str = "encoder") -> None:
    """Before forking a pool: load the language resources here once (shared copy-on-write by the workers).

    Not the encoder (`pipeline.warm_up` with ``models=False``): each worker opens its own session
    (an ONNX Runtime session does not survive a fork), so one loaded here would only hold the
    parent's memory. With ``sentiment="fast"`` the small linear model is loaded here too.

    A session this process opened earlier (a notebook that analysed an article, then runs a
    batch) is dropped from the encoder's cache here, before the fork, so the parent frees it when
    nothing else holds it and the workers do not inherit it (reopened on next use). A worker that
    does inherit one (a fork made elsewhere) keeps it referenced and never frees it
    (``encoder._orphans``): freeing it there would wait forever for its thread pool, whose
    threads do not exist in the forked copy.
    """
    import sys

    from .pipeline import warm_up

    encoder = sys.modules.get("helpers.encoder")
    if encoder is not None and hasattr(encoder, "load") and hasattr(encoder.load, "cache_clear"):
        encoder.load.cache_clear()
    warm_up(sentiment, models=False)
