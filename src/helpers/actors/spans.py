"""Pass 1: candidate mentions (spans) in one sentence, longest match first, and their clause roles."""
from __future__ import annotations

from dataclasses import dataclass, field
import functools
import re

from .person_nouns import noun_description
from .language import (
    ANAPHOR_MODIFIERS, BE_FORMS, CLAUSE_PUNCT, CLAUSE_WORDS, COUNTRY_HEADS, DESC_MODIFIERS, EVENT_NOUNS,
    Entry, GOVERNMENT_HEADS, I_FORMS, IRREGULAR_PAST, Lexicon, MODIFIERS, MONTH_ABBREVIATIONS, OCCASION_HEADS,
    OPEN_QUOTES, ORG_HEADS, ORG_OFFICES, PARTICLES, PERSON_ORG_HEADS, PLACE_NOUNS_OF, PLACE_OF, PLACE_PREPOSITIONS,
    PREPOSITIONS, RACE_WORDS, SPEECH_VERBS, START_ADVERBS, STATE_ABBREVIATIONS, SUFFIXES, Token, _fold, _tokenize,
    dictionary_words, is_common,
)


@dataclass(eq=False)
class Span:
    """A candidate mention inside one sentence (token indices i..j exclusive)."""

    sent: int  # position of the sentence in the input (0..n-1)
    i: int
    j: int
    start: int
    end: int
    type: str  # person | desc | single | pronoun | entity | alias
    names: list = field(default_factory=list)  # person: name words as written (no title)
    titles: set = field(default_factory=set)  # {(office key, qualifier actor or "")}
    gender: str = ""  # m | f | p | ""
    entry: Entry | None = None  # entity: what it stands for
    alias_to: str = ""  # user alias target
    role: str = ""  # subject | object | oblique | possessive
    pron_role: str = ""  # pronoun: subject | object | possessive | reflexive
    sentence_start: bool = False
    honorific: bool = False
    said: bool = False  # directly followed by a speech verb
    ambiguous: bool = False  # a surname several people share
    place: bool = False  # the words are a town, city or US state in the gazetteer
    after_place_prep: bool = False  # right after "in", "near", "outside" … (a place there)
    appos_next: bool = False  # desc: a comma and a name follow ("the Republican nominee, Donald Trump")
    after_be: bool = False  # desc: right after a form of "be" or "become" (a predicate: "might be that candidate")
    said_after: bool = False  # right after a speech verb ("…," said Tanner)
    not_people: frozenset = frozenset()  # pronoun inside a quotation: the people who speak it (never its antecedent)
    who_of: object = None  # the span a "who" clause of this span's clause refers to ("Trump, who says he …")
    own_plural: bool = False  # plural pronoun: its sentence opens with a plural common noun ("Farmers … say they")
    clause: int = 0  # index of the clause within the sentence
    noun_head: str = ""  # desc: the person noun of "the computer specialist" (`person_nouns`), not an office
    intro: bool = False  # noun desc: an indefinite with its head came before ("a lawyer … the lawyer")
    appos_of: object = None  # noun desc: the name span it stands in apposition to
    # resolved
    actor: str = ""
    kind: str = ""
    via: str = ""
    cluster: object = None


#: Prefixes of time before a hyphen: the name after them runs on ("then-Harbor Safety Board").
TIME_PREFIXES = frozenset("then ex former onetime erstwhile".split())

_FIRST_WORDS: dict = {}


def _first_words(table: dict, cache: bool = True) -> dict:
    """For a phrase table: first word -> longest phrase length starting with it."""
    cached = _FIRST_WORDS.get(id(table)) if cache else None
    if cached is None or cached[0] is not table:
        index: dict = {}
        for key in table:
            index[key[0]] = max(index.get(key[0], 0), len(key))
        if not cache:
            return index
        cached = _FIRST_WORDS[id(table)] = (table, index)
    return cached[1]


def _match(table: dict, max_len: int, toks: list[Token], i: int, stop: int | None = None,
           index: dict | None = None):
    """Longest key of ``table`` (at most ``max_len`` words) matching the folded tokens from ``i``.

    Returns ``(length, value)`` or ``(0, None)``. ``index`` is the table's first-word index
    (built and cached for the lexicon's own tables when not given).
    """
    if i >= len(toks):
        return 0, None
    index = _first_words(table) if index is None else index
    max_len = min(max_len, index.get(toks[i].low, 0))
    if not max_len:
        return 0, None
    stop = len(toks) if stop is None else stop
    for n in range(min(max_len, stop - i), 0, -1):
        key = tuple(t.low for t in toks[i:i + n])
        if key in table:
            if n > 1 and any(t.poss for t in toks[i:i + n - 1]):
                continue
            return n, table[key]
    return 0, None


_CAP_PAIR = re.compile(r"(?=\b([A-Z][a-z][\w'’-]*)\s+([A-Z][a-z][\w'’-]*))")
_STARTS_SENTENCE = re.compile(r"(?:^|[.!?:;\"“‘(\[•*—–-])\s*$")


