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


def one_thread_per_process() -> None:
    """In a worker process of a parallel batch: ONE intra-op thread for the contextual encoder.

    With N workers on N cores, ONNX Runtime's default (a thread per core in every session)
    oversubscribes the cores N-fold, so ``--jobs 2`` would not scale. Sets
    ``$HELPERS_ENCODER_THREADS`` to 1 unless the user set it, and drops a session inherited from
    the parent (`encoder.set_threads`), so each worker builds its own single-threaded session.
    """
    os.environ.setdefault(ENCODER_THREADS_ENV, "1")
    _set_encoder_threads(int(os.environ[ENCODER_THREADS_ENV]))


def _set_encoder_threads(n) -> None:
    import sys

    encoder = sys.modules.get("helpers.encoder")
    if encoder is not None and hasattr(encoder, "set_threads"):
        encoder.set_threads(n)


def prepare_parent():
    """Before forking a pool: load every resource here once (shared copy-on-write by the workers).

    The encoder, if the pipeline loads one, is loaded single-threaded, so the session a worker
    inherits has no thread pool to lose in the fork (the worker replaces it with its own, see
    `one_thread_per_process`). Returns a function that restores this process's setting afterwards.
    """
    from .pipeline import warm_up

    before = os.environ.get(ENCODER_THREADS_ENV)
    one_thread_per_process()
    warm_up()

    def restore():
        if before is None:
            os.environ.pop(ENCODER_THREADS_ENV, None)
            _set_encoder_threads(None)
        else:
            os.environ[ENCODER_THREADS_ENV] = before
            _set_encoder_threads(int(before))

    return restore
