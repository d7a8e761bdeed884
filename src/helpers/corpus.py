"""Corpus-level tables: one row per article, one row per article × actor, and comparisons.

Two halves:

* builders that turn ONE article's tables into its corpus rows (`article_row`, `actor_rows`);
  `helpers.batch` calls them in the worker as each article finishes, so the corpus tables
  grow on disk row by row (memory stays flat);
* readers and comparisons on a finished output folder: `load_corpus(out_dir)` returns every
  corpus table, and `sentiment_by_group`, `blame_edges`, `readability_by_group` compare
  actors and outlets across articles.

Every function takes and returns tidy DataFrames; empty input gives an empty frame with the
documented columns.
"""
from __future__ import annotations

from collections import Counter
import json
import math
from pathlib import Path

import numpy as np
import pandas as pd

#: Relations counted as blame in ``blame_given`` / ``blame_received`` (non-negated edges only).
BLAME_RELATIONS = ("blame", "criticism", "responsibility")
#: Relations counted as praise in ``praise_given`` / ``praise_received`` (non-negated edges only).
PRAISE_RELATIONS = ("praise",)

#: Columns of ``articles.csv`` before the readability metrics (one column per metric follows,
#: then ``warnings``).
ARTICLE_COLUMNS = [
    "slug", "source", "title", "outlet", "date", "byline", "url", "words", "paragraphs", "sentences",
    "actors", "mentions", "quotes", "blame_edges",
]
#: Columns of ``article_actors.csv``.
ACTOR_COLUMNS = [
    "slug", "outlet", "actor", "kind", "mentions", "negative", "neutral", "positive", "score",
    "ci_low", "ci_high", "quotes", "blame_given", "blame_received", "praise_given", "praise_received",
]
#: Columns of ``errors.csv``.
ERROR_COLUMNS = ["source", "error"]
#: Columns of `sentiment_by_group` (``group`` columns come first).
SENTIMENT_COLUMNS = ["mentions", "articles", "negative", "neutral", "positive", "score", "ci_low", "ci_high"]
#: Columns of `blame_edges`.
EDGE_COLUMNS = ["source", "target", "relation", "negated", "count", "articles"]
#: Columns of `readability_by_group` (``group`` columns come first).
READABILITY_COLUMNS = ["metric", "articles", "mean", "sd", "ci_low", "ci_high", "median"]

#: Per-article tables that `load_corpus` concatenates (with ``slug`` and ``outlet`` added).
STACKED_TABLES = ("mention_sentiment", "blame", "quotes", "actors", "readability")


def _frame(columns: list[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})


def _table(tables: dict, name: str) -> pd.DataFrame:
    df = tables.get(name)
    return df if isinstance(df, pd.DataFrame) else pd.DataFrame()


# --------------------------------------------------------------------------- one article → rows
def article_row(article: dict, tables: dict, slug: str, source: str = "") -> dict:
    """One row of ``articles.csv`` for one analysed article.

    ``article`` is the ``article.json`` record (or ``Article.to_dict()``), ``tables`` the analysis
    tables by name. Readability metrics (table ``readability``: metric, value) become one column
    each, named after the metric (for example ``flesch_reading_ease``: higher = easier;
    ``flesch_kincaid_grade``: US school grade, higher = harder).
    """
    sents, mentions = _table(tables, "sentences"), _table(tables, "mentions")
    row = {
        "slug": slug,
        "source": source or article.get("source", ""),
        "title": article.get("title", ""),
        "outlet": article.get("outlet", ""),
        "date": article.get("date", ""),
        "byline": article.get("byline", ""),
        "url": article.get("url", ""),
        "words": int(article.get("words", 0) or 0),
        "paragraphs": len(article.get("paragraphs", []) or []),
        "sentences": len(sents),
        "actors": len(_table(tables, "actors")),
        "mentions": int(_named(mentions["actor"]).sum()) if "actor" in mentions else 0,
        "quotes": len(_table(tables, "quotes")),
        "blame_edges": len(_table(tables, "blame")),
    }
    metrics = _table(tables, "readability")
    if {"metric", "value"} <= set(metrics.columns):
        for metric, value in zip(metrics["metric"], metrics["value"]):
            row[str(metric)] = value
    row["warnings"] = " | ".join(article.get("warnings", []) or [])
    return row


def _named(values: pd.Series) -> pd.Series:
    """True where an actor name is present (not NaN, not empty: unresolved pronouns have none)."""
    return values.notna() & (values.astype(str).str.strip() != "")


