"""Definite descriptions of a person by a common noun: "The Republican has dismissed …", "the
computer specialist would assert …", "the 34-year-old mother of three replied", "the Texas Democrat".

Pass 1 (`noun_description`, called by `spans._spans`) finds "the"/"this", at most three modifiers
(lower-case words, numbers, party words, a town or state: "the Texas Democrat") and a head noun
that names a kind of person (`data/person_nouns.txt`, or a noun in -ist: "specialist"), when the
phrase ends there: nothing capitalised follows ("the billionaire Warren Buffett" is a name's role)
and no lower-case noun continues it ("the Republican ticket" is no person); a restrictive relative
clause after it makes it anyone of that kind ("the mother who has given birth"), unless the phrase
stands in apposition after a comma ("Mr. Ostrow, the developer who …"). Offices are not
handled here: "the senator" is a title (`data/titles.txt`) with its own rule.

`mark_introductions` (article level) reads the text before each such phrase: when an indefinite
with the same head introduced someone ("a Miami lawyer", "an energy analyst") in the same sentence
or the three before, the phrase refers to that person: the name the indefinite stands in apposition
to ("Ruth Vance, a lawyer for the city, …") or, with no name, nobody the article names (the
phrase is then no mention).

Pass 3 (`noun_antecedent`, called by `resolve._resolve`) picks the person it stands for, in
this order: the name it is in apposition to ("Mr. Ostrow, the developer who …"); the person an
indefinite introduced (above); the person already described by the same noun ("Ina Ruud, the
Green …"); else a salience search like that of a subject pronoun, but never in the phrase's own
clause (a description does not corefer with its clause's subject: "Kell attacked the Democrat"):
the subject of an earlier clause of its sentence, else the nearest person named earlier in that
sentence, else the first person named in the nearest of the two sentences before that names one,
when that person is the subject there ("If it worked against Mitt Romney, …" gives nobody).
Gender agrees ("the mother" is never a man's).
"""
from __future__ import annotations

import functools
from importlib import resources as ilr
import re

from .language import DESC_MODIFIERS, MODIFIERS, PREPOSITIONS, SPEECH_VERBS, Lexicon, Token, _fold

#: Words in -ist that are no kind of person ("the twist", "the heist"), and endings of such words
#: ("to insist", "to exist", "a hoist").
_IST_NOT_PERSON = frozenset("wrist twist heist mist fist gist".split())
_IST_NOT_ENDINGS = ("sist", "xist", "oist")
#: Party nouns: a capitalised head that names a person ("The Republican has dismissed …").
PARTY_NOUNS = frozenset(["republican", "democrat"])
#: What an indefinite that introduces someone starts with ("a Miami lawyer", "another aide").
_INDEFINITE = r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w’'\-]+\s+){0,3}?"


@functools.lru_cache(maxsize=1)
def _noun_rows() -> dict[str, tuple[str, bool]]:
    """Folded person noun → (gender "m" | "f" | "", family relation?), from ``data/person_nouns.txt``."""
    text = ilr.files("helpers").joinpath("data", "person_nouns.txt").read_text(encoding="utf-8")
    out = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            word, gender, kin = (line.strip().split("\t") + ["", ""])[:3]
            out[word.strip()] = (gender.strip().strip("-"), kin.strip() == "kin")
    return out


def person_nouns() -> dict[str, str]:
    """Folded person noun → the gender it implies ("m", "f" or "")."""
    return {w: g for w, (g, _) in _noun_rows().items()}


def kinship(word: str) -> bool:
    """``word`` names a family relation ("mother", "son"): its "of" names another person."""
    return _noun_rows().get(word, ("", False))[1]


def is_person_noun(word: str) -> bool:
    """``word`` (folded) names a kind of person: listed, or a noun in -ist of seven letters or more
    ("specialist", "journalist", "novelist"), not a compound of "list" ("checklist", "playlist")."""
    if word in person_nouns():
        return True
    if not re.fullmatch(r"[a-z]{4,}ist", word) or word in _IST_NOT_PERSON or word.endswith(_IST_NOT_ENDINGS):
        return False
    return not word.endswith("list") or word.endswith(("alist", "elist", "clist", "stylist"))


def _place_word(toks: list[Token], k: int, lex: Lexicon) -> int:
    """Length of a town, city or US state name written at ``k`` ("Texas", "New York"), else 0."""
    for size in (2, 1):
        words = toks[k:k + size]
        if len(words) == size and all(t.cap and t.kind == "word" and not t.poss for t in words) \
                and " ".join(t.low for t in words) in lex.places:
            return size
    return 0


