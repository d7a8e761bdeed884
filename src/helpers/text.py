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


#: Longest sentence, in characters, that the stages see. A longer run of text (a page without
#: punctuation, a list glued into one line) is cut at white space into pieces of at most this
#: length, so every per-sentence stage stays linear in article length. Real sentences are far
#: shorter: the longest in the PolNeAR texts and the other shared data sets is 979 characters.
MAX_SENTENCE_CHARS = 2000


def cap_length(spans, paragraph: str, limit: int = MAX_SENTENCE_CHARS) -> list[tuple[int, int]]:
    """``spans`` (start, end) with every span longer than ``limit`` cut at the last white space
    before the limit (or at the limit when a piece has none); pieces start after the white space."""
    out = []
    for start, end in spans:
        while end - start > limit:
            cut = paragraph.rfind(" ", start + 1, start + limit)
            cut = max(cut, paragraph.rfind("\n", start + 1, start + limit))
            if cut <= start:
                out.append((start, start + limit))
                start += limit
                continue
            out.append((start, cut))
            start = cut + 1
            while start < end and paragraph[start].isspace():
                start += 1
        if end > start:
            out.append((start, end))
    return out


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
        for start, end in cap_length(resources.split_sentences(paragraph), paragraph):
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


# ---------------------------------------------------------------------------------------------
# Back to the raw text: the reader joins lines, collapses whitespace (NBSP, tabs, line breaks) and
# drops furniture, so body offsets are not offsets into the file. `RawMap` maps them back.
# ---------------------------------------------------------------------------------------------


def _visible(text: str) -> tuple[str, list[int]]:
    """The non-whitespace characters of ``text`` and the offset of each in ``text``."""
    chars, where = [], []
    for k, ch in enumerate(text):
        if not ch.isspace():
            chars.append(ch)
            where.append(k)
    return "".join(chars), where


class RawMap:
    """Maps offsets of an article's ``body`` (and ``title``) back to offsets of the raw text it was read from.

    The reader only changes whitespace in a plain-text article (it joins wrapped lines, turns NBSP
    and runs of spaces into one space, and puts a blank line between paragraphs), so every
    non-whitespace character of a paragraph is found, in order, among the raw text's
    non-whitespace characters. A character maps to its raw offset; a space maps to the offset
    right after the character before it; an end offset (exclusive) maps to one after the raw
    offset of the last character before it. Paragraphs are searched for in reading order.
    A paragraph the reader changed in other ways (Markdown markup removed) is not found: its
    offsets map to None (`missing` lists such paragraphs).
    """

    def __init__(self, raw: str, article) -> None:
        self.raw = raw
        self._text = article.body
        self._title_text = article.title or ""
        self._vis, self._where = _visible(raw)
        self._body: list[int | None] = []
        self.missing: list[int] = []
        cursor = 0
        for para_id, paragraph in enumerate(article.paragraphs):
            offs, cursor_after = self._align(paragraph, cursor)
            if offs is None:
                self.missing.append(para_id)
                offs = [None] * (len(paragraph) + 1)
            else:
                cursor = cursor_after
            if para_id:  # the separator: its first position is the previous paragraph's end (already there)
                self._body.extend([self._body[-1]] * (len(article.PARAGRAPH_SEPARATOR) - 1))
            self._body.extend(offs)
        self._title = self._align(article.title, 0)[0] if article.title else None

    def _align(self, piece: str, cursor: int) -> tuple[list | None, int]:
        """Raw offset of each character of ``piece`` and of its end, searching from ``cursor``."""
        vis, _ = _visible(piece)
        if not vis:
            return None, cursor
        at = self._vis.find(vis, cursor)
        if at < 0:
            return None, cursor
        offs: list[int] = []
        k = at - 1  # index (in the raw's visible characters) of the last visible character seen
        for ch in piece:
            if ch.isspace():
                offs.append(self._where[k] + 1 if k >= 0 else 0)
            else:
                k += 1
                offs.append(self._where[k])
        offs.append(self._where[k] + 1)
        return offs, at + len(vis)

    def body(self, pos: int) -> int | None:
        """Raw offset of body offset ``pos`` (0 … len(body); an end offset maps after its last character)."""
        if not 0 <= pos < len(self._body):
            return None
        return self._body[pos]

    def body_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Raw ``(start, end)`` of the body span ``start:end`` (end exclusive), or None when unmapped."""
        if end <= start:
            return None
        a, b = self.body(start), self.body(end - 1)
        if a is None or b is None:
            return None
        return a, b + (0 if self._text[end - 1].isspace() else 1)

    def title_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Raw ``(start, end)`` of the title span ``start:end``, or None when the title was not found."""
        if self._title is None or end <= start or end > len(self._title) - 1:
            return None
        return self._title[start], self._title[end - 1] + (0 if self._title_text[end - 1].isspace() else 1)

    @property
    def title_found(self) -> bool:
        return self._title is not None
