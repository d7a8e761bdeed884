"""Direct quotes: quotation marks with a speech frame, continuations, colon headlines and credit lines."""

from __future__ import annotations

import bisect
import re

from .lexicon import OPEN_QUOTES, STRAIGHT_QUOTE, _Para, _TOKEN, _Tok, _tokens
from .frames import (
    _Intervals, _Quote, _frame_after, _frame_before, _inner, _quote_spans, _strip_content, _words_at_least
)


#: Labels before a colon that are not speakers ("Update: …", "Photo: …").
COLON_LABELS = frozenset(
    """update updated note related photo photos video watch read see source sources image images
    correction editor editor's editor’s disclosure warning caption credit listen more also
    advertisement click sign subscribe follow share contact email tags topics latest name notice age
    city job pay""".split()
)
_COLON = re.compile(r"^\s*([A-Z][\w.'’\-]*(?:\s+[\w.'’\-]+){0,4}?)\s*:\s+(?=\S)")


def _colon_headline(para: _Para, blocked: list[tuple[int, int]]) -> _Quote | None:
    """A paragraph that opens with a name and a colon: headlines ("Warren: Trump Is a ‘Proven
    Failure’") and transcripts ("TAPPER: Do you think …"). The name (1-5 words, each capitalised
    but for "of", "the", "camp", …) is the speaker; the rest of its sentence is the content.
    """
    text = para.text
    m = _COLON.match(text)
    if not m or any(a <= m.start(1) < b for a, b in blocked):
        return None
    words = m.group(1).split()
    if words[0].lower().strip(".") in COLON_LABELS or words[-1].lower() in COLON_LABELS:
        return None
    if not all(w[:1].isupper() or w[:1].isdigit() or w in ("of", "the", "camp", "and", "for", "at", "de")
               for w in words):
        return None
    si = para.sentence_at(m.end())
    end = para.sents[si][2]
    if si + 1 < len(para.sents) and m.end() >= para.sents[si][2] - 2:
        end = para.sents[si + 1][2]
    a, b = _strip_content(text, m.end(), end)
    if len(re.findall(r"[A-Za-z]+", text[a:b])) < 2:
        return None
    return _Quote((a, b), (m.start(1), m.end(1)), ":", False, "colon", [(a, b)])


#: Characters before a quote read for its speech frame ("…, Mr. X said:"); a frame is a few words.
FRAME_WINDOW = 600
#: Tokens after a quote read for its speech frame ("…,” said Mr. X of the campaign).
FRAME_TOKENS = 200
_WORD = re.compile(r"\w")


def _has_word(text: str, a: int, b: int) -> bool:
    return _WORD.search(text, a, b) is not None


def _window_start(text: str, pos: int) -> int:
    """``pos`` moved forward to just after a space, so a window never starts inside a token."""
    if pos <= 0:
        return 0
    m = re.compile(r"\s").search(text, pos)
    return m.end() if m else pos


def _last_nonspace(text: str, lo: int, hi: int) -> int:
    """Index of the last non-space character in ``text[lo:hi]``, or -1."""
    k = hi - 1
    while k >= lo and text[k].isspace():
        k -= 1
    return k if k >= lo else -1


def _only_a_period(text: str, a: int, b: int) -> bool:
    """``text[a:b].strip() in ("", ".")`` without copying a long tail."""
    m = re.compile(r"\s*\.?\s*").match(text, a, b)
    return m.end() == b


def _frame_tokens(text: str, start: int, end: int, spans: list[tuple[int, int]], first_later: int) -> list[_Tok]:
    """The first `FRAME_TOKENS` tokens of ``text[start:end]`` outside the quotes ``spans[first_later:]``.

    What `_frame_after` reads: tokens inside a later quotation are cut out (as if the frame stops at
    the next quotation mark and resumes after it). A later quotation is jumped over, not read, and
    at most `FRAME_TOKENS` of them, so the cost is bounded, not linear in ``end - start``.
    """
    out: list[_Tok] = []
    k, pos, jumps = first_later, start, 0
    while pos < end and len(out) < FRAME_TOKENS and jumps < FRAME_TOKENS:
        while k < len(spans) and spans[k][1] <= pos:
            k += 1
        if k < len(spans) and spans[k][0] <= pos:  # inside a later quotation: resume after it
            pos = spans[k][1]
            jumps += 1
            # a word running on past the closing mark started inside the quotation: it is dropped too
            while 0 < pos < end and _WORD_CHAR.match(text, pos - 1) and _WORD_CHAR.match(text, pos):
                pos += 1
            continue
        m = _TOKEN.search(text, pos, end)
        if m is None:
            break
        if k < len(spans) and spans[k][0] <= m.start():
            pos = m.start()
            continue
        out.append(_Tok(m.group(), m.start(), m.end()))
        pos = m.end()
    return out


_WORD_CHAR = re.compile(r"[\w’'\-]")


