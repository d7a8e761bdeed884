"""Quotation spans and the speech frames that touch them (“…,” X said / X said: “…”)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .lexicon import (
    AUX_ADV, CLOSE_QUOTES, FRAME_KINDS, OPEN_QUOTES, STOP_PUNCT, STRAIGHT_QUOTE, _Tok, _np_left, _np_left_appositive,
    _np_right, _skip_aux_left, _weak_speaker
)


# ----------------------------------------------------------------------------------------------
# Candidates


@dataclass
class _Quote:
    content: tuple[int, int]  # paragraph offsets
    speaker: tuple[int, int] | None  # paragraph offsets
    cue: str
    direct: bool
    kind: str
    pieces: list[tuple[int, int]] = field(default_factory=list)  # content pieces (insertions)
    name_span: tuple[int, int] | None = None  # the phrase that names a relative speaker ("X, who said")
    speaker_para: object | None = None  # the `_Para` the speaker offsets refer to (None: not yet set)
    opens_next: bool = False  # a colon frame ending its paragraph: it opens the next paragraph's quotation


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Quotations (outer offsets, marks included) in a paragraph; unclosed ones run to the end."""
    spans, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c in OPEN_QUOTES or c == STRAIGHT_QUOTE:
            # a curly opening mark may be closed by a straight one and vice versa (mixed typing)
            closer = CLOSE_QUOTES + STRAIGHT_QUOTE if c in OPEN_QUOTES else STRAIGHT_QUOTE + CLOSE_QUOTES
            j, reopened = -1, n
            for m in range(i + 1, n):
                if text[m] in closer:
                    j = m
                    break
                if c in OPEN_QUOTES and text[m] in OPEN_QUOTES:
                    if _typed_as_closing(text, m):  # “…,“ said X: an opening mark typed for a closing one
                        j = m
                        break
                    reopened = m  # a new quote opens: the first ran on
                    break
            if j == -1:  # unclosed: runs to the next opening mark (curly) or the paragraph end
                spans.append((i, reopened))
                i = reopened
                continue
            spans.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return spans


def _typed_as_closing(text: str, m: int) -> bool:
    """The opening mark at ``m`` closes a quotation: a word or stop touches it on the left and a
    space, stop or the end follows it ("here,“ said Ms. Ruiz")."""
    return m > 0 and not text[m - 1].isspace() and text[m - 1] not in "([{—–-" and (
        m + 1 == len(text) or text[m + 1].isspace() or text[m + 1] in ".,;:!?")


