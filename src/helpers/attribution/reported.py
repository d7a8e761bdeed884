"""Reported speech without quotation marks: “X said that …”, “…, X said”, “according to X”, stance and evidence cues."""

from __future__ import annotations

import re

from .lexicon import (
    CLOSE_QUOTES, COMPOUND_NOUNS, DAYS, DETERMINERS, FINITE_AUX, FRAME_KINDS, FUNCTION_WORDS, LEFT_STOP,
    PARTICIPLES, PARTICIPLE_LEAD, PREPOSITIONS,
    PRONOUNS, STOP_PUNCT, STRAIGHT_QUOTE, _Para, _Tok, _is_name_like, _np_left, _np_left_appositive,
    _np_right, _skip_aux_left, _tokens, _weak_speaker, speech_participles
)
from ..actors.language import is_common
from .frames import _Intervals, _Quote, _strip_content, _words_at_least
from .speakers import _person_head


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
    if c == 1:  # "After saying her foot was “so swollen …,” she was …": the subject after the clause
        i = _opening_clause_end(toks, c)
        if i is None:
            return None
        k = i + 1 + (toks[i + 1].text in CLOSE_QUOTES + STRAIGHT_QUOTE)
        span = _np_right(toks, k) if k < len(toks) else None
        if span and (toks[span[0]].low in PRONOUNS or _is_name_like(toks[span[1]])) \
                and span[1] + 1 < len(toks) and toks[span[1] + 1].text.islower():
            return span
        return None
    starts = [0] + [i + 1 for i in range(min(c - 1, 25)) if toks[i].text == ","]
    for k in starts[:3]:
        while k < c and toks[k].text in ("“", '"', "‘", "'"):
            k += 1
        span = _np_right(toks, k)
        described = False
        lower_inside = span and any(t.text[:1].islower() for t in toks[span[0]:span[1] + 1])
        if span and toks[span[0]].low not in PRONOUNS and (not _is_name_like(toks[span[1]]) or lower_inside):
            # the name that opens the phrase, without the verb after it ("Bishop Arno made clear …");
            # a name, not an everyday word ("Hours later", "Using data")
            e = _name_run_end(toks, span)
            word = toks[e].low
            if (e == span[0] and is_common(word)) or (e == span[0] and word.endswith(("ing", "ed", "ly"))) \
                    or not _is_name_like(toks[e]):
                # a description opens the sentence ("The mayor spoke …"), not an appositive after a name
                span = _described_subject(toks, span) if k == 0 else None
                described = span is not None
            else:
                span = (span[0], e)
        if span and span[1] < c - 1 and (described or _is_name_like(toks[span[1]]) or toks[span[1]].low in PRONOUNS) \
                and toks[span[1] + 1].text.islower():
            return span
    return None


def _name_run_end(toks: list[_Tok], span: tuple[int, int]) -> int:
    """Last token of the name that opens the phrase ``span``: capitalised words, and lower-case
    modifiers between them ("Band member Flea", "Republican presidential candidate Donald Trump"),
    not the verb after it ("Fiorina threw her support …"): at most three lower-case words, none a
    function word or pronoun, with a capitalised word after them."""
    e, i = span[0], span[0] + 1
    while i <= span[1]:
        if _is_name_like(toks[i]):
            e = i
            i += 1
            continue
        k = i
        while k <= span[1] and k - i < 3 and not _is_name_like(toks[k]) and toks[k].text[:1].isalpha() \
                and toks[k].low not in FUNCTION_WORDS | LEFT_STOP | PRONOUNS:
            k += 1
        if k > span[1] or k == i or not _is_name_like(toks[k]):
            break
        i = k
    return e


def _opening_clause_end(toks: list[_Tok], c: int) -> int | None:
    """Index of the comma that ends a clause opening the sentence with the participle at ``c`` ("After
    saying …, she …"), within 60 tokens; None when there is none."""
    for i in range(c + 1, min(len(toks) - 1, c + 60)):
        if toks[i].text == ",":
            return i
        if toks[i].text in (".", ";"):
            return None
    return None


def _described_subject(toks: list[_Tok], span: tuple[int, int]) -> tuple[int, int] | None:
    """"The mayor" of "The mayor spoke for an hour, conceding that …": a determiner and up to three
    lower-case words that end in a person's noun (`speakers._person_head`), from the phrase ``span``."""
    if toks[span[0]].low not in ("the", "a", "an"):
        return None
    for e in range(min(span[1], span[0] + 3), span[0], -1):
        if toks[e].text.islower() and _person_head(toks[e].low.rstrip("s")) or _person_head(toks[e].low):
            return (span[0], e) if all(t.text.islower() for t in toks[span[0] + 1:e + 1]) else None
    return None