def _as_bool(values: pd.Series) -> pd.Series:
    """Booleans from bools or their CSV spelling ("True"/"False")."""
    if values.dtype == bool:
        return values
    return values.astype(str).str.strip().str.lower().isin(("true", "1", "yes"))


def actor_rows(tables: dict, slug: str, outlet: str = "") -> pd.DataFrame:
    """Rows of ``article_actors.csv`` for one article: one per actor of its ``actors`` table.

    Columns: `ACTOR_COLUMNS`. ``score``/``ci_low``/``ci_high`` are the article's actor sentiment
    (−1 … 1, higher = more positive; NaN when the actor has no scored mention). ``quotes`` counts
    quotes the actor speaks; ``blame_given``/``blame_received`` count non-negated blame edges
    (relations `BLAME_RELATIONS`) with the actor as source/target; likewise praise.
    """
    actors = _table(tables, "actors")
    if actors.empty or "actor" not in actors:
        return _frame(ACTOR_COLUMNS)
    out = pd.DataFrame({
        "slug": slug,
        "outlet": outlet,
        "actor": actors["actor"].values,
        "kind": actors["kind"].values if "kind" in actors else "",
        "mentions": actors["mentions"].values if "mentions" in actors else 0,
    })
    sentiment = _table(tables, "actor_sentiment")
    cols = ["negative", "neutral", "positive", "score", "ci_low", "ci_high"]
    if not sentiment.empty and "actor" in sentiment:
        sent = sentiment.drop_duplicates("actor").set_index("actor")
        for col in cols:
            out[col] = out["actor"].map(sent[col]) if col in sent else np.nan
    else:
        for col in cols:
            out[col] = np.nan
    for col in ("negative", "neutral", "positive"):
        out[col] = pd.to_numeric(out[col], errors="coerce").fillna(0).astype(int)
    names = out["actor"].tolist()
    quotes = _table(tables, "quotes")
    spoken = Counter(quotes["speaker"].tolist()) if "speaker" in quotes and not quotes.empty else Counter()
    out["quotes"] = pd.Series([_count(spoken, a) for a in names], dtype="int64")
    blame = _table(tables, "blame")
    for col, side, rel in (("blame_given", "source", BLAME_RELATIONS), ("blame_received", "target", BLAME_RELATIONS),
                           ("praise_given", "source", PRAISE_RELATIONS), ("praise_received", "target", PRAISE_RELATIONS)):
        counts = _edge_counter(blame, side, rel)
        out[col] = pd.Series([_count(counts, a) for a in names], dtype="int64")
    return out[ACTOR_COLUMNS]


def _count(counts: Counter, name) -> int:
    """``counts[name]``; 0 for a missing name (a missing key never matches, as in ``Series.map``)."""
    return 0 if _missing(name) else counts.get(name, 0)


def _missing(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and value != value)


def _edge_counter(blame: pd.DataFrame, side: str, relations: tuple[str, ...]) -> Counter:
    """Non-negated edges of these relations per ``side`` value (actor name → count)."""
    if blame.empty or not {"source", "target", "relation", "negated"} <= set(blame.columns):
        return Counter()
    relations = set(relations)
    keep = _as_bool(blame["negated"]).tolist()
    return Counter(v for v, r, negated in zip(blame[side].tolist(), blame["relation"].tolist(), keep)
                   if not negated and r in relations and not _missing(v))


# --------------------------------------------------------------------------- reading an output folder
def read_article_folder(folder) -> tuple[dict, dict[str, pd.DataFrame]]:
    """``(article.json record, {table name: DataFrame})`` of one article folder written by `Analysis.save`."""
    folder = Path(folder)
    article = json.loads((folder / "article.json").read_text(encoding="utf-8"))
    tables = {}
    for path in sorted(folder.glob("*.csv")):
        if path.name[:2].isdigit():  # figure data (<nn>-<name>.csv), not a table
            continue
        try:
            tables[path.stem] = pd.read_csv(path, keep_default_na=False, na_values=[""])
        except pd.errors.EmptyDataError:
            tables[path.stem] = pd.DataFrame()
    return article, tables


def _read_csv(path: Path, columns: list[str]) -> pd.DataFrame:
    if not path.exists():
        return _frame(columns)
    try:
        return pd.read_csv(path, keep_default_na=False, na_values=[""])
    except pd.errors.EmptyDataError:
        return _frame(columns)


