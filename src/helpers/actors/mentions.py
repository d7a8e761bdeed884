"""The public passes: `find_mentions(sentences)` and `headline_mentions(title, mentions)`."""
from __future__ import annotations

import re

import pandas as pd

from ..article import wire_dateline
from ..tables import COLUMNS, conform, empty
from .language import (
    Lexicon, SUFFIXES, _fold, _tokenize, dictionary_only, is_common, lexicon, mid_sentence_capitals,
)
from .spans import Span, _first_words, _match, _spans, capitalised_pairs
from .kinds import apply_organisation_evidence
from .people import _people
from .places import feature_places, place_uses
from .common_runs import class_acronyms, drop_common_runs
from .nonactors import drop_non_actors
from .name_variants import merge_variants
from .resolve import _resolve
from .pronouns import _mark_quoted_pronouns
from .person_nouns import mark_introductions


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


#: "percent of (the) X", "% of X", "per capita X", "per unit of X", "our/their/its X": a quantity, not an actor.
_MEASURED = re.compile(r"(?i:\b(?:(?:percent|%|share|unit|fraction|half|third|quarter) of(?: the| our| their| its)?"
                       r"|our|their|its|your|per capita))\s+([A-Z]{2,5})\b(?!['’]s)\s*(\S*)")


def _measured_acronyms(texts: list[str], lex: Lexicon) -> set:
    """Acronyms written as a quantity or a possession and not as a modifier ("10 percent of GDP",
    "per capita GDP in the state", "our GDP."): a measure such as GDP or CPI, never an actor. The
    next word must be punctuation or a function word ("our NATO allies" keeps NATO); gazetteer
    organisations keep theirs."""
    out = set()
    for text in texts:
        for m in _MEASURED.finditer(text):
            nxt = re.sub(r"\W+$", "", m.group(2)).lower()
            if (not nxt or nxt in lex.stop or not nxt[:1].isalpha()) and (m.group(1).lower(),) not in lex.phrases:
                out.add(m.group(1))
    return out


def _trim_fragments(spans_by_sent: list[list[Span]], texts: list[str], lex: Lexicon,
                    mid_caps: frozenset | None = None) -> None:
    """Drop everyday words glued before a name: "Say Trump", "Plus Obama", "Who Criticized Trump".

    A person span of two or more words loses its first word while that word is an everyday word (not a
    given name: an easy English word, one the article writes in lower case, or a verb form in -ed/-es)
    and the rest ends with a name the article uses on its own elsewhere
    (a surname of another full name, or a lone capitalised name). "New York Post" keeps its words:
    "Post" is no name of the article's. A dictionary word the article never capitalises mid-sentence
    (`language.dictionary_only`) goes too when a full name with a known given name follows
    ("Activist Angela Davis"); not before a lone surname ("Rucker Culpepper") or an initial.
    """
    lower = {w for text in texts for w in re.findall(r"\b[a-z][a-z'’-]+\b", text)}

    def everyday(word: str, rest: list[str]) -> bool:
        w = _fold(word)
        return w not in lex.given and w not in lex.org_words and (
            is_common(word, lex) or w in lower or (len(w) >= 6 and w.endswith(("ed", "ies", "es")))
            or (len(rest) >= 2 and _fold(rest[0]) in lex.given and word[1:].islower()
                and dictionary_only(w, mid_caps, lex)))

    alone = {_fold(s.names[0]) for spans in spans_by_sent for s in spans if s.type == "single"}
    surnames = {_fold(s.names[-1]) for spans in spans_by_sent for s in spans
                if s.type == "person" and len(s.names) >= 2 and not is_common(s.names[0], lex)}
    known = alone | surnames
    for k, spans in enumerate(spans_by_sent):
        for s in spans:
            if s.type != "person" or s.titles or s.honorific:
                continue
            while len(s.names) >= 2 and everyday(s.names[0], s.names[1:]) and _fold(s.names[-1]) in known:
                at = texts[k].find(s.names[1], s.start + len(s.names[0]))
                if at < 0:
                    break
                s.names = s.names[1:]
                s.i += 1
                s.start = at
            if len(s.names) == 1:
                s.type = "single"


def _listed(actor: str, lex: Lexicon) -> bool:
    """``actor`` is a name the lexicon lists ("NATO"), not a capitalised word read as an acronym
    ("OSLO" of a dateline); keyed as `language.lexicon` keys its phrases."""
    return tuple(_fold(t.text) for t in _tokenize(actor, split=False)) in lex.phrases


def dateline_length(first_sentence: str) -> int:
    """Characters of the wire dateline opening the body ("WASHINGTON — …" → 13), else 0 (`article.wire_dateline`)."""
    match = wire_dateline(first_sentence)
    return match.end() if match else 0


#: Paragraphs at the start of the body read for a wire dateline (an abstract or a dek may come first).
DATELINE_PARAGRAPHS = 3


