"""Framing of blame: who blames, criticises, pressures or praises whom; hidden agency; frames.

Three rule-based stages, all driven by documented lexicons in ``helpers/data/``:

- `find_blame(sentences, mentions, quotes)`: directed edges source → target with a relation
  (blame | criticism | pressure | praise | responsibility | deflection) and a ``negated`` flag
  (refusals and negations are kept, flagged, never turned into plain edges).
  Cues: ``blame_cues.tsv``, ``deflection_cues.tsv``; negation/refusal: ``negation_cues.tsv``.
- `passives(sentences)`: agentless passives, agent-hiding nominalisations and intransitive death
  verbs, with their sentences (``passive_cues.tsv``).
- `frames(sentences, mentions, quotes)`: the 20 questions of the five generic news frames answered
  per article with evidence sentences (``frame_questions.tsv``); `frame_scores` turns them into one
  score per frame (share of "yes", 0–1, higher = the frame is more present).

Who is the source of a cue: inside a direct quote, its speaker (first-person pronouns in the quote
are the speaker too); in the article's own words, the subject of the clause (the first actor named
after the last clause boundary before the cue); in a passive ("was blamed by X"), the agent X.
With no named subject: an unnamed group for subject ("critics", "experts") keeps ``"narrator"``
with ``source_via`` "generic"; else the quote's speaker, else the named speaker of a quote or
reported speech of the same sentence; else the article itself: ``"narrator"`` (`helpers.sources`).

References: Semetko & Valkenburg (2000), Framing European politics, J. of Communication 50(2);
Frermann, Li, Khanehzar & Mikolajczak (2023), Conflicts, Villains, Resolutions: Towards models of
Narrative Media Framing, ACL.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .tables import conform, empty
from .text import mentions_by_sentence, records
from .sources import fallback_source, sentence_speakers
from .ties import ties

DATA = Path(__file__).parent / "data"

#: Source used when a statement has no speaker and no named subject: the article itself.
NARRATOR = "narrator"
#: Frame names, in the order of Semetko & Valkenburg (2000).
FRAMES = ("responsibility", "human_interest", "conflict", "morality", "economic")
PASSIVE_COLUMNS = ["sent_id", "kind", "cue", "text"]
FRAME_COLUMNS = ["frame", "question_id", "question", "answer", "sent_ids", "evidence"]
SCORE_COLUMNS = ["frame", "score", "yes", "questions"]

_STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u02bc": "'"})
_BOUNDARY = re.compile(
    r"[;:\u2014\u2013]|,?\"\s+(?:and|but|or)\b(?!\s+to\b)|,\s+(?:and|but|or)\b(?!\s+to\b)|\b(?:that|which|who|whom|whose|because|while|when|whether|"
    r"although|though|since|after|before|if|unless|where|whereas)\b",
    re.I,
)
_HARD_STOP = re.compile(r"[.;:!?\u2014\u2013]")
_COORD = re.compile(r"^\s*,?\s*(?:and|or|as\s+well\s+as|,)\s+(?:both\s+|the\s+)?$|^\s*,\s*$", re.I)
#: First-person pronouns, also capitalised at the start of a quote ("We will not …"); "US" (the
#: country) is not one.
#: Subject pronouns: never a coordinated object of a cue ("blamed Holm, and she …" opens a clause).
_NOMINATIVE = re.compile(r"(?:he|she|they|we|i)", re.I)
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself|[Ww]e|[Uu]s|[Oo]urs?|[Oo]urselves)\b")
_SPEECH = re.compile(
    r"\b(?:said|says|say|added|adds|wrote|writes|told|tells|asked|argued|insisted|declared|stated|"
    r"posted|tweeted|replied|explained|noted|warned|continued|according\s+to)\b",
    re.I,
)


def _straight(text: str) -> str:
    """Curly quotes and apostrophes → straight ones (same length, so offsets still hold)."""
    return text.translate(_STRAIGHT)


# ---------------------------------------------------------------------------------------------
# Lexicons
# ---------------------------------------------------------------------------------------------
def load_lexicon(name: str) -> pd.DataFrame:
    """Read ``helpers/data/<name>``: a tab-separated file after ``#`` header lines, all strings."""
    lines = [ln for ln in (DATA / name).read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    rows = [ln.split("\t") for ln in lines[1:]]
    for row in rows:
        if len(row) != len(header):
            raise ValueError(f"{name}: bad row {row[:2]!r} ({len(row)} fields, expected {len(header)})")
    return pd.DataFrame(rows, columns=header)


@dataclass(frozen=True)
class Cue:
    relation: str
    voice: str
    target: str
    window: int
    regex: re.Pattern
    example: str


@lru_cache(maxsize=None)
def blame_cues() -> tuple[Cue, ...]:
    """Deflection cues then blame cues, in priority order (compiled)."""
    cues = []
    for name in ("deflection_cues.tsv", "blame_cues.tsv"):
        for row in load_lexicon(name).itertuples(index=False):
            pattern = row.pattern.replace("{GAP}", r"(?:\S+\s+){0,8}?")
            cues.append(Cue(row.relation, row.voice, row.target, int(row.window), re.compile(pattern, re.I), row.example))
    return tuple(cues)


@lru_cache(maxsize=None)
def negation_cues() -> tuple[tuple[str, re.Pattern], ...]:
    """(scope, compiled pattern) pairs; scope is "clause" or "sentence"."""
    return tuple((r.scope, re.compile(r.pattern, re.I)) for r in load_lexicon("negation_cues.tsv").itertuples(index=False))


@lru_cache(maxsize=None)
def passive_words() -> dict[str, frozenset]:
    """kind → set of lower-case words, from ``passive_cues.tsv``."""
    lex = load_lexicon("passive_cues.tsv")
    return {kind: frozenset(group["word"]) for kind, group in lex.groupby("kind")}


@lru_cache(maxsize=None)
def frame_questions() -> pd.DataFrame:
    """The 20 questions with their cue patterns (``frame_questions.tsv``)."""
    lex = load_lexicon("frame_questions.tsv")
    lex["min_sentences"] = lex["min_sentences"].astype(int)
    return lex


# ---------------------------------------------------------------------------------------------
# Quotes: spans inside quotation marks, with speakers
# ---------------------------------------------------------------------------------------------
@dataclass
class _Span:
    sent_id: int
    start: int  # offsets inside the sentence text, the marks excluded
    end: int
    full: bool  # a whole statement (opens a sentence/clause), not a scare-quoted fragment
    speaker: str = ""


def _paragraph_spans(group: list[tuple]):
    """Quoted spans of one paragraph: ([(start, end, full)], paragraph text, paragraph offset).

    ``group``: the paragraph's sentences as (sent_id, start, end, text) tuples, by start.
    """
    base = int(group[0][1])
    length = int(max(row[2] for row in group)) - base
    chars = [" "] * max(length, 0)
    for _, start, _, sent_text in group:
        s = int(start) - base
        chars[s : s + len(sent_text)] = list(sent_text)
    text = "".join(chars)
    spans, open_at = [], None
    for mark in _QUOTE_MARK.finditer(text):
        i, ch = mark.start(), mark.group()
        opening = ch == "\u201c" or (ch == '"' and open_at is None)
        closing = ch == "\u201d" or (ch == '"' and open_at is not None)
        if opening and open_at is None:
            open_at = i
        elif closing and open_at is not None:
            spans.append((open_at, i))
            open_at = None
    if open_at is not None:
        spans.append((open_at, len(text)))
    out = []
    for a, b in spans:
        k = a  # end of the text before the mark, trailing spaces dropped (no copy of the prefix)
        while k > 0 and text[k - 1].isspace():
            k -= 1
        full = k == 0 or text[k - 1] in ".!?:,;\u2014\u201d\"" or bool(_SAID_END.search(text, max(0, k - _SAID_LOOKBACK), k))
        out.append((a + 1, b, full))
    return out, text, base


_QUOTE_MARK = re.compile('[\u201c\u201d"]')
_SAID_END = re.compile(r"\b(?:said|says|wrote|added)$")
#: Characters before a quote that `_SAID_END` needs: its longest word plus one for the boundary.
_SAID_LOOKBACK = len("added") + 2


def _quote_spans(sentences: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame,
                 by_sent: dict | None = None) -> dict[int, list[_Span]]:
    """sent_id → quoted spans in that sentence (a multi-sentence quote gives one span per sentence)."""
    if by_sent is None:
        by_sent = mentions_by_sentence(mentions)
    quote_rows = _quote_rows(quotes)
    paragraphs: dict = {}
    for para_id, *row in records(sentences.sort_values("start"), ["para_id", "sent_id", "start", "end", "text"]):
        if pd.isna(para_id):
            continue  # groupby drops missing keys
        paragraphs.setdefault(para_id, []).append(tuple(row))
    result: dict[int, list[_Span]] = {}
    has_mentions = mentions is not None and not mentions.empty
    rows_by_sent = _rows_by_sentence(quote_rows)
    for group in paragraphs.values():
        spans, text, base = _paragraph_spans(group)
        bounds = [(int(sid), int(start) - base, int(end) - base) for sid, start, end, _ in group]
        ends = _running_max([s1 for _, _, s1 in bounds])  # sorted, for bisect
        pm = None
        previous_speaker = ""
        for a, b, full in spans:
            # the sentences overlapping [a, b): bounds are sorted by start, so they follow the first
            # whose (running maximum) end passes a, until one starts at or after b
            covered = []
            for sid, s0, s1 in bounds[bisect.bisect_right(ends, a):]:
                if s0 >= b:
                    break
                if s1 > a:
                    covered.append((sid, s0, s1))
            speaker = _speaker_from_rows(quote_rows, [sid for sid, _, _ in covered], text[a:b], rows_by_sent)
            if not speaker and has_mentions:
                if pm is None:
                    pm = _PositionedMentions(_paragraph_mentions(bounds, by_sent))
                speaker = _speaker_nearby(pm, text, a, b)
            if not speaker and full:
                speaker = previous_speaker
            if full and speaker:
                previous_speaker = speaker
            for sid, s0, s1 in covered:
                lo, hi = max(a, s0), min(b, s1)
                if lo < hi:
                    result.setdefault(sid, []).append(_Span(sid, lo - s0, hi - s0, full, speaker))
    return result


def _running_max(values: list[int]) -> list[int]:
    out, top = [], None
    for v in values:
        top = v if top is None or v > top else top
        out.append(top)
    return out


def _rows_by_sentence(rows) -> dict[int, list[int]]:
    """sent_id → indices (ascending) of the `_quote_rows` rows that cover it."""
    index: dict[int, list[int]] = {}
    for i, (ids, _, _) in enumerate(rows or ()):
        for sid in ids:
            index.setdefault(sid, []).append(i)
    return index


def _norm(text: str) -> str:
    return _NON_WORD.sub(" ", _straight(str(text))).strip().lower()


_NON_WORD = re.compile(r"\W+")


def _quote_rows(quotes: pd.DataFrame) -> list[tuple[set, str, str]] | None:
    """The quotes table as (sentence ids, speaker, normalised content) for `_speaker_from_rows`.

    Rows without a speaker are dropped (they can never give one); None when there is no table.
    """
    if quotes is None or quotes.empty or "speaker" not in quotes:
        return None
    extra = quotes["sent_ids"].tolist() if "sent_ids" in quotes else [None] * len(quotes)
    out = []
    for sent_id, speaker, content, more in zip(quotes["sent_id"].tolist(), quotes["speaker"].tolist(),
                                                quotes["content"].tolist(), extra):
        ids = {int(sent_id)} if pd.notna(sent_id) else set()
        if isinstance(more, str):
            ids |= {int(x) for x in _DIGITS.findall(more)}
        elif isinstance(more, (list, tuple)):
            ids |= {int(x) for x in more}
        if not isinstance(speaker, str) or not speaker:
            continue
        out.append((ids, speaker, _norm(content)))
    return out


_DIGITS = re.compile(r"\d+")


def _speaker_from_rows(rows, sent_ids: list[int], content: str, by_sent: dict | None = None) -> str:
    """Speaker of the quotes-table row that covers these sentences and overlaps the content.

    ``by_sent`` (`_rows_by_sentence` of ``rows``) visits only the rows of these sentences, in the
    same order, instead of every row (quadratic in the quotes of a long article).
    """
    if not rows:
        return ""
    want = _norm(content)
    wanted = set(sent_ids)
    if by_sent is not None:
        candidates = [rows[i] for i in sorted({i for sid in wanted for i in by_sent.get(sid, ())})]
    else:
        candidates = rows
    best = ""
    for ids, speaker, got in candidates:
        if not ids & wanted:
            continue
        if want and got and (want[:25] in got or got[:25] in want):
            return speaker
        best = best or speaker
    return best


def _speaker_nearby(pm, text, a, b) -> str:
    """Fallback attribution: '”, Mr. X said' after the quote or 'X said: “' before it.

    ``pm``: the paragraph's mentions, `_PositionedMentions` (or the sorted list itself).
    """
    if not isinstance(pm, _PositionedMentions):
        pm = _PositionedMentions(pm)
    after = [m for m in pm.starting(b + 1, b + 25) if m[2]]
    if after and _SPEECH.search(text[b : after[0][1] + 40]):
        return after[0][2]
    before = [m for m in pm.starting(a - 60 - pm.longest, a - 1) if a - 60 <= m[1] < a and m[2]]
    if before and _SPEECH.search(text[before[-1][1] : a]):
        return before[-1][2]
    return ""


class _PositionedMentions:
    """Sorted (start, end, actor) mentions with `starting(lo, hi)`: those with lo ≤ start ≤ hi, in order (bisect)."""

    def __init__(self, mentions):
        self.mentions = list(mentions)
        self.starts = [m[0] for m in self.mentions]
        self.longest = max((m[1] - m[0] for m in self.mentions), default=0)

    def starting(self, lo: int, hi: int):
        return self.mentions[bisect.bisect_left(self.starts, lo):bisect.bisect_right(self.starts, hi)]


def _paragraph_mentions(bounds, by_sent):
    """Mentions of the paragraph's sentences as sorted (start, end, actor) in paragraph offsets."""
    out = []
    for sid, s0, _ in dict((sid, (sid, s0, s1)) for sid, s0, s1 in bounds).values():
        for start, end, actor in by_sent.get(sid, ()):
            out.append((s0 + int(start), s0 + int(end), str(actor) if pd.notna(actor) else ""))
    return sorted(out)


# ---------------------------------------------------------------------------------------------
# Blame edges
# ---------------------------------------------------------------------------------------------
@dataclass
class _Mention:
    start: int
    end: int
    actor: str
    quoted: bool  # inside a full quote span


def find_blame(sentences: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Blame edges (source, target, relation, negated, cue, sent_id, evidence).

    One row per (source, target, relation, negated) and sentence; ``cue`` joins the matched cue
    phrases with " | ". ``source`` is an actor name, or ``"narrator"`` for the article's own voice;
    ``target`` is an actor name ("" for a deflection that names nobody). ``negated`` is True when a
    negation or refusal governs the cue ("refused to … blame Mr. Putin"). ``evidence`` is the
    sentence text. Extra columns: ``source_via`` (speaker | subject | agent | generic | narrator) and
    ``negation_cue`` (the words that negate, or "").
    Targets and sources are actors from ``mentions`` (pronouns and demonyms count through the
    actor they were resolved to; unresolved mentions, actor "", are ignored). Praise between two
    actors the article ties by a description (`ties.ties`: a spokesperson and the body they speak
    for, "X, a company tied to Y") is self-praise, not praise of another actor: no edge.
    """
    if sentences is None or sentences.empty:
        return conform(_blame_frame([]), "blame")
    mentions = mentions if mentions is not None and not mentions.empty else empty("mentions")
    quotes = quotes if quotes is not None else empty("quotes")
    by_sent = mentions_by_sentence(mentions)
    spans = _quote_spans(sentences, mentions, quotes, by_sent)
    tied = ties(sentences, mentions)
    speakers = sentence_speakers(quotes, {a for a in mentions["actor"] if isinstance(a, str) and a})
    rows = []
    for sid, text in records(sentences, ["sent_id", "text"]):
        sid = int(sid)
        edges = _sentence_edges(sid, str(text), by_sent.get(sid, ()), spans.get(sid, []), speakers.get(sid, []))
        rows.extend(e for e in edges
                    if not (e["relation"] == "praise" and frozenset((e["source"], e["target"])) in tied))
    return conform(_blame_frame(rows), "blame")


_BLAME_COLUMNS = ["source", "target", "relation", "negated", "cue", "sent_id", "evidence", "source_via", "negation_cue"]


def merge_model_edges(blame: pd.DataFrame, sentences: pd.DataFrame, mentions: pd.DataFrame,
                      quotes: pd.DataFrame | None = None, threshold: float | None = None,
                      edge_model: str | None = None) -> pd.DataFrame:
    """The rule edges of `find_blame` beside a directed model's edges (`directed.model_edges`).

    ``edge_model``: which directed model makes the edges (`directed.EDGE_MODELS`; default
    `directed.EDGE_MODEL`, the one chosen on Park et al.'s dev set). Adds two columns: ``origin``
    ("rule" for a cue rule, "model" for the directed model) and ``probability`` (the model's
    calibrated probability of the direction; empty for rule edges). Rule edges keep their relations
    (blame, responsibility, deflection, refusals, negation …); model edges are ``criticism`` or
    ``praise``. Nothing is merged away: where the rule and the model say different things about the
    same pair, both rows are there. The model does not read refusals and negations ("refused to
    condemn X" can look like criticism to it): a model edge whose sentence, source and target also
    carry a negated rule edge, in either direction, is marked ``negated`` with the rule's
    ``negation_cue`` ("Marsh was not blamed by Okafor" can read as Marsh → Okafor to the model).
    """
    from .directed import EDGE_MODEL, model_edges

    rule = blame.assign(origin="rule", probability=float("nan"))
    model = model_edges(sentences, mentions, quotes, threshold, edge_model or EDGE_MODEL)
    if not model:
        return conform(rule, "blame")
    negated = {(int(sid), frozenset((src, tgt))): cue for sid, src, tgt, neg, cue in
               records(rule, ["sent_id", "source", "target", "negated", "negation_cue"]) if neg}
    for edge in model:
        cue = negated.get((int(edge["sent_id"]), frozenset((edge["source"], edge["target"]))))
        if cue is not None:
            edge["negated"], edge["negation_cue"] = True, cue
    extra = pd.DataFrame(model).assign(origin="model")
    out = pd.concat([rule, extra[[c for c in rule.columns if c in extra.columns]]], ignore_index=True)
    out["negated"] = out["negated"].astype(bool)
    return conform(out.sort_values("sent_id", kind="stable").reset_index(drop=True), "blame")


def _blame_frame(rows: list[dict]) -> pd.DataFrame:
    """One row per (sent_id, source, target, relation, negated), in order of first appearance.

    ``cue`` and ``negation_cue`` join the distinct non-empty values with " | "; ``evidence`` and
    ``source_via`` are the first ones.
    """
    cols = _BLAME_COLUMNS
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="bool" if c == "negated" else "object") for c in cols})
    groups: dict[tuple, dict] = {}
    for row in rows:
        key = (row["sent_id"], row["source"], row["target"], row["relation"], row["negated"])
        group = groups.get(key)
        if group is None:
            groups[key] = {"cue": {row["cue"]: None}, "evidence": row["evidence"], "source_via": row["source_via"],
                           "negation_cue": {row["negation_cue"]: None} if row["negation_cue"] else {}}
        else:
            group["cue"][row["cue"]] = None
            if row["negation_cue"]:
                group["negation_cue"][row["negation_cue"]] = None
    data = {c: [] for c in cols}
    for (sid, source, target, relation, negated), group in groups.items():
        data["source"].append(source)
        data["target"].append(target)
        data["relation"].append(relation)
        data["negated"].append(bool(negated))
        data["cue"].append(" | ".join(group["cue"]))
        data["sent_id"].append(int(sid))
        data["evidence"].append(group["evidence"])
        data["source_via"].append(group["source_via"])
        data["negation_cue"].append(" | ".join(group["negation_cue"]))
    return pd.DataFrame(data, columns=cols)


def _sentence_edges(sid: int, text: str, sent_mentions, spans: list[_Span], speakers=()) -> list[dict]:
    """Edges of one sentence; ``sent_mentions``: its (start, end, actor) tuples in table order;
    ``speakers``: its quotes' named speakers (`sources.sentence_speakers`)."""
    flat = _straight(text)
    full_spans = [s for s in spans if s.full]

    def in_full(pos: int):
        return next((s for s in full_spans if s.start <= pos < s.end), None)

    ments = [
        _Mention(int(start), int(end), str(actor), in_full(int(start)) is not None)
        for start, end, actor in sent_mentions
        if isinstance(actor, str) and actor
    ]
    taken = [(m.start, m.end) for m in ments]
    for span in full_spans:  # first-person pronouns inside a quote are its speaker
        if span.speaker:
            for fp in _FIRST_PERSON.finditer(text, span.start, span.end):
                if not any(a < fp.end() and fp.start() < b for a, b in taken):
                    ments.append(_Mention(fp.start(), fp.end(), span.speaker, True))
    ments.sort(key=lambda m: m.start)

    used: list[tuple[int, int]] = []
    edges = []
    for cue in blame_cues():
        for match in cue.regex.finditer(flat):
            if any(a < match.end() and match.start() < b for a, b in used):
                continue
            edge = _edge(cue, match, flat, ments, in_full(match.start()), speakers)
            if edge is None:
                continue
            used.append((match.start(), match.end()))
            for target in edge.pop("targets"):
                edges.append({**edge, "target": target, "sent_id": sid, "evidence": text})
    if edges:
        _sentence_refusals(flat, ments, edges)
    return [e for e in edges if e["relation"] == "deflection" or e["target"] != e["source"]]


def _edge(cue: Cue, match: re.Match, flat: str, ments: list[_Mention], span, speakers=()) -> dict | None:
    quoted = span is not None
    lo, hi = (span.start, span.end) if quoted else (0, len(flat))
    pool = [m for m in ments if m.quoted == quoted and lo <= m.start < hi]
    has_anchor = "T" in cue.regex.groupindex and match.start("T") >= 0
    # --- targets
    if cue.target == "after":
        anchor = match.start("T") if has_anchor else match.end()
        targets = _targets_after(flat, pool, anchor, cue.window)
    else:
        anchor = match.end("T") if has_anchor else match.start()
        targets = _targets_before(flat, pool, anchor, cue.window)
    if not targets and cue.relation != "deflection":
        return None
    target_names = [m.actor for m in targets]
    # --- source
    if cue.voice == "passive":
        agent = re.compile(r"\bby\s+", re.I).search(flat, match.end(), min(len(flat), match.end() + 40))
        after = [m for m in pool if agent and agent.end() <= m.start <= agent.end() + 25]
        source, via = (after[0].actor, "agent") if after else (NARRATOR, "narrator")
    else:
        source, via = _subject(flat, pool, match.start(), lo, set(target_names))
        if not source:  # a generic group, else the quote's or the sentence's named speaker, else the article
            cuts = list(_BOUNDARY.finditer(flat, lo, match.start()))
            if cuts and cuts[-1].group(0).lower() in ("who", "that", "which"):
                cuts.pop()  # "the leaders who rebuked X": the antecedent is the clause's subject
            source, via = fallback_source(flat, match.start(), cuts[-1].end() if cuts else lo,
                                          span.speaker if quoted else "", list(speakers),
                                          [(m.start, m.end, m.actor) for m in pool])
    if cue.relation == "deflection" and not targets:
        target_names = [""]
    # --- negation in the clause before the cue
    # (a passive cue holds its own auxiliary, so a negation inside it counts: "were not blamed")
    clause_start = max([lo] + [b.end() for b in _BOUNDARY.finditer(flat, lo, match.start())])
    neg_end = match.end() if cue.voice == "passive" else match.start()
    neg = ""
    for scope, regex in negation_cues():
        if scope == "clause":
            hit = regex.search(flat, clause_start, neg_end)
            if hit and not _new_predicate(flat, hit.start(), match):
                neg = hit.group(0)
                break
    return {
        "source": source,
        "targets": target_names,
        "relation": cue.relation,
        "negated": bool(neg),
        "cue": match.group(0).strip(),
        "source_via": via,
        "negation_cue": neg,
    }


#: Do-support negation ("did not", "doesn't"): the verb it negates is bare ("did not blame").
_DO_NEGATION = re.compile(r"\b(?:do|does|did)\s*(?:not\b|n't\b)", re.I)
_AND_BEFORE = re.compile(r"\b(?:and|but)\s+$", re.I)
_INFLECTED = re.compile(r"(?:[a-z]ed|[a-z][^s]s)$", re.I)


def _new_predicate(flat: str, neg_start: int, match: re.Match) -> bool:
    """True when an inflected cue verb after "and" follows a do-support negation: a new predicate.

    "did not blame X and praised Y": "praised" is finite, so "did not" does not reach it (a verb
    under "did not" is bare: "did not blame X and accuse Y" stays negated).
    """
    do = _DO_NEGATION.search(flat, max(0, neg_start - 6), match.start())
    words = match.group(0).split()
    if do is None or not words or not _AND_BEFORE.search(flat, do.end(), match.start()):
        return False
    return bool(_INFLECTED.search(words[0]))


def _clear(flat: str, a: int, b: int) -> bool:
    return not _HARD_STOP.search(flat[a:b].replace("Mr.", "Mr").replace("Mrs.", "Mrs").replace("Ms.", "Ms").replace("Dr.", "Dr"))


#: A comma and a conjunction that open a new clause: no target of the cue before stands after it
#: ("urged both sides to return to talks, and Prime Minister Janssens said …").
_NEW_CLAUSE = re.compile(r",\s+(?:and|but|or|while)\s", re.I)


def _targets_after(flat, pool, anchor, window):
    first = next((m for m in pool if m.start >= anchor - 1 and m.start - anchor <= window
                  and _clear(flat, anchor, m.start) and not _NEW_CLAUSE.search(flat, anchor, m.start)), None)
    if first is None:
        return []
    chain = [first]
    for m in pool:
        if m.start > chain[-1].start and m.start >= chain[-1].end:
            if _NOMINATIVE.fullmatch(flat[m.start : m.end]):
                break  # "blame Holm, and she shied away …": a new clause's subject, not a second target
            if _COORD.match(flat[chain[-1].end : m.start]):
                chain.append(m)
            elif m.start > chain[-1].end + 1:
                break
    return _unique(chain)


def _targets_before(flat, pool, anchor, window):
    """The actors just before a cue ("Marsh was blamed"); never across a speech verb: in "Okafor
    said the firm was blamed" Okafor is the speaker, not the one blamed."""
    cands = [m for m in pool if m.start < anchor and anchor - m.end <= window and m.end <= anchor + 2
             and _clear(flat, m.end, anchor) and not _SPEECH.search(flat, m.end, anchor)]
    if not cands:
        return []
    chain = [cands[-1]]
    for m in reversed(pool):
        if m.end <= chain[0].start and _COORD.match(flat[m.end : chain[0].start]):
            chain.insert(0, m)
    return _unique(chain)


def _unique(ms):
    seen, out = set(), []
    for m in ms:
        if m.actor not in seen:
            seen.add(m.actor)
            out.append(m)
    return out


def _subject(flat, pool, cue_start, lo, exclude) -> tuple[str, str]:
    """The first actor named after the last clause boundary before the cue (walking back)."""
    cuts = [lo] + [b.end() for b in _BOUNDARY.finditer(flat, lo, cue_start)]
    for cut in reversed(cuts):
        for m in pool:
            if cut <= m.start < cue_start and m.actor not in exclude:
                return m.actor, "subject"
    return "", ""


def _sentence_refusals(flat: str, ments: list[_Mention], edges: list[dict]) -> None:
    """'…, Mr. Trump declined to say': negate every edge of the refuser in this sentence."""
    for scope, regex in negation_cues():
        if scope != "sentence":
            continue
        for hit in regex.finditer(flat):
            before = [m for m in ments if m.end <= hit.start() and hit.start() - m.end <= 40]
            refuser = before[-1].actor if before else None
            for e in edges:
                if refuser and e["source"] == refuser and not e["negated"]:
                    e["negated"] = True
                    e["negation_cue"] = hit.group(0)


# ---------------------------------------------------------------------------------------------
# Hidden agency
# ---------------------------------------------------------------------------------------------
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*")
_CLAUSE_END = re.compile(r"[,;:.!?\u2014\u2013()\"\u201c\u201d]")
_DETERMINERS = frozenset("the a an this that these those another every each any no such of on in at after before during since following amid against with from for to over".split())
_POSSESSIVE = frozenset("his her their its our my your whose".split())
_VERBAL = frozenset("to will would could might may can did does do not they we i you he she it".split())
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december".split()
)


def passives(sentences: pd.DataFrame) -> pd.DataFrame:
    """Agentless passives and agent-hiding constructions, one row per occurrence.

    Columns: ``sent_id``; ``kind`` — "agentless passive" (be/get + participle with no "by" agent in
    the clause: "were killed", "was fired"), "nominalisation" (an action noun with no possessor or
    adjective naming the actor and no "by": "the attack", "the overnight bombing of Kyiv") or
    "death verb" (intransitive dying: "5000 soldiers a week are dying"); ``cue`` (the words);
    ``text`` (the sentence). Rules over tokens with the word lists of ``passive_cues.tsv`` (no
    part-of-speech tagger), so expect some misses and false alarms; every row shows its sentence.
    """
    if sentences is None or sentences.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in PASSIVE_COLUMNS})
    rows = []
    for sid, text in records(sentences, ["sent_id", "text"]):
        rows.extend((int(sid), kind, cue, str(text)) for kind, cue in _hidden_agency(str(text)))
    if not rows:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in PASSIVE_COLUMNS})
    return pd.DataFrame(rows, columns=PASSIVE_COLUMNS)