def capitalised_pairs(texts: list[str]) -> frozenset:
    """Folded (first, second) pairs of adjacent capitalised words written where no sentence or
    quotation starts: the article's own evidence that the first word belongs to a name."""
    out = set()
    for text in texts:
        for m in _CAP_PAIR.finditer(text):
            if not _STARTS_SENTENCE.search(text, max(0, m.start() - 3), m.start()):
                out.add((_fold(m.group(1)), _fold(m.group(2))))
    return frozenset(out)


def _sentence_initial(toks: list[Token], i: int) -> bool:
    for k in range(i - 1, -1, -1):
        t = toks[k]
        if t.kind == "punct" and t.text in OPEN_QUOTES:
            return True
        if t.kind == "punct" and t.text in ".!?•-*":
            return True
        if t.kind != "punct":
            return False
    return True


def _name_word(tok: Token, lex: Lexicon) -> bool:
    """Could be a word of a personal name (capitalised, not a month, org head or the pronoun I)."""
    if not tok.cap or tok.kind == "num":
        return False
    low = tok.low
    if low in I_FORMS or tok.text in ("A", "An", "The"):
        return False
    if low in lex.org_words:
        return False
    entry = lex.phrases.get((low,))
    if entry is not None and entry.kind == "skip" and low not in lex.given:
        return False
    return True


def _name_run(toks: list[Token], i: int, lex: Lexicon) -> int:
    """End index of a personal name starting at ``i``: capitalised words, initials, particles, Jr."""
    j = i
    n = min(len(toks), i + 5)  # names are at most 5 words (see the return): never scan further
    while j < n:
        t = toks[j]
        if j > i and (t.low in SUFFIXES):
            j += 1
            break
        if _name_word(t, lex):
            if j > i and lex.phrases.get((t.low,), Entry("", "", "")).kind in ("country", "metonym"):
                break
            j += 1
            if t.poss:
                break
            continue
        if j > i and t.low in PARTICLES and j + 1 < len(toks) and toks[j + 1].cap:
            j += 1
            continue
        break
    # a trailing gazetteer country/demonym is not part of a name ("Mr. Trump Russia" never happens,
    # but "Prime Minister Narendra Modi India" style lists do): keep names of at most 5 words
    return min(j, i + 5)


#: Words of direction before a demonym that make it a region's ("South American", "East Asian").
COMPASS_WORDS = frozenset("north south east west central northern southern eastern western".split())


def _title_at(toks: list[Token], i: int, lex: Lexicon, stop: int | None = None):
    """Title starting at ``i`` (after optional modifiers): (start_of_title, end, key, gender, descriptive)."""
    k = i
    while k < len(toks) and toks[k].low in MODIFIERS - {"the", "a", "an"}:
        k += 1
    n, val = _match(lex.titles, lex.title_max, toks, k, stop)
    if not n:
        return None
    # "Chairman Mao"-style chains ("Maj. Gen.", "Deputy Secretary of State"): extend with a second title
    n2, val2 = _match(lex.titles, lex.title_max, toks, k + n, stop)
    if n2 and val[0] != "honorific" and not toks[k + n - 1].poss:
        return k, k + n + n2, val2[0], val2[1] if val2[1] != "-" else val[1], val2[2]
    return k, k + n, val[0], val[1], val[2]


def _qualifier_after(toks: list[Token], j: int, lex: Lexicon):
    """ "of Russia" after a titled name -> (end, actor)."""
    if j + 1 < len(toks) and toks[j].low == "of":
        k = j + 1
        if toks[k].low == "the":
            k += 1
        n, entry = _match(lex.phrases, lex.max_len, toks, k)
        if n and entry.kind in ("country", "organization", "metonym"):
            return k + n, entry.actor
    return None


