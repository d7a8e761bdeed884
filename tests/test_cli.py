"""The command-line contract: `python -m helpers analyze` and friends."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd

from helpers.paths import PROJECT_ROOT, SEED_ARTICLE
from helpers.tables import COLUMNS

CONTRACT_FILES = ["article.json", "sentences.csv", "actors.csv", "mentions.csv", "mention_sentiment.csv",
                  "actor_sentiment.csv", "quotes.csv", "blame.csv", "readability.csv", "readability_paragraphs.csv"]


def run_cli(*args, cwd=PROJECT_ROOT):
    return subprocess.run([sys.executable, "-m", "helpers", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=600)


def test_analyze_seed_writes_contract_files(tmp_path):
    done = run_cli("analyze", SEED_ARTICLE, "--out", tmp_path)
    assert done.returncode == 0, done.stderr
    folder = tmp_path / "trump-urges-russia-to-stop"
    for name in CONTRACT_FILES:
        assert (folder / name).exists(), name
    for table, columns in COLUMNS.items():
        if (folder / f"{table}.csv").exists():
            header = pd.read_csv(folder / f"{table}.csv", nrows=0).columns.tolist()
            assert header[: len(columns)] == columns, table
    article = json.loads((folder / "article.json").read_text())
    for key in ["title", "dek", "byline", "outlet", "url", "paragraphs", "words", "furniture"]:
        assert key in article
    assert article["paragraphs"][0].startswith("President Trump made an unusually sharp appeal")
    sentences = pd.read_csv(folder / "sentences.csv")
    assert len(sentences) > 30
    assert list((folder).glob("5*-*.png")), "readability figures exported"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no temporary folders left"


def test_bad_inputs_one_line_errors_and_others_still_processed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)) * 40)
    missing = tmp_path / "missing.txt"
    done = run_cli("analyze", empty, binary, missing, SEED_ARTICLE, "--out", tmp_path / "out")
    assert done.returncode != 0
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 3, done.stderr
    assert "Traceback" not in done.stderr
    for path, line in zip([empty, binary, missing], errors):
        assert str(path) in line
    assert (tmp_path / "out" / "trump-urges-russia-to-stop" / "sentences.csv").exists()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "article_actors.csv", "articles.csv", "errors.csv", "trump-urges-russia-to-stop"]


def test_evaluate_missing_path_is_one_line_error(tmp_path):
    done = run_cli("evaluate", "onestop", tmp_path / "nope")
    assert done.returncode != 0
    assert "Traceback" not in done.stderr and "nope" in done.stderr


def test_unwritable_output_folder_is_one_line_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    done = run_cli("analyze", SEED_ARTICLE, "--out", blocker / "out")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].startswith(f"error: {blocker / 'out'}")