def _modifier(tok: Token, lex: Lexicon) -> bool:
    """A lower-case modifier of a person noun: "computer", "freshman", "year-old", "former"."""
    return tok.kind == "word" and not tok.cap and not tok.poss and (
        tok.low in MODIFIERS or tok.low in DESC_MODIFIERS or (
            tok.low not in lex.stop and tok.low not in PREPOSITIONS and tok.low not in SPEECH_VERBS
            and not is_person_noun(tok.low)))


#: Function words that may follow the head of a person description: auxiliaries, adverbs,
#: conjunctions, relative words, irregular past tenses ("The Republican has …", "the lawyer also
#: said", "the senator, who", "the businessman became").
AFTER_HEAD = frozenset("""is are was were be been being has have had will would could should can may might must
    do does did also still then now again already just never always often later once soon even only too
    and or but nor yet so who whom whose which that when where while because if as than himself herself
    became won lost made took got went came ran left met gave saw thought knew kept held led wrote spoke sat stood
    felt paid sent brought bought built began fought sought told said""".split())
#: Possessive and determiner words after "and" that start a second noun phrase ("the lawyer and his
#: client"), not a second modifier ("the Republican and Democratic conventions").
_NEW_PHRASE = frozenset("the a an his her their its this that these those he she they".split())


def _ends_phrase(toks: list[Token], k: int) -> bool:
    """Nothing after the head at ``k`` continues the noun phrase: the end, punctuation, a function
    word (`AFTER_HEAD`), a preposition, a speech verb, a verb in -ed or an adverb in -ly; not a word
    joined by a hyphen ("the then-Republican-turned-independent"), and not "and"/"or" before a
    second modifier ("the Republican and Democratic conventions", "the centrist and left parties")."""
    if k >= len(toks):
        return True
    t = toks[k]
    if t.joined:
        return False
    if t.kind == "punct":
        return t.text not in ("-", "&")
    if t.cap or t.kind != "word" or t.poss:
        return False
    if t.low in ("and", "or"):
        nxt = next((u for u in toks[k + 1:] if u.kind != "punct"), None)
        return nxt is None or nxt.low in _NEW_PHRASE
    return t.low in AFTER_HEAD or t.low in PREPOSITIONS or t.low in SPEECH_VERBS or t.low.endswith(("ed", "ly"))


def noun_description(toks: list[Token], i: int, lex: Lexicon, after_name: bool = False) -> tuple[int, str, str, str] | None:
    """``(end, head, gender, office)`` of a definite description of a person starting at ``toks[i]`` ("the",
    "this"), else None (see the module docstring)."""
    if toks[i].low not in ("the", "this"):
        return None
    k, mods = i + 1, 0
    while k < len(toks) and mods < 3:
        if toks[k].kind == "num" or (toks[k].text == "-" and k > i + 1 and toks[k - 1].kind == "num"):
            k += 1
            continue
        place = _place_word(toks, k, lex)
        head_here = k < len(toks) and toks[k].kind == "word" and is_person_noun(toks[k].low) and (
            not toks[k].cap or toks[k].low in PARTY_NOUNS)
        if head_here and _ends_phrase(toks, k + 1) and not toks[k].poss:
            restricted = k + 1 < len(toks) and toks[k + 1].low in ("who", "whom", "whose", "that")
            related = kinship(toks[k].low) and k + 2 < len(toks) and toks[k + 1].low == "of" \
                and toks[k + 2].kind != "num" and not re.fullmatch(r"one|two|three|four|five|six|seven", toks[k + 2].low)
            if (restricted or related) and not after_name:
                return None  # "the mother who has given birth", "the mother of the officer": anyone's
            office = lex.titles.get((toks[k].low,))
            if office is not None and k == i + 1:
                return None  # "the senator": an office alone is the title rule's (`spans._title_at`)
            gender = person_nouns().get(toks[k].low, "") or (office[1] if office and office[1] in "mf" else "")
            return k + 1, toks[k].low, gender, office[0] if office else toks[k].low
        if place:
            k, mods = k + place, mods + 1
        elif k < len(toks) and _modifier(toks[k], lex):
            k, mods = k + 1, mods + 1
        else:
            return None
    return None


def _introduction(texts: list[str], sent: int, start: int, head: str, back: int = 3):
    """``(sentence, start, end)`` of the latest indefinite with head ``head`` before ``start`` of
    sentence ``sent`` or in the ``back`` sentences before it, else None."""
    pattern = re.compile(_INDEFINITE + re.escape(head) + r"\b", re.IGNORECASE)
    for k in range(sent, max(-1, sent - back - 1), -1):
        limit = start if k == sent else len(texts[k])
        found = list(pattern.finditer(texts[k], 0, limit))
        if found:
            return k, found[-1].start(), found[-1].end()
    return None


