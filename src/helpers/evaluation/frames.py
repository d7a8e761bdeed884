"""Check the generic-frame answers and the blame edges against the Narrative Frames Corpus.

The corpus (Frermann et al. 2023; MIT) has climate-change articles with five binary frame labels
aggregated over annotators (``articles.tsv``: RE resolution, HI human interest, CO conflict, MO moral,
EC economic) and, per article, entities with a narrative role hero / villain / victim
(``roles.tsv``). Its codebook adapts the Semetko & Valkenburg (2000) questions, so four frames map
one to one; the fifth does not quite:

=====  ==========================  ==================================================================
label  our frame                   note
=====  ==========================  ==================================================================
RE     responsibility              corpus "Resolution" (questions: solution suggested, urgent action)
                                   vs S&V "attribution of responsibility" (government can alleviate,
                                   government responsible, solutions, individual responsible, urgency):
                                   shares S&V Q3 (solutions) and Q5 (urgency) only
HI     human_interest              same questions (S&V Q6–Q9; Q10 pictures not applicable to text)
CO     conflict                    same questions (S&V Q11–Q14)
MO     morality                    same questions (S&V Q15–Q17)
EC     economic                    same questions (S&V Q18–Q20)
=====  ==========================  ==================================================================

A frame counts as present when its score (share of "yes" answers, `framing.frame_scores`) is at
least `THRESHOLD` = 0.4, fixed before looking at the corpus (two of five questions; two of three or
four). Per frame we report accuracy, F1 of "present", Cohen's kappa and the ROC AUC of the score
(threshold-free). The whole file is a development set: nothing is fitted on it.

Villains: each article's text is split into sentences, the annotated entity strings (all roles;
pronoun-only strings such as "they" left out) are found in them as mentions (longest match first,
case-insensitive) and `framing.find_blame` runs on those. An entity is "blamed" when it (or a
longer/shorter variant of it in the same article) is the target of a non-negated blame or
criticism edge. ``villain_blamed_share`` is the share of (article, villain entity) pairs blamed;
the same share for heroes and victims is the contrast a reader needs (blame should hit villains
more often). Quotes come from `attribution.find_quotes` when it finds any, else from the quote
marks themselves (framing's fallback).

References: Frermann, L., Li, J., Khanehzar, S. & Mikolajczak, G. (2023). Conflicts, Villains,
Resolutions: Towards models of Narrative Media Framing. ACL. Semetko, H. A. & Valkenburg, P. M.
(2000). Framing European politics. Journal of Communication 50(2), 93–109.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from .. import framing, resources
from ..errors import InputError
from ..tables import COLUMNS, empty

#: Corpus label → our frame name.
FRAME_MAP = {"RE": "responsibility", "HI": "human_interest", "CO": "conflict", "MO": "morality", "EC": "economic"}
#: A frame is "present" when its score is at least this (fixed a priori, not tuned).
THRESHOLD = 0.4
#: Relations that count as blaming an entity (non-negated edges only).
BLAME_RELATIONS = ("blame", "criticism")
_PRONOUNS = frozenset("he she they it we them him her us i you this that these those his its their our".split())


def read_corpus(path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``articles.tsv`` and ``roles.tsv`` of the folder ``path``; InputError if either is missing."""
    folder = Path(path)
    frames = []
    for name in ("articles.tsv", "roles.tsv"):
        file = folder / name
        if not file.exists():
            raise InputError(str(file), "not found (expected the Narrative Frames folder with articles.tsv and roles.tsv)")
        frames.append(pd.read_csv(file, sep="\t"))
    return frames[0], frames[1]


def article_sentences(text: str) -> pd.DataFrame:
    """Sentences table of one corpus article (its text is a single paragraph)."""
    text = str(text)
    rows = [(i, 0, a, b, text[a:b]) for i, (a, b) in enumerate(resources.split_sentences(text))]
    if not rows:
        return empty("sentences")
    return pd.DataFrame(rows, columns=COLUMNS["sentences"])


def entity_mentions(sentences: pd.DataFrame, entities: list[str]) -> pd.DataFrame:
    """Mentions of the given entity strings (actor = the string), longest first, no overlaps."""
    names = sorted({e.strip() for e in entities if isinstance(e, str) and e.strip() and e.strip().lower() not in _PRONOUNS},
                   key=len, reverse=True)
    rows = []
    for sent in sentences.itertuples(index=False):
        taken: list[tuple[int, int]] = []
        for name in names:
            for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", sent.text, re.I):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    taken.append((m.start(), m.end()))
                    rows.append((name, int(sent.sent_id), m.start(), m.end(), m.group(0), "name"))
    if not rows:
        return empty("mentions")
    return pd.DataFrame(rows, columns=COLUMNS["mentions"]).sort_values(["sent_id", "start"]).reset_index(drop=True)


def _quotes(sentences, mentions):
    try:
        from .. import attribution

        return attribution.find_quotes(sentences, mentions)
    except Exception:  # the attribution stage is optional here: framing falls back on quote marks
        return empty("quotes")


def _pipeline_mentions(sentences):
    from .. import actors

    return actors.find_mentions(sentences)


def _blamed(entity: str, targets: set[str]) -> bool:
    e = entity.strip().lower()
    return any(t and (t == e or t in e or e in t) for t in targets)


