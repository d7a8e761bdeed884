"""Tables as a reader sees them in the notebooks and the HTML report (the CSVs keep every column).

`table` renders a DataFrame as an HTML table with wrapped, left-aligned text, right-aligned
numbers rounded to a few digits, empty cells for missing values, and at most ``max_rows`` rows
followed by "N more rows in FILE.csv". Nothing is cut inside a cell.

Numbering: the CSVs' ``sent_id`` and ``para_id`` count from 0 (join keys); every table here shows
``sentence`` and ``paragraph`` counted from 1, as the figures do.

The presets (`actors`, `mentions`, `blame`, …) pick the columns a reader needs from each analysis
table and name the CSV that holds the rest.
"""
from __future__ import annotations

import html
import math
import re
from pathlib import Path

import pandas as pd

#: Rows shown before "N more rows in FILE.csv".
MAX_ROWS = 40


class Table:
    """A DataFrame shown for reading; ``.data`` is the frame itself (for code that wants it)."""

    def __init__(self, data: pd.DataFrame, note: str = "", digits: int = 2, max_rows: int = MAX_ROWS,
                 csv: str = "", empty: str = "(none)"):
        self.data = data.reset_index(drop=True)
        self.note, self.digits, self.max_rows, self.csv, self.empty = note, digits, max_rows, csv, empty

    def __len__(self) -> int:
        return len(self.data)

    @property
    def hidden(self) -> int:
        """Rows not shown (they are in the CSV)."""
        return max(0, len(self.data) - self.max_rows)

    def _cell(self, value, numeric: bool) -> str:
        if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
            return ""
        if isinstance(value, bool):
            return "yes" if value else "no"
        if numeric and isinstance(value, float):
            return f"{int(value)}" if value.is_integer() and abs(value) < 1e15 else f"{value:.{self.digits}f}"
        return html.escape(str(value))

    def _repr_html_(self) -> str:
        df = self.data
        if df.empty:
            return f'<p class="reader-empty">{html.escape(self.empty)}</p>'
        numeric = {c: pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])
                   for c in df.columns}
        head = "".join(f'<th class="{"num" if numeric[c] else "text"}">{html.escape(str(c))}</th>' for c in df.columns)
        rows = []
        for row in df.head(self.max_rows).itertuples(index=False):
            cells = "".join(f'<td class="{"num" if numeric[c] else "text"}">{self._cell(v, numeric[c])}</td>'
                            for c, v in zip(df.columns, row))
            rows.append(f"<tr>{cells}</tr>")
        foot = []
        if self.hidden:
            where = f" in {self.csv}" if self.csv else ""
            foot.append(f"{self.hidden} more rows{where} (showing the first {self.max_rows} of {len(df)})")
        if self.note:
            foot.append(self.note)
        caption = "".join(f'<p class="reader-note">{html.escape(f)}</p>' for f in foot)
        return (f'<div class="reader-table-wrap"><table class="reader-table"><thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table>{caption}</div>')

    def __repr__(self) -> str:
        with pd.option_context("display.max_colwidth", None, "display.width", 200):
            text = self.data.head(self.max_rows).to_string(index=False) if len(self.data) else self.empty
        if self.hidden:
            text += f"\n… {self.hidden} more rows" + (f" in {self.csv}" if self.csv else "")
        return text


def number_from_one(df: pd.DataFrame) -> pd.DataFrame:
    """``sent_id`` → ``sentence`` and ``para_id`` → ``paragraph``, both counted from 1."""
    df = df.copy()
    for old, new in (("sent_id", "sentence"), ("para_id", "paragraph")):
        if old in df.columns:
            df[old] = pd.to_numeric(df[old], errors="coerce").astype("Int64") + 1
            df = df.rename(columns={old: new})
    if "sent_ids" in df.columns:
        df["sent_ids"] = df["sent_ids"].map(_ids_from_one)
        df = df.rename(columns={"sent_ids": "sentences"})
    return df


