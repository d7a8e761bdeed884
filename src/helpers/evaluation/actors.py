"""The actor finder, the sentence splitter, the reader's headline and the quote speakers on real
articles: ``python -m helpers evaluate actors DIR [--json]``.

DIR holds one gold JSON per article (``data/gold/actors/dev``, ``…/test``, or their parent: every
``*.json`` below DIR is read). The annotation rules and the JSON format are in
``docs/annotation-actors.md``; the gold keeps offsets into the raw text only, and the raw texts are
read from ``../shared/data`` (``$HELPERS_SHARED_DATA``): PolNeAR files by path, Narrative Frames
rows of ``narrative_frames/articles.tsv`` by ID. A text that is missing, or whose SHA-256 differs
from the gold's, is listed and left out; the others are scored.

Each article is read with `article.load_article` (raw text as given), split with
`text.sentences`, its mentions found with `actors.find_mentions` (plus `actors.headline_mentions`
for the headline) and its quotes with `attribution.find_quotes`. Body offsets are mapped back to
raw offsets with `text.RawMap`.

Scored mentions: the gold marks names, titles ("the president"), he/she pronouns and demonyms.
Predicted mentions are scored when they have an actor, or when they are an unresolved he/she
pronoun (a detection without an actor); "they/them/their" and "it" are not annotated and not
scored.

Definitions (all micro-averaged over the articles):

- **Actor alignment.** Per article, predicted actors are paired one to one with gold actors so
  that the number of (predicted mention, gold mention) pairs with overlapping spans and paired
  actors is largest (Hungarian assignment on the overlap counts; a pair needs at least one
  overlapping mention).
- **Mention precision / recall.** A predicted mention *matches* a gold mention when their raw
  spans overlap and the predicted mention's actor is paired with the gold mention's actor; each
  mention matches at most once. precision = matched / predicted, recall = matched / gold.
- **Detection precision / recall** (span only): the same with any actor (and unresolved
  pronouns) allowed.
- **B³ F1** (Bagga & Baldwin 1998) over the span-matched mentions: each has a gold cluster (its
  gold actor) and a predicted cluster (its predicted actor; an unresolved pronoun is a cluster of
  its own). Per mention, precision = |pred ∩ gold| / |pred|, recall = |pred ∩ gold| / |gold|,
  averaged over the mentions of all articles; F1 = harmonic mean.
- **Kind accuracy**: share of paired actors whose predicted kind equals the gold kind.
- **Title accuracy**: share of articles whose headline equals the gold one after whitespace is
  normalised (no headline in the gold = an empty predicted headline; a gold headline that spans
  the headline and the line under it is right when it equals headline + dek). Byline accuracy likewise.
- **Sentence boundaries**: predicted sentence ends inside the gold body (furniture left out) that
  no gold end matches are *false splits*; gold ends no predicted end matches are *missed
  splits* (two ends match when only whitespace, quotation marks or brackets lie between them).
  ``abbreviation_splits`` counts the false splits right after a dotted abbreviation ("C.I.A.",
  "Sen.") or a party–state tag ("(D-Pa.)").
- **Speaker accuracy**: share of gold quotes whose speaker is right. The predicted quote is the
  direct quote whose content overlaps the gold quote most; right when its speaker is an actor
  paired with the gold speaker, or — for a gold speaker that is not an actor (null) — when its
  speaker is not an actor at all. A gold quote with no predicted quote counts as wrong
  (``quote_recall`` gives the share found). ``speaker_accuracy_any`` / ``quote_recall_any`` do the
  same with every row of the quotes table (reported speech that carries a partial quotation, "X
  called it "a disaster"", too), direct quotes first among equals.

Reference: Bagga, A. & Baldwin, B. (1998). Algorithms for scoring coreference chains. LREC workshop.
"""
from __future__ import annotations

import csv
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import InputError

