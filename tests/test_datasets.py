"""Gold data: found in data/ first, then ../shared/data/; a missing set says what it is and where to get it."""
from __future__ import annotations

import pytest

from helpers import cli, datasets, paths


def test_shipped_sets_are_in_the_project_with_their_licence():
    for name, ds in datasets.DATASETS.items():
        if ds.shipped:
            folder = paths.DATA / name
            assert (folder / ds.marker).exists(), name
            assert any((folder / f).exists() for f in ("LICENSE", "LICENSE.md")), name
            assert datasets.locate(name) == folder


def test_data_dir_is_searched_before_shared(tmp_path, monkeypatch):
    project, shared = tmp_path / "data", tmp_path / "shared"
    (shared / "polnear" / "dev").mkdir(parents=True)
    monkeypatch.setattr(paths, "DATA_DIRS", (project, shared))
    monkeypatch.setattr(paths, "DATA", project)
    assert paths.data_path("polnear") == shared / "polnear"
    (project / "polnear" / "dev").mkdir(parents=True)
    assert paths.data_path("polnear") == project / "polnear"


def test_missing_set_raises_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "DATA_DIRS", (tmp_path / "a", tmp_path / "b"))
    monkeypatch.setattr(paths, "DATA", tmp_path / "a")
    monkeypatch.setattr(datasets, "DATA", tmp_path / "a")
    with pytest.raises(datasets.MissingData) as err:
        datasets.require("directed_sentiment")
    message = str(err.value)
    assert "\n" not in message and message.count("missing data") == 1
    assert "Park, Pan & Joo" in message and str(tmp_path / "a" / "directed_sentiment") in message
    table = datasets.status()
    assert not table["present"].any() and table.loc[table["name"] == "polnear", "source"].str.contains("PolNeAR").all()


def test_data_status_command_lists_every_set(capsys):
    assert cli.main(["data", "status"]) == 0
    out = capsys.readouterr().out
    for name in datasets.DATASETS:
        assert name in out
    assert "present" in out


def test_evaluate_on_a_missing_path_points_to_data_status(capsys, tmp_path):
    assert cli.main(["evaluate", "newsmtsc", str(tmp_path / "nope.jsonl")]) == 2
    assert "python -m helpers data status" in capsys.readouterr().err


def test_train_without_its_data_says_where_to_get_it(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "DATA_DIRS", (tmp_path / "a", tmp_path / "b"))
    assert cli.main(["train", "directed"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "missing data" in err and "data status" in err
