"""Every table keeps the contract columns first, in order, also when empty."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers.tables import COLUMNS, conform, empty


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_empty_tables_have_the_contract_columns(name):
    assert list(empty(name).columns) == COLUMNS[name]
    assert len(empty(name)) == 0


def test_conform_orders_contract_columns_first_and_keeps_extras():
    df = pd.DataFrame({"extra": [1, 2], "value": [0.5, 0.7], "metric": ["a", "b"]}, index=[5, 9])
    out = conform(df, "readability")
    assert list(out.columns) == ["metric", "value", "extra"]
    assert list(out.index) == [0, 1]
    assert out["value"].tolist() == [0.5, 0.7]


def test_conform_returns_an_ordered_table_unchanged():
    df = pd.DataFrame({"metric": ["a"], "value": [1.0]})
    assert conform(df, "readability") is df


def test_conform_refuses_a_table_missing_a_contract_column():
    with pytest.raises(ValueError, match="value"):
        conform(pd.DataFrame({"metric": ["a"]}), "readability")


def test_conform_of_nothing_is_the_empty_table():
    assert list(conform(None, "blame").columns) == COLUMNS["blame"]


def test_mentions_by_sentence_indexes_mentions_once():
    from helpers.text import mentions_by_sentence

    mentions = pd.DataFrame({"actor": ["Trump", "", "Putin"], "sent_id": [0, 0, 2], "start": [4, 20, 0],
                             "end": [9, 22, 5], "surface": ["Trump", "he", "Putin"], "via": ["name", "pronoun", "name"]})
    assert mentions_by_sentence(mentions) == {0: [(4, 9, "Trump"), (20, 22, "")], 2: [(0, 5, "Putin")]}
    assert mentions_by_sentence(empty("mentions")) == {}
    assert mentions_by_sentence(None) == {}
