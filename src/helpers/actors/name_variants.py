"""Pass 4: actors that are one institution written two ways become one actor (run after resolution).

- **Acronym and expansion**: an actor written as an acronym ("EPA", "E.P.A.", "DoJ") and an actor
  whose name, or a tail of it, has those initials ("Environmental Protection Agency", "U.S.
  Environmental Protection Agency", "Department of Justice" with or without the "of") are one, when
  exactly one such actor exists in the article. Initials are taken with and without the function
  words ("of", "the", "and", "for", …) and compared without regard to case.
- **Legal suffix**: "Tessel Crossings" and "Tessel Crossings Ltd" (Ltd, Inc, Corp, Co, Plc, LLC, LP,
  AG, SA, NV, GmbH, with or without a comma or period) are one.

People are never merged here: a person's initials ("JFK") are a nickname the article has to spell
out, and the expansion side must not be a person with evidence of being one (a title, a pronoun).
The merged actor keeps the acronym's name when one side is an acronym (as the organisation list does:
"FBI"), else the name with the most mentions (the first named on ties); its kind is the
organisation's (a company's bare name read as a person takes the company's kind).
"""
from __future__ import annotations

import re
from collections import Counter

from .people import Person

#: Words whose initial an acronym may leave out.
FUNCTION_WORDS = frozenset("of the and for on in at to de du des la le &".split())
#: Company-form suffixes that end a name without changing whom it names.
LEGAL_SUFFIX = re.compile(r",?\s+(?:Ltd|Limited|Inc|Corp|Co|Plc|PLC|LLC|LP|LLP|AG|SA|NV|GmbH)\.?$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.]*")


def acronym_key(surface: str) -> str:
    """The upper-case letters of an acronym ("E.P.A." → "EPA", "DoJ" → "DOJ"), or "" when the surface
    is no acronym (two to seven letters, at least two capitals, all capitals unless four letters or fewer)."""
    letters = surface.replace(".", "").strip()
    if not (2 <= len(letters) <= 7 and letters.isalpha() and letters[0].isupper()):
        return ""
    if sum(ch.isupper() for ch in letters) < 2 or (not letters.isupper() and len(letters) > 4):
        return ""
    return letters.upper()


def initials(name: str) -> set[str]:
    """Acronyms a multi-word name may be written as: its initials and those of its tails of two or
    more words, each with and without the function words ("Department of Justice" → DOJ, DJ)."""
    words = _WORD.findall(name.replace("-", " "))
    out = set()
    for k in range(len(words) - 1):
        tail = words[k:]
        if tail[0].lower() in FUNCTION_WORDS:
            continue
        full = "".join(w[0] for w in tail).upper()
        content = "".join(w[0] for w in tail if w.lower() not in FUNCTION_WORDS).upper()
        out |= {a for a in (full, content) if len(a) >= 2}
    return out


def _base(name: str) -> str:
    return LEGAL_SUFFIX.sub("", name).strip()


def merge_variants(spans: list, texts: list[str]) -> None:
    """Give the spans of each group of one institution's spellings one actor and kind (module
    docstring); ``texts`` are the sentences the spans index. An actor's acronyms are its name's and its
    mentions' ("DOJ" for the organisation list's "Justice Department")."""
    resolved = [s for s in spans if s.actor]
    kinds: dict[str, Counter] = {}
    acronyms: dict[str, set] = {}
    for s in resolved:
        kinds.setdefault(s.actor, Counter())[s.kind] += 1
        key = acronym_key(texts[s.sent][s.start:s.end]) if s.type != "pronoun" else ""
        acronyms.setdefault(s.actor, {acronym_key(s.actor)} - {""}).update({key} - {""})
    named_people = {s.actor for s in resolved if isinstance(s.cluster, Person) and s.type in ("pronoun", "desc")}
    parent = {a: a for a in kinds}

    def find(a: str) -> str:
        while parent[a] != a:
            a = parent[a]
        return a

    def non_person(actor: str) -> bool:
        return actor not in named_people and kinds[actor].most_common(1)[0][0] != "person"

    by_initials: dict[str, set] = {}
    for actor in kinds:
        if " " in actor and non_person(actor):
            for key in initials(actor):
                by_initials.setdefault(key, set()).add(actor)
    for actor, keys in acronyms.items():
        for key in keys:
            targets = by_initials.get(key, set()) - {actor}
            if len(targets) == 1:
                parent[find(actor)] = find(next(iter(targets)))
    by_base: dict[str, list] = {}
    for actor in kinds:
        by_base.setdefault(_base(actor), []).append(actor)
    for base, names in by_base.items():
        if len(names) > 1 and any(n != base for n in names):
            suffixed = [n for n in names if n != base]
            if len(suffixed) == 1:  # "Acme Inc" and "Acme Corp" are not known to be one
                for n in names:
                    parent[find(n)] = find(suffixed[0])
    groups: dict[str, list] = {}
    for actor in kinds:
        groups.setdefault(find(actor), []).append(actor)
    order = {s.actor: k for k, s in reversed(list(enumerate(resolved)))}
    for members in groups.values():
        if len(members) > 1:
            _relabel([s for s in resolved if s.actor in members], members, kinds, order)


def _kind(counts: list) -> str:
    """The most frequent of organisation, country and group among ``counts`` ("" when none)."""
    total = sum(counts, Counter())
    best = max(("organization", "country", "group"), key=lambda k: total[k])
    return best if total[best] else ""


def _relabel(group: list, members: list, kinds: dict, order: dict) -> None:
    acronyms = [m for m in members if acronym_key(m)]
    counts = Counter(s.actor for s in group)
    name = acronyms[0] if len(acronyms) == 1 else min(members, key=lambda m: (-counts[m], order[m]))
    spelt = [kinds[m] for m in members if m not in acronyms]  # the kind the spelt-out names were given
    if spelt:  # an institution's kind, else what the spelt-out names were ("Trans-Pacific Partnership": other)
        kind = _kind(spelt) or sum(spelt, Counter()).most_common(1)[0][0]
    else:
        kind = _kind([kinds[m] for m in members])
    for s in group:
        s.actor, s.kind = name, kind or "organization"
        if isinstance(s.cluster, Person):
            s.cluster = None
