"""Pass 3: every span resolved to an actor in reading order (names, titles, entities, places)."""
from __future__ import annotations

from collections import Counter
import re

from ..article import outlets
from .language import (
    ENGLISH_SUFFIXES, Entry, GOVERNMENT_HEADS, Lexicon, PERSON_ORG_HEADS, _fold, dictionary_only, dictionary_words,
    is_common,
)
from .spans import Span
from .people import Person, _gender, _generation, _misspelt_surname, _shared_surname, _split_name
from .descriptions import (
    _alias_target, _anaphor_target, _article_places, _demonyms, _resolve_description, _written_lower,
)
from .pronouns import _resolve_pronoun
from .person_nouns import noun_antecedent


class OrgEndings:
    """The organisations named so far, indexed by the word sequences their names end in (and the words
    before a name's first "of"/"for"/"on" end in): "commission" → {European Commission}. Adding a
    name costs its length squared in words, a look-up one dict access, so an article costs linear time
    in its organisation mentions (the earlier scan of every earlier mention was quadratic)."""

    def __init__(self) -> None:
        self.ends: dict[tuple, set] = {}
        self.seen: set = set()

    def add(self, s: Span) -> None:
        """Index a resolved mention when it is an organisation's entity mention."""
        if s.kind != "organization" or s.type != "entity" or not s.actor or (s.actor, s.kind) in self.seen:
            return
        self.seen.add((s.actor, s.kind))
        words = tuple(_fold(s.actor).split())
        cut = next((k for k, w in enumerate(words) if w in ("of", "for", "on") and k), len(words))
        for size in range(1, len(words)):
            self.ends.setdefault(words[-size:], set()).add((s.actor, s.kind))
            if size <= cut:
                self.ends.setdefault(words[cut - size:cut], set()).add((s.actor, s.kind))

    def longer(self, s: Span, lex: Lexicon) -> tuple[str, str] | None:
        """The one organisation named earlier whose name ends in this organisation's shorter name: "the
        Commission" after "the European Commission", "the Bank" after "the World Bank", "the Fund" after
        "the International Monetary Fund"; the words before a name's first "of"/"for" count as its end
        too ("the Department" after "the Department of Defense"). Only a name no dictionary knows by
        itself ("Senate" stays the Senate); None when no earlier name or two different ones end so
        ("the Department" after the State Department and the Department of Defense)."""
        if s.kind != "organization" or s.entry is None or tuple(_fold(s.entry.actor).split()) in lex.phrases:
            return None
        found = self.ends.get(tuple(_fold(s.actor).split()), ())
        return next(iter(found)) if len(found) == 1 else None


