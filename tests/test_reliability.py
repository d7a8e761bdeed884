"""Reliability of batch runs (issue 15): locking, interruption, time budget, leftovers, duplicates,
permissions, alias errors, a full disk, CSV injection. Commands run as a user would run them."""
from __future__ import annotations

import argparse
import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from helpers import batch, fsutil
from helpers.paths import PROJECT_ROOT, SEED_ARTICLE

TEXT = ("Leaders clash over climate plan\n\n"
        "President Joe Biden criticized Senator Mitch McConnell on Tuesday for blocking the climate bill. "
        "McConnell said the plan would hurt workers in Kentucky.\n\n"
        "Biden said the United States must act now. He praised young activists for their courage.\n")


def _cli(*args, **kwargs):
    """``python -m helpers …`` in a subprocess (its own session, so a signal reaches it and its workers)."""
    env = {**os.environ, "PYTHONHASHSEED": "0", "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    return subprocess.Popen([sys.executable, "-m", "helpers", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, start_new_session=True, **kwargs)


def _folder(root: Path, name: str, n: int, text: str = TEXT) -> Path:
    folder = root / name
    folder.mkdir()
    for i in range(n):
        (folder / f"{name}-{i:02d}.txt").write_text(text.replace("Kentucky", f"Kentucky {name} {i}"), encoding="utf-8")
    return folder


def _leftovers(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".") and p.name != fsutil.LOCK_NAME)


def _articles(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "articles.csv", keep_default_na=False)


# --------------------------------------------------------------------------- finding 1: concurrency
def test_second_run_into_a_locked_folder_refuses_at_once(tmp_path):
    folder = _folder(tmp_path, "a", 2)
    out = tmp_path / "out"
    with fsutil.OutputLock(out):
        proc = _cli("analyze", folder, "--out", out, "--no-figures", "-q")
        _, err = proc.communicate(timeout=120)
    assert proc.returncode == 2
    assert f"error: {out}: another run is writing to this folder (pid {os.getpid()})" in err
    assert "Traceback" not in err
    assert not (out / "articles.csv").exists()


def test_two_runs_started_together_never_mix_their_tables(tmp_path):
    a, b = _folder(tmp_path, "a", 3), _folder(tmp_path, "b", 3)
    out = tmp_path / "out"
    procs = [_cli("analyze", f, "--out", out, "--no-figures", "-q") for f in (a, b)]
    outcomes = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    codes = sorted(code for code, _ in outcomes)
    assert codes in ([0, 0], [0, 2])
    for code, err in outcomes:
        assert "Traceback" not in err
        if code == 2:
            assert "another run is writing to this folder" in err
    slugs = set(_articles(out)["slug"])
    assert slugs in ({f"a-{i:02d}" for i in range(3)}, {f"b-{i:02d}" for i in range(3)})
    actors = pd.read_csv(out / "article_actors.csv", keep_default_na=False)
    assert set(actors["slug"]) == slugs and pd.to_numeric(actors["mentions"]).min() >= 1
    assert _leftovers(out) == []


# --------------------------------------------------------------------------- finding 2: interruption
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_with_two_jobs_writes_tables_and_resumes(tmp_path, sig):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(10):
        shutil.copy(SEED_ARTICLE, folder / f"seed-{i:02d}.txt")
    out = tmp_path / "out"
    proc = _cli("analyze", folder, "--out", out, "--jobs", "2", "--no-figures", "-q")
    deadline = time.monotonic() + 240  # budget for the first article to finish
    while not list(out.glob("*/.done")) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
    assert list(out.glob("*/.done")), "no article finished within the budget"
    os.killpg(proc.pid, sig)  # like Ctrl-C in a terminal: the parent and its workers get it
    try:
        _, err = proc.communicate(timeout=60)  # budget: stops within seconds, never hangs
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # a hung run must not outlive the test
        proc.communicate()
        raise
    assert proc.returncode == 130
    assert "Traceback" not in err and "interrupted: corpus tables written" in err
    finished = sorted(p.parent.name for p in out.glob("*/.done"))
    assert 1 <= len(finished) < 10
    assert sorted(_articles(out)["slug"]) == finished
    assert _leftovers(out) == []
    again = _cli("analyze", folder, "--out", out, "--jobs", "2", "--no-figures", "-q")
    stdout, err = again.communicate(timeout=600)
    assert again.returncode == 0, err
    assert f"{10 - len(finished)} analysed, {len(finished)} up to date, 0 failed" in stdout
    assert len(_articles(out)) == 10