#: Pronouns the gold annotates; predicted pronouns outside this set are not scored.
SCORED_PRONOUNS = frozenset("he him his himself she her hers herself".split())
#: Where the PolNeAR texts come from (they are the publishers' and may not ship with the project).
POLNEAR_HINT = ("PolNeAR (Newell, Margolin & Ruths 2018): put its train/ and dev/ folders under data/polnear/ "
                "(python -m helpers data status says where it comes from)")
NARRATIVE_HINT = "Narrative Frames (Frermann et al. 2023, MIT): data/narrative_frames/articles.tsv (shipped)"
_BETWEEN_ENDS = re.compile(r"[\s\"“”’'‘)\]»]*")
_ABBREV_BEFORE = re.compile(r"(?:\b(?:[A-Za-z]\.){2,}|\b(?P<word>[A-Za-z]{1,5})\.|\([A-Z]-[A-Z][A-Za-z.]*\.?\))$")


def _after_abbreviation(before: str) -> bool:
    """``before`` ends with a dotted acronym ("C.I.A."), a party–state tag ("(D-Pa.)") or a short form of
    `resources.ABBREVIATIONS` ("Sen.", "Calif.")."""
    from ..resources import ABBREVIATIONS

    m = _ABBREV_BEFORE.search(before)
    return bool(m) and (m.group("word") is None or m.group("word").lower() in ABBREVIATIONS)


def shared_data() -> Path:
    from ..paths import SHARED_DATA

    return SHARED_DATA


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def read_gold(path) -> list[dict]:
    """Every gold JSON under ``path`` (a file or folder), sorted by doc_id."""
    path = Path(path)
    files = [path] if path.is_file() else sorted(path.rglob("*.json"))
    docs = []
    for f in files:
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
        except ValueError as err:
            raise InputError(str(f), f"not JSON ({err})") from err
        if not isinstance(doc, dict) or "doc_id" not in doc or "mentions" not in doc:
            raise InputError(str(f), "not an actor gold file (no doc_id/mentions)")
        docs.append(doc)
    if not docs:
        raise InputError(str(path), "no gold .json files here")
    return sorted(docs, key=lambda d: d["doc_id"])


_NF_CACHE: dict = {}


def raw_text(source: str, root: Path | None = None) -> str | None:
    """The raw text a gold file's ``source`` names, or None when it is not there."""
    if root is None:  # the project's data/ first, then ../shared/data/ (helpers.paths.data_path)
        from ..paths import data_path

        root = data_path(source.split("/", 1)[0]).parent
    root = Path(root)
    if "#" in source:
        rel, doc = source.split("#", 1)
        table = root / rel
        if not table.is_file():
            return None
        key = str(table)
        if key not in _NF_CACHE:
            csv.field_size_limit(2**31 - 1)
            with open(table, encoding="utf-8", newline="") as fh:
                _NF_CACHE[key] = {r["ID"]: r["text"] for r in csv.DictReader(fh, delimiter="\t")}
        return _NF_CACHE[key].get(doc)
    path = root / source
    if not path.is_file():
        return None
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


# ---------------------------------------------------------------------------------------------
# The prediction, in raw offsets
# ---------------------------------------------------------------------------------------------


@dataclass
class Prediction:
    title: str
    byline: str
    dek: str = ""
    mentions: list = field(default_factory=list)  # (start, end, actor or "", kind, via, surface)
    sentence_ends: list = field(default_factory=list)
    quotes: list = field(default_factory=list)  # (start, end, speaker, speaker_is_actor): direct quotes
    attributions: list = field(default_factory=list)  # the same for every row of the quotes table
    unmapped: int = 0


