"""Corpus tables and comparisons, on hand-built frames with hand-checked numbers."""
from __future__ import annotations

import json
import math

import numpy as np
import pandas as pd
import pytest

from helpers import corpus


def _tables():
    return {
        "sentences": pd.DataFrame({"sent_id": [0, 1, 2], "text": ["a", "b", "c"]}),
        "actors": pd.DataFrame({"actor": ["Alice", "Bob"], "kind": ["person", "country"], "mentions": [3, 1],
                                "aliases": ["Alice", "Bob"]}),
        "mentions": pd.DataFrame({"actor": ["Alice", "Alice", "Alice", "Bob", ""], "sent_id": [0, 1, 2, 2, 2]}),
        "actor_sentiment": pd.DataFrame({"actor": ["Alice"], "mentions": [3], "negative": [1], "neutral": [1],
                                         "positive": [1], "score": [0.0], "ci_low": [-0.5], "ci_high": [0.5]}),
        "quotes": pd.DataFrame({"speaker": ["Alice", "Alice", "Carol"], "content": ["x", "y", "z"]}),
        "blame": pd.DataFrame({
            "source": ["Alice", "Alice", "Bob", "Alice", "Alice"],
            "target": ["Bob", "Bob", "Alice", "Bob", "Bob"],
            "relation": ["blame", "criticism", "praise", "pressure", "responsibility"],
            "negated": [False, True, False, False, False],
        }),
        "readability": pd.DataFrame({"metric": ["flesch_reading_ease", "flesch_kincaid_grade"], "value": [60.5, 9.25]}),
    }


ARTICLE = {"title": "T", "outlet": "Daily", "date": "2020-01-02", "byline": "By X", "url": "",
           "words": 42, "paragraphs": ["p1", "p2"], "warnings": ["short"]}


def test_article_row_counts_and_metric_columns():
    row = corpus.article_row(ARTICLE, _tables(), "t-slug", "in/t.txt")
    assert row["slug"] == "t-slug" and row["source"] == "in/t.txt" and row["outlet"] == "Daily"
    assert (row["words"], row["paragraphs"], row["sentences"]) == (42, 2, 3)
    assert (row["actors"], row["mentions"], row["quotes"], row["blame_edges"]) == (2, 4, 3, 5)
    assert row["flesch_reading_ease"] == 60.5 and row["flesch_kincaid_grade"] == 9.25
    assert row["warnings"] == "short"
    assert list(row)[: len(corpus.ARTICLE_COLUMNS)] == corpus.ARTICLE_COLUMNS


def test_article_row_of_empty_tables():
    row = corpus.article_row({}, {}, "s")
    assert (row["words"], row["sentences"], row["actors"], row["mentions"]) == (0, 0, 0, 0)


def test_actor_rows_blame_praise_quotes():
    rows = corpus.actor_rows(_tables(), "t-slug", "Daily")
    assert list(rows.columns) == corpus.ACTOR_COLUMNS
    rows = rows.set_index("actor")
    alice, bob = rows.loc["Alice"], rows.loc["Bob"]
    # blame-like, non-negated: Alice→Bob blame + responsibility (criticism is negated, pressure is not blame)
    assert (alice["blame_given"], alice["blame_received"], bob["blame_given"], bob["blame_received"]) == (2, 0, 0, 2)
    assert (alice["praise_received"], bob["praise_given"]) == (1, 1)
    assert (alice["quotes"], bob["quotes"]) == (2, 0)
    assert (alice["score"], alice["ci_low"], alice["negative"]) == (0.0, -0.5, 1)
    assert math.isnan(bob["score"]) and bob["negative"] == 0
    assert (alice["slug"], alice["outlet"], alice["kind"], alice["mentions"]) == ("t-slug", "Daily", "person", 3)


def test_actor_rows_empty():
    out = corpus.actor_rows({}, "s")
    assert out.empty and list(out.columns) == corpus.ACTOR_COLUMNS


