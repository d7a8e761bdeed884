"""Who speaks: direct quotes and reported speech, with their speakers.

`find_quotes(sentences, mentions)` reads the sentences table paragraph by paragraph and returns
the quotes table of the contract (speaker, cue, content, sent_id, direct) plus columns that let a
reader trace every row back to the text:

- ``speaker_surface``: the words naming the speaker as written ("Mr. Trump", "he", "a spokesman").
- ``start``/``end``: character offsets of the content; ``start`` in the text of the first sentence
  (``sent_id``), ``end`` in the text of the last sentence (``sent_ids[-1]``), end exclusive.
- ``sent_ids``: every sentence the content touches (``|``-joined ids, e.g. ``"3|4|5"``).
- ``speaker_sent_id``, ``speaker_start``, ``speaker_end``: where the speaker's words are
  (offsets inside that sentence's text; -1 when there are none).
- ``kind``: ``direct`` (quotation marks and a speech frame), ``continuation`` (a quote that follows
  another quote of the same speaker without a frame of its own), ``reported`` (“X said that …”,
  “…, X said.”), ``mixed`` (a partial quotation inside the speaker's sentence: “… would be “a very
  difficult thing to do,” he said”), ``according`` (“according to X”), ``belief`` (“X believes …”),
  ``stance`` (a position, intention or evaluation: “X endorsed Cruz”, “X wants to win”, “X called
  for an inquiry”, “…, calling him a liar”), ``evidence`` (“a poll found that …”), ``colon`` (a
  headline or transcript line “Warren: Trump Is a ‘Proven Failure’”), ``partial`` (the words in
  quotation marks inside a ``reported``, ``mixed``, ``according`` or ``belief`` row: “Cruz said he
  had “areas of significant disagreement” with Trump” gives the reported row and a ``partial`` row
  “areas of significant disagreement”, direct, same speaker and cue, right after it). ``stance``
  and ``evidence`` rows are attributions but not speech: filter on ``kind`` to count only what
  people said (and leave out ``partial`` to count each statement once).
  Stand-alone quotations with no speaker are left out.

Rules, in order, without a parser:
1. Quotation marks (curly “…” or straight "…") are paired within a paragraph; an opening mark with
   no closing one runs to the paragraph end (the newspaper convention for quotes continued in the
   next paragraph). A quotation is a *direct quote* when a speech frame touches it: after it
   (“…,” Mr. Rutte added. / “…,” said Mr. X) or before it (Mr. X said: “…”), or when it stands
   alone right after another quote of the same paragraph (continuation, same speaker). Short
   quotations inside a sentence ("calling him a “dictator”") are not quotes by themselves; they
   stay inside the reported speech around them.
2. Reported speech: a speech cue from ``data/speech_verbs.txt`` with a noun phrase right before it
   (skipping auxiliaries and adverbs: "has also insisted") and content after it (after "that" if it
   comes within a few words: "said afterward that …"; after the listener for "told reporters that
   …"), or content before it ("The deal is dead, he said."), or on both sides of an insertion
   ("The deal, he said, is dead.").
   A frame inside a relative clause (“The war, which Mr. X had said he could end in a day, is …”)
   or an opening subordinate clause (“When a reporter asked X whether …, X declined”) keeps its
   content to that clause. An insertion may hold an earlier attribution in its first part.
   Speakers may be "who"/"which" after a noun phrase (the name is that phrase), the subject of a
   participle clause (“…, saying …”, “by saying …”), or a title-case headline subject (“X Says …”).
   Between speaker and cue the rules skip auxiliaries, adverbs, "here", a comma-enclosed sentence
   adverb ("officials, however, said") and a parenthesis ("Rep. X (D-Ore.) said"); a speaker may
   carry a long appositive ("X, the owner of … who …, says"); a cue coordinated with an earlier
   verb ("Twitter reported …, and said it …") takes the sentence subject; after an inverted cue a
   pronoun is a speaker only at the clause end ("…, said he."), not in "said they believed …".
   Curly and straight quotation marks pair with each other (mixed typing).
3. "according to X": content is the rest of the clause; an attribution inside it ("X told her
   that …, according to Y") is kept as well (nested, as PolNeAR annotates it). Stance and evidence cues
   (``data/speech_verbs.txt``) take the rest of the clause after the verb as content, however
   short; not after a form of "be" (passive) or a possessive/determiner (“his support”).
4. A paragraph opening with a capitalised name and a colon is a headline/transcript attribution.
5. The speaker is the actor of the mention (from the mentions table) that covers the head word of
   the speaker phrase (its last word; before an appositive's comma, the name: "Erik Grafe, an
   attorney with Earthjustice"); a pronoun with no actor gives speaker ""; a phrase with no
   mention gives its surface ("a White House spokesman"). A document or publication ("a Homeland
   Security memo", "a complaint filed by the SEC") speaks for the actor named in or after it, else
   it is no speaker (kind ``evidence``); an unresolved "it" of a speech frame is the organisation or
   country named first in the nearest of the two sentences before the quote.
6. Also frames: "as X put it" (the words after it when a comma follows, else the clause before it)
   and a credit line after a quotation ("“…” ― Name").

Measured on PolNeAR dev (see ``helpers.evaluation.attribution``).
References: Newell, Margolin & Ruths (2018), "An Attribution Relations Corpus for Political News",
LREC (PolNeAR); Asr, Mazraeh, Lopes et al. (2021), "The Gender Gap Tracker", PLoS ONE 16(1)
(quote extraction rules and reporting verbs); Pareti (2016), "PARC 3.0", LREC.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from importlib import resources as importlib_resources

import pandas as pd

from .tables import conform, empty
from .text import mentions_by_sentence

#: Extra columns after the contract columns, in this order.
EXTRA_COLUMNS = ["speaker_surface", "start", "end", "sent_ids", "speaker_sent_id", "speaker_start",
                 "speaker_end", "kind"]

OPEN_QUOTES = "“"
CLOSE_QUOTES = "”"
STRAIGHT_QUOTE = '"'

PRONOUNS = frozenset("he she they it i we you".split())
#: Cue kinds that can frame a direct quotation ("…,” Mr. X said / wrote / told reporters).
FRAME_KINDS = frozenset({"speech", "writing", "object"})
#: Words skipped between the speaker and the cue ("Mr. X has also said").
AUX_ADV = frozenset(
    """has have had also later previously repeatedly then would will could might may again never often
    once already recently publicly privately initially first separately still frequently ever is was
    were are be been has just only since long even further similarly likewise subsequently do does did
    not don't doesn't didn't don’t doesn’t didn’t won't won’t wouldn't wouldn’t isn't isn’t wasn't wasn’t
    aren't aren’t weren't weren’t hasn't hasn’t haven't haven’t""".split()
)
#: Lower-case words a speaker phrase cannot contain (clause words, prepositions other than of/for).
LEFT_STOP = frozenset(
    """that which who whom whose when while where because as if and but or nor so than though although
    after before since until unless whether how what why in on at to from with by about into onto over
    under during against among between through without within across toward towards upon is are was
    were be been being do does did not also has have had would will could should can may might must
    then there here this these those it its said says say told""".split()
) - {"it"}
#: Words that end a speaker phrase after an inverted cue ("said Mr. X of the campaign").
RIGHT_STOP = frozenset(
    """that in on at during after before when while as and but to from with about of who which
    according in an interview yesterday today tonight""".split()
) - {"an", "interview"}
FUNCTION_WORDS = frozenset("the a an of for 's ’s".split())
PREPOSITIONS = frozenset("in on at during after before to from with about by into over under as via".split())
STOP_PUNCT = frozenset(",;:()[]{}“”\"—–-…?!")

_TOKEN = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., D.C.
    r"|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|Rev|St|Jr|Sr|Maj|Capt|Adm|Pres|Sec|Amb|Atty)\."
    r"|[\w’'\-]+"
    r"|\S"
)


@dataclass
class _Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


def _tokens(text: str, offset: int = 0) -> list[_Tok]:
    return [_Tok(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


@functools.lru_cache(maxsize=1)
def speech_verbs() -> dict[str, str]:
    """Speech cues from ``data/speech_verbs.txt``: inflected form (lower case) -> kind.

    Kinds: ``speech``, ``writing``, ``belief``, ``object`` (the listener comes before the content:
    "told reporters that"), ``stance`` and ``evidence`` (the content is the verb's object).
    """
    path = importlib_resources.files("helpers") / "data" / "speech_verbs.txt"
    verbs: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        form, _, kind = line.partition("\t")
        verbs[form.strip().lower()] = kind.strip() or "speech"
    return verbs


# ----------------------------------------------------------------------------------------------
# Paragraph assembly: sentences -> paragraph text with a map back to (sent_id, offset)


@dataclass
class _Para:
    orig: str  # the paragraph as written
    sents: list[tuple[int, int, int]]  # (sent_id, start, end) in paragraph coordinates

    @functools.cached_property
    def text(self) -> str:
        """The paragraph with doubled apostrophes ('' as quotation marks) turned into '" ', same length (built once)."""
        return self.orig.replace("''", '" ')

    @property
    def ends(self) -> list[int]:
        """Sentence end offsets (increasing), for bisection; built once."""
        if getattr(self, "_ends", None) is None or len(self._ends) != len(self.sents):
            self._ends = [e for _, _, e in self.sents]
        return self._ends

    def sentence_at(self, pos: int) -> int:
        """Index (into ``sents``) of the sentence containing ``pos``, else the next one (log time)."""
        return min(bisect.bisect_right(self.ends, pos), len(self.sents) - 1)

    def locate(self, start: int, end: int) -> tuple[list[int], int, int]:
        """Sentence ids touched by [start, end), start offset in the first, end offset in the last."""
        lo = bisect.bisect_right(self.ends, start)  # first sentence ending after start
        ids = []
        for i in range(lo, len(self.sents)):
            if self.sents[i][1] >= end:
                break
            ids.append(i)
        ids = ids or [self.sentence_at(start)]
        first, last = self.sents[ids[0]], self.sents[ids[-1]]
        return [self.sents[i][0] for i in ids], max(start - first[1], 0), min(end, last[2]) - last[1]


def _paragraphs(sentences: pd.DataFrame) -> list[_Para]:
    if sentences is None or len(sentences) == 0:
        return []
    df = sentences.sort_values("sent_id")
    has_para = "para_id" in df.columns
    has_offsets = "start" in df.columns and "end" in df.columns
    n = len(df)
    rows = list(zip(df["sent_id"], df["text"], df["start"] if has_offsets else [None] * n,
                    df["end"] if has_offsets else [None] * n))
    if has_para:  # like groupby("para_id", sort=True): paragraphs in order, NaN para_id dropped
        by_para: dict = {}
        for pid, row in zip(df["para_id"], rows):
            if not pd.isna(pid):
                by_para.setdefault(pid, []).append(row)
        groups = [by_para[k] for k in sorted(by_para)]
    else:
        groups = [[row] for row in rows]
    paras = []
    for group in groups:
        pieces, sents, pos, prev_end = [], [], 0, None
        for sent_id, text, start, end in group:
            text = str(text)
            if has_offsets and prev_end is not None:
                gap = max(int(start) - prev_end, 1 if pieces else 0)
            else:
                gap = 1 if pieces else 0
            pieces.append(" " * gap)
            pos += gap
            sents.append((int(sent_id), pos, pos + len(text)))
            pieces.append(text)
            pos += len(text)
            prev_end = int(end) if has_offsets else None
        paras.append(_Para("".join(pieces), sents))
    return paras


# ----------------------------------------------------------------------------------------------
# Speaker phrases


def _is_name_like(tok: _Tok) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _np_left(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """Speaker phrase ending at token ``j`` (inclusive), scanning left; (first, last) or None."""
    if j < 0:
        return None
    head = toks[j]
    if head.low in PRONOUNS:
        return (j, j)
    if head.text in STOP_PUNCT or head.low in LEFT_STOP or head.low in FUNCTION_WORDS or head.text == ".":
        return None
    if not _is_name_like(head) and (head.low.endswith("ed") or head.low.endswith("ing") or head.low.endswith("ly")):
        return None
    i = j - 1
    while i >= 0 and j - i < 8:
        t = toks[i]
        if t.text in STOP_PUNCT or t.text == "." or t.low in LEFT_STOP or t.low in PRONOUNS:
            break
        if not _is_name_like(t) and (t.low.endswith("ed") or t.low.endswith("ing")) and t.low not in ("leading",):
            break
        i -= 1
    first = i + 1
    while first < j and toks[first].low in ("of", "for"):
        first += 1
    # "Farmers in the Serin valley say": the speakers are the farmers, not the place after "in"
    if first >= 2 and toks[first - 1].low in PLACE_OF and toks[first - 2].text not in STOP_PUNCT \
            and toks[first - 2].low not in LEFT_STOP | FUNCTION_WORDS | PRONOUNS and toks[first - 2].text != ".":
        outer = _np_left(toks, first - 2)
        if outer is not None:
            return outer
    return (first, j)


def _np_right(toks: list[_Tok], k: int) -> tuple[int, int] | None:
    """Speaker phrase starting at token ``k``, scanning right; (first, last) or None."""
    if k >= len(toks):
        return None
    t = toks[k]
    if t.low in PRONOUNS:
        return (k, k)
    if t.text in STOP_PUNCT or t.text == "." or t.low in RIGHT_STOP or t.low in LEFT_STOP:
        return None
    j = k
    while j + 1 < len(toks) and j + 1 - k < 8:
        n = toks[j + 1]
        if n.text in STOP_PUNCT or n.text == "." or n.low in RIGHT_STOP or (n.low in LEFT_STOP and n.low != "by"):
            break
        if not _is_name_like(n) and (n.low.endswith("ed") or n.low.endswith("ing") or n.low.endswith("ly")) \
                and not (n.low.endswith("ly") and toks[j].low in ("a", "an", "the")):  # "a yearly poll"
            break
        j += 1
    if toks[j].low in FUNCTION_WORDS:
        return None
    if not any(_is_name_like(x) or x.low not in FUNCTION_WORDS for x in toks[k:j + 1]):
        return None
    return (k, j)


#: Participles that attach speech to the subject of the sentence ("…, saying that …").
PARTICIPLES = frozenset(
    """saying adding telling arguing insisting warning noting claiming explaining writing asking echoing
    acknowledging admitting stressing recalling responding tweeting announcing complaining reminding
    joking stating asserting contending alleging repeating reiterating""".split()
)
#: Words before a participle clause whose speaker is the sentence subject (", saying", "by saying").
PARTICIPLE_LEAD = frozenset([",", "”", '"', "–", "—", "by", "while", "after", "before", "when", "in"])
#: Sentence adverbs between commas that may sit between a speaker and the cue.
PARENTHETICAL = frozenset("however meanwhile too though instead also moreover furthermore nevertheless".split())
DAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday yesterday today tonight".split())


def _np_left_appositive(toks: list[_Tok], j: int) -> tuple[int, int] | None:
    """Speaker with an appositive before the cue: "Rep. Chris Collins, R-NY, said" (j is the comma).

    Scans back to the previous comma or dash (at most 25 tokens) and takes the name-like phrase
    before it; the span runs from that name to the end of the appositive.
    """
    if j < 2 or toks[j].text not in (",", "—", "–"):
        return None
    commas = 0
    for i in range(j - 1, max(-1, j - 41), -1):
        t = toks[i]
        if t.text in (",", "—", "–") and t.text == toks[j].text:
            span = _np_left(toks, i - 1)
            if span and _is_name_like(toks[span[1]]) and toks[span[1]].low not in PRONOUNS:
                return (span[0], j - 1)
            # a longer appositive ("Sandra Inman, a supporter from Jackson, Miss., attending …,"):
            # look one comma further back when the part after this comma is not a clause
            commas += 1
            if commas > 2 or i - j > -2:
                return None
            continue
        long_ok = j - i <= 25 or (toks[i + 1].low in DETERMINERS if i + 1 < j else False)
        if t.text in STOP_PUNCT or t.text == "." and not (i > 0 and toks[i - 1].text[:1].isupper()) \
                or t.low in ("said", "says") or (t.low in ("that", "which", "to") and commas == 0 and not _appositive_head(toks, i, j)) \
                or (t.text.islower() and t.low in speech_verbs() and (t.low, toks[i + 1].low) not in COMPOUND_NOUNS) \
                or not long_ok:
            return None
    return None


def _appositive_head(toks: list[_Tok], i: int, j: int) -> bool:
    """The appositive ending at comma ``j`` opens with a determiner ("…, the billionaire owner of
    the Mavericks who rebuffed pleas to run, says"): it may hold "who", "that" or "to"."""
    for k in range(i - 1, max(-1, j - 41), -1):
        if toks[k].text == toks[j].text:
            return k + 1 < j and toks[k + 1].low in DETERMINERS
    return False


#: Prepositions of place between a speaker and where they are ("farmers in the valley said").
PLACE_OF = frozenset(["in", "from", "at", "near", "outside", "across"])


@functools.lru_cache(maxsize=1)
def document_nouns() -> frozenset[str]:
    """Heads of speaker phrases that are documents or recordings (``data/document_nouns.txt``)."""
    text = importlib_resources.files("helpers").joinpath("data", "document_nouns.txt").read_text(encoding="utf-8")
    return frozenset(w.strip().lower() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _skip_aux_left(toks: list[_Tok], j: int) -> int:
    # "He went on to say that …", "she continued to insist": the speaker is before the phrase
    if j >= 2 and toks[j].low == "to" and toks[j - 1].low == "on" and toks[j - 2].low in ("went", "goes", "go", "going"):
        j -= 3
    elif j >= 1 and toks[j].low == "to" and toks[j - 1].low in ("continued", "continues", "proceeded", "proceeds"):
        j -= 2
    if j >= 1 and toks[j].low in DAYS and toks[j - 1].low in ("on", "late", "early"):
        j -= 2
    elif j >= 0 and toks[j].low in ("yesterday", "today", "tonight"):
        j -= 1
    elif j >= 1 and toks[j].low in ("week", "month", "year", "night", "weekend", "morning", "evening") and \
            toks[j - 1].low in ("last", "this", "next", "that", "earlier", "later"):
        j -= 2
    while j >= 0:
        if toks[j].low in AUX_ADV or toks[j].low == "here" or (
                toks[j].low.endswith("ly") and toks[j].text.islower() and len(toks[j].low) > 3):
            j -= 1
        elif j >= 2 and toks[j].text == "," and toks[j - 2].text == "," and toks[j - 1].low in PARENTHETICAL:
            j -= 3  # "officials, however, said"
        elif toks[j].text == ")":  # "Rep. Earl Blumenauer (D-Ore.) said": skip the parenthesis
            k = j - 1
            while k >= 0 and j - k <= 8 and toks[k].text not in ("(", ")", ","):
                k -= 1
            if k < 1 or toks[k].text != "(":
                break
            j = k - 1
        else:
            break
    return j


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
                if c in OPEN_QUOTES and text[m] in OPEN_QUOTES:  # a new quote opens: the first ran on
                    reopened = m
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


def _inner(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    s += 1
    if e - 1 >= s and text[e - 1] in CLOSE_QUOTES + STRAIGHT_QUOTE:
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
        if toks[c].text in STOP_PUNCT or toks[c].text == ".":
            return None
        if verbs.get(toks[c].low) in FRAME_KINDS:
            j = _skip_aux_left(toks, c - 1)
            span = _np_left(toks, j)
            if span and span[0] == k:
                return (toks[span[0]].start, toks[span[1]].end), toks[c].text, toks[c].end
            return None
    return None


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
            j = _skip_aux_left(toks, c - 1)
            span = _np_left(toks, j)
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


#: Cue kinds whose content is the object of the verb (any length): stances, intentions, evidence.
STANCE_KINDS = frozenset({"stance", "evidence"})
#: Participles that attach a stance to the sentence subject ("…, calling him a liar").
STANCE_PARTICIPLES = frozenset(
    """calling urging accusing praising criticizing criticising describing citing vowing declaring
    blaming condemning demanding promising pledging referring questioning dismissing defending
    thanking mocking attacking rejecting welcoming slamming blasting hailing denouncing
    predicting suggesting expressing highlighting backing supporting seeking hoping offering
    challenging endorsing opposing touting congratulating urging""".split()
)
RELATIVES = frozenset({"who", "which"})
DETERMINERS = frozenset("the a an his her their its our my your this that these those".split())
#: A word right after a stance cue that shows the cue is a passive participle or a noun.
NOT_OBJECT = frozenset("as by in at during from with after before since into".split())
BE_FORMS = frozenset("is are was were be been being 's".split())
#: Words that start content on a new clause after a stance object ("…, but", "…, while").
_CLAUSE_BREAK = re.compile(r"[;—–]|,\s+(?:but|while|although|though|whereas|and\s+(?:he|she|they|it|we|i)\b)|\s+\(")


def _subject(toks: list[_Tok], c: int, verbs: dict[str, str]) -> tuple[int, int] | None:
    """Speaker of a participle clause at token ``c`` (", saying …", ", calling him …").

    The speaker of the nearest speech frame before it in the sentence ("“…,” he said, adding that
    …"), else the subject at the start of the sentence or after an opening phrase ("Speaking in
    Salem, Trump went after Bush, calling him …"): a name or pronoun followed by a lower-case word.
    """
    for v in range(c - 2, -1, -1):
        if verbs.get(toks[v].low) in FRAME_KINDS and toks[v].text.islower():
            span = _np_left(toks, _skip_aux_left(toks, v - 1))
            if not span and v > 0 and toks[v - 1].text in (",", "”", '"'):
                span = _np_right(toks, v + 1)
            if span:
                return span
            break
    starts = [0] + [i + 1 for i in range(min(c - 1, 25)) if toks[i].text == ","]
    for k in starts[:3]:
        while k < c and toks[k].text in ("“", '"', "‘", "'"):
            k += 1
        span = _np_right(toks, k)
        if span and span[1] < c - 1 and (_is_name_like(toks[span[1]]) or toks[span[1]].low in PRONOUNS) \
                and toks[span[1] + 1].text.islower():
            return span
    return None


#: Cues that are also common nouns or non-speech verbs ("two states", "posted a victory",
#: "a false claim"): without "that" their content is their object, as for stance cues.
NEED_THAT = frozenset(
    """states claim claims posted charged maintains maintained pointed agreed continued reiterated
    boasts boasted asked asks revealed assured reassured reported reports repeated signaled
    signalled indicated repeats reassures""".split()
)


#: Of those, the ones that are mostly nouns: never a cue without "that".
NOUN_CUES = frozenset({"states", "claim", "claims", "reports"})


def _weak_speaker(toks: list[_Tok], span: tuple[int, int]) -> bool:
    """A speaker phrase that is not a noun phrase: one lower-case word that is neither a pronoun
    nor a plural ("very", "began", "company"), or a phrase with a negated verb ("isn't")."""
    words = toks[span[0]:span[1] + 1]
    if any(t.low.endswith(("n't", "n’t")) for t in words):
        return True
    if len(words) == 1:
        t = words[0]
        return t.text.islower() and t.low not in PRONOUNS and not t.low.endswith("s") \
            and t.low not in ("all", "both", "many", "most", "some", "few", "several", "none", "half", "everyone",
                              "everybody", "nobody", "someone", "somebody", "who", "which")
    return False


#: A cue and the word after it that make a noun, not a statement ("a think tank").
COMPOUND_NOUNS = frozenset({("think", "tank"), ("think", "tanks")})
SUBORDINATORS = frozenset("when after although though while because before since once whenever unless".split())


def _clause_end(text: str, toks: list[_Tok], first: int, start: int, s1: int) -> int:
    """Where content that starts at ``start`` must stop when its frame sits in a dependent clause.

    A relative clause ("The war, which Mr. Trump had said he could resolve in “24 hours,” was
    now …") or an opening subordinate clause ("When a reporter asked Mr. Trump whether …, Mr.
    Trump declined to say") ends at the next comma (a comma just inside a closing quotation mark
    counts, the mark is kept); otherwise the content may run to the sentence end ``s1``.
    """
    dependent = False
    if first >= 2 and toks[first - 1].low in ("which", "that", "whom") and toks[first - 2].text == ",":
        dependent = True
    elif toks and toks[0].low in SUBORDINATORS and not any(t.text == "," for t in toks[:first]):
        dependent = True
    if not dependent:
        return s1
    for t in toks:
        if t.start >= start and t.text == ",":
            end = t.start
            if end + 1 < len(text) and text[end + 1] in CLOSE_QUOTES + STRAIGHT_QUOTE:
                end += 2
            return min(end, s1)
    return s1


def _passive(toks: list[_Tok], a: int, b: int) -> bool:
    """A form of "be" between the speaker and the cue ("Trump was criticized by …")."""
    return any(t.low in BE_FORMS for t in toks[a:b])


def _stance(text: str, toks: list[_Tok], c: int, span: tuple[int, int], s1: int, cue: str, kind: str):
    """Stance, intention or evidence cue: the content is the rest of the clause after the cue.

    "X criticized the president's foreign policy", "X wants to lose", "A poll found that …",
    "X called for a special prosecutor". A particle after the cue ("for", "on", "to", "that") is
    skipped; the content runs to the end of the sentence or the next clause break (semicolon,
    dash, ", but …", a parenthesis). At least one word.
    """
    n = len(toks)
    head = toks[span[1]].low
    if head in DETERMINERS or head.endswith(("'s", "’s")) or (c + 1 < n and toks[c + 1].low in NOT_OBJECT):
        return None  # "his support …", "Mrs. Clinton's plans", "names mentioned as nominees"
    k = c + 1
    while k < n and toks[k].low in ("for", "on", "to", "that", "about", "of", "upon", "out") and k - c <= 2:
        k += 1
    if k >= n or toks[k].text in STOP_PUNCT or toks[k].text in (".", "?", "!"):
        return None
    start = toks[k].start
    brk = _CLAUSE_BREAK.search(text, start, s1)
    end = brk.start() if brk else s1
    a, b = _strip_content(text, start, end)
    if not _words_at_least(text, a, b, 1):
        return None
    sp = (toks[span[0]].start, toks[span[1]].end)
    return _Quote((a, b), sp, cue, False, kind, [(a, b)])


def _as_put_it(text: str, toks: list[_Tok], c: int, s0: int) -> _Quote | None:
    """"As one aide put it, …" / "…, as a Homeland Security memo put it.": the speaker is the phrase
    between "as" and "put it"; the words are those after it when a comma follows (an insertion:
    "…, as a diplomat put it, an “extreme makeover”"), else the clause before it."""
    span = _np_left(toks, _skip_aux_left(toks, c - 1))
    if not span or span[0] < 1 or toks[span[0] - 1].low != "as":
        return None
    first, n = span[0] - 1, len(toks)
    sp = (toks[span[0]].start, toks[span[1]].end)
    if c + 2 < n and toks[c + 2].text == ",":
        brk = _CLAUSE_BREAK.search(text, toks[c + 2].end, toks[-1].end)
        content = _strip_content(text, toks[c + 2].end, brk.start() if brk else toks[-1].end)
    elif first >= 1 and toks[first - 1].text in (",", "”", '"', "—", "–"):
        mark = toks[first - 1].text in ("”", '"')  # "…income,” as X put it": the closing mark stays
        k = first - 2
        if mark:  # back to the opening mark of that quotation
            while k >= 0 and toks[k].text not in ("“", '"'):
                k -= 1
        # the clause it sums up: back to the previous comma, semicolon or dash (not past the sentence start)
        while k >= 0 and toks[k].text not in (",", ";", "—", "–"):
            k -= 1
        lo = toks[k].end if k >= 0 else s0
        content = _strip_content(text, lo, toks[first - 1].end if mark else toks[first - 1].start)
    else:
        return None
    if not _words_at_least(text, content[0], content[1], 2):
        return None
    return _Quote(content, sp, toks[c].text, False, "reported", [content])


def _word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _reported(para: _Para, sent_index: int, blocked: list[tuple[int, int]], verbs: dict[str, str]) -> list[_Quote]:
    """Reported speech and "according to" in one sentence (paragraph offsets)."""
    sid, s0, s1 = para.sents[sent_index]
    text = para.text
    toks = _tokens(text[s0:s1], s0)
    index = blocked if isinstance(blocked, _Intervals) else _Intervals(blocked)
    inside = index.__contains__
    cands: list[tuple[int, _Quote, bool]] = []  # (speaker start, quote, speaker starts a clause)
    n = len(toks)
    words = [t for t in toks if t.text[:1].isalpha()]
    # a headline in title case ("Bernie Sanders Says He’s Already Started …"): capitalised cues count
    titled = len(words) >= 4 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)
    for c, tok in enumerate(toks):
        if inside(tok.start):
            continue
        low = tok.low
        # according to X
        if low == "according" and c + 1 < n and toks[c + 1].low == "to":
            span = _np_right(toks, c + 2)
            if not span:
                continue
            sp = (toks[span[0]].start, toks[span[1]].end)
            after_np = span[1] + 1
            before = _strip_content(text, s0, tok.start)
            after = (s1, s1)
            if c == 0 or toks[c - 1].text in (",", "—", "–"):
                # the source phrase may run on ("a recent poll of Indiana voters, …"): to the next comma
                while after_np < n and after_np - span[1] <= 15 and toks[after_np].text not in STOP_PUNCT \
                        and toks[after_np].text != ".":
                    after_np += 1
            if after_np < n and toks[after_np].text == ",":
                after = _strip_content(text, toks[after_np].end, s1)
            pieces = [p for p in (before, after) if _words_at_least(text, p[0], p[1], 3)]
            if not pieces:
                continue
            q = _Quote((pieces[0][0], pieces[-1][1]), sp, "according to", False, "according", pieces)
            cands.append((tok.start, q, True))
            continue
        if low in ("put", "puts") and c + 1 < n and toks[c + 1].low == "it":
            q = _as_put_it(text, toks, c, s0)  # "…, as one aide put it."
            if q is not None:  # placed where its clause starts: an earlier frame's content stops there
                cands.append((min(q.content[0], q.speaker[0]), q, True))
            continue
        if low in PARTICIPLES:
            kind = "speech"
        elif low in STANCE_PARTICIPLES:
            kind = "stance"
        elif low not in verbs or not (tok.text.islower() or (titled and c > 0 and verbs[low] != "stance")):
            continue
        else:
            kind = verbs[low]
        if c + 1 < n and (low, toks[c + 1].low) in COMPOUND_NOUNS:  # "a liberal think tank"
            continue
        j = _skip_aux_left(toks, c - 1)
        span = _np_left(toks, j) or _np_left_appositive(toks, j)
        relative = None
        if not span and j >= 1 and toks[j].low in RELATIVES:
            # "Mr. Leenders, who said …": the speaker is "who", its name the noun phrase before it
            relative = _np_left(toks, j - 2 if toks[j - 1].text == "," else j - 1)
            if relative:
                span = (j, j)
        inverted = False
        coordinated = None
        if kind in STANCE_KINDS:
            if low not in STANCE_PARTICIPLES and (not span or _passive(toks, span[1] + 1, c)
                                                   or (not relative and _weak_speaker(toks, span))):
                continue
            if low in STANCE_PARTICIPLES:
                if c == 0 or toks[c - 1].low not in PARTICIPLE_LEAD:
                    continue
                span = _subject(toks, c, verbs)
                if not span:
                    continue
            q = _stance(text, toks, c, span, _clause_end(text, toks, span[0], tok.end, s1), tok.text, kind)
            if q is not None:
                if relative:
                    q.name_span = (toks[relative[0]].start, toks[relative[1]].end)
                cands.append((q.speaker[0] if low not in STANCE_PARTICIPLES else toks[c - 1].start, q,
                              low in STANCE_PARTICIPLES or span[0] == 0 or toks[span[0] - 1].text in (",", ";")))
            continue
        if not span and low in PARTICIPLES and c > 0 and toks[c - 1].low in PARTICIPLE_LEAD:
            # "Trump attacked Clinton on Monday, saying she …": the speaker is the sentence subject
            span = _subject(toks, c, verbs)
            if span:
                q = None
                start = c + 1
                if start + 1 < n and toks[start].low in ("only", "also", "later") and toks[start + 1].low == "that":
                    start += 1
                if start < n and toks[start].low == "that":
                    start += 1
                if start < n:
                    after = _strip_content(text, toks[start].start, s1)
                    if _words_at_least(text, after[0], after[1], 3):
                        sp = (toks[span[0]].start, toks[span[1]].end)
                        cands.append((toks[c - 1].start, _Quote(after, sp, tok.text, False, "reported", [after]), True))
                continue
        if not span:
            # inverted frame after content: "…, said Mr. X."
            if c > 0 and toks[c - 1].text in (",", "”", '"') and kind in FRAME_KINDS:
                span = _np_right(toks, c + 1)
                if span and toks[span[0]].low in PRONOUNS and span[1] + 1 < n \
                        and toks[span[1] + 1].text not in (".", ",", ";", "?", "!"):
                    span = None  # "…, said they believed …": "they" is the subject of the content
                inverted = span is not None
            if not span and j >= 0 and toks[j].low in ("and", "but") and kind in FRAME_KINDS | {"belief"} \
                    and j > 1 and c > 0:
                # "Twitter reported flat growth, and said it …": the subject of the sentence
                span = _subject(toks, j, verbs)
                if span:
                    coordinated = j
            if not span:
                continue
        if not relative and not inverted and coordinated is None and _weak_speaker(toks, span):
            continue
        first, last = span
        sp = (toks[first].start, toks[last].end)
        clause_start = first == 0 or toks[first - 1].text in (",", ";", "“", '"', "—", "–") or \
            toks[first - 1].low in ("and", "but", "while", "when", "as", "because", "though", "although", "so")
        # content after the cue
        k = (last + 1) if inverted else (c + 1)
        if kind == "object" and not inverted:
            m = k
            while m < n and m - k < 5 and toks[m].low != "that" and toks[m].text not in STOP_PUNCT and toks[m].text != ".":
                m += 1
            k = m
        that = None
        for m in range(k, min(n, k + 7)):
            if toks[m].text in (".", ";", "“", '"') or (toks[m].low in verbs and m > k):
                break
            if toks[m].low == "that":
                that = m
                break
        after = None
        if that is not None:
            after = _strip_content(text, toks[that].end, s1)
        elif k < n and not inverted and low in NEED_THAT:
            if low not in NOUN_CUES and (first == 0 or toks[first - 1].text not in (",", "”", '"')):
                q = _stance(text, toks, c, span, _clause_end(text, toks, first, tok.end, s1), tok.text, "reported")
                if q is not None:
                    cands.append((sp[0], q, clause_start))
                continue
        elif k < n and not inverted:
            start_tok = toks[k]
            if start_tok.text in (",", ":") and k + 1 < n:
                start_tok = toks[k + 1]
            if start_tok.low not in PREPOSITIONS and start_tok.text not in (".", "?", "!") and \
                    not (start_tok.low.endswith("ly") and start_tok.text.islower()):
                after = _strip_content(text, start_tok.start, s1)
        if after and not inverted:
            after = _strip_content(text, after[0], _clause_end(text, toks, first, after[0], s1))
        if after and not _words_at_least(text, after[0], after[1], 3):
            after = None
        # content before the speaker: "CONTENT, X said." / "CONTENT, said X."
        before = None
        comma_tok = (c - 1) if inverted else (first - 1)
        if comma_tok >= 1 and toks[comma_tok].text in (",", "”", '"'):
            b = _strip_content(text, s0, toks[comma_tok].start)
            if _words_at_least(text, b[0], b[1], 3):
                before = b
        if after and before and not inverted:
            # insertion ("The deal, he said, is dead.") only when the frame is short and comma-closed
            close = next((m for m in range(c + 1, min(n, c + 6)) if toks[m].text == ","), None)
            if close is not None and that is None:
                after = _strip_content(text, toks[close].end, s1)
                q = _Quote((before[0], after[1]), sp, tok.text, False, "reported" if kind != "belief" else "belief",
                           [before, after])
            else:
                q = _Quote(after, sp, tok.text, False, "reported" if kind != "belief" else "belief", [after])
        elif after and not inverted:
            q = _Quote(after, sp, tok.text, False, "reported" if kind != "belief" else "belief", [after])
        elif before:
            q = _Quote(before, sp, tok.text, False, "reported" if kind != "belief" else "belief", [before])
        else:
            continue
        if relative:
            q.name_span = (toks[relative[0]].start, toks[relative[1]].end)
        if coordinated is not None:
            q.pieces = [p for p in q.pieces if p[0] > toks[coordinated].start]
            if not q.pieces:
                continue
            q.content = (q.pieces[0][0], q.pieces[-1][1])
            cands.append((toks[coordinated].start, q, True))
            continue
        cands.append((sp[0], q, clause_start))
    # resolve overlaps: a later frame that starts a clause truncates the earlier content,
    # a later frame inside earlier content (no clause start) is nested and dropped
    cands.sort(key=lambda x: x[1].content[0] if x[1].content[0] < x[0] else x[0])
    accepted: list[_Quote] = []
    for sp_start, q, clause_start in sorted(cands, key=lambda x: x[0]):
        nested = False
        for prev in accepted:
            a, b = prev.content
            if a <= sp_start < b:
                if prev.kind == "according" and prev.content[0] <= q.content[0] and q.content[1] <= prev.content[1]:
                    continue  # "According to Y, X said that …": X's statement inside Y's account
                if clause_start and prev.content[0] < sp_start and prev.speaker[1] <= sp_start:
                    cut = _strip_content(text, a, sp_start)
                    prev.content = cut
                    prev.pieces = [(x, min(y, cut[1])) for x, y in prev.pieces if x < cut[1]]
                else:
                    nested = True
        if nested:
            continue
        overlap = [p for p in accepted if p.content[0] < q.content[1] and q.content[0] < p.content[1]
                   and not (p.kind == "according" and p.content[0] <= q.content[0] and q.content[1] <= p.content[1])]
        if overlap and q.kind == "according" and all(q.content[0] <= p.content[0] and p.content[1] <= q.content[1]
                                                    for p in overlap):
            # "X told her that …, according to Y": Y's account holds X's statement (both kept)
            accepted.append(q)
            continue
        if overlap and not (len(q.pieces) == 2 and all(q.pieces[0][0] <= p.speaker[0] and p.content[1] <= q.pieces[0][1]
                                                        for p in overlap)):
            # an insertion ("X, he suggested, is Y") keeps an attribution embedded in its first part
            continue
        accepted.append(q)
    return [q for q in accepted
            if _words_at_least(text, q.content[0], q.content[1],
                               1 if q.kind in STANCE_KINDS or q.pieces == [q.content]
                               and q.kind == "reported" and q.cue.lower() in NEED_THAT else 3)]


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
            q.speaker_para = para  # type: ignore[attr-defined]
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
                q = _Quote(inner, prev_speaker.speaker, prev_speaker.cue, True, "continuation", [inner])
                q.speaker_para = prev_speaker.speaker_para  # type: ignore[attr-defined]
            else:
                # a stand-alone quotation with no speaker (a title, a slogan, a quote continued from
                # an earlier paragraph): not reported; on PolNeAR train 5 of 371 were attributions
                continue
        else:
            continue
        if not hasattr(q, "speaker_para"):
            q.speaker_para = para  # type: ignore[attr-defined]
        quotes.append(q)
        last = q
    return quotes, blocked


# ----------------------------------------------------------------------------------------------
# Public API


#: Words after the head of a speaker phrase that start its modifier ("a schedule seen by reporters").
_POST_HEAD = frozenset("""by of from seen obtained released published filed issued sent signed posted written
    in on at with that which""".split())


def _head_word(surface: str) -> str:
    """The head of a speaker phrase: its last word before a post-modifier ("a schedule seen by
    reporters" → "schedule", "a report from the agency" → "report"), as written."""
    words = re.findall(r"[\w’'\-]+", surface)
    for k, w in enumerate(words):
        if k and w.lower() in _POST_HEAD:
            return words[k - 1]
    return words[-1] if words else ""


def _document(surface: str) -> bool:
    """The speaker phrase is a document or recording ("a schedule", "the indictment", "an open letter")."""
    head = _head_word(surface)
    return bool(head) and head.lower() in document_nouns() and not head[:1].isupper()


#: Heads of speaker phrases that are publications: their author speaks through them ("a Guardian
#: article claiming …", "the campaign's web site states …"); with no author named they stay as written.
PUBLICATION_NOUNS = frozenset(
    """report reports study article articles statement release survey analysis book editorial op-ed column
    ad ads advertisement tweet tweets post blog site page press""".split())
_AUTHOR_AFTER = re.compile(r"\s*,?\s*(?:(?:filed|issued|released|published|written|signed|sent|posted|"
                           r"obtained|prepared|commissioned)\s+)?(?:by|from|of)\s+(?:(?:the|a|an)\s+)?"
                           r"(?:[\w\-]+\s+){0,2}$")


def _publication(surface: str) -> bool:
    """The speaker phrase is a publication ("a Guardian article", "the campaign's web site")."""
    head = _head_word(surface)
    return bool(head) and head.lower() in PUBLICATION_NOUNS and not head[:1].isupper()


def _author(sentence: str, a: int, b: int, surface: str, mentions) -> str:
    """The actor whose document the speaker phrase ``sentence[a:b]`` names: a mention before its head
    ("a Homeland Security memo", "the campaign's web site", "his letter"), else one right after it
    ("a complaint filed by the federal Securities and Exchange Commission", "a report from the
    GAO"); "" when there is none."""
    words = list(re.finditer(r"[\w’'\-]+", surface))
    k = next((k for k, w in enumerate(words) if k and w.group().lower() in _POST_HEAD), len(words)) - 1
    head, head_end = (a + words[k].start(), a + words[k].end()) if words else (b, b)
    inside = [m for m in mentions if a <= m[0] and m[1] <= head and isinstance(m[2], str) and m[2].strip()]
    if inside:
        return max(inside, key=lambda m: m[1])[2]
    after = [m for m in mentions if m[0] >= head_end and isinstance(m[2], str) and m[2].strip()
             and _AUTHOR_AFTER.fullmatch(sentence[head_end:m[0]])]
    return min(after, key=lambda m: m[0])[2] if after else ""


def _actor_kinds(mentions: pd.DataFrame | None) -> dict[str, str]:
    """Actor → kind (person, country, organization, …) from the mentions table's ``kind`` column."""
    if mentions is None or mentions.empty or "kind" not in mentions:
        return {}
    return {a: k for a, k in zip(mentions["actor"], mentions["kind"]) if isinstance(a, str) and a and isinstance(k, str)}


def _it_antecedent(first_sid: int, mentions_by_sent: dict, kinds: dict[str, str], back: int = 2) -> str:
    """Speaker "it": the organisation or country named first in the nearest of the ``back`` sentences
    before the quote (sentence ``first_sid``): "The American Petroleum Institute, a defendant in the
    case, disagreed. “…,” it said in a statement." → American Petroleum Institute; "" when none."""
    for sid in range(first_sid - 1, first_sid - 1 - back, -1):
        found = [m for m in mentions_by_sent.get(sid, ()) if kinds.get(m[2]) in ("organization", "country")]
        if found:
            return min(found, key=lambda m: m[0])[2]
    return ""


def _speaker_name(sid: int, a: int, b: int, surface: str, mentions_by_sent: dict) -> str:
    """Actor of the mention covering the head (last word; before an appositive's comma, the last
    word before it) of the speaker phrase, else the surface.

    ``mentions_by_sent`` is `text.mentions_by_sentence` of the mentions table. Where several
    mentions cover the head, the longest wins (the first of equally long ones).
    """
    # an appositive ("Erik Grafe, an attorney with Earthjustice"): the head ends the name before it
    cut = re.search(r"\s*[,—–]", surface)
    words = list(re.finditer(r"[\w’'\-.]+", surface[:cut.start()] if cut and cut.start() > 0 else surface))
    head_a, head_b = (a + words[-1].start(), a + words[-1].end()) if words else (a, b)
    is_pronoun = surface.strip().lower() in PRONOUNS
    covering = [m for m in mentions_by_sent.get(sid, ()) if m[0] < head_b and m[1] > head_a]
    if covering:
        actor = max(covering, key=lambda m: m[1] - m[0])[2]
        if isinstance(actor, str) and actor.strip():
            return actor
    return "" if is_pronoun else surface


#: Rows whose quotation marks inside their content give ``partial`` quote rows ("Cruz said he has
#: had "areas of significant disagreement" with Trump"): statements, not stances or evidence.
PARTIAL_KINDS = frozenset({"reported", "mixed", "according", "belief"})


def _partials(para: _Para, q: _Quote, spans: list[tuple[int, int]], starts: list[int],
              direct: "_Intervals") -> list[tuple[int, int]]:
    """Inner offsets of the quotations that lie inside the content pieces of reported speech ``q``
    (both marks inside one piece, at least one word) and are no direct quote of their own
    (``direct``: their contents): the words the speaker is quoted with. ``spans`` are the
    paragraph's quotations in order and ``starts`` their start offsets (bisected: linear overall)."""
    out = []
    for a, b in q.pieces or [q.content]:
        for i in range(bisect.bisect_left(starts, a), len(spans)):
            span = spans[i]
            if span[0] > b:
                break
            if span[1] > b + 1:
                continue
            inner = _inner(para.text, span)
            k = bisect.bisect_right(direct.starts, inner[1] - 1) - 1
            if k >= 0 and direct.ends[k] > inner[0]:  # overlaps a direct quote
                continue
            if inner[1] > inner[0] and _has_word(para.text, inner[0], inner[1]):
                out.append(inner)
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
    for para in paras:
        quotes, blocked = _direct(para, verbs, prev_last)
        headline = _colon_headline(para, blocked)
        if headline is not None:
            quotes.append(headline)
            blocked.append((headline.speaker[0], headline.content[1]))
        index = _Intervals(blocked)
        for si in range(len(para.sents)):
            quotes.extend(_reported(para, si, index, verbs))
        quotes.sort(key=lambda q: q.content[0])
        quote_spans = _quote_spans(para.text)
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
                sp_para = getattr(q, "speaker_para", para)
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
            kind = q.kind
            if surface and (_document(surface) or _publication(surface)):
                # "a Homeland Security memo", "a complaint filed by the SEC": the author speaks
                author = _author(sent_text.get(sp_sid, ""), sp_a, sp_b, surface, mentions_by_sent.get(sp_sid, ()))
                if author:
                    speaker = author
                elif _document(surface):  # "according to a schedule", "the indictment says"
                    speaker, kind = "", "evidence"
            frame = {"speaker": speaker, "cue": q.cue, "speaker_surface": surface, "speaker_sent_id": sp_sid,
                     "speaker_start": sp_a, "speaker_end": sp_b}
            rows.append({**frame, "content": content, "sent_id": sent_ids[0], "direct": bool(q.direct),
                         "start": off_s, "end": off_e, "sent_ids": "|".join(str(i) for i in sent_ids),
                         "kind": kind})
            if not q.direct and q.kind in PARTIAL_KINDS:  # a document's words too ("the indictment says")
                for a, b in _partials(para, q, quote_spans, span_starts, direct_spans):
                    p_ids, p_s, p_e = para.locate(a, b)
                    rows.append({**frame, "content": para.orig[a:b], "sent_id": p_ids[0], "direct": True,
                                 "start": p_s, "end": p_e, "sent_ids": "|".join(str(i) for i in p_ids),
                                 "kind": "partial"})
    if not rows:
        out = empty("quotes")
        for col in EXTRA_COLUMNS:
            out[col] = pd.Series(dtype="object")
        return out
    df = pd.DataFrame(rows, columns=columns)
    df["direct"] = df["direct"].astype(bool)
    return conform(df, "quotes")
