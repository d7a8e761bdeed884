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


def test_sentence_lists_of_quotes_and_single_ids_read_from_csv_count_from_one():
    df = view.table(pd.DataFrame({"sent_ids": ["2|3", 5, float("nan")]})).data
    assert df["sentences"].tolist()[:2] == ["3, 4", "6"] and pd.isna(df["sentences"][2])
    assert view.table(pd.DataFrame({"sent_ids": [0, 7]})).data["sentences"].tolist() == ["1", "8"]  # an int column


def test_presets_take_the_callers_digits_and_say_where_each_edge_came_from(seed_analysis):
    assert view.hard_sentences(seed_analysis, digits=3).digits == 3
    assert view.hardest_paragraphs(seed_analysis, digits=0).digits == 0
    assert view.hard_sentences(seed_analysis).digits == 1
    cols = list(view.blame(seed_analysis).data.columns)
    assert {"origin", "probability"} <= set(cols)  # rule edges: cue, no probability; model edges: the reverse


def test_smog_note_only_when_no_paragraph_has_thirty_sentences(seed_analysis):
    import copy

    paragraphs = seed_analysis.tables["readability_paragraphs"]
    assert paragraphs["smog_index"].isna().all()  # a news article: no paragraph has 30 sentences
    assert "SMOG is left out" in view.readability_paragraphs(seed_analysis).note
    long = copy.copy(seed_analysis)
    long.tables = {**seed_analysis.tables, "readability_paragraphs": paragraphs.assign(
        smog_index=[12.5] + [float("nan")] * (len(paragraphs) - 1))}
    shown = view.readability_paragraphs(long)
    assert shown.note == "" and "smog_index" in shown.data.columns
