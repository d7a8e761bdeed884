"""The overview tables of notebooks 00 and 01."""
from __future__ import annotations

import helpers
from helpers import summary


def test_article_card_and_furniture_on_the_seed(seed_analysis):
    card = summary.article_card(seed_analysis.article).set_index("field")["value"]
    assert card["byline"] == "Jonathan Swan" and card["outlet"] == "The New York Times"
    assert card["paragraphs"] == 20 and card["furniture removed"] == 13
    furniture = summary.furniture_table(seed_analysis.article)
    assert furniture["text"].iloc[0].startswith("Credit...Haiyun Jiang")
    assert list(furniture["position"]) == list(range(13))


def test_paragraphs_table_counts_sentences(seed_analysis):
    table = summary.paragraphs_table(seed_analysis.article, seed_analysis.sentences)
    assert len(table) == 20
    assert table["sentences"].sum() == len(seed_analysis.sentences)
    assert table["text"].iloc[0].startswith("President Trump made an unusually sharp appeal")


def test_headline_numbers_keep_integers_integers(seed_analysis):
    numbers = summary.headline_numbers(seed_analysis).set_index("measure")["value"]
    assert numbers["words"] == 798 and isinstance(numbers["words"], int)
    assert 10 < numbers["Flesch–Kincaid grade (higher = harder)"] < 15


def test_empty_article_gives_empty_tables():
    analysis = helpers.analyze(helpers.Article(title="Blank", paragraphs=[]))
    assert summary.paragraphs_table(analysis.article, analysis.sentences).empty
    numbers = summary.headline_numbers(analysis).set_index("measure")["value"]
    assert numbers["sentences"] == 0 and numbers["actors"] == 0