def load_corpus(out_dir, tables: tuple[str, ...] = STACKED_TABLES, metadata=None,
                merge_names: bool = True) -> dict[str, pd.DataFrame]:
    """Every corpus table of a finished ``python -m helpers analyze … --out DIR`` folder.

    Returns ``{"articles", "article_actors", "errors"}`` (read from ``DIR/*.csv``) plus, for each
    name in ``tables``, the per-article table of every article listed in ``articles.csv``
    concatenated, with ``slug`` and ``outlet`` as first columns (for example
    ``mention_sentiment`` to pool sentiment, ``blame`` for edges across the corpus).
    ``metadata`` (a DataFrame or TSV/CSV path with a ``slug`` column, such as a corpus's
    ``corpus.tsv``) adds its columns to every table by slug (see `with_metadata`).
    ``merge_names`` renames actors across articles with `surname_merges` (one article's "Trump"
    is another's "Donald Trump") in article_actors, mention_sentiment, blame, quotes and actors.
    """
    out_dir = Path(out_dir)
    result = {
        "articles": _read_csv(out_dir / "articles.csv", ARTICLE_COLUMNS),
        "article_actors": _read_csv(out_dir / "article_actors.csv", ACTOR_COLUMNS),
        "errors": _read_csv(out_dir / "errors.csv", ERROR_COLUMNS),
    }
    articles = result["articles"]
    for col in ("title", "outlet", "date", "byline", "url", "warnings"):
        if col in articles:
            articles[col] = articles[col].astype(object).fillna("")  # an all-empty column reads as float
    outlets = dict(zip(articles["slug"], articles["outlet"])) if "slug" in articles else {}
    for name in tables:
        parts = []
        for slug, outlet in outlets.items():
            path = out_dir / str(slug) / f"{name}.csv"
            part = _read_csv(path, [])
            if part.empty:
                continue
            part.insert(0, "outlet", outlet)
            part.insert(0, "slug", slug)
            parts.append(part)
        result[name] = pd.concat(parts, ignore_index=True) if parts else _frame(["slug", "outlet"])
    if merge_names:
        result = rename_actors(result, surname_merges(result["article_actors"]))
    if metadata is not None:
        if not isinstance(metadata, pd.DataFrame):
            path = Path(metadata)
            metadata = pd.read_csv(path, sep="\t" if path.suffix in (".tsv", ".tab") else ",", keep_default_na=False)
        for name, frame in result.items():
            if name != "errors":
                result[name] = with_metadata(frame, metadata)
    return result


#: Columns holding actor names, per table, renamed by `rename_actors`.
ACTOR_NAME_COLUMNS = {"article_actors": ("actor",), "mention_sentiment": ("actor",), "actors": ("actor",),
                      "blame": ("source", "target"), "quotes": ("speaker",)}


def surname_merges(article_actors: pd.DataFrame, dominance: float = 3.0) -> dict[str, str]:
    """Corpus-wide renames of one-word person names to the full name that ends with them.

    Each article names its actors on its own, so one article's "Trump" is another's "Donald
    Trump". A one-word name of kind ``person`` maps to the multi-word person name ending in that
    word that occurs in the most articles, when it occurs in at least 2 articles and in at least
    ``dominance`` times as many articles as the runner-up ("Trump" → "Donald Trump" even though
    "Ivanka Trump" occurs once; no rename when "Joe Kennedy" and "John Kennedy" are both common).
    Returns ``{old: new}``.
    """
    if article_actors is None or article_actors.empty or not {"actor", "kind", "slug"} <= set(article_actors.columns):
        return {}
    people = article_actors[article_actors["kind"] == "person"].dropna(subset=["actor"])
    articles = people.groupby(people["actor"].astype(str))["slug"].nunique()
    full: dict[str, list[tuple[int, str]]] = {}
    for name, n in articles.items():
        words = name.split()
        if len(words) > 1:
            full.setdefault(words[-1], []).append((int(n), name))
    renames = {}
    for name in articles.index:
        candidates = sorted(full.get(name, []), key=lambda c: (-c[0], c[1])) if len(name.split()) == 1 else []
        if not candidates or candidates[0][0] < 2:
            continue
        runner_up = candidates[1][0] if len(candidates) > 1 else 0
        if candidates[0][0] >= dominance * runner_up:
            renames[name] = candidates[0][1]
    return renames


