"""Grouped cross-validation of the sentiment model: how the model card's CV scores are measured."""
from __future__ import annotations

import json

import pytest

from helpers import cli
from helpers.sentiment_model import MODEL_PATH, article_groups, cross_validate, cv_folds


def _rows():
    """Templated targets; each name is one article (its NewsMTSC-style id says so)."""
    templates = {1: ["{} praised the excellent plan.", "Voters love {}.", "{} won a great victory."],
                 -1: ["{} lied about the awful deal.", "Critics attacked {}.", "{} lost a terrible fight."],
                 0: ["{} met the panel on Tuesday.", "{} spoke in Ohio.", "The report mentions {}."]}
    rows = []
    for a, name in enumerate(["Smith", "Jones", "Lee", "Park", "Diaz", "Khan"]):
        for pol, ts in templates.items():
            for j, t in enumerate(ts):
                s = t.format(name)
                rows.append({"sentence": s, "from": s.index(name), "to": s.index(name) + len(name),
                             "polarity": pol, "mention": name, "id": f"src_{a}_7_{pol}_{j}_{name}_0_5"})
    return rows


def test_article_groups_are_the_first_three_id_parts():
    rows = [{"id": "allsides_1000_401_25_Reality Leigh Winner_0_6"}, {"id": "x_1_2"}, {}]
    assert article_groups(rows) == ["allsides_1000_401", "x_1_2", "2"]


def test_folds_never_split_an_article_and_cover_every_row_once():
    rows = _rows()
    groups = article_groups(rows)
    folds = cv_folds(rows, 3)
    assert len(folds) == 3
    held = [i for _, b in folds for i in b]
    assert sorted(held) == list(range(len(rows)))
    for a, b in folds:
        assert not {groups[i] for i in a} & {groups[i] for i in b}
        assert len(b) == 18  # two articles of nine targets each
    with pytest.raises(ValueError, match="at least k articles"):
        cv_folds(rows, 7)


def test_cross_validation_scores_held_out_articles():
    folds = cross_validate(_rows(), 3, groups=("words",), C=1.0, min_count=1, embed_parts=())
    assert [f["fold"] for f in folds] == [0, 1, 2] and sum(f["n"] for f in folds) == 54
    # the wording carries over to unseen names; the targets' own names are masked
    assert min(f["f1_macro"] for f in folds) == pytest.approx(1.0)


def test_cv_command_prints_scores_and_writes_nothing(tmp_path, capsys):
    (tmp_path / "train.jsonl").write_text("\n".join(json.dumps(r) for r in _rows()), encoding="utf-8")
    before = MODEL_PATH.stat().st_mtime_ns
    assert cli.main(["train", "target-sentiment", "--data", str(tmp_path), "--cv", "3", "--embed-parts", "none"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("fold 0: n=18 f1_macro=")
    assert out[-1].startswith("grouped 3-fold CV on train.jsonl: f1_macro=") and "embed_parts=none" in out[-1]
    assert MODEL_PATH.stat().st_mtime_ns == before


@pytest.mark.parametrize("argv, message", [
    (["train", "target-sentiment", "--C", "0.3"], "only with --cv"),
    (["train", "directed", "--cv", "5"], "target-sentiment only"),
    (["train", "target-sentiment", "--cv", "5", "--embed-parts", "Lw,X"], "unknown window 'X'"),
    (["train", "target-sentiment", "--cv", "5", "--C", "0"], "must be positive"),
])
def test_cv_options_are_checked_in_one_line(argv, message, capsys):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_too_few_articles_for_the_folds_is_one_line(tmp_path, capsys):
    (tmp_path / "train.jsonl").write_text("\n".join(json.dumps(r) for r in _rows()), encoding="utf-8")
    assert cli.main(["train", "target-sentiment", "--data", str(tmp_path), "--cv", "9", "--embed-parts", "none"]) == 2
    assert "needs k >= 2 and at least k articles" in capsys.readouterr().err
