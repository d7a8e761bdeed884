"""Small summary tables for the notebooks' first look at an article (no analysis logic here)."""
from __future__ import annotations

import pandas as pd


def article_card(article) -> pd.DataFrame:
    """What was read: one row per field (title, dek, byline, outlet, url, date, format, counts)."""
    rows = [
        ("title", article.title),
        ("dek", article.dek),
        ("byline", article.byline),
        ("outlet", article.outlet),
        ("url", article.url),
        ("date", article.date),
        ("format", article.format),
        ("source", article.source),
        ("paragraphs", len(article.paragraphs)),
        ("words", article.words),
        ("furniture removed", len(article.furniture)),
        ("warnings", "; ".join(article.warnings)),
    ]
    return pd.DataFrame(rows, columns=["field", "value"])


def furniture_table(article) -> pd.DataFrame:
    """Every piece of page furniture the reader removed, in page order (position 0 = first)."""
    return pd.DataFrame({"position": range(len(article.furniture)), "text": list(article.furniture)})


def paragraphs_table(article, sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per body paragraph: para_id, words, sentences, text."""
    per_para = sentences.groupby("para_id").size() if len(sentences) else pd.Series(dtype=int)
    return pd.DataFrame(
        {
            "para_id": range(len(article.paragraphs)),
            "words": [len(p.split()) for p in article.paragraphs],
            "sentences": [int(per_para.get(i, 0)) for i in range(len(article.paragraphs))],
            "text": list(article.paragraphs),
        }
    )


def headline_numbers(analysis) -> pd.DataFrame:
    """The overview's key figures: words, sentences, actors, quotes, blame edges, reading grade."""
    t = analysis.tables
    readability = t.get("readability")
    grade = float("nan")
    if readability is not None and len(readability):
        match = readability.loc[readability["metric"] == "flesch_kincaid_grade", "value"]
        grade = float(match.iloc[0]) if len(match) else grade
    rows = [
        ("words", analysis.article.words),
        ("sentences", len(t.get("sentences", []))),
        ("actors", len(t.get("actors", []))),
        ("quotes", len(t.get("quotes", []))),
        ("blame edges", len(t.get("blame", []))),
        ("Flesch–Kincaid grade (higher = harder)", round(grade, 1)),
    ]
    return pd.DataFrame({"measure": [m for m, _ in rows], "value": pd.Series([v for _, v in rows], dtype=object)})