def predict(raw: str) -> Prediction:
    """Run the reader, the sentence splitter, the actor finder and the quote finder on ``raw``."""
    from .. import actors, attribution, text
    from ..article import load_article

    article = load_article(raw)
    sents = text.sentences(article)
    mentions = actors.find_mentions(sents)
    quotes = attribution.find_quotes(sents, mentions)
    rmap = text.RawMap(raw, article)
    pred = Prediction(article.title, article.byline, article.dek)
    starts = dict(zip(sents["sent_id"], sents["start"]))
    for s_start, s_end in zip(sents["start"], sents["end"]):
        span = rmap.body_span(int(s_start), int(s_end))
        if span is None:
            pred.unmapped += 1
        else:
            pred.sentence_ends.append(span[1])
    kinds = mentions["kind"].tolist() if "kind" in mentions else [""] * len(mentions)
    for actor, sid, a, b, surface, via, kind in zip(mentions["actor"], mentions["sent_id"], mentions["start"],
                                                     mentions["end"], mentions["surface"], mentions["via"], kinds):
        actor = actor if isinstance(actor, str) else ""
        if via == "pronoun" and str(surface).lower() not in SCORED_PRONOUNS:
            continue
        if not actor and via != "pronoun":
            continue
        span = rmap.body_span(starts[sid] + int(a), starts[sid] + int(b))
        if span is None:
            pred.unmapped += 1
            continue
        pred.mentions.append((span[0], span[1], actor, kind if isinstance(kind, str) else "", via, surface))
    for row in actors.headline_mentions(article.title, mentions).itertuples():
        span = rmap.title_span(int(row.start), int(row.end))
        if span is not None:
            pred.mentions.append((span[0], span[1], row.actor, row.kind, row.via, row.surface))
    names = {m[2] for m in pred.mentions if m[2]} | set(mentions["actor"].dropna().astype(str)) - {""}
    last_ids = quotes["sent_ids"].astype(str).str.split("|").str[-1] if len(quotes) else []
    for q, last in zip(quotes.itertuples(), last_ids):
        span = rmap.body_span(starts[q.sent_id] + int(q.start), starts[int(last)] + int(q.end))
        if span is None:
            continue
        speaker = q.speaker if isinstance(q.speaker, str) else ""
        row = (span[0], span[1], speaker, speaker in names)
        pred.attributions.append(row)
        if q.direct:
            pred.quotes.append(row)
    return pred


# ---------------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------------


def _overlap(a0, a1, b0, b1) -> bool:
    return a0 < b1 and b0 < a1


def _pairs(pred: list, gold: list) -> list[tuple[int, int]]:
    """All (predicted index, gold index) pairs with overlapping spans."""
    out = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            if _overlap(p[0], p[1], g["start"], g["end"]):
                out.append((i, j))
    return out


def _match(pairs: list[tuple[int, int]], ok) -> list[tuple[int, int]]:
    """One-to-one matching of overlapping pairs that satisfy ``ok`` (greedy in reading order)."""
    used_p, used_g, out = set(), set(), []
    for i, j in pairs:
        if i not in used_p and j not in used_g and ok(i, j):
            used_p.add(i)
            used_g.add(j)
            out.append((i, j))
    return out


def align_actors(pred: list, gold: list, pairs: list[tuple[int, int]]) -> dict:
    """Predicted actor name → gold actor id, one to one, maximising overlapping mention pairs."""
    from scipy.optimize import linear_sum_assignment

    p_names = sorted({pred[i][2] for i, _ in pairs if pred[i][2]})
    g_ids = sorted({gold[j]["actor"] for _, j in pairs})
    if not p_names or not g_ids:
        return {}
    counts = np.zeros((len(p_names), len(g_ids)))
    pi = {n: k for k, n in enumerate(p_names)}
    gi = {n: k for k, n in enumerate(g_ids)}
    for i, j in pairs:
        if pred[i][2]:
            counts[pi[pred[i][2]], gi[gold[j]["actor"]]] += 1
    rows, cols = linear_sum_assignment(-counts)
    return {p_names[r]: g_ids[c] for r, c in zip(rows, cols) if counts[r, c] > 0}


