"""Who speaks: direct quotes and reported speech, with their speakers."""
from __future__ import annotations

import pandas as pd

from .tables import empty


def find_quotes(sentences: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Quotes table (speaker, cue, content, sent_id, direct)."""
    return empty("quotes")