def _spans(sent: int, text: str, lex: Lexicon, user: dict, mid_pairs: frozenset = frozenset()) -> list[Span]:
    """Candidate spans of one sentence. ``mid_pairs``: folded pairs of capitalised words the article
    writes together where no sentence starts (`capitalised_pairs`): a sentence's common first word
    that the article also writes so mid-sentence is part of the name ("Wells Fargo denied …")."""
    toks = _tokenize(text)
    spans: list[Span] = []
    n = len(toks)
    i = 0

    def emit(span: Span) -> None:
        last = toks[span.j - 1]
        span.start = toks[span.i].start
        span.end = last.end
        span.sentence_start = _sentence_initial(toks, span.i)
        nxt = toks[span.j] if span.j < n else None
        span.said = nxt is not None and nxt.low in SPEECH_VERBS
        span.said_after = span.i >= 1 and toks[span.i - 1].low in SPEECH_VERBS
        spans.append(span)

    user_max = max((len(k) for k in user), default=0)
    user_index = _first_words(user, cache=False)
    while i < n:
        tok = toks[i]
        # 1. the user's aliases
        if user:
            m, target = _match(user, user_max, toks, i, index=user_index)
            if m:
                emit(Span(sent, i, i + m, 0, 0, "alias", alias_to=target))
                i += m
                continue
        if tok.kind == "punct" or tok.kind == "num":
            i += 1
            continue
        low = tok.low
        # 2. pronouns
        if low in lex.pronouns:
            gender, role = lex.pronouns[low]
            if low == "her":
                nxt = toks[i + 1] if i + 1 < n else None
                role = "possessive" if (nxt is not None and nxt.kind == "word" and not nxt.cap
                                        and nxt.low not in lex.stop and nxt.low not in PREPOSITIONS) else "object"
            emit(Span(sent, i, i + 1, 0, 0, "pronoun", gender=gender, pron_role=role))
            i += 1
            continue
        # 3a. a definite noun phrase for a country or an organisation named before: "the country",
        # "this nation", "the federal government", "the agency", "the bank", "the committee"
        if low in ("the", "this") and i + 1 < n:
            k = i + 1 + (toks[i + 1].low in ANAPHOR_MODIFIERS and i + 2 < n)
            head = toks[k].low
            nxt = toks[k + 1] if k + 1 < n else None
            if (head in COUNTRY_HEADS or head in ORG_HEADS) and toks[k].kind == "word" and not toks[k].cap \
                    and not (nxt is not None and not toks[k].poss and (nxt.cap or nxt.low in ("of", "'s", "’s")
                                                                      or (nxt.kind == "word" and nxt.low in ORG_HEADS))) \
                    and not (toks[k].poss and _title_at(toks, k + 1, lex) is not None):  # "the party's nominee": a person
                emit(Span(sent, i, k + 1, 0, 0, "anaphor", names=[head]))
                i = k + 1
                continue
        # 3. descriptions by office: "the president", "Norway's prime minister", "the Russian president"
        title = _title_at(toks, i, lex)
        if title is None and low in ("the", "this", "that"):
            k = i + 1  # "the Republican presidential nominee", "The Democratic senator", "the Green Party nominee"
            while k < n and toks[k].low in DESC_MODIFIERS:
                k += 1
            title = _title_at(toks, k, lex)
        qual = None
        if title is None:
            # "Norway's prime minister" / "Russian President Vladimir Putin": qualifier then title
            n_q, entry = _match(lex.phrases, lex.max_len, toks, i)
            if n_q and entry.kind in ("country", "organization", "metonym") and (toks[i + n_q - 1].poss or entry.via == "demonym"):
                t2 = _title_at(toks, i + n_q, lex)
                if t2 is not None and t2[0] == i + n_q:
                    title, qual = t2, entry.actor
            elif tok.upper and tok.poss:
                t2 = _title_at(toks, i + 1, lex)
                if t2 is not None and t2[0] == i + 1:
                    title, qual = t2, tok.text
        if title is not None:
            _, t_end, key, gender, descriptive = title
            name_end = _name_run(toks, t_end, lex) if t_end < n else t_end
            if name_end > t_end and not toks[t_end - 1].poss:
                # a titled name: the title (and its owner) are part of the person's mention
                span = Span(sent, i, name_end, 0, 0, "person", names=[t.text for t in toks[t_end:name_end]])
                if key == "honorific":
                    span.honorific = True
                else:
                    after = _qualifier_after(toks, name_end, lex) if not toks[name_end - 1].poss else None
                    if after:
                        qual = qual or after[1]
                        span.j = after[0]
                    span.titles.add((key, qual or ""))
                span.gender = gender if gender in ("m", "f") else ""
                emit(span)
                i = span.j
                continue
            start_i = i
            if descriptive and (low in ("the", "this", "that") or qual is not None) and (
                t_end >= n or not toks[t_end].is_word or not toks[t_end].cap or toks[t_end - 1].poss
            ) and not (t_end < n and toks[t_end].kind == "word" and not toks[t_end].cap
                       and toks[t_end].low not in lex.stop and toks[t_end].low not in PREPOSITIONS
                       and toks[t_end].low not in SPEECH_VERBS and toks[t_end].low not in IRREGULAR_PAST
                       and not toks[t_end - 1].poss
                       and not toks[t_end].low.endswith(("ed", "s"))):
                after = _qualifier_after(toks, t_end, lex)
                j = t_end
                if after and qual is None:
                    j, qual = after
                span = Span(sent, start_i, j, 0, 0, "desc", titles={(key, qual or "")},
                            gender=gender if gender in ("m", "f") else "",
                            appos_next=j + 1 < n and toks[j].text == "," and toks[j + 1].cap,
                            after_be=start_i >= 1 and toks[start_i - 1].low in BE_FORMS)
                # a description in apposition to a named person only adds a title to that person
                if start_i >= 1 and toks[start_i - 1].text == "," and spans and spans[-1].type == "person" \
                        and spans[-1].j == start_i - 1 and not toks[j - 1].poss:  # not "X, the nominee's daughter"
                    spans[-1].titles.add((key, qual or ""))
                    if qual is not None and low != "the":
                        n_q, entry = _match(lex.phrases, lex.max_len, toks, i)
                        if n_q:
                            emit(Span(sent, i, i + n_q, 0, 0, "entity", entry=entry))
                        elif tok.upper:
                            emit(Span(sent, i, i + 1, 0, 0, "entity",
                                      entry=Entry(tok.text, "organization", "name")))
                    i = j
                    continue
                emit(span)
                i = j
                continue
        # 3b. a person by a common noun: "The Republican has dismissed …", "the computer specialist"
        after_name = i >= 1 and toks[i - 1].text == "," and bool(spans) and spans[-1].type in ("person", "single") \
            and spans[-1].j == i - 1
        found = noun_description(toks, i, lex, after_name) if low in ("the", "this") else None
        if found is not None:
            span = Span(sent, i, found[0], 0, 0, "desc", titles={(found[3], "")}, gender=found[2], noun_head=found[1],
                        after_be=i >= 1 and toks[i - 1].low in BE_FORMS,
                        appos_next=found[0] + 1 < n and toks[found[0]].text == "," and toks[found[0] + 1].cap,
                        appos_of=spans[-1] if after_name else None)  # "Mr. Ostrow, the developer who …"
            emit(span)
            i = span.j
            continue
        # 4. gazetteer phrases: countries, demonyms, capitals, organisations, places to skip
        if tok.cap or tok.kind == "abbr":
            m, entry = _match(lex.phrases, lex.max_len, toks, i)
            if m and entry.kind == "skip" and m == 1 and low in lex.given and i + 1 < n and toks[i + 1].cap \
                    and _name_word(toks[i + 1], lex):
                m = 0  # "Sofia Lind", "Mary Cheney": a given name, not the province or region of that name
            if m and entry.via == "demonym" and i >= 1 and toks[i - 1].low in COMPASS_WORDS and toks[i - 1].cap:
                i += m  # "South American countries", "East Asian markets": a region's, not a country's
                continue
            if m:
                if entry.kind == "skip":
                    k = _place_led_org(toks, i, i + m, lex) if entry.via == "place" else i + m
                    if k > i + m:  # "Maritime Commission", "Western Rail Partners": a region word leads a name
                        emit(Span(sent, i, k, 0, 0, "entity",
                                  entry=Entry(" ".join(t.text for t in toks[i:k]), "organization", "name")))
                    i = k
                    continue
                if entry.kind in ("metonym",):
                    prev = toks[i - 1].low if i >= 1 else ""
                    if prev == "the" and i >= 2:
                        prev = toks[i - 2].low
                    race = prev == "for" and i >= 3 and toks[i - 3 if toks[i - 1].low == "the" else i - 2].low in RACE_WORDS
                    if prev in PLACE_PREPOSITIONS or race or (i + m < n and toks[i + m].low in EVENT_NOUNS | {"state"}):
                        i += m  # "in Moscow"; "the Paris agreement", "the Geneva talks"; "Washington state"
                        continue
                    entry = Entry(entry.actor, "country", "demonym")
                j = i + m
                # "the Israeli government": the demonym stands for the state
                if entry.via == "demonym" and j < n and toks[j].low in GOVERNMENT_HEADS:
                    j += 1
                # a demonym or country before an organisation's name: the whole is an organisation
                # ("American Gas Association", "U.S. District Court"; a country's name also before any
                # other capitalised word that is no title or known name: "USA Today", "Washington Post")
                k = _org_extent(toks, i, j, lex) if j < n and toks[j].cap and not toks[j - 1].poss else j
                if k > j and (any(t.low in lex.org_words for t in toks[j:k]) or (
                        entry.kind == "metonym" or entry.via in ("name", "alias")) and _names_thing(toks, j, lex)):
                    emit(Span(sent, i, k, 0, 0, "entity",
                              entry=Entry(" ".join(t.text for t in toks[i:k]), "organization", "name")))
                    i = k
                    continue
                emit(Span(sent, i, j, 0, 0, "entity", entry=entry))
                i = j
                continue
        # party–state tags are no mentions: "(D-Mass.)", "(R-Utah)", "D-N.Y."
        if re.fullmatch(r"[DRI]-[A-Z][A-Za-z]*\.?", tok.text):
            i += 1
            while i < n and toks[i].start == toks[i - 1].end and (toks[i].kind != "punct" or toks[i].text == "."):
                i += 1  # the rest of "D-N.Y.", "R-S.C."
            while i < n and toks[i].kind != "punct" and (toks[i].kind == "abbr" or len(toks[i].text) <= 3):
                i += 1
            continue
        # 5. acronyms: NATO, FBI, CNN (not a code with digits, not a title such as CEO)
        if (tok.upper and 2 <= len(tok.text.replace(".", "")) <= 6 and not is_common(tok.text, lex)
                and not any(c.isdigit() for c in tok.text) and (low,) not in lex.titles
                and not (i + 1 < n and toks[i + 1].upper and toks[i + 1].kind == "word")
                and not (i >= 1 and toks[i - 1].upper and toks[i - 1].kind == "word")):
            k = i + 1
            if k < n and toks[k].cap and toks[k].low in lex.org_words and not tok.poss:
                k = _org_extent(toks, i, k, lex)  # "ABC News", "NBC Universal"
            emit(Span(sent, i, k, 0, 0, "entity", entry=Entry(" ".join(t.text for t in toks[i:k]), "organization", "name")))
            i = k
            continue
        # a code ("EB-5", "F-16") or a plural acronym ("PACs", "CEOs"): a thing or a common noun
        if re.fullmatch(r"[A-Z]{2,}s|[A-Za-z]+-\d[\w-]*", tok.text):
            i += 1
            continue
        # "Jan. 1", "Sept. 30": a month; "Henderson, Nev.", "Eugene, Ore.": a state after its town
        if tok.kind == "word" and i + 1 < n and toks[i + 1].text == "." and (
                (low in MONTH_ABBREVIATIONS and i + 2 < n and toks[i + 2].kind == "num")
                or (low in STATE_ABBREVIATIONS and i >= 1 and toks[i - 1].text == ",")):
            i += 2
            continue
        # 6. runs of capitalised words
        if tok.cap and low not in I_FORMS:
            j = i
            in_name = False
            # the tail of "pro-Clinton", "anti-Trump" is a name of its own (one word: not "anti-Trump
            # Republicans"); after a prefix of time the whole run is ("then-Environmental Protection Agency")
            tail = i >= 1 and toks[i - 1].kind == "word" and not toks[i - 1].cap and toks[i - 1].end + 1 == tok.start \
                and text[toks[i - 1].end] == "-" and toks[i - 1].low not in TIME_PREFIXES
            while j < n and (not tail or j == i) and (toks[j].cap or (j > i and toks[j].low in PARTICLES | SUFFIXES and j + 1 < n and toks[j + 1].cap)
                             or (j > i and toks[j].low in SUFFIXES)):
                if j > i:
                    kind_j = lex.phrases.get((toks[j].low,), Entry("", "", "")).kind
                    if kind_j in ("country", "metonym") and all(t.low not in lex.given for t in toks[i:j]) \
                            and not _sentence_initial(toks, i) and (j + 1 >= n or not toks[j + 1].is_word
                                                                   or _names_thing(toks, j + 1, lex)):
                        in_name = True  # "Priorities USA Action", "Oil Change US": a country inside a name
                        j += 1
                        continue
                    if kind_j == "skip" and _place_led_org(toks, j, j + 1, lex) > j + 1:
                        j += 1  # "National Maritime Authority": a region word inside an organisation's name
                        continue
                    if (kind_j == "skip" and toks[j].low not in lex.given) or kind_j in ("country", "metonym"):
                        break
                    if toks[j].low in I_FORMS or (toks[j].low in lex.stop and toks[j].low not in lex.given):
                        break  # "... Massacre He", "Kampala Then"
                    if toks[j].joined and toks[j].upper != toks[j - 1].upper:
                        break  # "Kelmar Times-NBC News": two names joined by a hyphen
                    if _match(lex.titles, lex.title_max, toks, j)[0] and _name_run(toks, j + 1, lex) > j + 1:
                        break  # "Rights Mr. Holder": the title starts a new name
                j += 1
                if toks[j - 1].poss or (j - 1 > i and toks[j - 1].low in SUFFIXES):
                    break
            while j > i and (toks[j - 1].low,) in lex.titles:
                j -= 1  # "Kentucky Sen." at the end of a sentence: the title names nobody
            if j == i:
                i += 1
                continue
            words = toks[i:j]
            initial = _sentence_initial(toks, i)
            office = _title_at(toks, j, lex) if j < n and not toks[j - 1].poss else None
            if office is not None and office[0] == j and office[2] in ORG_OFFICES and _name_run(toks, office[1], lex) > office[1]:
                in_name = True  # "Wells Fargo CEO John Stumpf", "Kelmar Shipping founder Ana Ruiz": a company
            if in_name:
                emit(Span(sent, i, j, 0, 0, "entity", entry=Entry(" ".join(t.text for t in words), "organization", "name")))
                i = j
                continue
            if " ".join(t.low for t in words) in lex.places and len(words) > 1 and not (
                    i >= 1 and (toks[i - 1].low,) in lex.titles):
                i = j  # "El Paso", "Fort Worth": a city
                continue
            ext = _thing_extent(toks, i, j, lex)
            inside_name = i >= 1 and toks[i - 1].cap and not toks[i - 1].poss  # not after "Pagliano's"
            # an organisation's word inside, or a capital before, keeps the name ("… Party"), unless
            # a thing word ends it ("the Liberal Party Convention", "Republican National Convention")
            ends_thing = toks[ext - 1].low in lex.thing_words
            if ends_thing or (any(t.low in lex.thing_words for t in toks[i:ext]) and not inside_name
                              and not any(t.low in lex.org_words for t in toks[i:_org_extent(toks, i, j, lex)])):
                i = ext  # "the Constitution", "World War II", "the Energy Innovation and Carbon Dividend Act"
                continue
            if len(words) >= 2 and words[-1].low in OCCASION_HEADS and words[0].low not in lex.given:
                i = j  # "Election Day", "the Super Bowl", "the Nobel Prize": an occasion, not an actor
                continue
            if initial and len(words) == 1 and tok.low.endswith("ly") and j < n and toks[j].text == ",":
                i = j  # "Basically, ..."
                continue
            # organisations by head word, with "of"/"for"/"and" joining ("Ministry of Defense"); before
            # the place heads, so "The Wall Street Journal" stays an outlet
            k = j if tail else _org_extent(toks, i, j, lex)
            if any(t.low in lex.org_words for t in toks[i:k]):
                # a sentence's first word goes only when it is a function word ("The", "While"):
                # "Secret Service", "Green Party" keep theirs
                s = i + 1 if initial and (tok.low in lex.stop or tok.low in START_ADVERBS or tok.low.endswith("ly")) \
                    and tok.low not in lex.org_words else i
                if s == i and s + 1 == k and initial and toks[s].low in lex.org_words and is_common(toks[s].text, lex):
                    s = k  # "Bank executives aren't": a head word alone starting a sentence names nothing
                if s < k:
                    name = _written_name(toks[s:k])
                    emit(Span(sent, s, k, 0, 0, "entity", entry=Entry(name, "organization", "name")))
                i = k
                continue
            if any(t.low in lex.place_words for t in words[1:]):
                i = j  # "Orangeburg County", "Palm Beach": a place
                continue
            if initial and ((tok.low in lex.stop and tok.low not in lex.given) or (
                    len(words) > 1 and is_common(tok.text, lex) and tok.low not in lex.given
                    and (tok.low, words[1].low) not in mid_pairs)):
                i += 1  # "The", "While", "Senior": look again from the next word
                continue
            if all(is_common(t.text, lex) and t.low not in lex.given for t in words) and len(words) > 1:
                i = j
                continue
            if tok.upper and len(words) == 1 and is_common(tok.text, lex):
                i = j  # "STOP!"
                continue
            # "the Trump administration"
            if j < n and toks[j].low in PERSON_ORG_HEADS and not toks[j - 1].poss:
                s = i - 1 if i >= 1 and toks[i - 1].low == "the" else i
                emit(Span(sent, s, j + 1, 0, 0, "entity",
                          entry=Entry(f"{' '.join(t.text for t in words)} {toks[j].text}", "organization", "name")))
                i = j + 1
                continue
            if len(words) == 1 and j < n and toks[j].kind == "word" and not toks[j].cap and toks[j].low in lex.place_words \
                    and i >= 1 and toks[i - 1].low == "the" and not tok.poss:
                i = j  # "the Serin valley", "the Drava river": a place
                continue
            if len(words) == 1 or (len(words) == 2 and words[1].low in SUFFIXES):
                prev = toks[i - 1].low if i >= 1 else ""
                emit(Span(sent, i, j, 0, 0, "single", names=[t.text for t in words], place=tok.low in lex.places,
                          after_place_prep=not tok.poss and (prev in PLACE_OF or (
                              tok.low in lex.places and prev in ("to", "at", "from")) or _before_state(toks, j)
                              or _after_place_noun_of(toks, i))))
            else:
                emit(Span(sent, i, j, 0, 0, "person", names=[t.text for t in words]))
            i = j
            continue
        i += 1
    spans = _defined_acronyms(toks, spans, sent)
    _roles(toks, spans, lex)
    return spans


