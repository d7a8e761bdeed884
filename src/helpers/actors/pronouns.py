"""Pronouns: quoted speakers, gender and number agreement, and the antecedent search (Hobbs-style)."""
from __future__ import annotations

from .language import _fold
from .spans import Span
from .people import Person, _gender


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
    if s.gender == "p" and s.own_plural:
        return None  # "Farmers in the Rilla valley say they …": the farmers, no mention
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
