"""Who a rule edge comes from when its clause names no actor: a named speaker, a generic group or the article.

`framing.find_blame` takes the source of a cue from the quote it sits in, the subject of its clause
or the agent of a passive. When none of these names an actor, the sentence may still say who is
talking: "Democrats and the media are to blame, the Indiana governor said" (reported speech), or
"“They've got to answer us,” warns Ornstein" (the cue is the speech verb itself). Then:

1. **generic**: when the clause before the cue has a generic group for subject ("The experts
   generally praised …", "Critics blamed …", "Some state officials praised …", "the leaders who
   rebuked X": `GENERIC_GROUPS`), the source stays ``"narrator"`` with ``source_via`` "generic"
   (the group is the source, not the speaker who reports it: in "“People are pointing fingers at
   them,” Khan said" Khan blames no one), so such edges can be told apart from the article's voice;
2. **speaker**: else the speaker of the direct quote holding the cue; else the named speaker of a
   quote or reported speech of the same sentence (the
   ``quotes`` table; a speaker counts only when it is an actor of the mentions table), the one
   whose content holds the cue first, else the first one of the sentence; else an actor named in
   a speech frame after the cue ("Above all, Marsh is to blame for the delays, said Anna Weiss" or
   "…, Anna Weiss said");
3. **narrator**: else the article itself.

Rules over the quotes table and the clause text; no parser. Pure functions.
"""
from __future__ import annotations

import re

import pandas as pd

#: Plural or collective nouns that make a clause's subject an unnamed group (lower case).
GENERIC_GROUPS = (
    "critics", "experts", "analysts", "officials", "observers", "opponents", "supporters", "residents",
    "economists", "scientists", "researchers", "activists", "environmentalists", "academics", "lawmakers",
    "legislators", "politicians", "commentators", "campaigners", "advocates", "protesters", "protestors",
    "detractors", "skeptics", "sceptics", "conservatives", "liberals", "progressives", "regulators",
    "investors", "diplomats", "parents", "doctors", "voters", "people", "others", "many", "some",
    "everyone", "everybody", "groups", "leaders", "members", "workers", "unions", "democrats", "republicans",
)
#: A speech frame around a mention after the cue: ", said X" / ", X said" (the sentence is X's words).
_SAID_BEFORE = re.compile(r",\s*[\"\u201d]?\s*(?:said|says|added|adds|argued|told\s+\w+)\s+(?:the\s+)?$")
_SAID_AFTER = re.compile(r"\s+(?:said|says|added|adds|argued)\b")
_GENERIC = re.compile(r"\b(?:" + "|".join(GENERIC_GROUPS) + r")\b", re.I)


def sentence_speakers(quotes: pd.DataFrame | None, actors: set[str]) -> dict[int, list[tuple[int, int, str]]]:
    """sent_id → (start, end, speaker) of the quotes and reported speech in that sentence.

    ``start``/``end``: the content's character offsets in that sentence (the whole sentence for a
    middle sentence of a long quote). Only speakers that are one of ``actors`` are kept; rows in
    table order.
    """
    out: dict[int, list[tuple[int, int, str]]] = {}
    if quotes is None or len(quotes) == 0 or "speaker" not in quotes:
        return out
    for q in quotes.to_dict("records"):
        speaker = q.get("speaker")
        if not isinstance(speaker, str) or speaker not in actors:
            continue
        first = _int(q.get("sent_id"))
        ids = [_int(x) for x in re.findall(r"\d+", str(q.get("sent_ids") or ""))] or [first]
        ids = [i for i in ids if i is not None]
        for sid in ids:
            lo = _int(q.get("start"), 0) if sid == first else 0
            hi = _int(q.get("end"), 10**9) if sid == ids[-1] else 10**9
            out.setdefault(sid, []).append((lo, hi, speaker))
    return out


def fallback_source(flat: str, cue_start: int, clause_start: int, quote_speaker: str,
                    speakers: list[tuple[int, int, str]], mentions=()) -> tuple[str, str]:
    """(source, source_via) of a cue at ``cue_start`` whose clause names no actor (see the module docstring).

    ``flat``: the sentence text; ``clause_start``: where the cue's clause starts; ``quote_speaker``:
    the speaker of the direct quote holding the cue ("" if none); ``speakers``: the sentence's
    `sentence_speakers` rows; ``mentions``: the (start, end, actor) mentions the cue may take its
    source from, sorted. Returns ("narrator", "generic"), (speaker, "speaker") or ("narrator", "narrator").
    """
    if any(not any(a < g.end() and g.start() < b for a, b, _ in mentions)
           for g in _GENERIC.finditer(flat, clause_start, cue_start)):
        return "narrator", "generic"  # a group word that is not an actor's mention ("Democrats … are to blame")
    if quote_speaker:
        return quote_speaker, "speaker"
    holding = [s for lo, hi, s in speakers if lo <= cue_start < hi]
    if holding or speakers:
        return (holding or [s for _, _, s in speakers])[0], "speaker"
    for start, end, actor in mentions:
        if start > cue_start and (_SAID_BEFORE.search(flat, max(cue_start, start - 20), start)
                                  or _SAID_AFTER.match(flat, end)):
            return actor, "speaker"
    return "narrator", "narrator"


def _int(value, default=None):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