#: Lower-case words a name may hold between its capitalised words ("Citizens for Responsibility and
#: Ethics in Washington").
NAME_CONNECTORS = frozenset(["of", "for", "and", "in", "on", "the", "&", "to"])


def _defined_acronyms(toks: list[Token], spans: list[Span], sent: int) -> list[Span]:
    """A name the article defines by its acronym in brackets, "Citizens for Responsibility and Ethics
    in Washington (CREW)": the capitalised words before the bracket whose initials spell the acronym,
    with the connectors between them, are one organisation's name, whatever spans the words gave
    ("Citizens", "Ethics"). The acronym itself stays a mention (its variants merge it, `name_variants`)."""
    for p in range(1, len(toks) - 2):
        if toks[p].text != "(" or toks[p + 2].text != ")":
            continue
        acronym = re.sub(r"[^A-Za-z]", "", toks[p + 1].text)
        if not (2 <= len(acronym) <= 8 and acronym.isupper()):
            continue
        start, letters = None, ""
        for k in range(p - 1, max(-1, p - 16), -1):
            t = toks[k]
            if t.kind == "word" and t.cap:
                letters = t.text[0] + letters
                if letters == acronym:
                    start = k
                    break
                if not acronym.endswith(letters):
                    break
            elif t.low not in NAME_CONNECTORS:
                break
        if start is None or p - start < 3:
            continue
        inside = [s for s in spans if s.i < p and s.j > start]
        if len(inside) == 1 and inside[0].i == start and inside[0].j == p:
            continue  # already one name
        name = Span(sent, start, p, toks[start].start, toks[p - 1].end, "entity",
                    entry=Entry(" ".join(t.text for t in toks[start:p]), "organization", "name"))
        spans = sorted([s for s in spans if s not in inside] + [name], key=lambda s: s.i)
    return spans


