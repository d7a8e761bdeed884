"""Readability formulas for the body, per paragraph, and the hardest sentences."""
from __future__ import annotations

import pandas as pd

from .tables import empty


def measure(article, sentences: pd.DataFrame):
    """(article metrics [metric, value], per-paragraph metrics, hardest sentences)."""
    return empty("readability"), pd.DataFrame(columns=["para_id"]), pd.DataFrame(columns=["sent_id", "text"])