def _apposed_name(spans: list, text: str, a: int, b: int):
    """The person span that the phrase ``text[a:b]`` stands in apposition to: a name right before its
    comma ("Ruth Vance, a lawyer …") or right after it ("a lawyer for the city, Ruth Vance,")."""
    for s in spans:
        if s.type in ("person", "single") and s.end <= a and re.fullmatch(r"\s*,\s*", text[s.end:a]):
            return s
    after = re.match(r"[^,.;]{0,40}?,\s*", text[b:])
    if after:
        return next((s for s in spans if s.type in ("person", "single") and s.start == b + after.end()), None)
    return None


def mark_introductions(spans_by_sent: list[list], texts: list[str]) -> None:
    """For each person-noun description, note the indefinite that introduced its person (see the
    module docstring): ``intro`` is True, and ``appos_of`` the name that indefinite is apposed to."""
    for k, spans in enumerate(spans_by_sent):
        for s in spans:
            if s.type != "desc" or not s.noun_head or s.appos_of is not None:
                continue
            found = _introduction(texts, k, s.start, s.noun_head)
            if found is not None:
                sent, a, b = found
                s.intro, s.appos_of = True, _apposed_name(spans_by_sent[sent], texts[sent], a, b)


#: Offices one person holds at a time: someone titled with one of them is not "the senator" when the
#: article titles somebody else so ("Rep. Joe Wilson … the Florida senator" is not Wilson).
SEATS = frozenset(["senator", "representative", "governor", "lieutenant governor", "mayor", "president",
                   "vice president", "speaker", "prime minister", "chancellor", "premier", "judge", "chief justice"])


def _agrees(s, cand, people_type) -> bool:
    """``cand`` is a person mention (resolved to a person) whose gender does not conflict with ``s``'s."""
    from .people import _gender

    if cand is s or not isinstance(cand.cluster, people_type) or cand.kind != "person":
        return False
    g = _gender(cand.cluster)
    return not s.gender or not g or g == s.gender


def _candidates(s, spans: list, spans_by_sent: list[list], sent_idx: int, person_type) -> tuple[list, list]:
    """People the description may stand for, nearest first, in two lists: those named earlier in its
    sentence outside its own clause (latest first); those of the nearest of the two sentences before
    that names a person, in their order, when the first of them is its subject (else none). Never
    someone named in the description's own clause ("Kell attacked the Democrat", "The Kentucky
    Republican and the New York businessman"), except by a possessive ("his assessment of the
    magnate")."""
    own = {c.cluster for c in spans if c is not s and c.clause == s.clause and c.cluster is not None
           and c.role != "possessive"}  # "In his assessment of the real estate magnate" may be his
    here = [c.cluster for c in reversed(spans) if c.i < s.i and c.clause != s.clause and _agrees(s, c, person_type)]
    before: list = []
    for back in (1, 2):
        k = sent_idx - back
        if k < 0:
            break
        named = [c for c in spans_by_sent[k] if c.kind == "person" and isinstance(c.cluster, person_type)]
        if named:
            if named[0].role == "subject":
                before = [c.cluster for c in named if _agrees(s, c, person_type)]
            break

    def unique(people: list, taken: list) -> list:
        out: list = []
        for p in people:
            if p not in own and p not in out and p not in taken:
                out.append(p)
        return out

    here = unique(here, [])
    return here, unique(before, here)


def noun_antecedent(s, spans: list, spans_by_sent: list[list], sent_idx: int, history: list):
    """The person (a `people.Person`) a person-noun description stands for, else None: the name it is
    apposed to; nobody after an indefinite that named nobody; for any noun but an office, the nearest
    candidate (`_candidates`). For an office ("the Florida senator"): the nearest candidate who holds
    it, else the subject of the sentence before when that person holds no other seat (`SEATS`), else
    the latest person so far who holds it, else the nearest candidate who holds no other seat."""
    from .people import Person

    if s.appos_of is not None:
        return s.appos_of.cluster if isinstance(s.appos_of.cluster, Person) else None
    if s.intro:
        return None  # "a Miami lawyer … the lawyer": somebody the article does not name
    here, before = _candidates(s, spans, spans_by_sent, sent_idx, Person)
    (key, _), = s.titles
    if key == s.noun_head and key not in SEATS:
        return (here + before)[0] if here or before else None

    def holds(p) -> bool:
        return any(k == key for k, _ in p.titles)

    def seated(p) -> bool:
        return any(k in SEATS and k != key for k, _ in p.titles)

    held = [p for p in here + before if holds(p)]
    if held:
        return held[0]
    if before and not seated(before[0]):
        return before[0]
    for h in reversed(history):
        if isinstance(h.cluster, Person) and holds(h.cluster) and _agrees(s, h, Person):
            return h.cluster
    free = [p for p in here + before if not seated(p)]
    return free[0] if free else None
