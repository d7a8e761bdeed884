"""The quotes table: `find_quotes` reads paragraphs and assembles rows of every stage."""

from __future__ import annotations


import pandas as pd

from ..tables import conform, empty
from ..text import mentions_by_sentence
from .lexicon import EXTRA_COLUMNS, _paragraphs, _tokens, speech_verbs
from .frames import _Intervals, _Quote, _frame_before, _inner, _quote_spans
from .reported import STANCE_KINDS, _reported
from .direct import _after_statement, _colon_headline, _direct
from .speakers import (
    _actor_kinds, _author, _description_antecedent, _document, _earlier_author, _it_antecedent, _partials, _person_description,
    _publication, _speaker_name, quotes_words
)


#: What may stand around a quotation that is a whole reported statement (marks, stops, spaces).
_AROUND = frozenset(" ,.;:!?—–-“”\"\n")


def _quoted_statement(text: str, q: _Quote, spans: list[tuple[int, int]]) -> None:
    """A reported statement or colon line whose content is one whole quotation ("The campaign
    chairman, Tomas Brandt, said: “…”", "Ana Ruiz, an aide, said in a statement, “…”", "Continued
    Ruiz: “…”") is a direct quote: ``q``
    becomes direct, its content the quotation's inner words. The reported-speech rules find
    subjects with appositives that the frames next to quotation marks do not."""
    if q.direct or q.kind not in ("reported", "colon") or q.speaker is None or len(q.pieces or [q.content]) != 1:
        return
    a, b = q.content
    for span in spans:
        if span[0] > b:
            break
        inner = _inner(text, span)
        if span[1] < a or inner[1] <= inner[0]:
            continue
        # the statement starts at the quotation and stays inside it (it may stop at a sentence end
        # inside the quotation: "said: “The port stays open. We will …”" is all of it)
        outside = text[a:min(inner[0], b)] + text[max(inner[1], a):b]
        if all(c in _AROUND for c in outside) and inner[0] >= a - 1 and a <= inner[1]:
            q.content, q.pieces, q.direct, q.kind = inner, [inner], True, "direct"
        return


def _colon_frame(para, verbs) -> _Quote | None:
    """The speech frame that ends paragraph ``para`` with a colon ("Cruz continued:", "He told his
    audience, to rowdy applause:"): the quotation opening the next paragraph is its direct quote.
    A stand-in quote carrying the frame's speaker and cue, or None."""
    if para is None or not para.sents or not para.text.rstrip().endswith(":"):
        return None
    start = para.sents[-1][1]
    frame = _frame_before(_tokens(para.text[start:].rstrip(), start), verbs)
    if frame is None:
        return None
    q = _Quote((frame[2], frame[2]), frame[0], frame[1], True, "direct", [])
    q.speaker_para, q.opens_next = para, True
    return q


def _end_of(row: dict) -> tuple[int, int]:
    """Where a row's content ends: (its last sentence id, the offset in that sentence)."""
    return int(str(row["sent_ids"]).split("|")[-1]), int(row["end"])


def _innermost_partials(rows: list[dict]) -> list[dict]:
    """One speaker for quoted words inside two nested statements: "X said … “…,” the Gazette
    reported" and "…, saying “…,” according to Reuters" give the same words as a ``partial`` row of
    both. The row of the innermost statement (the content that starts last, nearest the quoted
    words) stays: its speaker said the words, the outer one relays them. A ``continuation`` of those
    words ("“And …”" in the next sentence) follows the speaker that stays."""
    groups: dict = {}
    for i, row in enumerate(rows):
        if row["kind"] == "partial":
            groups.setdefault((row["sent_id"], row["start"], row["end"]), []).append(i)
    replaced: dict[int, int] = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        keep = max(members, key=lambda i: (rows[i]["_parent"][0], rows[i]["_parent"][0] - rows[i]["_parent"][1], -i))
        for i in members:
            if rows[i]["_parent"][0] < rows[keep]["_parent"][0] and rows[i]["speaker"] != rows[keep]["speaker"]:
                replaced[i] = keep
    if not replaced:
        return rows
    frame_keys = ("speaker", "cue", "speaker_surface", "speaker_sent_id", "speaker_start", "speaker_end")
    out, last = [], None  # last: the latest quote in text order so far (index into rows)
    for i, row in enumerate(rows):
        if row["kind"] == "continuation" and last is not None and last in replaced \
                and row["speaker"] == rows[last]["speaker"]:
            row = {**row, **{k: rows[replaced[last]][k] for k in frame_keys}}
        if row["direct"] and (last is None or _end_of(row) > _end_of(rows[last])):
            last = i
        if i not in replaced:
            out.append(row)
    return out


