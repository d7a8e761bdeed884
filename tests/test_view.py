"""Report tables: whole cells, 1-based numbering, rounding, and the rows left out named."""
from __future__ import annotations

import pandas as pd

from helpers import view


def test_cells_are_never_cut_and_text_is_marked_for_left_alignment():
    long = "A sentence well past forty-five characters, which pandas would cut with an ellipsis."
    html = view.table(pd.DataFrame({"text": [long], "score": [0.123456]}))._repr_html_()
    assert long.replace(",", ",") in html and "…" not in html
    assert '<td class="text">' in html and '<td class="num">0.12</td>' in html


def test_counts_show_as_integers_and_missing_values_as_empty_cells():
    html = view.table(pd.DataFrame({"n": [343.0], "value": [float("nan")]}))._repr_html_()
    assert ">343<" in html and "343.0" not in html and "nan" not in html.lower()


def test_ids_become_numbers_from_one():
    df = view.table(pd.DataFrame({"sent_id": [0, 4], "para_id": [0, 1], "sent_ids": ["0;3", ""]})).data
    assert list(df.columns) == ["sentence", "paragraph", "sentences"]
    assert df["sentence"].tolist() == [1, 5] and df["paragraph"].tolist() == [1, 2] and df["sentences"][0] == "1, 4"


def test_long_tables_say_how_many_rows_are_left_out_and_where(seed_analysis):
    t = view.mentions(seed_analysis, max_rows=10)
    assert len(t) == len(seed_analysis.mentions)
    html = t._repr_html_()
    assert f"{len(t) - 10} more rows in mentions.csv" in html
    assert html.count("<tr>") == 10 + 1


def test_presets_show_reader_columns_only(seed_analysis):
    assert list(view.quotes(seed_analysis).data.columns) == ["sentence", "speaker", "cue", "content", "direct"]
    assert "start" not in view.blame(seed_analysis).data.columns
    hardest = view.hardest_paragraphs(seed_analysis).data
    assert "text" in hardest.columns and hardest["paragraph"].min() >= 1
    assert all(t in seed_analysis.article.paragraphs for t in hardest["text"])
