"""Target-dependent sentiment: the stance of a sentence toward one actor, and per actor."""
from __future__ import annotations

import pandas as pd

from .tables import empty


def classify_target(sentence: str, start: int, end: int) -> str:
    """Label of the stance toward ``sentence[start:end]``: negative | neutral | positive."""
    return "neutral"


def score_mentions(sentences: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Mention sentiment table (actor, sent_id, surface, label, score)."""
    return empty("mention_sentiment")


def by_actor(mention_sentiment: pd.DataFrame) -> pd.DataFrame:
    """Actor sentiment table (actor, mentions, negative, neutral, positive, score, ci_low, ci_high)."""
    return empty("actor_sentiment")


def evidence(mention_sentiment: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    """Most negative and most positive sentences per actor."""
    return pd.DataFrame(columns=["actor", "side", "sent_id", "score", "text"])
