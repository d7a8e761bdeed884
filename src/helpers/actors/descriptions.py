"""Descriptions and anaphors ("the president", "the agency"), demonyms and article places."""
from __future__ import annotations

from .language import CAMPAIGN_OFFICES, COUNTRY_HEADS, GENERIC_ORG_HEADS, Lexicon, _fold, _tokenize
from .spans import Span
from .people import Person, _gender


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


def _acronym(name: str) -> bool:
    """A name in capitals with three letters or more ("AFL-CIO", "NAACP"; not "Fla", "Paros")."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _anaphor_target(s: Span, history: list[Span], home: str = "") -> Span | None:
    """The country or organisation a definite phrase stands for. "the country", "this nation", "the
    federal government": the article's home country, the country named most so far (the latest of
    equals), else the one the whole article names most (``home``: "across the country" before any
    country is named). "the bank", "the panel", "the center": among the organisations named so far
    whose head noun is that word or a synonym (``HEAD_SYNONYMS``: "the panel" for "… Reform
    Committee"; the head is the last word or the word before "of"/"for": "Center for Biological
    Diversity"), the one named most, the first named of equals; else for a generic head ("the group",
    "the agency", "the team") the latest organisation, or acronym of no known kind, within three
    sentences. None when there is none (the phrase is then no mention)."""
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
            if h.type in ("pronoun", "desc", "anaphor") or not h.actor:
                continue
            if h.kind == "organization" or (h.kind == "other" and _acronym(h.actor)):
                return h  # an acronym of no known kind ("AFL-CIO" … "the federation") is an organisation
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