def _paragraph_starts(sentences: pd.DataFrame, n: int) -> list[int]:
    """Indices of the first sentence of each of the first `DATELINE_PARAGRAPHS` paragraphs."""
    if "para_id" not in sentences:
        return [0] if n else []
    starts, seen = [], set()
    for k, para in enumerate(sentences["para_id"].tolist()):
        if para not in seen:
            seen.add(para)
            starts.append(k)
            if len(starts) == DATELINE_PARAGRAPHS:
                break
    return starts


def _drop_dateline(spans_by_sent: list, texts: list[str], candidates: list[int], lex: Lexicon) -> set:
    """Remove the mentions of a wire dateline ("WASHINGTON —", "OSKARNA, Valdoria —") that opens the
    first of the ``candidates`` sentences to hold one (a paragraph's first sentence near the body's
    start: "ABSTRACT … FULL TEXT. WASHINGTON - …"); its "(Agency)" credit goes too, but "NATO — the
    alliance said" keeps NATO. Returns the folded names of the dateline's town, a place wherever the
    article uses it."""
    for k in candidates:
        dateline = wire_dateline(texts[k])
        # after the first paragraph, a place of a few words, not a heading in capitals ("IOWA POLLS
        # NOT NECESSARILY WRONG, JUST TOO EARLY -")
        if dateline and (k == candidates[0] or len(texts[k][:dateline.end()].split()) <= 5):
            break
    else:
        return set()
    cut, credit = dateline.end(), dateline.start("agency")
    city_end = texts[k].find(",", 0, cut)
    city_end = cut if city_end < 0 else city_end
    places = {_fold(s.names[0]) for s in spans_by_sent[k]
              if s.type in ("single", "person") and s.start < city_end and s.names}
    for s in spans_by_sent[k]:  # the sentence starts after the dateline: "ROTTERDAM — Dock workers …"
        if s.start >= cut and not texts[k][cut:s.start].strip():
            s.sentence_start = True
    spans_by_sent[k] = [s for s in spans_by_sent[k]
                        if s.start >= cut or not ((s.type == "entity" and s.entry is not None
                                                   and (s.entry.kind in ("country", "metonym", "skip")
                                                        or not _listed(s.entry.actor, lex)))
                                                  or s.type in ("single", "person")
                                                  or 0 <= credit <= s.start)]
    return places


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
    pairs = capitalised_pairs(texts)
    spans_by_sent = [_spans(k, text, lex, user, pairs) for k, text in enumerate(texts)]
    article_places = _drop_dateline(spans_by_sent, texts, _paragraph_starts(sentences, len(texts)), lex)
    # an acronym the article also writes in the plural ("super PACs") is a common noun there, and so
    # is one it measures or owns ("percent of GDP", "our GDP." — not "our NATO allies")
    plural = class_acronyms(texts)[0] | _measured_acronyms(texts, lex)
    if plural:
        spans_by_sent = [[s for s in spans if not (s.type == "entity" and s.entry is not None
                                                   and s.entry.actor in plural and s.i + 1 == s.j)]
                         for spans in spans_by_sent]
    article_places |= feature_places(texts)  # "the Aegean Sea", "Naxos island", "Paros, a Cycladic island,"
    article_places |= place_uses(texts, lex.places)  # "lower Manhattan", "a grower from Skarby", "a Miami lawyer"
    # storms, court cases, titles of works, post residue, laws as modifiers, counted party members
    article_places |= drop_non_actors(spans_by_sent, texts, lex)
    mid_caps = mid_sentence_capitals(spans_by_sent)  # a name's sign that no dictionary overrules
    _trim_fragments(spans_by_sent, texts, lex, mid_caps)
    drop_common_runs(spans_by_sent, texts, lex)  # "Super PACs", "WE WIN", "IS AN EMERGENCY"
    all_spans = [s for spans in spans_by_sent for s in spans]
    people = _people(all_spans, lex)
    # words the article also writes in lower case are ordinary words when they start a sentence
    lowercase_words = frozenset(w for text in texts for w in re.findall(r"\b[a-z][a-z'’-]+\b", text))
    paras = sentences["para_id"].tolist() if "para_id" in sentences else [0] * len(texts)
    _mark_quoted_pronouns(spans_by_sent, texts, paras, people)
    mark_introductions(spans_by_sent, texts)  # "a Miami lawyer … the lawyer"
    _resolve(spans_by_sent, people, lex, user, lowercase_words, article_places, mid_caps)
    apply_organisation_evidence(spans_by_sent, texts)  # "shares of Quillfeed", "Quillfeed's founder"
    merge_variants(all_spans, texts)  # "EPA" and "Environmental Protection Agency"; "Acme" and "Acme Ltd"
    rows = []
    for s in all_spans:
        if (s.type in ("single", "anaphor") and not s.actor) or (s.type == "desc" and s.after_be) \
                or (s.noun_head and not s.actor):  # "the lawyer" of "a Miami lawyer": nobody named
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