@functools.lru_cache(maxsize=1)
def _us_states() -> frozenset:
    """Folded names of the US states (pycountry)."""
    import pycountry

    return frozenset(_fold(sub.name) for sub in pycountry.subdivisions.get(country_code="US") or [])


def _after_place_noun_of(toks: list, i: int) -> bool:
    """Token ``i`` follows a lower-case place noun and "of": "the border town of Kessa", "the village of
    Harnau" (`language.PLACE_NOUNS_OF`). Not "the people of Estrelia", not "the City of London"."""
    return i >= 2 and toks[i - 1].low == "of" and not toks[i - 2].cap and toks[i - 2].low in PLACE_NOUNS_OF


def _before_state(toks: list[Token], j: int) -> bool:
    """``toks[j:]`` is ", <US state>" ("Houston, Texas", "Henderson, Nev.", "Trenton, N.J."): the word
    before it is a town."""
    if j + 1 >= len(toks) or toks[j].text != ",":
        return False
    nxt = toks[j + 1]
    two = f"{nxt.low} {toks[j + 2].low}" if j + 2 < len(toks) else ""
    dotted = nxt.kind == "abbr" and len(nxt.text) <= 5
    return nxt.low in _us_states() or two in _us_states() or dotted or (
        nxt.low in STATE_ABBREVIATIONS and j + 2 < len(toks) and toks[j + 2].text == ".")