def _kappa(y, p) -> float:
    y, p = np.asarray(y, bool), np.asarray(p, bool)
    po = float(np.mean(y == p))
    pe = float(np.mean(y) * np.mean(p) + np.mean(~y) * np.mean(~p))
    return 0.0 if pe == 1 else (po - pe) / (1 - pe)


def _f1(y, p) -> float:
    y, p = np.asarray(y, bool), np.asarray(p, bool)
    tp = int(np.sum(y & p))
    denom = int(np.sum(y)) + int(np.sum(p))
    return 2 * tp / denom if denom else 0.0


def _auc(y, s) -> float | None:
    y, s = np.asarray(y, bool), np.asarray(s, float)
    pos, neg = s[y], s[~y]
    if not len(pos) or not len(neg):
        return None
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def score_articles(articles: pd.DataFrame, roles: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per-article frame scores, and per (article, entity, role) whether blame targets it."""
    score_rows, entity_rows = [], []
    for art in articles.itertuples(index=False):
        sents = article_sentences(art.text)
        ents = roles[roles["ID"] == art.ID]
        gold_ments = entity_mentions(sents, ents["entity"].tolist())
        quotes = _quotes(sents, gold_ments)
        edges = framing.find_blame(sents, gold_ments, quotes)
        hit = edges[edges["relation"].isin(BLAME_RELATIONS) & ~edges["negated"].astype(bool)]
        targets = {str(t).lower() for t in hit["target"]}
        resp = edges[edges["relation"].isin(BLAME_RELATIONS + ("responsibility",)) & ~edges["negated"].astype(bool)]
        resp_targets = {str(t).lower() for t in resp["target"]}
        for ent in ents.drop_duplicates(["entity", "role"]).itertuples(index=False):
            if str(ent.entity).strip().lower() in _PRONOUNS:
                continue
            entity_rows.append({"ID": art.ID, "entity": ent.entity, "role": ent.role,
                                "found": bool((gold_ments["actor"] == str(ent.entity).strip()).any()),
                                "blamed": _blamed(ent.entity, targets), "blamed_or_responsible": _blamed(ent.entity, resp_targets)})
        ments = _pipeline_mentions(sents)
        table = framing.frames(sents, ments, _quotes(sents, ments))
        scores = framing.frame_scores(table).set_index("frame")["score"]
        row = {"ID": art.ID}
        for label, name in FRAME_MAP.items():
            row[f"{label}_gold"] = bool(getattr(art, label))
            row[f"{label}_score"] = float(scores[name])
        score_rows.append(row)
    return pd.DataFrame(score_rows), pd.DataFrame(entity_rows)


def evaluate(path) -> tuple[dict, pd.DataFrame]:
    """Metrics (the JSON of the contract) and a readable table, on the folder ``path``.

    JSON: ``{"task": "frames", "n": articles, "threshold": 0.4, "agreement": {label: {"frame",
    "accuracy", "f1", "kappa", "auc", "gold_rate", "pred_rate"}}, "villain_blamed_share": …,
    "hero_blamed_share": …, "victim_blamed_share": …, "villains": n}``.
    """
    articles, roles = read_corpus(path)
    scores, entities = score_articles(articles, roles)
    agreement, rows = {}, []
    for label, name in FRAME_MAP.items():
        y = scores[f"{label}_gold"].to_numpy(bool)
        s = scores[f"{label}_score"].to_numpy(float)
        p = s >= THRESHOLD
        auc = _auc(y, s)
        agreement[label] = {
            "frame": name, "accuracy": round(float(np.mean(y == p)), 4), "f1": round(_f1(y, p), 4),
            "kappa": round(_kappa(y, p), 4), "auc": None if auc is None else round(auc, 4),
            "gold_rate": round(float(np.mean(y)), 4), "pred_rate": round(float(np.mean(p)), 4),
        }
        rows.append({"item": f"{label} ↔ {name}", "n": len(y), **{k: v for k, v in agreement[label].items() if k != "frame"}})
    shares = {}
    for role in ("villain", "hero", "victim"):
        part = entities[entities["role"] == role] if len(entities) else entities
        share = float(part["blamed"].mean()) if len(part) else None
        shares[role] = share
        rows.append({"item": f"{role}s blamed (blame/criticism target)", "n": len(part),
                     "share": None if share is None else round(share, 4)})
        if len(part):
            rows.append({"item": f"{role}s blamed or held responsible", "n": len(part),
                         "share": round(float(part["blamed_or_responsible"].mean()), 4)})
            rows.append({"item": f"{role}s found in text", "n": len(part), "share": round(float(part["found"].mean()), 4)})
    metrics = {
        "task": "frames",
        "n": int(len(articles)),
        "threshold": THRESHOLD,
        "agreement": agreement,
        "villain_blamed_share": None if shares["villain"] is None else round(shares["villain"], 4),
        "hero_blamed_share": None if shares["hero"] is None else round(shares["hero"], 4),
        "victim_blamed_share": None if shares["victim"] is None else round(shares["victim"], 4),
        "villains": int((entities["role"] == "villain").sum()) if len(entities) else 0,
    }
    return metrics, pd.DataFrame(rows)