def _ids_from_one(value):
    """A list of 0-based sentence ids (``"0;3"``, ``"2|3"``, or one id read from a CSV as a number) as ``"1, 4"``."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(int(value) + 1)
    return ", ".join(str(int(x) + 1) for x in re.split(r"[;|]", str(value)) if x.strip().isdigit())


def table(df: pd.DataFrame | None, columns: list[str] | None = None, rename: dict | None = None,
          csv: str = "", **kwargs) -> Table:
    """Show ``df`` (its ``columns``, renamed by ``rename``) for reading; numbering from 1."""
    df = pd.DataFrame() if df is None else number_from_one(df)
    if columns is not None:
        df = df[[c for c in columns if c in df.columns]]
    if rename:
        df = df.rename(columns=rename)
    return Table(df, csv=csv, **kwargs)


# --------------------------------------------------------------------------- presets, one per table
def article_card(analysis, **kw) -> Table:
    """What the reader found (title, dek, byline, outlet, …), the fields it found only."""
    from .summary import article_card as card

    df = card(analysis.article)
    df.loc[df["field"] == "source", "value"] = df.loc[df["field"] == "source", "value"].map(
        lambda v: Path(v).name if isinstance(v, str) and v and not v.startswith("<") else v)
    df = df[df["value"].map(lambda v: v not in ("", None, 0) and not (isinstance(v, float) and math.isnan(v)))]
    return table(df, **kw)


def actors(analysis, **kw) -> Table:
    df = analysis.tables.get("actors")
    if df is not None and "aliases" in df.columns:
        df = df.assign(aliases=df["aliases"].fillna("").str.replace("|", " · ", regex=False))
    return table(df, ["actor", "kind", "mentions", "aliases"], csv="actors.csv", empty="No actor found.", **kw)


def mentions(analysis, **kw) -> Table:
    kw.setdefault("max_rows", 60)
    return table(analysis.tables.get("mentions"), ["sentence", "actor", "surface", "via"], csv="mentions.csv",
                 empty="No mention found.", **kw)


def sentences(analysis, **kw) -> Table:
    kw.setdefault("max_rows", 200)
    return table(analysis.tables.get("sentences"), ["sentence", "paragraph", "text"], csv="sentences.csv", **kw)


def blame(analysis, **kw) -> Table:
    """Edges as read: ``origin`` says whether a rule (with its ``cue``) or the model (with its ``probability``) found each."""
    return table(analysis.tables.get("blame"), ["sentence", "source", "relation", "target", "negated", "cue",
                                                "negation_cue", "origin", "probability", "evidence"], csv="blame.csv",
                 empty="No blame, criticism, pressure or praise found.", **kw)


def quotes(analysis, **kw) -> Table:
    return table(analysis.tables.get("quotes"), ["sentence", "speaker", "cue", "content", "direct"],
                 csv="quotes.csv", empty="No quote found.", **kw)


def passives(analysis, **kw) -> Table:
    return table(analysis.tables.get("passives"), ["sentence", "kind", "cue", "text"], csv="passives.csv",
                 empty="No agentless passive or hidden actor found.", **kw)


def frames(analysis, **kw) -> Table:
    kw.setdefault("max_rows", 25)
    return table(analysis.tables.get("frames"), ["frame", "question_id", "question", "answer", "sentences",
                                                 "evidence"], rename={"question_id": "q"}, csv="frames.csv", **kw)


def actor_sentiment(analysis, **kw) -> Table:
    return table(analysis.tables.get("actor_sentiment"),
                 ["actor", "mentions", "negative", "neutral", "positive", "score", "ci_low", "ci_high"],
                 csv="actor_sentiment.csv", empty="No actor to score.", **kw)


def sentiment_evidence(analysis, **kw) -> Table:
    return table(analysis.tables.get("sentiment_evidence"), ["actor", "side", "sentence", "score", "surface",
                                                             "text"], csv="sentiment_evidence.csv",
                 empty="No actor to score.", **kw)


def mention_sentiment(analysis, **kw) -> Table:
    kw.setdefault("max_rows", 60)
    return table(analysis.tables.get("mention_sentiment"), ["sentence", "actor", "surface", "label", "score",
                                                            "in_quote", "speaker"], csv="mention_sentiment.csv",
                 empty="No actor to score.", **kw)


def readability(analysis, **kw) -> Table:
    from .readability import METRICS

    labels = {m.name: m.label for m in METRICS}
    df = analysis.tables.get("readability")
    if df is not None and len(df):
        df = df.assign(formula=df["metric"].map(labels).fillna(df["metric"]))
    return table(df, ["formula", "value", "direction", "typical_range"], rename={"typical_range": "usual range"},
                 csv="readability.csv", **kw)


def readability_paragraphs(analysis, **kw) -> Table:
    kw.setdefault("max_rows", 200)
    kw.setdefault("digits", 1)
    df = analysis.tables.get("readability_paragraphs")
    smog = df is not None and "smog_index" in df.columns and bool(pd.to_numeric(df["smog_index"], errors="coerce").notna().any())
    cols = None if df is None else ["para_id"] + [c for c in df.columns if c != "para_id" and (smog or c != "smog_index")]
    if df is not None and "smog_index" in df.columns and not smog:
        kw.setdefault("note", "SMOG is left out: it needs at least 30 sentences, and no paragraph has them.")
    return table(df, [("paragraph" if c == "para_id" else c) for c in cols or []], csv="readability_paragraphs.csv",
                 **kw)


def hard_sentences(analysis, **kw) -> Table:
    return table(analysis.tables.get("hard_sentences"), ["rank", "sentence", "paragraph", "words",
                                                         "flesch_kincaid_grade", "text"], csv="hard_sentences.csv",
                 **{"digits": 1, **kw})


def hardest_paragraphs(analysis, n: int = 5, **kw) -> Table:
    from .readability import hardest_paragraphs as hardest

    df = hardest(analysis.tables.get("readability_paragraphs"), None, n=n)
    paragraphs = list(analysis.article.paragraphs)
    df = df.assign(text=[paragraphs[int(i)] if int(i) < len(paragraphs) else "" for i in df["para_id"]])
    return table(df, **{"digits": 1, "empty": "No paragraph of 20 words or more.", **kw})


def unresolved(analysis, **kw) -> Table:
    from .actors import unresolved as find

    return table(find(analysis.tables.get("mentions"), analysis.tables.get("sentences")),
                 empty="Every pronoun and description was resolved to an actor.", **kw)
