"""Find the actors of an article (people, countries, organisations) under every name it uses."""
from __future__ import annotations

import pandas as pd

from .tables import empty


def find_mentions(sentences: pd.DataFrame, aliases: dict[str, str] | None = None) -> pd.DataFrame:
    """Mentions table (actor, sent_id, start, end, surface, via); start/end are offsets in the sentence."""
    return empty("mentions")


def actor_table(mentions: pd.DataFrame) -> pd.DataFrame:
    """Actors table (actor, kind, mentions, aliases) derived from the mentions table."""
    return empty("actors")