def _resolve(spans_by_sent: list[list[Span]], people: list[Person], lex: Lexicon, user: dict,
             lowercase_words: frozenset = frozenset(), article_places: set | frozenset = frozenset(),
             mid_caps: frozenset | None = None) -> None:
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
    # ("Fargo", "Wells" for Wells Fargo), unless it is a head word ("Committee") or a country's name;
    # never the person an administration or campaign is named after ("Trump" of "Trump administration")
    short_org: dict = {}
    named_after: set = set()  # "trump" of "Trump administration": a person's surname
    for actor, kind in list(known_entities.values()):
        words = _fold(actor).split()
        if kind == "organization" and len(words) >= 2:
            if words[-1] in PERSON_ORG_HEADS:
                named_after.add(words[0])
            for w in ({words[-1]} if words[-1] in PERSON_ORG_HEADS else {words[0], words[-1]}) \
                    - lex.org_words - lex.stop:
                short_org.setdefault(w, set()).add((actor, kind))
    short_org = {w: next(iter(v)) for w, v in short_org.items() if len(v) == 1 and w not in lex.countries
                 and (w,) not in lex.phrases}
    said_singles = {_fold(s.names[0]) for spans in spans_by_sent for s in spans
                    if s.type == "single" and s.said and not s.after_place_prep}  # not "farmers in Harnau said"
    singles = [s for spans in spans_by_sent for s in spans if s.type == "single"]
    places = _article_places(singles, said_singles, article_places)
    # a city of 50,000 people or more, or a US state, is a place when it is no given name, never says
    # anything and starts no organisation's name the article gives ("Edinburgh" for Edinburgh University):
    # "Venice's mayor", "damage to Venice". People still come first ("Warren" of Elizabeth Warren).
    places |= {w for s in singles if len(s.names) == 1 and (w := _fold(s.names[0])) in lex.cities
               and w not in lex.given and w not in said_singles and w not in short_org and not s.honorific}
    demonym_of = _demonyms({_fold(s.names[0]): s.names[0] for s in singles} | {
        _fold(s.entry.actor): s.entry.actor for spans in spans_by_sent for s in spans
        if s.type == "entity" and s.entry is not None and " " not in s.entry.actor})
    # the people of a place the article marks as one (a dateline's town, an island) are no country's:
    # "Tessalian" for the island Tessaly is a place word too
    place_people = {w for w, base in demonym_of.items() if _fold(base) in article_places}
    demonym_of = {w: base for w, base in demonym_of.items() if w not in place_people}
    places = places | place_people
    bases = set(demonym_of.values())
    country_counts = Counter(s.entry.actor for spans in spans_by_sent for s in spans
                             if s.type == "entity" and s.entry is not None and s.entry.kind in ("country", "metonym"))
    home = country_counts.most_common(1)[0][0] if country_counts else ""
    unnamed: dict[tuple, Person] = {}
    history: list[Span] = []  # resolved person-like mentions so far, in order
    org_ends = OrgEndings()  # the organisations in history, by the ends of their names
    named_orgs: set[str] = set()  # actors of no known kind that an organisation's head noun names

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
                longer = org_ends.longer(s, lex)
                if longer is not None:
                    s.actor, s.kind = longer  # "the Commission" after "The European Commission"
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
                elif near := _misspelt_surname(word, by_surname, dictionary_words()):
                    set_person(s, _shared_surname(near, s), "name")  # a typo: "Cureblo's bill" for Curbelo
                elif s.sentence_start and not s.said and (is_common(s.names[0], lex) or word in lowercase_words):
                    continue
                elif word in known_entities or word in short_org:
                    s.actor, s.kind = known_entities.get(word) or short_org[word]
                    s.via = "name"
                elif s.sentence_start and not s.said and s.role != "possessive" and s.names[0][1:].islower() \
                        and dictionary_only(word, mid_caps, lex) and not outlets().canonical(word):
                    continue  # "Altogether", "Fishermen", "Hostilities": its one capital is the sentence's
                    # (not "Reuters", an outlet; not "Fosberg's criticism": a possessive is more often a name's)
                elif word not in said_singles and word not in lex.given and not s.honorific and (
                        word in lex.place_words or (_written_lower(word, lowercase_words) and s.role != "possessive")):
                    continue  # an everyday word in capitals ("Atlantic Ocean", "hothouse Earth", "Presidents have …")
                elif word not in said_singles and word not in lex.given and not s.honorific \
                        and re.search(ENGLISH_SUFFIXES, word) and not s.names[0].isupper():
                    continue  # English word-formation, no name: "Citing", "Literally", "Secrecy", "Proponents"
                else:
                    # "TRUMP" → "Trump", but an acronym stays: "CIA", "AFL-CIO" (short parts)
                    short_parts = all(len(part) < 4 for part in re.split(r"[-/&]", s.names[0]))
                    s.actor, s.via = s.names[0] if not s.names[0].isupper() or short_parts \
                        else s.names[0].title(), "name"
                    if len(s.names) == 2:  # a suffix stays in the name: "Don Jr." is not his father "Don"
                        s.actor = f"{s.actor} {s.names[1]}"
                    s.kind = "person" if (word in said_singles or word in lex.given or word in named_after) else "other"
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
                if s.kind == "other":  # "the federation" for "AFL-CIO": the article says what it is
                    s.kind = "organization"
                    named_orgs.add(s.actor)
            elif s.type == "desc":
                nxt = next((c for c in spans if c.i > s.i), None)
                if s.after_be:
                    pass  # a predicate ("Berg might be that candidate") stands for nobody
                elif s.appos_next and nxt is not None and nxt.i == s.j + 1 and nxt.type == "person" \
                        and isinstance(nxt.cluster, Person):
                    s.cluster = nxt.cluster  # "the Republican nominee, Donald Trump": the name after the comma
                    nxt.cluster.titles |= s.titles
                elif s.noun_head:
                    s.cluster = noun_antecedent(s, spans, spans_by_sent, sent_idx, history)  # "the Republican"
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
                org_ends.add(s)
    # a name nobody treats as a person (no title, honorific, given name, initial, pronoun or "said") is
    # kept, but as kind "other": "World Economic Forum", "Boston Marathon"
    spans = [s for sent_spans in spans_by_sent for s in sent_spans]
    for s in spans:
        if s.actor in named_orgs and s.kind == "other":
            s.kind = "organization"  # named by an organisation's head noun somewhere ("the federation")
    # a middle or leading initial ("Dmitri S. Peskov", "J. Smith") is a person's, not an organisation's
    evidence = {id(p) for p in people if p.titles or p.gender or p.gender_from_name
                or any(len(g) == 2 and g.endswith(".") and g[0].isalpha() for g in p.given)}
    evidence |= {id(s.cluster) for s in spans if isinstance(s.cluster, Person)
                 and (s.type in ("pronoun", "desc", "alias") or s.honorific or s.said)}
    for s in spans:
        if s.type in ("person", "single") and s.kind == "person" and isinstance(s.cluster, Person) \
                and id(s.cluster) not in evidence:
            s.kind = "other"