def _names_thing(toks: list[Token], j: int, lex: Lexicon) -> bool:
    """The capitalised word at ``j`` after a country's name continues a name of something else
    ("USA Today", "Washington Post"): no title, known phrase, given name or sentence-initial word."""
    t = toks[j]
    return t.kind == "word" and not _match(lex.titles, lex.title_max, toks, j)[0] \
        and (t.low,) not in lex.phrases and t.low not in lex.given and not _sentence_initial(toks, j) \
        and toks[j - 1].kind != "abbr" or (toks[j - 1].kind == "abbr" and t.low in lex.org_words)


def _thing_extent(toks: list[Token], i: int, j: int, lex: Lexicon) -> int:
    """End of a capitalised run ``i..j`` together with a following "and"/"of"/"for" part whose own run
    holds a thing word ("Energy Innovation and Carbon Dividend Act"); ``j`` when none follows.

    Not across a given name or an organisation head word ("Mary Lind and the Paris Agreement",
    "Sierra Club and Clean Air Act" stay apart).
    """
    n = len(toks)
    if j + 1 >= n or toks[j].low not in ("and", "of", "for", "&") or not toks[j + 1].cap:
        return j
    if any(t.low in lex.given or t.low in lex.org_words for t in toks[i:j]) or (toks[j].low in ("and", "&") and j - i < 2):
        return j
    r = j + 1
    while r < n and toks[r].cap and not toks[r - 1].poss:
        r += 1
    return r if any(t.low in lex.thing_words for t in toks[j + 1:r]) else j