def rename_actors(tables: dict[str, pd.DataFrame], renames: dict[str, str]) -> dict[str, pd.DataFrame]:
    """``tables`` with actor names replaced by ``renames`` in every actor column (`ACTOR_NAME_COLUMNS`).

    Rows of ``article_actors`` that become duplicates within one article (both names were used in
    it) are summed (counts) and their sentiment set to NaN: pool ``mention_sentiment`` instead.
    """
    if not renames:
        return tables
    out = dict(tables)
    for name, columns in ACTOR_NAME_COLUMNS.items():
        frame = out.get(name)
        if frame is None or frame.empty:
            continue
        frame = frame.copy()
        for col in columns:
            if col in frame:
                frame[col] = frame[col].replace(renames)
        out[name] = frame
    aa = out.get("article_actors")
    if aa is not None and not aa.empty and aa.duplicated(["slug", "actor"]).any():
        dup = aa.duplicated(["slug", "actor"], keep=False)
        counts = ["mentions", "negative", "neutral", "positive", "quotes", "blame_given", "blame_received",
                  "praise_given", "praise_received"]
        merged = aa[dup].groupby(["slug", "actor"], as_index=False, sort=False).agg(
            {**{c: "first" for c in aa.columns if c not in counts + ["slug", "actor"]},
             **{c: "sum" for c in counts if c in aa}})
        for col in ("score", "ci_low", "ci_high"):
            if col in merged:
                merged[col] = np.nan
        out["article_actors"] = pd.concat([aa[~dup], merged[aa.columns]], ignore_index=True)
    return out


def with_metadata(frame: pd.DataFrame, metadata, on: str = "slug") -> pd.DataFrame:
    """``frame`` with the columns of ``metadata`` (a DataFrame or a TSV/CSV path) joined on ``on``.

    Columns already in ``frame`` are kept from ``frame``. Used to add, e.g., the outlet's bias
    rating from a corpus's ``corpus.tsv``.
    """
    if not isinstance(metadata, pd.DataFrame):
        path = Path(metadata)
        metadata = pd.read_csv(path, sep="\t" if path.suffix in (".tsv", ".tab") else ",", keep_default_na=False)
    extra = [c for c in metadata.columns if c == on or c not in frame.columns]
    return frame.merge(metadata[extra].drop_duplicates(on), on=on, how="left")


# --------------------------------------------------------------------------- comparisons
LABEL_VALUE = {"negative": -1, "neutral": 0, "positive": 1}


def pooled_sentiment(labels: pd.Series, clusters: pd.Series | None = None, z: float = 1.96) -> dict:
    """Pooled stance toward one actor from mention labels: score and an honest interval.

    ``score`` = (positive − negative) / mentions, −1 … 1, higher = more positive. The interval
    is score ± z·SE, clipped to [−1, 1], with SE the larger of

    * the multinomial SE with one pseudo-mention added to each label (so 3 neutral mentions do
      not give a zero-width interval): ``sqrt((p₊ + p₋ − (p₊ − p₋)²) / (n + 3))``;
    * when ``clusters`` (the article of each mention) holds ≥ 2 articles, the cluster-robust SE
      of the mean over articles, because mentions in one article are not independent draws.

    References: Agresti & Caffo (2000), "Simple and effective confidence intervals for
    proportions and differences of proportions result from adding two successes and two
    failures", The American Statistician 54(4); Cameron & Miller (2015), "A practitioner's
    guide to cluster-robust inference", J. Human Resources 50(2).
    """
    values = labels.map(LABEL_VALUE).dropna().astype(float)
    n = len(values)
    counts = {lab: int((labels == lab).sum()) for lab in ("negative", "neutral", "positive")}
    articles = int(clusters.loc[values.index].nunique()) if clusters is not None and n else (1 if n else 0)
    if n == 0:
        return {"mentions": 0, "articles": 0, **counts, "score": np.nan, "ci_low": np.nan, "ci_high": np.nan}
    score = float(values.mean())
    p_pos = (counts["positive"] + 1) / (n + 3)
    p_neg = (counts["negative"] + 1) / (n + 3)
    var = (p_pos + p_neg - (p_pos - p_neg) ** 2) / (n + 3)
    if clusters is not None and articles >= 2:
        resid = (values - score).groupby(clusters.loc[values.index]).sum()
        var_cluster = float((resid**2).sum()) / n**2 * articles / (articles - 1)
        var = max(var, var_cluster)
    half = z * math.sqrt(var)
    return {"mentions": n, "articles": articles, **counts, "score": score,
            "ci_low": max(-1.0, score - half), "ci_high": min(1.0, score + half)}