#: Cues that are also common nouns or non-speech verbs ("two states", "posted a victory",
#: "a false claim"): without "that" their content is their object, as for stance cues.
NEED_THAT = frozenset(
    """states claim claims posted charged maintains maintained pointed agreed continued reiterated
    boasts boasted asked asks revealed assured reassured reported reports repeated signaled
    signalled indicated repeats reassures reads""".split()
)


#: Of those, the ones that are mostly nouns: never a cue without "that".
NOUN_CUES = frozenset({"states", "claim", "claims", "reports", "reads"})
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


#: Nouns of speech whose possessor is the speaker ("her comment that “…”", "Ruiz's claim the “…”").
SPEECH_NOUNS = frozenset(
    """comment comments remark remarks claim claims assertion assertions statement promise pledge
    warning insistence suggestion argument vow boast admission accusation prediction""".split())
POSSESSIVE_PRONOUNS = frozenset("his her their its".split())
_CLOSING = re.compile(r'[”"]')


def _possessor(tok: _Tok) -> tuple[int, int] | None:
    """Offsets of the owner a token names as a possessive: "her", "their", "Ruiz's" (without "'s");
    None for any other token."""
    if tok.low in POSSESSIVE_PRONOUNS:
        return (tok.start, tok.end)
    if tok.text[:1].isupper() and tok.text.endswith(("'s", "’s")) and len(tok.text) > 3:
        return (tok.start, tok.end - 2)
    return None


def _possessive_statement(text: str, toks: list[_Tok], c: int, s1: int) -> _Quote | None:
    """A statement named by a possessor and a noun of speech at token ``c``: "after her March
    comment that, “We're going to …”", "Ruiz's claim the “port will close” is false", "his remark
    that the vote was rigged". The speaker is the possessor (one or two words before the noun may sit
    between: "her March comment"); the content is the quotation right after the noun (after "that"
    or "the"), else the rest of the clause after "that". None when there is no possessor or content.
    """
    possessor = None
    for k in range(c - 1, max(-1, c - 4), -1):
        possessor = _possessor(toks[k])
        if possessor:
            break
        if toks[k].text in STOP_PUNCT or toks[k].low in DETERMINERS or toks[k].text == ".":
            return None
    if possessor is None:
        return None
    m, n = c + 1, len(toks)
    that = m < n and toks[m].low == "that"
    while m < n and toks[m].low in ("that", "the", ","):
        m += 1
    if m >= n:
        return None
    if toks[m].text in ("“", '"'):
        close = _CLOSING.search(text, toks[m].end)  # the quotation's closing mark, not a scan of the paragraph
        if close is None:
            return None
        a, b = toks[m].start, close.end()
        return _Quote((a, b), possessor, toks[c].text, False, "reported", [(a, b)])
    if not that:
        return None
    content = _strip_content(text, toks[m].start, s1)
    return _Quote(content, possessor, toks[c].text, False, "reported", [content])


def _in_words(text: str, toks: list[_Tok], c: int, s1: int) -> _Quote | None:
    """"in her words, …", "in Ruiz's own words: …": an attribution like "according to"; the speaker
    is the possessor, the content the rest of the sentence after the phrase."""
    n, e = len(toks), c + 1
    while e < min(n, c + 5) and _possessor(toks[e]) is None:
        if not toks[e].text[:1].isupper():
            return None
        e += 1  # "in Tomas Vell's words": the possessive ends a name
    if e + 1 >= n or _possessor(toks[e]) is None:
        return None
    k = e + 1 + (toks[e + 1].low == "own")
    if k >= n or toks[k].low != "words" or k + 1 >= n or toks[k + 1].text not in (",", ":"):
        return None
    speaker = (toks[c + 1].start, _possessor(toks[e])[1])
    content = _strip_content(text, toks[k + 1].end, s1)
    if content[1] <= content[0]:
        return None
    return _Quote(content, speaker, "in … words", False, "according", [content])


def _that_after(toks: list[_Tok], k: int, verbs: dict[str, str]) -> int | None:
    """Index of the "that" opening a cue's content within a few words of token ``k`` ("said
    afterward that …"), also after one insertion between commas ("insisted, with his hand on his
    heart, that …"); None when there is none."""
    n = len(toks)
    for m in range(k, min(n, k + 7)):
        if toks[m].text in (".", ";", "“", '"') or (toks[m].low in verbs and m > k):
            break
        if toks[m].low == "that":
            return m
        if toks[m].text == "," and m == k:
            after = _that_after_insertion(toks, m, verbs)
            if after is not None:
                return after
    return None


def _that_after_insertion(toks: list[_Tok], m: int, verbs: dict[str, str]) -> int | None:
    """The "that" right after an insertion that opens with the comma at ``m`` (", with a smile, that")."""
    for e in range(m + 1, min(len(toks) - 1, m + 13)):
        if toks[e].text in (".", ";", "“", '"') or toks[e].low in verbs:
            return None
        if toks[e].text == ",":
            return e + 1 if toks[e + 1].low == "that" else None
    return None


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