def _written_name(toks: list[Token]) -> str:
    """The words of a name with the possessive marks inside it ("Dockworkers' Union", "Women's
    League"; a possessive after the last word is not part of the name)."""
    def mark(t: Token) -> str:
        return "" if not t.poss else "'" if t.poss_end == t.end + 1 else "'s"

    return " ".join([t.text + mark(t) for t in toks[:-1]] + [toks[-1].text])


def _genitive_link(tok: Token, lex: Lexicon) -> bool:
    """A possessive that can sit inside an organisation's name: a common noun's ("Dockworkers'
    Union", "Women's League", "People's Party"), never a name's ("Russia's Defense Ministry")."""
    if not tok.poss or tok.low in lex.given:
        return False
    if is_common(tok.text, lex):
        return True
    # a plural possessive of a compound ending in a common noun: "Dockworkers'", "Steelworkers'"
    # (not of any dictionary word: "Sanders' Senate colleagues" is a name's)
    return tok.poss_end == tok.end + 1 and tok.low.endswith("s") and any(
        is_common(tok.low[k:], lex) for k in range(1, len(tok.low) - 4))


def _org_extent(toks: list[Token], i: int, j: int, lex: Lexicon) -> int:
    """End of an organisation name starting at ``i`` whose capitalised words run to ``j``.

    Capitalised words continue it, and "of", "for", "and", "on", "&" join a following capitalised
    part once an organisation head word has been seen ("Australian Council of Trade Unions"); a
    common noun's possessive continues it only when an organisation head word follows
    ("Dockworkers' Union": `_genitive_link`).
    """
    n = len(toks)
    k = j
    if k < n and k > i and _genitive_link(toks[k - 1], lex) and toks[k].cap:
        r = k
        while r < n and toks[r].cap and not toks[r - 1].poss and toks[r].low not in lex.org_words:
            r += 1
        if r < n and toks[r].low in lex.org_words and (r == k or not toks[r - 1].poss):
            k = r + 1
    while k < n and toks[k].cap and not toks[k - 1].poss \
            and lex.phrases.get((toks[k].low,), Entry("", "", "")).kind != "skip":
        if k > i and _match(lex.titles, lex.title_max, toks, k)[0] and _name_run(toks, k + 1, lex) > k + 1:
            break  # "U.S. District Court Judge Sharon Gleason": the title starts a person's name
        if k > i and toks[k].joined and toks[k].upper != toks[k - 1].upper:
            break  # "Washington Post-ABC News": a hyphen between two names
        k += 1
    def head_ahead(k: int) -> bool:  # "Citizenship and Immigration Services": the head comes after "and"
        r = k + 1
        while r < n and toks[r].cap and not toks[r - 1].poss:
            r += 1
        # not between names: "the Trump and Clinton Foundation" is no "Immigration and Customs Enforcement"
        named = any(t.low in lex.given or t.low in lex.places for t in (toks[k - 1], toks[k + 1]))
        return not named and any(t.low in lex.org_words for t in toks[k + 1:r])

    while k + 1 < n and toks[k].low in ("of", "for", "and", "on", "&") and toks[k + 1].cap \
            and lex.phrases.get((toks[k + 1].low,), Entry("", "", "")).kind != "skip" \
            and (any(t.low in lex.org_words for t in toks[i:k + 2]) or head_ahead(k)) and not toks[k - 1].poss \
            and not (toks[k].low in ("and", "&") and toks[k - 1].low in lex.org_words):  # "… Association and Fair Wages US"
        k += 2
        while k < n and toks[k].cap and not toks[k - 1].poss:
            k += 1
    return k