def _direct(para: _Para, verbs: dict[str, str], prev_speaker) -> tuple[list[_Quote], list[tuple[int, int]]]:
    """Direct quotes of one paragraph, and the spans (quotes + frames) reported speech must skip."""
    text = para.text
    quotes: list[_Quote] = []
    blocked: list[tuple[int, int]] = []
    last: _Quote | None = None
    spans = _quote_spans(text)
    for index, span in enumerate(spans):
        blocked.append(span)
        inner = _inner(text, span)
        if not _has_word(text, inner[0], inner[1]):
            continue
        si = para.sentence_at(span[0])
        sent_start = para.sents[si][1]
        # only the end of the text before the quote matters (the frame, its last mark): a bounded
        # window keeps a paragraph of thousands of quotes linear
        before_text = text[max(sent_start, _window_start(text, span[0] - FRAME_WINDOW)):span[0]]
        if not before_text.strip() and _last_nonspace(text, sent_start, span[0] - len(before_text)) >= 0:
            before_text = text[sent_start:span[0]]  # long white space before the quote: rare, read it all
        # the sentence that holds the closing mark, or the next one when the mark ends a sentence
        ei = para.sentence_at(max(span[1] - 1, span[0]))
        after_end = own_end = para.sents[ei][2]
        embedded = bool(before_text.strip()) and not before_text.rstrip().endswith((":", ","))
        if span[1] >= after_end and ei + 1 < len(para.sents) and not embedded:
            # the closing mark ended the sentence ("… DONE!” Mr. Trump wrote"): the frame is next
            after_end = para.sents[ei + 1][2]
        elif ei + 1 < len(para.sents) and text[para.sents[ei + 1][1]:para.sents[ei + 1][1] + 1].islower():
            # a sentence split inside the frame ("… Blumenauer (D-Ore.)" | "said.")
            after_end = para.sents[ei + 1][2]
        if ei + 1 < len(para.sents) and not text[para.sents[ei + 1][1]:para.sents[ei + 1][1] + 1].isupper() \
                and text[para.sents[ei + 1][1]:para.sents[ei + 1][1] + 1] not in OPEN_QUOTES + STRAIGHT_QUOTE:
            own_end = para.sents[ei + 1][2]  # "…alright?” he urged them": the next piece is no new sentence
        after_toks = _frame_tokens(text, span[1], after_end, spans, index + 1)
        frame = _frame_after(after_toks, verbs)
        if frame is None:
            frame = _frame_before(_tokens(before_text, span[0] - len(before_text)), verbs)
            if frame:
                blocked.append((frame[0][0], span[0]))
        elif embedded:
            # "X would be “a very difficult thing to do,” he said": a partial (mixed) quote; the
            # content is the whole clause and the statement counts as reported speech
            blocked.append((span[1], frame[2]))
            content = (_strip_content(text, sent_start, inner[1])[0], span[1])
            q = _Quote(content, frame[0], frame[1], False, "mixed", [content])
            q.speaker_para = para
            quotes.append(q)
            last = q
            continue
        else:
            blocked.append((span[1], frame[2]))
        standalone = not before_text.strip() or before_text.rstrip().endswith((":",))
        if frame:
            (a, b), cue, _ = frame
            q = _Quote(inner, (a, b), cue, True, "direct", [inner])
        elif standalone and _only_a_period(text, span[1], own_end) and _words_at_least(text, inner[0], inner[1], 3):
            # nothing but a stop follows in its own sentence (another sentence may follow in the paragraph)
            if last is not None:
                q = _Quote(inner, last.speaker, last.cue, True, "continuation", [inner])
            elif prev_speaker is not None and not before_text.strip():
                # a quote continued from the paragraph before, or opened by its frame ("Cruz said:")
                kind = "direct" if prev_speaker.opens_next else "continuation"
                q = _Quote(inner, prev_speaker.speaker, prev_speaker.cue, True, kind, [inner])
                q.speaker_para = prev_speaker.speaker_para
            else:
                # a stand-alone quotation with no speaker (a title, a slogan, a quote continued from
                # an earlier paragraph): not reported; on PolNeAR train 5 of 371 were attributions
                continue
        else:
            continue
        if q.speaker_para is None:
            q.speaker_para = para
        quotes.append(q)
        last = q
    return quotes, blocked


#: Statements a stand-alone quotation in the next sentence continues ("X said that …. “…”").
STATEMENT_KINDS = frozenset({"reported", "mixed", "according"})


def _after_statement(para: _Para, quotes: list[_Quote], spans: list[tuple[int, int]]) -> list[_Quote]:
    """Stand-alone quotations that continue a statement of the sentence before: "Bill Frist told
    lawmakers that Trump was strong. “He might just be the nominee.”" The quotation fills its own
    sentence (nothing but a stop after it, three words or more) and no row holds it; the statement
    (reported speech, a partial quotation, "according to") ends in the sentence right before, or is
    such a continuation itself. Returns the new ``continuation`` rows (same speaker and cue). One pass
    over the quotations and the statements in order (linear in a long paragraph)."""
    text, found = para.text, []
    held = _Intervals([q.content for q in quotes])
    statements = sorted((q for q in quotes if q.speaker is not None and q.kind in STATEMENT_KINDS),
                        key=lambda q: q.content[1])
    k, latest = 0, None  # latest: the statement (or new continuation) ending last before the quotation
    for span in spans:
        while k < len(statements) and statements[k].content[1] <= span[0]:
            if latest is None or statements[k].content[1] >= latest.content[1]:
                latest = statements[k]
            k += 1
        inner = _inner(text, span)
        if latest is None or not _words_at_least(text, inner[0], inner[1], 3):
            continue
        si = para.sentence_at(span[0])
        sent_start, sent_end = para.sents[si][1], para.sents[si][2]
        if si == 0 or text[sent_start:span[0]].strip() or not _only_a_period(text, span[1], max(span[1], sent_end)):
            continue
        i = bisect.bisect_right(held.starts, span[1] - 1) - 1
        if i >= 0 and held.ends[i] > span[0]:
            continue  # a row holds it already
        if para.sentence_at(max(latest.content[1] - 1, 0)) != si - 1:
            continue
        new = _Quote(inner, latest.speaker, latest.cue, True, "continuation", [inner], name_span=latest.name_span)
        new.speaker_para = latest.speaker_para
        found.append(new)
        latest = new
    return found
