"""Affiliations the text states between two actors: who speaks for, works for or is tied to whom.

`ties(sentences, mentions)` returns the unordered pairs of actors the article itself links by a
description, so that the blame stage does not read an affiliation as one actor praising another:

- a role in apposition: "Priya Raman, a spokeswoman for Corvella Energy", "Ola Dahl, the
  chief executive of Nordvatn" (a role word of ``ROLES`` before for/of/at/with);
- a role between the two names: "Corvella Energy spokeswoman Priya Raman", "Nordvatn's chief
  executive, Ola Dahl", "Ola Dahl, Nordvatn's chief executive";
- "X of Y" with nothing else between: "Priya Raman of Corvella Energy", "President Putin of Russia";
- a tie in apposition: "Vestra, a company tied to Halden Group", "owned by", "backed by",
  "affiliated with", "founded by", "run by" … (``TIE_WORDS``);
- an actor the actor finder named after an office: "Chief executive of Nordvatn" is tied to
  "Nordvatn" when that is an actor of the article.

Rules over the sentence text between two mentions (no parser): a tie the text states in another way
("Raman, who has worked for Corvella for a decade") is not found. Pure function of the tables.
"""
from __future__ import annotations

import re

import pandas as pd

from .text import mentions_by_sentence

#: Role words that tie a person to the body named after them (singular; a plural "s" is allowed).
ROLES = (
    "spokesperson", "spokeswoman", "spokesman", "spokespeople", "representative", "chief executive",
    "chief executive officer", "executive", "ceo", "cfo", "coo", "chairman", "chairwoman", "chair",
    "president", "vice president", "director", "head", "founder", "co-founder", "leader", "member",
    "official", "officer", "lawyer", "attorney", "counsel", "adviser", "advisor", "aide", "minister",
    "secretary", "manager", "employee", "staffer", "economist", "analyst", "researcher", "professor",
    "fellow", "partner", "owner", "ambassador", "envoy", "general", "commander", "chief", "deputy",
    "subsidiary", "unit", "affiliate", "arm", "branch", "division", "wing", "part",
)
#: Participles of a tie between two bodies or a body and a person ("a company tied to Y").
TIE_WORDS = (
    "tied", "linked", "connected", "affiliated", "allied", "aligned", "associated", "owned", "backed",
    "funded", "financed", "run", "founded", "controlled", "operated", "led", "chaired", "headed",
    "sponsored", "supported",
)

_ROLE = "(?:" + "|".join(re.escape(r).replace(r"\ ", r"\s+") for r in sorted(ROLES, key=len, reverse=True)) + ")s?"
_TIE = "(?:" + "|".join(TIE_WORDS) + ")"
_DET = r"(?:a|an|the|its|his|her|their|one|another|former|longtime|senior|top|chief)\s+"
#: Up to four modifier words inside a description; a clause word, a preposition or a verb form in
#: -ed/-ing ends the description ("…, who praised the head of Y" and "…'s praise of chief Y" tie no one).
_WORDS = (r"(?:(?!(?:who|whom|which|that|and|but|or|as|of|for|to|on|at|by|in|with|from|against|over|"
          r"said|says)\b)(?![\w'-]+(?:ed|ing)\b)[\w.'-]+\s+){0,4}?")
#: Text between the two mentions that states a tie (matched on straight-quoted text, case-insensitive).
_BETWEEN = [
    re.compile(rf"^,\s+(?:(?:{_DET})+{_WORDS})?{_ROLE}\s+(?:for|of|at|with|from|to|in)\s+(?:the\s+)?$", re.I),
    re.compile(rf"^,\s+(?:(?:{_DET})+{_WORDS})?{_TIE}\s+(?:to|with|by)\s+(?:the\s+)?$", re.I),
    re.compile(r"^\s+of\s+(?:the\s+)?$", re.I),
    re.compile(rf"^(?:'s?\s+{_WORDS}|\s+){_ROLE},?\s+$", re.I),
]
#: "Ola Dahl, Nordvatn's chief executive": a comma between, the role after the second name.
_COMMA = re.compile(r"^,\s+(?:the\s+)?$")
_ROLE_AFTER = re.compile(rf"^'s?\s+(?:{_WORDS})?{_ROLE}\b", re.I)
#: A preposition right before the first mention ("In Yemen, …"; "according to X, a spokeswoman …" is an apposition).
_PLACE_BEFORE = re.compile(r"\b(?:in|at|on|from|into|across|inside|outside|over|for|of|by|with|after|before|near|"
                           r"against|about|(?<!according )to)\s+(?:the\s+)?$", re.I)
_ADJACENT = re.compile(r"^(?:'s?)?\s+$")
_ROLE_LEAD = re.compile(rf"^{_ROLE}\s", re.I)
_OFFICE_OF = re.compile(r"^.+? of (?:the )?(.+)$")
_STRAIGHT = str.maketrans({"\u2019": "'", "\u2018": "'"})
#: The longest gap between two mentions that is read for a tie (characters).
MAX_GAP = 80


def ties(sentences: pd.DataFrame, mentions: pd.DataFrame) -> frozenset[frozenset[str]]:
    """Unordered pairs {actor, actor} the article ties by a description (see the module docstring).

    ``sentences``: the sentences table (sent_id, text); ``mentions``: the mentions table (actor,
    sent_id, start, end; unresolved mentions, actor "", are ignored). Empty inputs give no ties.
    """
    if sentences is None or len(sentences) == 0 or mentions is None or len(mentions) == 0:
        return frozenset()
    by_sent = mentions_by_sentence(mentions)
    found: set[frozenset[str]] = set()
    for sid, sent_text in zip(sentences["sent_id"], sentences["text"]):
        flat = str(sent_text).translate(_STRAIGHT)
        ments = sorted((int(a), int(b), str(actor)) for a, b, actor in by_sent.get(int(sid), ())
                       if isinstance(actor, str) and actor)
        for (a1, b1, x), (a2, b2, y) in zip(ments, ments[1:]):
            gap = flat[b1:a2]
            if gap.startswith(",") and _PLACE_BEFORE.search(flat, max(0, a1 - 16), a1):
                continue  # "In Yemen, a coalition led by Saudi Arabia …": a fronted phrase, not an apposition
            if x != y and 0 <= a2 - b1 <= MAX_GAP and _tied(gap, flat[a2:b2], flat[b2:b2 + 40]):
                found.add(frozenset((x, y)))
    names = {str(a) for a in mentions["actor"] if isinstance(a, str) and a}
    for name in names:
        office = _OFFICE_OF.match(name)
        if office and office.group(1) in names and office.group(1) != name:
            found.add(frozenset((name, office.group(1))))
    return frozenset(found)


def _tied(gap: str, second: str, after: str) -> bool:
    """True when the text ``gap`` between two mentions (the ``second`` one's surface, the text
    ``after`` it) states a tie."""
    if any(p.match(gap) for p in _BETWEEN):
        return True
    if _ADJACENT.match(gap) and _ROLE_LEAD.match(second):
        return True  # "Corvella Energy spokeswoman Priya Raman": the role is part of the person's mention
    return bool(_COMMA.match(gap) and _ROLE_AFTER.match(after))