def _place_led_org(toks: list[Token], i: int, j: int, lex: Lexicon) -> int:
    """End of an organisation's name that a region or province word (``toks[i:j]``, a skip entry with
    via "place": "Maritime", "Western", "Central") starts, when capitalised words with an organisation
    head word follow it ("Maritime Commission", "Western Rail Partners", "Central Bank"); ``j`` when
    none follows ("the Western Cape", "Central Asia")."""
    entry = lex.phrases.get(tuple(t.low for t in toks[i:j]))
    if entry is None or entry.via != "place" or j >= len(toks) or not toks[j].cap or toks[j - 1].poss:
        return j
    start = j
    while start < len(toks) and toks[start].cap and not toks[start - 1].poss and _place_word(toks[start], lex):
        start += 1  # "North Atlantic Fisheries Organisation": region words in a row lead the name
    if start >= len(toks) or not toks[start].cap:
        return j
    k = _org_extent(toks, start, start, lex)
    return k if any(t.low in lex.org_words for t in toks[start:k]) else j


def _place_word(tok: Token, lex: Lexicon) -> bool:
    entry = lex.phrases.get((tok.low,))
    return entry is not None and entry.kind == "skip" and entry.via == "place"


def _plural_common_opener(toks: list[Token], spans: list[Span], lex: Lexicon) -> int | None:
    """Index of the plural common noun that opens a sentence as its subject ("Farmers in the Rilla
    valley say they …", "Many residents said their homes …"), after at most a determiner or
    quantifier; None when a name or nothing of the kind opens it. A plural pronoun after it refers to
    those people, not to an actor of an earlier sentence."""
    k = 0
    while k < len(toks) and toks[k].kind == "word" and toks[k].low in ("the", "many", "some", "most", "several", "local"):
        k += 1
    if k >= len(toks) or toks[k].kind != "word" or any(sp.i <= k < sp.j and not (sp.type == "single" and k == 0)
                                                       for sp in spans):
        return None
    word = toks[k].low
    plural = (word.endswith("s") and not word.endswith("ss") and len(word) > 3) or word.endswith("men") \
        or word in ("people", "children", "police")
    common = is_common(word, lex) or word in dictionary_words()
    return k if plural and common and word not in lex.pronouns else None


def _roles(toks: list[Token], spans: list[Span], lex: Lexicon) -> None:
    """Grammatical role of each span, approximated from the words before it in its clause."""
    clause_of = []
    c = 0
    for t in toks:
        if (t.kind == "punct" and t.text in CLAUSE_PUNCT) or t.low in CLAUSE_WORDS:
            c += 1
        clause_of.append(c)
    seen_clause_mention = set()
    for span in spans:
        clause = clause_of[span.i]
        first_in_clause = clause not in seen_clause_mention
        seen_clause_mention.add(clause)
        if span.type == "pronoun":
            span.role = {"subject": "subject", "object": "object", "possessive": "possessive",
                         "reflexive": "object"}[span.pron_role]
            continue
        if toks[span.j - 1].poss:
            span.role = "possessive"
            continue
        prev = span.i - 1
        if prev >= 0 and toks[prev].low in ("the", "a", "an"):
            prev -= 1
        if prev >= 0 and toks[prev].low in PREPOSITIONS:
            span.role = "oblique"
            continue
        if span.i >= 1 and toks[span.i - 1].text == "," and (span.j >= len(toks) or toks[span.j].text in ",.;)"):
            span.role = "object"  # an apposition ("her husband, Piotr Ostrova, …"): no subject
            continue
        ok = first_in_clause
        k = span.i - 1
        while ok and k >= 0 and clause_of[k] == clause:
            t = toks[k]
            if t.kind == "word" and not (t.low in lex.stop or t.low in CLAUSE_WORDS or t.low.endswith("ly")
                                         or t.cap):
                ok = False
            k -= 1
        span.role = "subject" if ok else "object"
    # clause index kept for the pronoun rules
    for span in spans:
        span.clause = clause_of[span.i]
    opener = _plural_common_opener(toks, spans, lex)
    for span in spans:
        span.own_plural = span.type == "pronoun" and span.gender == "p" and opener is not None and span.i > opener
    # "Trump, who says he is honored": a pronoun in a who-clause refers to the name before "who"
    for k, t in enumerate(toks):
        if t.low != "who":
            continue
        end = k - 1 if k >= 1 and toks[k - 1].text == "," else k
        owner = next((sp for sp in spans if sp.j == end and sp.type != "pronoun"), None)
        if owner is None:
            continue
        for span in spans:
            if span.type == "pronoun" and span.clause == clause_of[k] and span.i > k:
                span.who_of = owner
