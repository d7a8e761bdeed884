"""Narrative Frames evaluation (helpers.evaluation.frames): metric helpers and a small run."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers.errors import InputError
from helpers.evaluation import frames as ev


def test_metric_helpers_hand_computed():
    y = [True, True, False, False]
    p = [True, False, False, False]
    assert ev._f1(y, p) == pytest.approx(2 / 3)
    # po = 0.75, pe = 0.5*0.25 + 0.5*0.75 = 0.5 -> kappa 0.5
    assert ev._kappa(y, p) == pytest.approx(0.5)
    assert ev._auc(y, [0.9, 0.4, 0.4, 0.1]) == pytest.approx((1 + 1 + 0.5 + 1) / 4)
    assert ev._auc([True, True], [0.1, 0.2]) is None
    assert ev._f1([False], [False]) == 0.0


def test_entity_mentions_longest_first_and_no_pronouns():
    sents = ev.article_sentences("President Jair Bolsonaro spoke. Bolsonaro's critics, they said, blamed him.")
    ments = ev.entity_mentions(sents, ["President Jair Bolsonaro", "Jair Bolsonaro", "Bolsonaro", "they"])
    assert ments["surface"].tolist() == ["President Jair Bolsonaro", "Bolsonaro"]
    assert ments["sent_id"].tolist() == [0, 1]


def test_blamed_matches_variants():
    assert ev._blamed("President Jair Bolsonaro", {"jair bolsonaro"})
    assert not ev._blamed("the EPA", {"exxon"})


def test_missing_folder_is_a_one_line_error(tmp_path):
    with pytest.raises(InputError):
        ev.evaluate(tmp_path)


def test_small_corpus_run(tmp_path):
    articles = pd.DataFrame(
        {
            "ID": [1, 2],
            "source": ["x", "y"],
            "mbfc": ["center", "center"],
            "date": ["2020-01-01"] * 2,
            "text": [
                "Activists blamed ExxonMobil for the floods. The company denied any responsibility. "
                "Farmers lost their crops and families were forced to leave, a tragic loss.",
                "The council approved a budget of $3 million for new sea walls. The walls will cost taxpayers "
                "$2 billion over ten years. The mayor praised the engineers.",
            ],
            "RE": [False, True], "HI": [True, False], "CO": [True, False], "MO": [False, False], "EC": [False, True],
        }
    )
    roles = pd.DataFrame(
        {"ID": [1, 1, 2], "entity": ["ExxonMobil", "Farmers", "the engineers"], "group": ["x"] * 3,
         "role": ["villain", "victim", "hero"], "mbfc": ["center"] * 3,
         "RE": [False] * 3, "HI": [False] * 3, "CO": [False] * 3, "MO": [False] * 3, "EC": [False] * 3}
    )
    articles.to_csv(tmp_path / "articles.tsv", sep="\t", index=False)
    roles.to_csv(tmp_path / "roles.tsv", sep="\t", index=False)
    metrics, table = ev.evaluate(tmp_path)
    json.dumps(metrics)  # serialisable
    assert metrics["task"] == "frames" and metrics["n"] == 2
    assert set(metrics["agreement"]) == {"RE", "HI", "CO", "MO", "EC"}
    assert metrics["villain_blamed_share"] == 1.0  # "Activists blamed ExxonMobil"
    assert metrics["hero_blamed_share"] == 0.0 and metrics["victim_blamed_share"] == 0.0
    assert metrics["agreement"]["EC"]["pred_rate"] == 0.5  # Q18 and Q19: two sentences with money and costs
    assert {"item", "n", "share"} <= set(table.columns)


def test_on_the_corpus_subset(shipped_data, tmp_path):
    folder = shipped_data["narrative_frames"]
    articles = pd.read_csv(folder / "articles.tsv", sep="\t").head(12)
    roles = pd.read_csv(folder / "roles.tsv", sep="\t")
    articles.to_csv(tmp_path / "articles.tsv", sep="\t", index=False)
    roles[roles["ID"].isin(articles["ID"])].to_csv(tmp_path / "roles.tsv", sep="\t", index=False)
    metrics, _ = ev.evaluate(tmp_path)
    assert metrics["n"] == 12
    for label, m in metrics["agreement"].items():
        assert 0 <= m["accuracy"] <= 1 and -1 <= m["kappa"] <= 1, label
    assert 0 <= metrics["villain_blamed_share"] <= 1