def sentiment_by_group(mention_sentiment: pd.DataFrame, by=("outlet", "actor"), min_mentions: int = 1,
                       cluster: str = "slug") -> pd.DataFrame:
    """Sentiment toward each actor per group (outlet, bias rating …), pooled over mentions.

    ``mention_sentiment`` is the stacked table of `load_corpus` (slug, outlet, actor, label, …),
    optionally with more columns to group by (see `with_metadata`). One row per group with
    `SENTIMENT_COLUMNS` (see `pooled_sentiment`: −1 … 1, higher = more positive; the interval
    accounts for mentions clustering within articles). Groups with fewer than ``min_mentions``
    scored mentions are dropped. Sorted by group.
    """
    by = [by] if isinstance(by, str) else list(by)
    cols = by + SENTIMENT_COLUMNS
    if mention_sentiment is None or mention_sentiment.empty or not set(by) | {"label"} <= set(mention_sentiment.columns):
        return _frame(cols)
    df = mention_sentiment[mention_sentiment["label"].isin(LABEL_VALUE)]
    rows = []
    for key, group in df.groupby(by, sort=True, dropna=False):
        key = key if isinstance(key, tuple) else (key,)
        clusters = group[cluster] if cluster in group else None
        stats = pooled_sentiment(group["label"], clusters)
        if stats["mentions"] >= min_mentions:
            rows.append({**dict(zip(by, key)), **stats})
    return pd.DataFrame(rows, columns=cols) if rows else _frame(cols)


def blame_edges(blame: pd.DataFrame, include_negated: bool = True) -> pd.DataFrame:
    """Who blames (criticises, praises …) whom across the corpus.

    ``blame`` is the stacked table of `load_corpus` (slug, source, target, relation, negated, …).
    One row per (source, target, relation, negated) with ``count`` (distinct sentences, so an
    edge found both by a rule and by the model in one sentence counts once; rows, for a table
    without ``sent_id``) and ``articles`` (distinct articles they occur in), sorted by count
    descending, then alphabetically. Counts of a corpus analysed partly with ``--sentiment fast``
    (rule edges only) and partly with the encoder (rule and model edges) are not comparable.
    """
    need = {"source", "target", "relation", "negated"}
    if blame is None or blame.empty or not need <= set(blame.columns):
        return _frame(EDGE_COLUMNS)
    df = blame.copy()
    df["negated"] = _as_bool(df["negated"])
    if not include_negated:
        df = df[~df["negated"]]
    if df.empty:
        return _frame(EDGE_COLUMNS)
    if "slug" not in df:
        df["slug"] = ""
    where = df["slug"].astype(str) + "\x1f" + (df["sent_id"].astype(str) if "sent_id" in df else df.index.astype(str))
    df = df.assign(_sentence=where)
    out = (df.groupby(["source", "target", "relation", "negated"], dropna=False)
           .agg(count=("_sentence", "nunique"), articles=("slug", "nunique")).reset_index())
    out = out.sort_values(["count", "articles", "source", "target", "relation", "negated"],
                          ascending=[False, False, True, True, True, True], kind="mergesort")
    return out[EDGE_COLUMNS].reset_index(drop=True)


def readability_by_group(articles: pd.DataFrame, metrics=None, by="outlet", z: float | None = None) -> pd.DataFrame:
    """Readability metrics per group (outlet, bias rating …) across its articles.

    ``articles`` is ``articles.csv`` (one column per metric). ``metrics`` defaults to every
    readability column present. One row per group × metric: ``articles`` (n), ``mean``, ``sd``,
    ``median`` and a t-interval of the mean (``ci_low``/``ci_high``, NaN when n < 2). Direction
    is the metric's own (``flesch_reading_ease``: higher = easier; grade levels: higher = harder).
    """
    by = [by] if isinstance(by, str) else list(by)
    cols = by + READABILITY_COLUMNS
    if articles is None or articles.empty:
        return _frame(cols)
    if metrics is None:
        metrics = readability_columns(articles)
    metrics = [m for m in ([metrics] if isinstance(metrics, str) else metrics) if m in articles]
    if not metrics or not set(by) <= set(articles.columns):
        return _frame(cols)
    from scipy import stats

    long = articles.melt(id_vars=by, value_vars=metrics, var_name="metric", value_name="value")
    long["value"] = pd.to_numeric(long["value"], errors="coerce")
    long = long.dropna(subset=["value"])
    rows = []
    for key, group in long.groupby(by + ["metric"], sort=True, dropna=False):
        n = len(group)
        mean, sd = float(group["value"].mean()), float(group["value"].std(ddof=1)) if n > 1 else np.nan
        half = (z if z is not None else stats.t.ppf(0.975, n - 1)) * sd / math.sqrt(n) if n > 1 else np.nan
        rows.append({**dict(zip(by + ["metric"], key)), "articles": n, "mean": mean, "sd": sd,
                     "ci_low": mean - half, "ci_high": mean + half, "median": float(group["value"].median())})
    return pd.DataFrame(rows, columns=cols) if rows else _frame(cols)