def b_cubed(items: list[tuple[str, str]]) -> tuple[float, float, int]:
    """Sums of per-item B³ precision and recall over ``(gold cluster, predicted cluster)`` items, and their count."""
    p_sum = r_sum = 0.0
    for g, p in items:
        same = sum(1 for g2, p2 in items if g2 == g and p2 == p)
        p_sum += same / sum(1 for _, p2 in items if p2 == p)
        r_sum += same / sum(1 for g2, _ in items if g2 == g)
    return p_sum, r_sum, len(items)


def _ends_match(raw: str, a: int, b: int) -> bool:
    lo, hi = min(a, b), max(a, b)
    return _BETWEEN_ENDS.fullmatch(raw[lo:hi]) is not None


def score_document(doc: dict, raw: str, pred: Prediction) -> dict:
    """Counts for one article (summed over articles by `evaluate`)."""
    gold_m = sorted(doc["mentions"], key=lambda m: (m["start"], m["end"]))
    gold_kind = {a["id"]: a["kind"] for a in doc["actors"]}
    pm = sorted(pred.mentions)
    pairs = _pairs(pm, gold_m)
    amap = align_actors(pm, gold_m, pairs)
    matched = _match(pairs, lambda i, j: amap.get(pm[i][2]) == gold_m[j]["actor"])
    detected = _match(pairs, lambda i, j: True)
    items = [(gold_m[j]["actor"], pm[i][2] or f"#unresolved{i}") for i, j in detected]
    bp, br, bn = b_cubed(items)
    pred_kind = {}
    for m in pm:
        if m[2] and m[3]:
            pred_kind.setdefault(m[2], m[3])
    kinds_right = sum(1 for p, g in amap.items() if pred_kind.get(p) == gold_kind.get(g))
    # sentences
    body = doc.get("body") or {"start": 0, "end": len(raw)}
    furn = [(f["start"], f["end"]) for f in doc.get("furniture") or []]
    gold_ends = sorted(doc.get("sentence_ends") or [])
    pred_ends = [e for e in pred.sentence_ends
                 if body["start"] < e <= body["end"] + 1 and not any(a <= e - 1 < b for a, b in furn)]
    false_splits = [e for e in pred_ends if not any(_ends_match(raw, e, g) for g in gold_ends)]
    missed = [g for g in gold_ends if not any(_ends_match(raw, e, g) for e in pred_ends)]
    abbrev = [e for e in false_splits if _after_abbreviation(raw[max(0, e - 20):e].rstrip("\"”’' "))]
    # quotes
    def speakers(candidates):
        right = found = 0
        for q in doc.get("quotes") or []:
            best, best_len = None, 0
            for p in candidates:
                ov = min(p[1], q["end"]) - max(p[0], q["start"])
                if ov > best_len:
                    best, best_len = p, ov
            if best is None:
                continue
            found += 1
            if q.get("speaker"):
                right += int(best[3] and amap.get(best[2]) == q["speaker"])
            else:
                right += int(not best[3])
        return right, found

    right, found = speakers(pred.quotes)
    right_any, found_any = speakers(pred.quotes + [a for a in pred.attributions if a not in pred.quotes])
    gold_title = (doc.get("title") or {}).get("text") if doc.get("title") else ""
    gold_byline = (doc.get("byline") or {}).get("text") if doc.get("byline") else ""
    return {
        "doc_id": doc["doc_id"], "outlet": doc.get("outlet", ""),
        "gold_mentions": len(gold_m), "pred_mentions": len(pm), "matched": len(matched), "detected": len(detected),
        "b3_p": bp, "b3_r": br, "b3_n": bn,
        "gold_actors": len(doc["actors"]), "paired_actors": len(amap), "kinds_right": kinds_right,
        "title_right": int(_norm(gold_title) in (_norm(pred.title), _norm(f"{pred.title} {pred.dek}"))),
        "byline_right": int(_norm(gold_byline) == _norm(pred.byline)),
        "gold_ends": len(gold_ends), "false_splits": len(false_splits), "missed_splits": len(missed),
        "abbreviation_splits": len(abbrev),
        "gold_quotes": len(doc.get("quotes") or []), "quotes_found": found, "speakers_right": right,
        "quotes_found_any": found_any, "speakers_right_any": right_any,
    }