def _inner(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    s += 1
    if e - 1 >= s and text[e - 1] in CLOSE_QUOTES + STRAIGHT_QUOTE + OPEN_QUOTES:  # “ typed for ”
        e -= 1
    while e > s and text[e - 1] in " ,":
        e -= 1
    while s < e and text[s] == " ":
        s += 1
    return s, e


#: Dashes that open a credit line after a quotation ("“…” ― Name").
CREDIT_DASHES = frozenset("―—–")


def _frame_after(toks: list[_Tok], verbs: dict[str, str]) -> tuple[tuple[int, int], str, int] | None:
    """Speech frame at the start of ``toks`` ("Mr. X said", "said Mr. X", "he added")."""
    k = 0
    while k < len(toks) and toks[k].text in ",":
        k += 1
    if k >= len(toks):
        return None
    # a credit line: "“…” ― Veronica Cruz" (vox pops, pull quotes): a capitalised name and nothing else
    if toks[k].text in CREDIT_DASHES:
        j = k + 1  # capitalised words and initials ("Julie A. Diaz Martinez"), at most 6 tokens
        while j < len(toks) and j - k <= 6 and (toks[j].text[:1].isupper() or (
                toks[j].text == "." and len(toks[j - 1].text) == 1 and toks[j - 1].text.isupper())):
            j += 1
        if j > k + 1 and (j == len(toks) or toks[j].text in (".", ",", "“", '"')):
            return (toks[k + 1].start, toks[j - 1].end), toks[k].text, toks[j - 1].end
        return None
    # inverted: said Mr. X
    if verbs.get(toks[k].low) in FRAME_KINDS:
        span = _np_right(toks, k + 1)
        if span:
            return (toks[span[0]].start, toks[span[1]].end), toks[k].text, toks[span[1]].end
    # speaker first: scan right for the cue within 9 tokens, no punctuation between
    c, limit = k, min(len(toks), k + 10)
    while c + 1 < limit:
        c += 1
        if toks[c].text == "(":  # "Rep. Earl Blumenauer (D-Ore.) said"
            close = next((m for m in range(c + 1, min(len(toks), c + 9)) if toks[m].text == ")"), None)
            if close is None:
                return None
            limit = min(len(toks), limit + close - c + 1)
            c = close
            continue
        if toks[c].text == "," and c > k:
            return _appositive_frame(toks, k, c, verbs)  # "“…,” Ana Ruiz, director of …, said"
        initial = toks[c].text == "." and len(toks[c - 1].text) == 1 and toks[c - 1].text.isupper()  # "Vann R. Newkirk"
        if toks[c].text in STOP_PUNCT or (toks[c].text == "." and not initial):
            return None
        if verbs.get(toks[c].low) in FRAME_KINDS:
            j = _skip_aux_left(toks, c - 1)
            span = _np_left(toks, j)
            if span and span[0] == k:
                return (toks[span[0]].start, toks[span[1]].end), toks[c].text, toks[c].end
            return None
    return None


def _appositive_frame(toks: list[_Tok], k: int, comma: int, verbs: dict[str, str]):
    """A frame after a quotation whose speaker carries an appositive between commas: "“…,” Leonard
    Burman, director of the Tax Policy Center, said", "Vann R. Newkirk II, a writer for The Atlantic,
    said on Twitter". The name (capitalised words and initials from token ``k`` to the ``comma``)
    is the speaker; the appositive (at most 25 tokens, no stop or quotation mark) ends at a comma
    that a cue follows, after auxiliaries and adverbs."""
    if comma - k > 6 or not all(t.text[:1].isupper() or t.text == "." for t in toks[k:comma]):
        return None
    for e in range(comma + 1, min(len(toks) - 1, comma + 26)):
        t = toks[e]
        if t.text in (".", ";", ":", "“", "”", '"', "(", ")") or (t.text.islower() and verbs.get(t.low) in FRAME_KINDS):
            return None
        if t.text == ",":
            c = e + 1
            while c < len(toks) and toks[c].low in AUX_ADV:
                c += 1
            if c < len(toks) and verbs.get(toks[c].low) in FRAME_KINDS and toks[c].text.islower():
                return (toks[k].start, toks[comma - 1].end), toks[c].text, toks[c].end
    return None


#: Cues that are mostly nouns before a quotation: a frame before it only with a colon ("The letter
#: reads: “…”"); after a quotation they frame it as any cue does ("“…,” reads an editorial").
COLON_ONLY_CUES = frozenset(["reads"])


def _frame_before(toks: list[_Tok], verbs: dict[str, str]) -> tuple[tuple[int, int], str, int] | None:
    """Speech frame ending ``toks`` ("Mr. X said:", "He told reporters on Tuesday,")."""
    if toks and verbs.get(toks[-1].low) in FRAME_KINDS | {"stance"} and toks[-1].text.islower():
        # no punctuation: "The ad claims “Jeb is the conservative you can trust.”"
        j = _skip_aux_left(toks, len(toks) - 2)
        span = _np_left(toks, j)
        if span and not _weak_speaker(toks, span):
            return (toks[span[0]].start, toks[span[1]].end), toks[-1].text, toks[-1].end
        return None
    if not toks or toks[-1].text not in (":", ","):
        return None
    end = len(toks) - 1
    for c in range(end - 1, max(-1, end - 9), -1):
        t = toks[c]
        if t.text in STOP_PUNCT and c != end:
            if t.text == "," and c > 0 and toks[c - 1].low in verbs:
                continue
            return None
        if verbs.get(t.low) in FRAME_KINDS:
            if t.low in COLON_ONLY_CUES and toks[-1].text != ":":
                return None  # "One of his recent reads, “This Kind of War,”": a noun
            j = _skip_aux_left(toks, c - 1)
            # "Lena Ostrova, a spokeswoman for the mayor, said in a statement: “…”"
            span = _np_left(toks, j) or _np_left_appositive(toks, j)
            if span:
                return (toks[span[0]].start, toks[span[1]].end), t.text, toks[-1].end
            return None
    return None


def _strip_content(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " ,:;—–-":
        s += 1
    while e > s and text[e - 1] in " ,.;:—–-":
        e -= 1
    # trailing conjunction left by truncation ("…, and"): looked for in the last characters only
    lo = max(s, e - 64)
    tail = _TAIL_CONJUNCTION.search(text[lo:e])
    if tail and tail.start() == 0 and lo > s:  # a long run of spaces: look at the whole content
        lo, tail = s, _TAIL_CONJUNCTION.search(text[s:e])
    if tail:
        e = lo + tail.start()
    return s, e


_TAIL_CONJUNCTION = re.compile(r"(?:,?\s+(?:and|but|while|as))$")


def _words_at_least(text: str, a: int, b: int, k: int) -> bool:
    """``_word_count(text[a:b]) >= k``, reading only up to the k-th word."""
    if k <= 0:
        return True
    for i, _ in enumerate(_WORDS.finditer(text, a, b), start=1):
        if i >= k:
            return True
    return False


_WORDS = re.compile(r"\w+")


class _Intervals:
    """Blocked spans (quotes and their frames) as merged sorted intervals: membership in log time."""

    def __init__(self, spans):
        merged: list[list[int]] = []
        for a, b in sorted(spans):
            if b <= a:
                continue
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [a for a, _ in merged]
        self.ends = [b for _, b in merged]

    def __contains__(self, pos: int) -> bool:
        i = bisect.bisect_right(self.starts, pos) - 1
        return i >= 0 and pos < self.ends[i]