def test_blame_counts_accept_csv_spelling_of_negated():
    tables = _tables()
    tables["blame"]["negated"] = tables["blame"]["negated"].astype(str)  # "True"/"False" as read back
    rows = corpus.actor_rows(tables, "s").set_index("actor")
    assert rows.loc["Alice", "blame_given"] == 2


def test_pooled_sentiment_multinomial_interval():
    labels = pd.Series(["positive", "positive", "negative", "neutral"])
    out = corpus.pooled_sentiment(labels)
    assert out["score"] == pytest.approx(0.25)
    # pseudo-counts: p+ = 3/7, p- = 2/7; var = (5/7 - (1/7)^2) / 7
    half = 1.96 * math.sqrt((5 / 7 - 1 / 49) / 7)
    assert out["ci_low"] == pytest.approx(0.25 - half) and out["ci_high"] == pytest.approx(0.25 + half)
    assert (out["mentions"], out["positive"], out["negative"], out["neutral"], out["articles"]) == (4, 2, 1, 1, 1)


def test_pooled_sentiment_cluster_interval_is_wider_when_articles_disagree():
    labels = pd.Series(["positive", "positive", "negative", "neutral"])
    clusters = pd.Series(["a", "a", "b", "b"])
    out = corpus.pooled_sentiment(labels, clusters)
    # residual sums per article: +1.5, -1.5 → var = 4.5 / 16 * 2 / 1 = 0.5625 → half = 1.47 → clipped
    assert out["articles"] == 2
    assert (out["ci_low"], out["ci_high"]) == (-1.0, 1.0)


def test_pooled_sentiment_all_neutral_is_not_zero_width_and_empty_is_nan():
    out = corpus.pooled_sentiment(pd.Series(["neutral"] * 3))
    assert out["score"] == 0.0
    assert out["ci_high"] == pytest.approx(1.96 * math.sqrt((1 / 3) / 6))
    empty = corpus.pooled_sentiment(pd.Series([], dtype=object))
    assert empty["mentions"] == 0 and math.isnan(empty["score"])


def test_sentiment_by_group():
    ms = pd.DataFrame({
        "slug": ["a", "a", "b", "c", "c"],
        "outlet": ["X", "X", "X", "Y", "Y"],
        "actor": ["Alice", "Alice", "Alice", "Alice", "Bob"],
        "label": ["positive", "negative", "positive", "negative", "unknown"],
    })
    out = corpus.sentiment_by_group(ms)
    assert list(out.columns) == ["outlet", "actor"] + corpus.SENTIMENT_COLUMNS
    assert out[["outlet", "actor", "mentions", "articles"]].values.tolist() == [["X", "Alice", 3, 2], ["Y", "Alice", 1, 1]]
    assert out["score"].tolist() == pytest.approx([1 / 3, -1.0])
    assert corpus.sentiment_by_group(ms, min_mentions=2)["outlet"].tolist() == ["X"]
    assert corpus.sentiment_by_group(ms.iloc[0:0]).empty
    assert list(corpus.sentiment_by_group(pd.DataFrame()).columns) == ["outlet", "actor"] + corpus.SENTIMENT_COLUMNS


def test_blame_edges_counts_articles_and_order():
    blame = pd.DataFrame({
        "slug": ["a", "a", "b", "b", "c"],
        "source": ["Alice", "Alice", "Alice", "Bob", "Bob"],
        "target": ["Bob", "Bob", "Bob", "Alice", "Alice"],
        "relation": ["blame", "blame", "blame", "praise", "praise"],
        "negated": ["False", "False", "False", "True", "False"],
    })
    out = corpus.blame_edges(blame)
    assert list(out.columns) == corpus.EDGE_COLUMNS
    assert out.values.tolist() == [["Alice", "Bob", "blame", False, 3, 2],
                                   ["Bob", "Alice", "praise", False, 1, 1],
                                   ["Bob", "Alice", "praise", True, 1, 1]]
    assert len(corpus.blame_edges(blame, include_negated=False)) == 2
    assert corpus.blame_edges(pd.DataFrame()).empty


