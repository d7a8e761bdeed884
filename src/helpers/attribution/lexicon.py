"""Tokens, word lists, paragraphs and noun phrases: the lexical layer every stage reads."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from importlib import resources as importlib_resources

import pandas as pd


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
#: Finite auxiliaries and copulas: after "said X" one of them makes X the subject of a that-less
#: content clause ("said Volmark was ready"), not an inverted speaker ("…, said Volmark.").
FINITE_AUX = frozenset(
    """is was were are has have had would will could should can may might must did does do isn't
    wasn't weren't aren't hasn't haven't hadn't won't wouldn't can't couldn't didn't doesn't don't
    isn’t wasn’t weren’t aren’t hasn’t haven’t hadn’t won’t wouldn’t can’t couldn’t didn’t doesn’t
    don’t""".split()
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
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\w,])"  # 4,000 and 1,250,000.5: one number, not "4 , 000"
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


#: Doubled apostrophes after a word or stop close a quotation: the mark goes last (' "'), so that it
#: ends the sentence as a closing mark does ("''Can we win?'' Mr. Manafort asked").
_DOUBLED_CLOSE = re.compile(r"(?<=[^\s'])''(?!\w)")
_SINGLE = "‘’'"
#: What may stand before an opening single mark ("said: 'We …", "(‘…", "blood. 'All …").
_BEFORE_OPEN = frozenset(" \t\n([—–-:")
#: What may follow a closing single mark.
_AFTER_CLOSE = frozenset(" \t\n,.;:!?)]—–-\"“”")


def _opens(text: str, i: int) -> bool:
    """The single mark at ``i`` can open a quotation: before a letter, after the start, a space, a
    bracket, a dash or a colon."""
    if i + 1 >= len(text) or not text[i + 1].isalpha():
        return False
    return i == 0 or text[i - 1] in _BEFORE_OPEN


def _closes(text: str, m: int) -> bool:
    """The single mark at ``m`` can close a quotation: after a non-space, before a space, a stop or
    the end, or glued between a stop and a capital ("… blood.'All …": a flattened text); no
    apostrophe inside a word ("don't") nor of a plural possessive before a lower-case word ("the
    workers' rights")."""
    if m == 0 or text[m - 1].isspace():
        return False
    nxt = text[m + 1] if m + 1 < len(text) else " "
    if nxt.isalnum():
        return text[m - 1] in ".!?," and nxt.isupper()
    if nxt not in _AFTER_CLOSE:
        return False
    if text[m - 1] in "sS" and nxt == " " and re.match(r" [a-z]", text[m + 1:m + 3]) and text[m - 2:m - 1].isalpha():
        return False  # "the workers' rights"
    return True


def single_quotes_as_double(text: str) -> str:
    """Quotations in single marks outside double ones turned into “…” (same length, so offsets
    hold): an opening mark that `_opens`, closed by the next single mark that `_closes`. A straight
    mark left open (no closing before the next opening, a double mark or the paragraph's end) stays
    as written: an apostrophe ("'em", "'90s"), not a quotation; a curly ‘ left open opens a quotation
    that runs on (it is no apostrophe). In a flattened text a mark glued after a stop only closes: it
    may also open the next paragraph's continued quotation, but that cannot be told from a closing
    one, and a false opening would run to the end of the text."""
    if "'" not in text and "‘" not in text:
        return text
    out = list(text)
    in_double, open_at = False, None

    def abandon() -> None:  # the open mark found no closing: a curly ‘ still opens, a straight ' was an apostrophe
        if open_at is not None and text[open_at] == "‘":
            out[open_at] = "“"

    for i, c in enumerate(text):
        if c in "“”\"":
            abandon()
            in_double, open_at = c == "“" or (c == '"' and not in_double), None
            continue
        if c not in _SINGLE or in_double:
            continue
        if open_at is not None and c in "’'" and _closes(text, i):
            out[open_at], out[i], open_at = "“", "”", None
        elif c in "‘'" and _opens(text, i):
            abandon()
            open_at = i
    abandon()
    return "".join(out)


@dataclass
class _Para:
    orig: str  # the paragraph as written
    sents: list[tuple[int, int, int]]  # (sent_id, start, end) in paragraph coordinates

    @functools.cached_property
    def text(self) -> str:
        """The paragraph as the rules read it, the same length as ``orig`` (built once): doubled
        apostrophes ('' as quotation marks) turned into '" ' (opening) or ' "' (closing), and
        quotations in single marks (‘…’, '…': British and tabloid style) into curly double ones
        (`single_quotes_as_double`)."""
        return single_quotes_as_double(_DOUBLED_CLOSE.sub(' "', self.orig).replace("''", '" '))

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
        if not _is_name_like(t) and (t.low.endswith("ed") or t.low.endswith("ing")) and t.low not in ("leading",) \
                and not (i > 0 and toks[i - 1].low in DETERMINERS and i < j):
            break  # a participle ends the phrase, unless a determiner opens it: "the shipping tycoon"
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
    # a capitalised function word before a capitalised word is a given name ("said Will Doyle",
    # "said May Ostrova"): a cue is never followed by a sentence start
    given = t.text[:1].isupper() and k + 1 < len(toks) and toks[k + 1].text[:1].isupper() \
        and t.low not in PRONOUNS | RIGHT_STOP
    if t.text in STOP_PUNCT or t.text == "." or (t.low in RIGHT_STOP or t.low in LEFT_STOP) and not given:
        return None
    j = k
    while j + 1 < len(toks) and j + 1 - k < 8:
        n = toks[j + 1]
        before_name = j + 2 < len(toks) and _is_name_like(toks[j + 2]) and toks[j + 2].text[:1].isupper()
        if n.text in STOP_PUNCT or n.text == "." or n.low in RIGHT_STOP or (n.low in LEFT_STOP and n.low != "by"):
            break
        if not _is_name_like(n) and (n.low.endswith("ed") or n.low.endswith("ing") or n.low.endswith("ly")) \
                and not (n.low.endswith("ly") and (toks[j].low in ("a", "an", "the") or before_name)) \
                and not (before_name and n.low.endswith("ing") and toks[j].text[:1].isupper()):
            # "a yearly poll", "said Varga ally Tomas Brandt"; between capitalised words a modifier
            # goes on: "said Oversight ranking Democrat Ana Ruiz"
            break
        j += 1
    if toks[j].low in FUNCTION_WORDS:
        return None
    if not any(_is_name_like(x) or x.low not in FUNCTION_WORDS for x in toks[k:j + 1]):
        return None
    return (k, j)


def _ing_form(past: str, verbs: dict[str, str]) -> str | None:
    """The -ing form of a regular past form of ``verbs`` ("remarked" → "remarking", "conceded" →
    "conceding" when "concedes" is listed, "replied" → "replying", "admitted" → "admitting")."""
    if not past.endswith("ed") or len(past) < 5:
        return None
    if past.endswith("ied"):
        return past[:-3] + "ying"
    base = past[:-1]
    if base + "s" in verbs:  # "concede" (+d): drop the e, but "agree" keeps it
        return base + "ing" if base.endswith("ee") else base[:-1] + "ing"
    return past[:-2] + "ing"


@functools.lru_cache(maxsize=1)
def speech_participles() -> frozenset[str]:
    """-ing forms of the speech verbs of ``data/speech_verbs.txt`` that are not in `PARTICIPLES`
    ("remarking", "conceding", "insisting"): participles of speech only before "that" (",
    remarking that …"), since many are also other verbs ("pointing to", "continuing to")."""
    verbs = speech_verbs()
    forms = {_ing_form(w, verbs) for w, kind in verbs.items() if kind == "speech"}
    return frozenset(f for f in forms if f and f not in PARTICIPLES)


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
            if commas == 0 and span and _description_then_name(toks, span, i, j):
                return (span[0], j - 1)  # "A spokeswoman, Anna Kessel, said": subject, not inverted
            # a longer appositive ("Sandra Inman, a supporter from Jackson, Miss., attending …,"):
            # look one comma further back when the part after this comma is not a clause
            commas += 1
            if commas > 2 or i - j > -2:
                return None
            continue
        if t.low in ("which", "who") and commas == 0 and i >= 2 and toks[i - 1].text == toks[j].text:
            # a relative clause between commas: "The Dockworkers' Union, which represents 4,000
            # workers, said": the speaker is the noun phrase the clause describes
            span = _np_left(toks, i - 2)
            return span if span and _is_name_like(toks[span[1]]) and toks[span[1]].low not in PRONOUNS else None
        long_ok = j - i <= 25 or (toks[i + 1].low in DETERMINERS if i + 1 < j else False)
        if t.text in STOP_PUNCT or t.text == "." and not (i > 0 and toks[i - 1].text[:1].isupper()) \
                or t.low in ("said", "says") or (t.low in ("that", "which", "to") and commas == 0 and not _appositive_head(toks, i, j)) \
                or (t.text.islower() and t.low in speech_verbs() and (t.low, toks[i + 1].low) not in COMPOUND_NOUNS
                    # a participle opening the appositive is no frame: "Mr. Trump, asked about …, had said"
                    and not (i >= 1 and toks[i - 1].text == toks[j].text and t.low.endswith("ed"))) \
                or not long_ok:
            return None
    return None


#: Tokens that may stand before a clause-initial subject (the description of "A spokesman, X, said").
CLAUSE_OPEN = frozenset([",", ";", "“", '"', "—", "–", ":", "and", "but"])


POSSESSIVE_DETERMINERS = frozenset("its his her their our my".split())


def _description_then_name(toks: list[_Tok], span: tuple[int, int], i: int, j: int) -> bool:
    """A description before a bare name between commas ``i`` and ``j``: "A spokeswoman, Anna Kessel,
    said", "The firm's chief executive, Mira Lund, said". The description's head is lower case and
    it opens the sentence or a clause (after a comma, semicolon, dash, quotation mark, "and", "but":
    not an object, "the board fired its chief, Mira Lund, said a source"); the name is one to four
    capitalised words, no pronoun. Such a phrase is the subject of the cue after it."""
    name = toks[i + 1:j]
    if not 1 <= len(name) <= 4 or not all(_is_name_like(t) and t.low not in PRONOUNS for t in name):
        return False
    if not toks[span[1]].text.islower():
        return False
    first = span[0]
    if first >= 1 and toks[first - 1].low in POSSESSIVE_DETERMINERS:
        first -= 1  # "Its chief executive, Piet Andersen, said": the possessive opens the description
    return first == 0 or toks[first - 1].text in CLAUSE_OPEN or toks[first - 1].low in CLAUSE_OPEN


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


DETERMINERS = frozenset("the a an his her their its our my your this that these those".split())


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
