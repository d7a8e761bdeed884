"""Sentences of an article's body, with offsets a reader can trace back to the text."""
from __future__ import annotations

import pandas as pd

from . import resources
from .tables import conform, empty


def records(df: pd.DataFrame, columns) -> list[tuple]:
    """Rows of ``df`` as plain tuples of the given columns (the values `itertuples` would give).

    Much faster than ``itertuples``/``.loc`` in Python loops: one ``tolist`` per column.
    """
    if df is None or len(df) == 0:
        return []
    return list(zip(*(df[c].tolist() for c in columns)))


def sentences(article) -> pd.DataFrame:
    """The sentences table: one row per sentence of the body, in reading order.

    Columns: ``sent_id`` (0-based, article-wide), ``para_id`` (0-based index into
    ``article.paragraphs``), ``start``/``end`` (character offsets into ``article.body``, the
    paragraphs joined by a blank line; end exclusive), ``text``.
    Furniture removed by the reader is not in ``article.paragraphs`` and so never here.
    """
    rows = []
    offset = 0
    for para_id, paragraph in enumerate(article.paragraphs):
        for start, end in resources.split_sentences(paragraph):
            rows.append((len(rows), para_id, offset + start, offset + end, paragraph[start:end]))
        offset += len(paragraph) + len(article.PARAGRAPH_SEPARATOR)
    if not rows:
        return empty("sentences")
    return conform(pd.DataFrame(rows, columns=["sent_id", "para_id", "start", "end", "text"]), "sentences")


def mentions_by_sentence(mentions: pd.DataFrame | None) -> dict:
    """sent_id → [(start, end, actor)] of the mentions table, in table order, built once per article.

    ``start``/``end`` are offsets inside the sentence; ``actor`` is as stored (a name, "", or NaN).
    """
    by_sent: dict = {}
    if mentions is None or mentions.empty:
        return by_sent
    for sid, start, end, actor in records(mentions, ["sent_id", "start", "end", "actor"]):
        by_sent.setdefault(sid, []).append((start, end, actor))
    return by_sent