#: Cues whose object is the person spoken to ("told X"), never an inverted speaker.
ADDRESSEE_CUES = frozenset("told tells tell telling asked asks informed informs assured assures warned warns urged urges".split())


def _name_follows(toks: list[_Tok], c: int) -> bool:
    """A cue followed by a capitalised name that ends the clause ("…, said Ana Ruiz, the mayor."):
    an inverted frame, whose speaker is after the cue, not an appositive before it."""
    if toks[c].low in ADDRESSEE_CUES:
        return False  # "…, Malkia Cyril, the director, told The Huffington Post.": the name is the addressee
    span = _np_right(toks, c + 1)
    if span is None:
        return False
    first, after = toks[span[0]], span[1] + 1
    if not first.text[:1].isupper() or first.low in PRONOUNS or first.low in DAYS:
        return False
    if after >= len(toks) or toks[after].text in (".", ";"):
        return True
    # "said Ana Ruiz, the mayor.": a description to the end; not "said Ruiz, her deputy, would lead"
    rest = [t for t in toks[after + 1:] if t.text not in (".", "”", '"')]
    return toks[after].text == "," and bool(rest) and not any(
        t.text in STOP_PUNCT or t.low in FINITE_AUX for t in rest)


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
        if low == "in" and (q := _in_words(text, toks, c, s1)) is not None:
            cands.append((tok.start, q, True))  # "…, in her words, “he knows how to do it.”"
            continue
        if low in ("put", "puts") and c + 1 < n and toks[c + 1].low == "it":
            q = _as_put_it(text, toks, c, s0)  # "…, as one aide put it."
            if q is not None:  # placed where its clause starts: an earlier frame's content stops there
                cands.append((min(q.content[0], q.speaker[0]), q, True))
            continue
        if low in SPEECH_NOUNS and tok.text.islower():
            q = _possessive_statement(text, toks, c, s1)
            if q is not None:
                cands.append((q.speaker[0], q, False))
                continue
        participle = low in PARTICIPLES or (low in speech_participles() and c + 1 < n and toks[c + 1].low == "that")
        if participle:
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
        span = _np_left(toks, j)
        if not span and (kind in STANCE_KINDS or not _name_follows(toks, c)):
            span = _np_left_appositive(toks, j)  # not "…, 300 came back, said Ana Ruiz, the mayor."
        relative = None
        if not span and j >= 1 and toks[j].low in RELATIVES:
            # "Mr. Leenders, who said …": the speaker is "who", its name the noun phrase before it
            relative = _np_left(toks, j - 2 if toks[j - 1].text == "," else j - 1)
            if relative:
                span = (j, j)
        inverted = False
        coordinated = None
        if kind in STANCE_KINDS:
            # the passive check reads from the end of an appositive ("X, who is running …, praised")
            appositive = span and j >= 0 and toks[j].text in (",", "—", "–") and j > span[1]
            after_np = j if appositive else (span[1] + 1 if span else c)
            if low not in STANCE_PARTICIPLES and (not span or _passive(toks, after_np, c)
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
        if not span and participle and c > 0 and toks[c - 1].low in PARTICIPLE_LEAD:
            # "Trump attacked Clinton on Monday, saying she …": the speaker is the sentence subject
            span = _subject(toks, c, verbs)
            if span:
                q = None
                start = c + 1
                if start + 1 < n and toks[start].low in ("only", "also", "later") and toks[start + 1].low == "that":
                    start += 1
                if start < n and toks[start].low == "that":
                    start += 1
                end = s1
                if c == 1 and (close := _opening_clause_end(toks, c)) is not None:
                    # the opening clause only (with a quotation closing at its comma), not the sentence it opens
                    quote_ends = toks[close + 1].text in CLOSE_QUOTES + STRAIGHT_QUOTE
                    end = toks[close + 1].end if quote_ends else toks[close].start
                if start < n:
                    after = _strip_content(text, toks[start].start, end)
                    if _words_at_least(text, after[0], after[1], 3):
                        sp = (toks[span[0]].start, toks[span[1]].end)
                        cands.append((toks[c - 1].start, _Quote(after, sp, tok.text, False, "reported", [after]), True))
            continue  # a participle is never an inverted frame ("The plan failed, saying nothing")
        if not span:
            # inverted frame after content: "…, said Mr. X."
            if c > 0 and toks[c - 1].text in (",", "”", '"') and kind in FRAME_KINDS:
                span = _np_right(toks, c + 1)
                if span and span[1] + 1 < n and (
                        (toks[span[0]].low in PRONOUNS and toks[span[1] + 1].text not in (".", ",", ";", "?", "!"))
                        or toks[span[1] + 1].low in FINITE_AUX):
                    # "…, said they believed …", "X, said Volmark was ready": the subject of the content
                    span = None
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
        that = _that_after(toks, k, verbs)
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
