"""Pass 2: people. Full names grouped by surname unless given names conflict; short forms and gender."""
from __future__ import annotations

from dataclasses import dataclass, field
import functools

from .language import Lexicon, SUFFIXES, _fold
from .spans import Span


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


def _one_edit(a: str, b: str) -> bool:
    """``a`` and ``b`` differ by exactly one letter inserted, dropped, changed or two neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = next((k for k in range(len(short)) if short[k] != long_[k]), len(short))
    return short[k:] == long_[k + 1:]


def _misspelt_surname(word: str, by_surname: dict, dictionary: frozenset) -> list:
    """The people of the one surname that the folded ``word`` misspells by a single edit ("Cureblo" for
    Curbelo), else []. Only for words of six letters or more that are no dictionary word, with the
    same first letter; never when two surnames are that close."""
    if len(word) < 6 or word in dictionary:
        return []
    near = [name for name in by_surname if len(name) >= 6 and name[0] == word[0] and _one_edit(word, name)]
    return by_surname[near[0]] if len(near) == 1 else []
