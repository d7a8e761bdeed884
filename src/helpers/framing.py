"""Framing of blame: who blames, criticises, pressures or praises whom; hidden agency; frames."""
from __future__ import annotations

import pandas as pd

from .tables import empty


def find_blame(sentences: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """Blame edges (source, target, relation, negated, cue, sent_id, evidence)."""
    return empty("blame")


def passives(sentences: pd.DataFrame) -> pd.DataFrame:
    """Agentless passives and agent-hiding nominalisations, with their sentences."""
    return pd.DataFrame(columns=["sent_id", "kind", "cue", "text"])


def frames(sentences: pd.DataFrame, mentions: pd.DataFrame, quotes: pd.DataFrame) -> pd.DataFrame:
    """The 20 generic-frame questions of Semetko & Valkenburg (2000) answered with evidence."""
    return pd.DataFrame(columns=["frame", "question_id", "question", "answer", "sent_ids", "evidence"])
