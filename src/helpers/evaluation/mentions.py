"""Recall of actor mentions on NewsMTSC: ``python -m helpers evaluate mentions FILE.jsonl``.

NewsMTSC (Hamborg & Donnay, EACL 2021) marks one target per row (``from``/``to`` character offsets,
end exclusive, in ``sentence``): names, titled names and pronouns such as "He". We run
`helpers.actors.find_mentions` on the sentence alone (a one-sentence sentences table) and count a
gold target as found when any detected mention (resolved or not) overlaps its span. The metric is
recall only: NewsMTSC does not mark every actor of a sentence, so precision cannot be measured here.

References: Hamborg, F. & Donnay, K. (2021). NewsMTSC: A Dataset for (Multi-)Target-dependent
Sentiment Classification in Political News Articles. EACL.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from ..actors import find_mentions
from ..errors import InputError

PRONOUNS = frozenset("he him his himself she her hers herself they them their themselves".split())


def _category(mention: str) -> str:
    """Kind of gold target, for the breakdown: pronoun, other pronoun, name, or description."""
    low = mention.strip().lower()
    if low in PRONOUNS:
        return "pronoun"
    if low in {"it", "its", "we", "us", "our", "i", "me", "my", "myself", "you", "your", "this"}:
        return "other pronoun"
    if mention[:1].isupper() or mention.strip("\"“ •")[:1].isupper():
        return "name"
    return "description"


def read_rows(path) -> list[dict]:
    """The rows of a NewsMTSC .jsonl file (sentence, from, to, mention, polarity)."""
    rows = []
    for line_no, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            rows.append({"sentence": row["sentence"], "from": int(row["from"]), "to": int(row["to"]),
                         "mention": row.get("mention", row["sentence"][int(row["from"]):int(row["to"])])})
        except (ValueError, KeyError) as err:
            raise InputError(str(path), f"line {line_no} is not a NewsMTSC row ({err})") from err
    return rows


def hits(rows: list[dict]) -> pd.DataFrame:
    """One row per gold target: mention, category, found (bool) and the overlapping detected surface."""
    out = []
    cache: dict[str, pd.DataFrame] = {}
    for row in rows:
        sentence = row["sentence"]
        if sentence not in cache:
            frame = pd.DataFrame({"sent_id": [0], "para_id": [0], "start": [0], "end": [len(sentence)],
                                  "text": [sentence]})
            cache[sentence] = find_mentions(frame)
        found = cache[sentence]
        overlap = found[(found["start"] < row["to"]) & (found["end"] > row["from"])]
        out.append({
            "mention": row["mention"],
            "category": _category(row["mention"]),
            "found": not overlap.empty,
            "detected": overlap["surface"].iloc[0] if not overlap.empty else "",
            "actor": overlap["actor"].iloc[0] if not overlap.empty else "",
        })
    return pd.DataFrame(out, columns=["mention", "category", "found", "detected", "actor"])


def evaluate(path) -> tuple[dict, pd.DataFrame]:
    """``({"task": "mentions", "n", "recall"}, table)``: the share of gold targets a mention overlaps.

    ``recall`` is 0 … 1, higher = more targets found. The table gives recall per category of
    target (name, pronoun, other pronoun, description).
    """
    rows = read_rows(path)
    detail = hits(rows)
    n = len(detail)
    recall = float(detail["found"].mean()) if n else 0.0
    if n:
        table = (detail.groupby("category")["found"].agg(["size", "mean"]).reset_index()
                 .rename(columns={"size": "n", "mean": "recall"}))
        table = pd.concat([table, pd.DataFrame([{"category": "all", "n": n, "recall": recall}])],
                          ignore_index=True)
        table["recall"] = table["recall"].round(4)
    else:
        table = pd.DataFrame(columns=["category", "n", "recall"])
    return {"task": "mentions", "n": n, "recall": round(recall, 4)}, table