def test_readability_by_group_t_interval():
    articles = pd.DataFrame({"slug": ["a", "b", "c"], "outlet": ["X", "X", "Y"],
                             "flesch_kincaid_grade": [10.0, 12.0, 8.0], "words": [1, 2, 3]})
    out = corpus.readability_by_group(articles)
    assert out[["outlet", "metric", "articles"]].values.tolist() == [["X", "flesch_kincaid_grade", 2],
                                                                      ["Y", "flesch_kincaid_grade", 1]]
    x = out.iloc[0]
    assert x["mean"] == 11.0 and x["sd"] == pytest.approx(math.sqrt(2))
    assert x["ci_high"] - x["mean"] == pytest.approx(12.7062, abs=1e-3)  # t(0.975, 1) · sd / √2
    assert math.isnan(out.iloc[1]["ci_low"]) and out.iloc[1]["median"] == 8.0
    assert corpus.readability_columns(articles) == ["flesch_kincaid_grade"]
    assert corpus.readability_by_group(articles.iloc[0:0]).empty


def test_top_actors_by_articles_then_mentions():
    aa = pd.DataFrame({"slug": ["a", "b", "a", "b", "c", "a"], "actor": ["X", "X", "Y", "Y", "Y", "Z"],
                       "mentions": [5, 5, 1, 1, 1, 9]})
    assert corpus.top_actors(aa, n=5) == ["Y", "X"]
    assert corpus.top_actors(aa, n=5, min_articles=1) == ["Y", "X", "Z"]
    assert corpus.top_actors(pd.DataFrame()) == []


def test_load_corpus_reads_tables_and_stacks_article_tables(tmp_path):
    pd.DataFrame([{"slug": "a1", "outlet": "X", "title": "T", "flesch_kincaid_grade": 9.0}]).to_csv(
        tmp_path / "articles.csv", index=False)
    pd.DataFrame([{"slug": "a1", "outlet": "X", "actor": "Alice"}]).to_csv(tmp_path / "article_actors.csv", index=False)
    pd.DataFrame(columns=corpus.ERROR_COLUMNS).to_csv(tmp_path / "errors.csv", index=False)
    folder = tmp_path / "a1"
    folder.mkdir()
    (folder / "article.json").write_text(json.dumps({"title": "T"}))
    pd.DataFrame({"actor": ["Alice"], "sent_id": [0], "surface": ["she"], "label": ["positive"], "score": [0.5]}).to_csv(
        folder / "mention_sentiment.csv", index=False)
    pd.DataFrame({"source": ["None"], "target": ["NA"], "relation": ["blame"], "negated": [False]}).to_csv(
        folder / "blame.csv", index=False)
    (folder / "51-grade.csv").write_text("x\n1\n")
    meta = pd.DataFrame({"slug": ["a1"], "bias": ["left"], "outlet": ["ignored"]})
    out = corpus.load_corpus(tmp_path, metadata=meta)
    assert out["articles"]["bias"].tolist() == ["left"] and out["articles"]["outlet"].tolist() == ["X"]
    ms = out["mention_sentiment"]
    assert ms[["slug", "outlet", "actor", "label", "bias"]].values.tolist() == [["a1", "X", "Alice", "positive", "left"]]
    assert out["blame"][["source", "target"]].values.tolist() == [["None", "NA"]]  # names are not NaN
    assert out["errors"].empty and list(out["errors"].columns) == corpus.ERROR_COLUMNS
    assert out["quotes"].empty
    article, tables = corpus.read_article_folder(folder)
    assert article == {"title": "T"} and "51-grade" not in tables


def test_load_corpus_of_missing_folder_is_empty(tmp_path):
    out = corpus.load_corpus(tmp_path / "nothing")
    assert out["articles"].empty and list(out["article_actors"].columns) == corpus.ACTOR_COLUMNS
    assert np.all([frame.empty for frame in out.values()])


