"""Published reference numbers, and one table that sets ours beside them (notebook 90).

Sources: the papers cited in data/README.md and the README of this project. Published
numbers are on the *test* splits, which this repository does not have; ours are on dev/valid.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..paths import PROJECT_ROOT

#: The label of the actor gold set's dev part (its targets are for the held-back test part).
ACTOR_GOLD = "actor gold dev (32 real articles)"

#: (task, metric, our dataset it compares with, system, value, split, reference)
PUBLISHED = [
    ("newsmtsc", "f1_macro", "NewsMTSC dev-rw", "RoBERTa GRU-TSC", 0.831, "test-rw", "Hamborg & Donnay, EACL 2021"),
    ("newsmtsc", "f1_macro", "NewsMTSC dev-rw", "RoBERTa SPC", 0.811, "test-rw", "Hamborg & Donnay, EACL 2021"),
    ("newsmtsc", "f1_macro", "NewsMTSC dev-rw", "BERT SPC", 0.801, "test-rw", "Hamborg & Donnay, EACL 2021"),
    ("newsmtsc", "f1_macro", "NewsMTSC dev-rw", "sentence-level VADER", 0.51, "test-rw", "issue 4 (baseline)"),
    ("newsmtsc", "f1_macro", "NewsMTSC dev-mt", "RoBERTa GRU-TSC", 0.825, "test-mt", "Hamborg & Donnay, EACL 2021"),
    ("newsmtsc", "f1_macro", "NewsMTSC dev-mt", "RoBERTa SPC", 0.794, "test-mt", "Hamborg & Donnay, EACL 2021"),
    ("newsmtsc", "f1_macro", "NewsMTSC dev-mt", "BERT SPC", 0.737, "test-mt", "Hamborg & Donnay, EACL 2021"),
    ("directed", "f1_macro", "Park et al. valid", "Park et al. model", 0.677, "test", "Park, Pan & Joo, Findings of ACL 2021"),
    ("directed", "f1_macro", "Park et al. valid", "best later RoBERTa", 0.725, "test", "as cited in data/README.md"),
    ("directed", "f1_macro", "Park et al. valid", "bag-of-words LR, entity markers", 0.64, "test", "issue 5 (baseline)"),
    ("attribution", "f1", "PolNeAR dev", "Gender Gap Tracker (quotes, own data)", 0.84, "own data", "Asr et al. 2021"),
    ("onestop", "ranking_accuracy.flesch_kincaid_grade", "OneStopEnglish (all 567 texts)", "target", 0.97, "all",
     "issue 2"),
    ("mentions", "recall", "NewsMTSC dev-rw", "target", 0.90, "dev", "issue 3"),
    ("mentions", "recall", "NewsMTSC dev-mt", "target", 0.90, "dev", "issue 3"),
    ("actors", "mention_precision", ACTOR_GOLD, "target", 0.95, "test", "issue 12"),
    ("actors", "mention_recall", ACTOR_GOLD, "target", 0.95, "test", "issue 12"),
    ("actors", "b3_f1", ACTOR_GOLD, "target", 0.93, "test", "issue 12"),
    ("actors", "title_accuracy", ACTOR_GOLD, "target", 0.97, "test", "issue 12"),
    ("actors", "speaker_accuracy", ACTOR_GOLD, "target", 0.90, "test", "issue 12"),
    ("speakers", "speaker_accuracy", "PolNeAR dev", "target", 0.90, "test", "issue 12"),
]

#: Keys of the metrics JSON that are counts or settings, not scores.
NOT_SCORES = ("n", "pairs", "predicted", "villains", "threshold", "missing", "gold_mentions", "gold_actors",
              "gold_quotes", "gold_sentences", "documents", "pronoun_n", "gold_source_is_cue", "errors")

#: task -> list of (dataset label, path relative to the shared data folder)
DATASETS = {
    "onestop": [("OneStopEnglish (all 567 texts)", "onestopenglish")],
    "newsmtsc": [("NewsMTSC dev-rw", "newsmtsc/dev_rw.jsonl"), ("NewsMTSC dev-mt", "newsmtsc/dev_mt.jsonl")],
    "mentions": [("NewsMTSC dev-rw", "newsmtsc/dev_rw.jsonl"), ("NewsMTSC dev-mt", "newsmtsc/dev_mt.jsonl")],
    "directed": [("Park et al. valid", "directed_sentiment/valid.txt")],
    "attribution": [("PolNeAR dev", "polnear/dev")],
    "speakers": [("PolNeAR dev", "polnear/dev")],
    "frames": [("Narrative Frames dev", "narrative_frames")],
    # the project's own gold set (offsets only; the texts are read from the shared folder)
    "actors": [(ACTOR_GOLD, str(PROJECT_ROOT / "data" / "gold" / "actors" / "dev"))],
}


def flatten(metrics: dict, prefix: str = "") -> dict:
    """``{"a": {"b": 1}}`` -> ``{"a.b": 1}``; non-numeric values dropped."""
    out = {}
    for key, value in metrics.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            if key not in NOT_SCORES:  # "errors": counts per class, not scores
                out.update(flatten(value, name + "."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool) and key not in NOT_SCORES:
            out[name] = float(value)
    return out


def _path(data_dir, rel: str) -> Path:
    if Path(rel).is_absolute():  # a gold set inside the project (data/gold/…)
        return Path(rel)
    if data_dir is not None:
        return Path(data_dir) / rel
    from ..paths import data_path

    name, _, rest = rel.partition("/")
    return data_path(name) / rest if rest else data_path(name)


def run_all(data_dir=None) -> tuple[pd.DataFrame, dict]:
    """Run every evaluation task on the gold sets that are present.

    ``data_dir`` None: each set from the project's ``data/``, else ``../shared/data/``. Returns
    ``(scores, tables)``: scores has one row per task × dataset × metric (task, dataset, n, metric,
    value); tables maps ``"task: dataset"`` to that task's readable breakdown, or, when the set is
    absent, to a one-row table saying what the set is and how to get it (see `missing`).
    """
    from . import run

    rows, tables = [], {}
    for task, sets in DATASETS.items():
        for label, rel in sets:
            path = _path(data_dir, rel)
            if not path.exists():
                tables[f"{task}: {label}"] = _missing_row(task, label, rel)
                continue
            metrics, table = run(task, str(path))
            tables[f"{task}: {label}"] = table
            n = metrics.get("n", metrics.get("pairs", 0))
            for metric, value in flatten(metrics).items():
                rows.append((task, label, n, metric, value))
    scores = pd.DataFrame(rows, columns=["task", "dataset", "n", "metric", "value"])
    return scores.astype({"n": int}), tables


def _missing_row(task: str, label: str, rel: str) -> pd.DataFrame:
    from ..datasets import DATASETS as SETS
    from ..paths import DATA

    ds = SETS.get(rel.split("/")[0])
    if ds is None:
        return pd.DataFrame([{"task": task, "dataset": label, "missing data": rel, "licence": "",
                              "how to get it": "python -m helpers data status"}])
    return pd.DataFrame([{"task": task, "dataset": label, "missing data": ds.what, "licence": ds.licence,
                          "how to get it": f"{ds.source}; place it in {DATA / ds.name}"}])


def missing(tables: dict) -> pd.DataFrame:
    """The gold sets `run_all` could not find: task, dataset, what it is, licence, how to get it."""
    parts = [t for t in tables.values() if isinstance(t, pd.DataFrame) and "missing data" in t.columns]
    if not parts:
        return pd.DataFrame(columns=["task", "dataset", "missing data", "licence", "how to get it"])
    return pd.concat(parts, ignore_index=True)


def beside_published(scores: pd.DataFrame) -> pd.DataFrame:
    """Our scores next to the published ones for the same task, metric and comparable split."""
    published = pd.DataFrame(
        PUBLISHED, columns=["task", "metric", "our_dataset", "system", "published", "split", "reference"]
    )
    ours = scores.rename(columns={"value": "ours", "dataset": "our_dataset"})
    return published.merge(ours[["task", "our_dataset", "metric", "ours"]], on=["task", "metric", "our_dataset"],
                           how="left")[["task", "metric", "our_dataset", "ours", "system", "published", "split",
                                        "reference"]]