def _hidden_agency(text: str) -> list[tuple[str, str]]:
    words = passive_words()
    toks = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    low = [_straight(t).lower() for t, _, _ in toks]
    found = []
    passive_at = set()
    for i, w in enumerate(low):
        if w not in words["be"]:
            continue
        j = i + 1
        while j < len(toks) and j <= i + 2 and (low[j] in words["adverb"] or (low[j].endswith("ly") and len(low[j]) > 4)):
            if _CLAUSE_END.search(text[toks[j - 1][2] : toks[j][1]]):
                break
            j += 1
        if j >= len(toks) or _CLAUSE_END.search(text[toks[j - 1][2] : toks[j][1]]):
            continue
        p = low[j]
        participle = p in words["participle"] or (p.endswith("ed") and len(p) > 3 and p not in words["adjective"])
        if not participle:
            continue
        rest = text[toks[j][2] :]
        stop = _CLAUSE_END.search(rest)
        clause = rest[: stop.start()] if stop else rest
        if re.search(r"\bby\b", clause, re.I):
            continue
        found.append(("agentless passive", text[toks[i][1] : toks[j][2]]))
        passive_at.add(j)
    for i, w in enumerate(low):
        if w in words["death"] and i not in passive_at:
            found.append(("death verb", toks[i][0]))
        elif w in words["nominalisation"] and _agent_hidden(text, toks, low, i):
            found.append(("nominalisation", toks[i][0]))
    return found