def test_outlet_overview():
    articles = pd.DataFrame({"slug": ["a", "b", "c"], "outlet": ["X", "X", "Y"], "bias": ["left", "left", "right"],
                             "words": [100, 300, 50], "date": ["2020-01-02", "", "2019-05-05"]})
    out = corpus.outlet_overview(articles)
    assert out.values.tolist() == [["X", "left", 2, 200.0, "2020-01-02", "2020-01-02"],
                                   ["Y", "right", 1, 50.0, "2019-05-05", "2019-05-05"]]
    assert corpus.outlet_overview(articles, by="bias")["bias"].tolist() == ["left", "right"]
    assert corpus.outlet_overview(pd.DataFrame()).empty


def test_actor_overview():
    aa = corpus.actor_rows(_tables(), "s1", "X")
    aa = pd.concat([aa, corpus.actor_rows(_tables(), "s2", "Y")], ignore_index=True)
    out = corpus.actor_overview(aa).set_index("actor")
    assert out.loc["Alice", ["articles", "outlets", "mentions", "blame_given"]].tolist() == [2, 2, 6, 4]
    assert out.loc["Alice", "mean_score"] == 0.0 and math.isnan(out.loc["Bob", "mean_score"])
    assert out.index.tolist() == ["Alice", "Bob"]
    assert corpus.actor_overview(pd.DataFrame()).empty


def test_surname_merges_only_when_unambiguous():
    rows = [("a", "Trump"), ("b", "Donald Trump"), ("c", "Donald Trump"), ("c", "Ivanka Trump"),
            ("a", "Kennedy"), ("b", "Joe Kennedy"), ("c", "Joe Kennedy"), ("d", "John Kennedy"), ("e", "John Kennedy"),
            ("a", "Biden"), ("b", "Joe Biden"), ("a", "Obama"), ("b", "Barack Obama"), ("c", "Barack Obama")]
    aa = pd.DataFrame(rows, columns=["slug", "actor"]).assign(kind="person")
    aa.loc[len(aa)] = ["a", "France", "country"]
    # Trump: Donald (2 articles) vs Ivanka (1) is not 3x dominant; Obama: one full name in 2 articles
    assert corpus.surname_merges(aa) == {"Obama": "Barack Obama"}
    assert corpus.surname_merges(aa, dominance=2) == {"Obama": "Barack Obama", "Trump": "Donald Trump"}
    assert corpus.surname_merges(pd.DataFrame()) == {}


def test_rename_actors_merges_rows_of_one_article():
    aa = pd.concat([corpus.actor_rows(_tables(), "s1", "X")], ignore_index=True)
    tables = {"article_actors": aa, "blame": pd.DataFrame({"source": ["Bob"], "target": ["Alice"]}),
              "mention_sentiment": pd.DataFrame({"actor": ["Bob", "Alice"]})}
    out = corpus.rename_actors(tables, {"Bob": "Alice"})
    merged = out["article_actors"]
    assert len(merged) == 1 and merged.loc[0, "mentions"] == 4 and merged.loc[0, "blame_given"] == 2
    assert math.isnan(merged.loc[0, "score"])
    assert out["blame"].values.tolist() == [["Alice", "Alice"]]
    assert out["mention_sentiment"]["actor"].tolist() == ["Alice", "Alice"]
    assert corpus.rename_actors(tables, {}) is tables


def test_blame_edges_count_sentences_not_rows():
    # one criticism found by a rule and by the model in the same sentence counts once
    blame = pd.DataFrame({"slug": ["a", "a", "a", "b"], "sent_id": [4, 4, 7, 4],
                          "source": ["Hale"] * 4, "target": ["Ruiz"] * 4, "relation": ["criticism"] * 4,
                          "negated": [False] * 4, "origin": ["rule", "model", "model", "rule"]})
    out = corpus.blame_edges(blame)
    assert out[["count", "articles"]].values.tolist() == [[3, 2]]  # a:4, a:7, b:4
    from helpers.figures.blame import edge_counts

    assert edge_counts(blame[blame["slug"] == "a"])["count"].tolist() == [2]
    assert edge_counts(blame.drop(columns="sent_id"))["count"].tolist() == [4]  # no sentence ids: rows