def _ratio(a, b) -> float:
    return float(a) / b if b else float("nan")


def summarize(rows: list[dict]) -> dict:
    """Micro-averaged metrics from per-article counts."""
    t = {k: sum(r[k] for r in rows) for k in rows[0] if k not in ("doc_id", "outlet")} if rows else {}
    if not rows:
        return {}
    p, r = _ratio(t["matched"], t["pred_mentions"]), _ratio(t["matched"], t["gold_mentions"])
    bp, br = _ratio(t["b3_p"], t["b3_n"]), _ratio(t["b3_r"], t["b3_n"])
    f1 = lambda a, b: 2 * a * b / (a + b) if a + b else 0.0  # noqa: E731
    return {
        "mention_precision": p, "mention_recall": r, "mention_f1": f1(p, r),
        "detection_precision": _ratio(t["detected"], t["pred_mentions"]),
        "detection_recall": _ratio(t["detected"], t["gold_mentions"]),
        "b3_precision": bp, "b3_recall": br, "b3_f1": f1(bp, br),
        "kind_accuracy": _ratio(t["kinds_right"], t["paired_actors"]),
        "title_accuracy": _ratio(t["title_right"], len(rows)),
        "byline_accuracy": _ratio(t["byline_right"], len(rows)),
        "false_splits": t["false_splits"], "missed_splits": t["missed_splits"],
        "abbreviation_splits": t["abbreviation_splits"], "gold_sentences": t["gold_ends"],
        "speaker_accuracy": _ratio(t["speakers_right"], t["gold_quotes"]),
        "quote_recall": _ratio(t["quotes_found"], t["gold_quotes"]),
        "speaker_accuracy_any": _ratio(t["speakers_right_any"], t["gold_quotes"]),
        "quote_recall_any": _ratio(t["quotes_found_any"], t["gold_quotes"]),
        "gold_mentions": t["gold_mentions"], "gold_actors": t["gold_actors"], "gold_quotes": t["gold_quotes"],
    }


def evaluate(path, root: Path | None = None) -> tuple[dict, pd.DataFrame]:
    """``(metrics, table)``: metrics as in the module docstring (0 … 1, higher = better, except the
    split counts: lower = better); the table has one row per scored article."""
    docs = read_gold(path)
    rows, missing = [], []
    for doc in docs:
        raw = raw_text(doc["source"], root)
        if raw is None or hashlib.sha256(raw.encode("utf-8")).hexdigest() != doc.get("text_sha256", ""):
            missing.append((doc["doc_id"], doc.get("corpus", ""), "missing" if raw is None else "different text"))
            continue
        rows.append(score_document(doc, raw, predict(raw)))
    metrics = {"task": "actors", "n": len(rows), "missing": len(missing), **summarize(rows)}
    if missing:
        corpora = sorted({c for _, c, _ in missing})
        where = "; ".join(POLNEAR_HINT if c == "polnear" else NARRATIVE_HINT for c in corpora)
        metrics["missing_texts"] = [f"{d} ({why})" for d, _, why in missing]
        import sys

        print(f"warning: {len(missing)} of {len(docs)} gold texts not found or different, left out: "
              f"{', '.join(d for d, _, _ in missing)}. Get them from {where}", file=sys.stderr)
    if not rows:
        raise InputError(str(path), "none of the gold texts is available (see the warning above)")
    table = pd.DataFrame(rows)
    table["P"] = table["matched"] / table["pred_mentions"].where(table["pred_mentions"] > 0)
    table["R"] = table["matched"] / table["gold_mentions"].where(table["gold_mentions"] > 0)
    table = table[["doc_id", "gold_mentions", "pred_mentions", "matched", "P", "R", "title_right",
                   "false_splits", "missed_splits", "gold_quotes", "speakers_right"]].round(3)
    return metrics, table