# --------------------------------------------------------------------------- finding 3: time budget
def test_an_article_over_its_budget_fails_and_the_batch_goes_on(tmp_path, monkeypatch, capsys):
    from helpers import pipeline

    real = pipeline.analyze

    def slow(article, aliases=None, **options):
        if "slow" in getattr(article, "source", ""):
            while True:  # pure Python, like a quadratic loop
                sum(range(1000))
        return real(article, aliases=aliases, **options)

    monkeypatch.setattr(pipeline, "analyze", slow)
    (tmp_path / "slow.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "fine.txt").write_text(TEXT, encoding="utf-8")
    result = batch.run([tmp_path / "slow.txt", tmp_path / "fine.txt"], tmp_path / "out", progress=False,
                       figures=False, timeout=5)
    assert (result.ok, result.failed) == (1, 1)
    assert result.errors == [(str(tmp_path / "slow.txt"), "timed out after 5 s (the per-article budget; raise it with --timeout)")]
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == \
        ["article_actors.csv", "articles.csv", "errors.csv", "fine"]
    assert _leftovers(tmp_path / "out") == []


# --------------------------------------------------------------------------- finding 5: duplicates
def test_one_file_named_three_ways_is_analysed_once(tmp_path, monkeypatch):
    folder = _folder(tmp_path, "x", 2)
    f = folder / "x-00.txt"
    monkeypatch.chdir(tmp_path)
    result = batch.run([f, "x/x-00.txt", folder / ".." / "x" / "x-00.txt", folder], tmp_path / "out",
                       progress=False, figures=False)
    assert (result.ok, result.failed) == (2, 0)
    assert sorted(_articles(tmp_path / "out")["slug"]) == ["x-00", "x-01"]
    actors = pd.read_csv(tmp_path / "out" / "article_actors.csv")
    assert not actors.duplicated(["slug", "actor"]).any()


# --------------------------------------------------------------------------- finding 9: leftovers, permissions
def test_stale_temporaries_of_a_crashed_run_are_removed(tmp_path):
    folder = _folder(tmp_path, "a", 1)
    out = tmp_path / "out"
    (out / ".a-00.k3j_x9qz").mkdir(parents=True)  # Analysis.save's temp folder after kill -9
    (out / ".a-00.k3j_x9qz" / "article.json").write_text("{}")
    (out / ".a-00.old.ab12cd34").mkdir()
    (out / ".articles.csv.part").write_text("slug,source\nhalf,")
    (out / ".git").mkdir()  # a user's hidden folder is not ours: kept
    result = batch.run([folder], out, progress=False, figures=False)
    assert result.ok == 1
    assert _leftovers(out) == [".git"]


def test_outputs_are_readable_by_others(tmp_path):
    old = os.umask(0o022)
    try:
        batch.run([_folder(tmp_path, "a", 1)], tmp_path / "out", progress=False, figures=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out" / "a-00").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "out" / "articles.csv").stat().st_mode) == 0o644


def test_atomic_dir_replaces_whole_and_keeps_the_old_on_failure(tmp_path):
    old = os.umask(0o022)
    try:
        with fsutil.atomic_dir(tmp_path, "art") as tmp:
            (tmp / "a.csv").write_text("1")
        with fsutil.atomic_dir(tmp_path, "art") as tmp:
            (tmp / "b.csv").write_text("2")
        with pytest.raises(RuntimeError):
            with fsutil.atomic_dir(tmp_path, "art") as tmp:
                (tmp / "c.csv").write_text("3")
                raise RuntimeError("disk full")
    finally:
        os.umask(old)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["art"]  # no temporaries left
    assert sorted(p.name for p in (tmp_path / "art").iterdir()) == ["b.csv"]
    assert stat.S_IMODE((tmp_path / "art").stat().st_mode) == 0o755


def test_atomic_dir_puts_the_old_folder_back_when_the_new_one_cannot_be_swapped_in(tmp_path, monkeypatch):
    with fsutil.atomic_dir(tmp_path, "art", record_pid=True) as tmp:
        assert tmp.name.startswith(f".art.{os.getpid()}.tmp-")  # remove_dead_temps can find it after a kill
        (tmp / "a.csv").write_text("1")
    real = os.replace

    def fail_on_the_new_folder(src, dst):
        if Path(dst) == tmp_path / "art" and Path(src).name != "old":
            raise OSError(errno.EIO, "input/output error")
        return real(src, dst)

    monkeypatch.setattr(fsutil.os, "replace", fail_on_the_new_folder)
    with pytest.raises(OSError):
        with fsutil.atomic_dir(tmp_path, "art", record_pid=True) as tmp:
            (tmp / "b.csv").write_text("2")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["art"]
    assert sorted(p.name for p in (tmp_path / "art").iterdir()) == ["a.csv"]  # the earlier folder, whole


# --------------------------------------------------------------------------- finding 10: aliases, disk, CSV
def test_a_bad_alias_file_is_reported_once_not_per_article(tmp_path, capsys):
    aliases = tmp_path / "aliases.yaml"
    aliases.write_text("the administration: [Donald Trump, Joe Biden]\n", encoding="utf-8")
    args = argparse.Namespace(paths=[str(_folder(tmp_path, "a", 3))], out=str(tmp_path / "out"), jobs=1,
                              force=False, no_figures=True, aliases=str(aliases))
    from helpers.cli import main

    code = main(["analyze", *args.paths, "--out", args.out, "--aliases", str(aliases), "-q", "--no-figures"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("error:") == 1
    assert err.startswith(f"error: {aliases}: entry 'the administration'")


def test_empty_folder_is_a_clear_error(tmp_path, capsys):
    from helpers.cli import main

    (tmp_path / "empty").mkdir()
    assert main(["analyze", str(tmp_path / "empty"), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.strip() == (f"error: {tmp_path / 'empty'}: no article files found "
                                               "(looked for .txt, .md, .markdown, .html, .htm)")


def test_a_full_disk_is_reported_once_and_stops_the_batch(tmp_path, monkeypatch, capsys):
    from helpers import pipeline

    def full(self, out_dir, figures=True, slug=None):
        raise OSError(errno.ENOSPC, "No space left on device", str(Path(out_dir) / (slug or "x")))

    monkeypatch.setattr(pipeline.Analysis, "save", full)
    out = tmp_path / "out"
    result = batch.run([_folder(tmp_path, "a", 5)], out, progress=False, figures=False)
    err = capsys.readouterr().err
    assert result.exit_status == 2 and result.total == 0 and result.not_started == 5
    assert err.count("No space left on device") == 1
    assert "the batch stopped" in err


def test_safe_csv_defuses_formulas_but_keeps_numbers(tmp_path):
    text = ("=cmd|' /C calc'!A0 Leaders clash over climate plan\n\n-2+3 President Joe Biden criticized Senator "
            "Mitch McConnell on Tuesday. McConnell said the plan would hurt workers.\n\n" + TEXT.split("\n\n", 2)[2])
    (tmp_path / "f.txt").write_text(text, encoding="utf-8")
    batch.run([tmp_path / "f.txt"], tmp_path / "plain", progress=False, figures=False)
    batch.run([tmp_path / "f.txt"], tmp_path / "safe", progress=False, figures=False, safe_csv=True)
    plain, safe = _articles(tmp_path / "plain"), _articles(tmp_path / "safe")
    assert plain["title"][0].startswith("=cmd|")
    assert safe["title"][0] == "'" + plain["title"][0]
    assert safe["words"][0] == plain["words"][0] and float(safe["flesch_reading_ease"][0]) == float(plain["flesch_reading_ease"][0])
    sentences = [pd.read_csv(tmp_path / d / "f" / "sentences.csv", keep_default_na=False) for d in ("plain", "safe")]
    assert sentences[0]["text"][0].startswith("-2+3") and sentences[1]["text"][0] == "'" + sentences[0]["text"][0]
    assert not sentences[1]["text"].str.match(r"[=+\-@]").any()


# --------------------------------------------------------------------------- finding 3: linear stages (counts, not timings)
def test_a_line_without_punctuation_is_cut_into_bounded_sentences():
    from helpers import text
    from helpers.article import load_article

    line = " ".join(["officials said Trump urged Russia to stop the war"] * 1000)  # 50,000 characters
    sents = text.sentences(load_article("Long line\n\n" + line))
    assert (sents["end"] - sents["start"]).max() <= text.MAX_SENTENCE_CHARS
    assert len(sents) >= len(line) // text.MAX_SENTENCE_CHARS
    assert " ".join(sents["text"]) == line  # nothing lost: the pieces are cut at spaces


def test_a_name_repeated_in_one_sentence_costs_linear_work(monkeypatch):
    from helpers import actors, sentiment, text
    from helpers.article import load_article

    calls = {"name_word": 0, "predict": 0}
    name_word = actors._name_word

    def counting_name_word(tok, lex):
        calls["name_word"] += 1
        return name_word(tok, lex)

    monkeypatch.setattr(actors.spans, "_name_word", counting_name_word)  # where _spans looks it up
    sents = text.sentences(load_article("Names\n\n" + "Mr. Trump " * 150))  # one sentence, 300 tokens
    mentions = actors.find_mentions(sents)
    assert len(mentions) >= 50
    assert calls["name_word"] <= 20 * 300  # was ~ tokens² / 2 = 45,000

    model = sentiment.load_model()
    predict = model.predict_proba

    def counting_predict(*args, **kwargs):
        calls["predict"] += 1
        return predict(*args, **kwargs)

    monkeypatch.setattr(model, "predict_proba", counting_predict)
    scored = sentiment.score_mentions(sents, mentions, None, model="fast")  # the cap holds for both models
    named = mentions[mentions["actor"].astype(str).str.strip() != ""]
    assert len(scored) == named["actor"].nunique() and scored["n_in_sentence"].sum() == len(named)
    assert scored["n_in_sentence"].max() > sentiment.MAX_SCORED_PER_SENTENCE
    assert calls["predict"] == sum(min(n, sentiment.MAX_SCORED_PER_SENTENCE) for n in scored["n_in_sentence"])