def find_quotes(sentences: pd.DataFrame, mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quotes table: one row per quote or reported statement, in reading order.

    Columns: ``speaker`` (actor name from ``mentions`` when a mention covers the speaker's head
    word, "" for an unresolved pronoun or an unattributed quote, else the words as written),
    ``cue`` (the speech verb as written, or "according to"), ``content`` (the quoted or reported
    words, quotation marks removed; insertions such as "he said" cut out), ``sent_id`` (first
    sentence of the content), ``direct`` (True for words in quotation marks with a speech frame or
    continuing one, False for reported speech), plus ``EXTRA_COLUMNS`` (see the module docstring).
    ``mentions``: the mentions table (actor, sent_id, start, end, ...; offsets inside the sentence).
    An empty ``sentences`` gives an empty table with these columns.
    """
    columns = list(empty("quotes").columns) + EXTRA_COLUMNS
    paras = _paragraphs(sentences)
    verbs = speech_verbs()
    mentions_by_sent = mentions_by_sentence(mentions)
    actor_kinds = _actor_kinds(mentions)
    sent_text = dict(zip(sentences["sent_id"].tolist(), sentences["text"].astype(str).tolist())) if len(paras) else {}
    rows = []
    prev_last: _Quote | None = None
    prev_para = None
    for para in paras:
        quotes, blocked = _direct(para, verbs, prev_last or _colon_frame(prev_para, verbs))
        prev_para = para
        headline = _colon_headline(para, blocked)
        if headline is not None:
            quotes.append(headline)
            blocked.append((headline.speaker[0], headline.content[1]))
        index = _Intervals(blocked)
        for si in range(len(para.sents)):
            quotes.extend(_reported(para, si, index, verbs))
        quotes.sort(key=lambda q: q.content[0])
        quote_spans = _quote_spans(para.text)
        quotes = sorted(quotes + _after_statement(para, quotes, quote_spans), key=lambda q: q.content[0])
        for q in quotes:
            _quoted_statement(para.text, q, quote_spans)
            if q.direct and q.speaker_para is None:  # a statement made direct: its speaker is here
                q.speaker_para = para
        span_starts = [a for a, _ in quote_spans]
        direct_spans = _Intervals([q.content for q in quotes if q.direct])
        direct_quotes = [q for q in quotes if q.direct and q.speaker is not None]
        ends_with_quote = bool(direct_quotes) and quotes and quotes[-1].direct
        prev_last = direct_quotes[-1] if ends_with_quote else None
        for q in quotes:
            cs, ce = q.content
            sent_ids, off_s, off_e = para.locate(cs, ce)
            content = " ".join(para.orig[a:b] for a, b in (q.pieces or [q.content]))
            if q.speaker is None:
                speaker = surface = ""
                sp_sid, sp_a, sp_b = -1, -1, -1
            else:
                sp_para = q.speaker_para if q.speaker_para is not None else para
                a, b = q.speaker
                surface = sp_para.orig[a:b]
                ids, sp_a, sp_b = sp_para.locate(a, b)
                sp_sid = ids[0]
                if q.name_span is not None:  # "X, who said": the name is the phrase before "who"
                    na, nb = q.name_span
                    n_ids, n_a, n_b = sp_para.locate(na, nb)
                    speaker = _speaker_name(n_ids[0], n_a, n_b, sp_para.orig[na:nb], mentions_by_sent)
                else:
                    speaker = _speaker_name(sp_sid, sp_a, sp_b, surface, mentions_by_sent)
                if not speaker and surface.lower() == "it" and q.kind not in STANCE_KINDS | {"belief"}:
                    # "…,” it said in a statement." (not "It calls for …": a resolution, a plan)
                    speaker = _it_antecedent(para.locate(*q.content)[0][0], mentions_by_sent, actor_kinds)
                if speaker == surface and _person_description(surface):  # "the 34-year-old mother of three"
                    speaker = _description_antecedent(sp_sid, sp_a, mentions_by_sent, actor_kinds, sent_text) or surface
            kind = q.kind
            if surface and (_document(surface) or _publication(surface)):
                # "a Homeland Security memo", "a complaint filed by the SEC": the author speaks
                author = _author(sent_text.get(sp_sid, ""), sp_a, sp_b, surface, mentions_by_sent.get(sp_sid, ())) \
                    or _earlier_author(surface, sp_sid, sp_a, sent_text, mentions_by_sent)
                if author:
                    speaker = author
                elif _document(surface):  # "according to a schedule", "the indictment says"
                    speaker, kind = "", "evidence"
            frame = {"speaker": speaker, "cue": q.cue, "speaker_surface": surface, "speaker_sent_id": sp_sid,
                     "speaker_start": sp_a, "speaker_end": sp_b}
            rows.append({**frame, "content": content, "sent_id": sent_ids[0], "direct": bool(q.direct),
                         "start": off_s, "end": off_e, "sent_ids": "|".join(str(i) for i in sent_ids),
                         "kind": kind})
            if not q.direct and quotes_words(q.kind, q.cue):  # a document's words too ("the indictment says")
                for a, b in _partials(para, q, quote_spans, span_starts, direct_spans):
                    p_ids, p_s, p_e = para.locate(a, b)
                    rows.append({**frame, "content": para.orig[a:b], "sent_id": p_ids[0], "direct": True,
                                 "start": p_s, "end": p_e, "sent_ids": "|".join(str(i) for i in p_ids),
                                 "kind": "partial", "_parent": (cs, ce)})
    rows = _innermost_partials(rows)
    if not rows:
        out = empty("quotes")
        for col in EXTRA_COLUMNS:
            out[col] = pd.Series(dtype="object")
        return out
    df = pd.DataFrame(rows, columns=columns)
    df["direct"] = df["direct"].astype(bool)
    return conform(df, "quotes")