def _agent_hidden(text, toks, low, i) -> bool:
    """True when the action noun at ``i`` has no possessor/adjective actor and no "by" agent."""
    if i > 0 and low[i - 1] in _VERBAL:
        return False  # "to attack", "will strike": a verb
    if i + 1 < len(toks) and low[i + 1] in {"by"}:
        return False
    after = text[toks[i][2] : toks[i][2] + 60]
    if re.match(r"\s+of\s+[\w.' ]{1,30}?\s+by\b", after):
        return False
    j = i - 1
    saw_determiner = False
    while j >= 0 and i - j <= 4:
        if _CLAUSE_END.search(text[toks[j][2] : toks[j + 1][1]]):
            break
        word, raw = low[j], toks[j][0]
        if word in _DETERMINERS:
            saw_determiner = True
            break
        if word in _POSSESSIVE or word.endswith("'s") or word.endswith("s'") or word.endswith("\u2019s"):
            return False
        if raw[0].isupper() and j > 0 and word not in _CALENDAR:
            return False  # "Russian strikes", "Israeli attack"
        j -= 1
    return saw_determiner


# ---------------------------------------------------------------------------------------------
# Generic news frames
# ---------------------------------------------------------------------------------------------
def frames(sentences: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame,
           blame: pd.DataFrame | None = None) -> pd.DataFrame:
    """The 20 generic-frame questions of Semetko & Valkenburg (2000) answered with evidence.

    One row per question: ``frame``, ``question_id`` (Q1–Q20), ``question``, ``answer`` (bool: yes
    when at least ``min_sentences`` sentences carry a cue of ``frame_questions.tsv``, or, for Q4 and
    Q12, when `find_blame` gives a non-negated edge of the listed relations), ``sent_ids``
    (";"-joined), ``evidence`` (up to three sentences joined by " | ", or "no evidence"). Extra
    column ``applicable`` is False for Q10 (pictures: not answerable from text).
    ``blame``: the `find_blame` table of the same inputs when already computed (saves computing
    it again); None computes it when needed.
    References: Semetko & Valkenburg (2000), Table 1.
    """
    if sentences is None or sentences.empty:
        out = pd.DataFrame({c: pd.Series(dtype="object") for c in FRAME_COLUMNS + ["applicable"]})
        return out
    flat = [(int(sid), str(t), _straight(str(t))) for sid, t in records(sentences, ["sent_id", "text"])]
    text_of = {sid: t for sid, t, _ in flat}
    edges = blame
    rows = []
    for q, regex in _compiled_questions():
        applicable = q["pattern"] != "-"
        hits: list[int] = []
        if applicable:
            hits = [sid for sid, _, t in flat if regex.search(t)]
        yes = len(hits) >= q["min_sentences"]
        if q["blame"] != "-" and applicable:
            if edges is None:
                edges = find_blame(sentences, mentions, quotes)
            rel = q["blame"].split(";")
            hit_edges = edges[edges["relation"].isin(rel) & ~edges["negated"].astype(bool) & (edges["target"] != "")]
            if len(hit_edges):
                yes = True
                hits = sorted(set(hits) | set(hit_edges["sent_id"].astype(int)))
        ev_ids = hits if yes else []
        rows.append({
            "frame": q["frame"],
            "question_id": q["question_id"],
            "question": q["question"],
            "answer": bool(yes),
            "sent_ids": ";".join(str(i) for i in ev_ids),
            "evidence": " | ".join(text_of[i] for i in ev_ids[:3]) if ev_ids else ("not applicable (text only)" if not applicable else "no evidence"),
            "applicable": applicable,
        })
    return pd.DataFrame(rows)


@lru_cache(maxsize=None)
def _compiled_questions() -> tuple[tuple[dict, re.Pattern | None], ...]:
    """Rows of `frame_questions` as dicts, each with its compiled pattern (None for "-")."""
    return tuple(
        (q, re.compile(q["pattern"], re.I) if q["pattern"] != "-" else None)
        for q in frame_questions().to_dict("records")
    )


def frame_scores(frames_df: pd.DataFrame) -> pd.DataFrame:
    """One score per frame: share of "yes" among its applicable questions (0–1, higher = more present).

    Columns: ``frame``, ``score``, ``yes`` (questions answered yes), ``questions`` (applicable ones).
    Frames in the order of `FRAMES`; an empty input gives an empty frame.
    """
    if frames_df is None or frames_df.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in SCORE_COLUMNS})
    df = frames_df.copy()
    if "applicable" not in df:
        df["applicable"] = True
    df = df[df["applicable"].astype(bool)]
    out = []
    for name in FRAMES:
        part = df[df["frame"] == name]
        n = len(part)
        yes = int(part["answer"].astype(bool).sum())
        out.append({"frame": name, "score": yes / n if n else 0.0, "yes": yes, "questions": n})
    return pd.DataFrame(out, columns=SCORE_COLUMNS)
