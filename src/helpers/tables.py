"""The output tables of the design contract: names, columns, and empty frames.

One place defines every table's columns, so a stage that finds nothing still returns a frame with
the right columns, and `Analysis.save` writes the same header every time.
"""
from __future__ import annotations

import pandas as pd

COLUMNS: dict[str, list[str]] = {
    "sentences": ["sent_id", "para_id", "start", "end", "text"],
    "actors": ["actor", "kind", "mentions", "aliases"],
    "mentions": ["actor", "sent_id", "start", "end", "surface", "via"],
    "mention_sentiment": ["actor", "sent_id", "surface", "label", "score"],
    "actor_sentiment": ["actor", "mentions", "negative", "neutral", "positive", "score", "ci_low", "ci_high"],
    "quotes": ["speaker", "cue", "content", "sent_id", "direct"],
    "blame": ["source", "target", "relation", "negated", "cue", "sent_id", "evidence"],
    "readability": ["metric", "value"],
}

#: Values allowed in categorical columns (checked by the tests).
ACTOR_KINDS = ("person", "country", "organization", "group", "other")
MENTION_VIA = ("name", "alias", "title", "pronoun", "demonym")
SENTIMENT_LABELS = ("negative", "neutral", "positive")
BLAME_RELATIONS = ("blame", "criticism", "pressure", "praise", "responsibility", "deflection")


def empty(name: str) -> pd.DataFrame:
    """An empty frame with the columns of table ``name``."""
    return pd.DataFrame({col: pd.Series(dtype="object") for col in COLUMNS[name]})


def conform(df: pd.DataFrame | None, name: str) -> pd.DataFrame:
    """Return ``df`` with exactly the contract columns of ``name`` first (extra columns kept after)."""
    if df is None or len(df.columns) == 0:
        return empty(name)
    missing = [c for c in COLUMNS[name] if c not in df.columns]
    if missing:
        raise ValueError(f"table {name!r} lacks columns {missing}")
    extra = [c for c in df.columns if c not in COLUMNS[name]]
    order = COLUMNS[name] + extra
    if list(df.columns) != order:
        df = df[order]
    if not (isinstance(df.index, pd.RangeIndex) and df.index.start == 0 and df.index.step == 1):
        df = df.reset_index(drop=True)
    return df