def readability_columns(articles: pd.DataFrame) -> list[str]:
    """The readability metric columns of ``articles.csv`` (every numeric column after the fixed ones)."""
    fixed = set(ARTICLE_COLUMNS) | {"warnings"}
    return [c for c in articles.columns if c not in fixed and pd.api.types.is_numeric_dtype(articles[c])]


def top_actors(article_actors: pd.DataFrame, n: int = 8, min_articles: int = 2) -> list[str]:
    """The ``n`` actors named in the most articles (at least ``min_articles``), ties by mentions."""
    if article_actors is None or article_actors.empty:
        return []
    counts = article_actors.groupby("actor").agg(articles=("slug", "nunique"), mentions=("mentions", "sum"))
    counts = counts[counts["articles"] >= min_articles].reset_index()
    counts = counts.sort_values(["articles", "mentions", "actor"], ascending=[False, False, True])
    return counts["actor"].head(n).tolist()


def outlet_overview(articles: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """One row per group (outlet by default): articles, median words, first and last date.

    Columns: ``by``, ``bias`` (when ``articles`` has it and ``by`` is not ``bias``), ``articles``,
    ``median_words``, ``first_date``, ``last_date``; sorted by articles (descending), then name.
    """
    keys = [by] + (["bias"] if "bias" in getattr(articles, "columns", []) and by != "bias" else [])
    cols = keys + ["articles", "median_words", "first_date", "last_date"]
    if articles is None or articles.empty or by not in articles.columns:
        return _frame(cols)
    dates = articles["date"].astype(str).where(articles["date"].astype(str) != "") if "date" in articles else None
    df = articles.assign(_date=dates if dates is not None else np.nan)
    out = (df.groupby(keys, dropna=False)
           .agg(articles=("slug", "size"), median_words=("words", "median"), first_date=("_date", "min"),
                last_date=("_date", "max"))
           .reset_index())
    out = out.sort_values(["articles", by], ascending=[False, True], kind="mergesort").reset_index(drop=True)
    return out[cols]


def actor_overview(article_actors: pd.DataFrame, n: int | None = 20) -> pd.DataFrame:
    """The actors of a corpus: in how many articles and outlets, how often named, blame totals.

    One row per actor: ``kind`` (most frequent), ``articles``, ``outlets``, ``mentions`` (sum),
    ``mean_score`` (mean of the per-article scores, −1 … 1, higher = more positive; an
    unweighted summary, see `sentiment_by_group` for pooled scores with intervals),
    ``blame_given``, ``blame_received``. Sorted by articles, then mentions; first ``n`` rows.
    """
    cols = ["actor", "kind", "articles", "outlets", "mentions", "mean_score", "blame_given", "blame_received"]
    if article_actors is None or article_actors.empty or "actor" not in article_actors:
        return _frame(cols)
    df = article_actors.assign(score=pd.to_numeric(article_actors["score"], errors="coerce"))
    out = (df.groupby("actor")
           .agg(kind=("kind", lambda k: k.mode().iloc[0] if not k.mode().empty else ""),
                articles=("slug", "nunique"), outlets=("outlet", "nunique"), mentions=("mentions", "sum"),
                mean_score=("score", "mean"), blame_given=("blame_given", "sum"),
                blame_received=("blame_received", "sum"))
           .reset_index())
    out = out.sort_values(["articles", "mentions", "actor"], ascending=[False, False, True], kind="mergesort")
    out = out.reset_index(drop=True)[cols]
    return out.head(n) if n else out
