"""The fine-tuned encoder (helpers.encoder): shipped files, marking, batching, no torch at run time."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from helpers import encoder
from helpers.errors import InputError
from helpers.paths import PROJECT_ROOT, SEED_ARTICLE


def test_files_ship_small_with_their_hashes():
    files = [encoder.MODEL_DIR / f for f in (encoder.MODEL_FILE, encoder.TOKENIZER_FILE, encoder.META_FILE)]
    assert all(f.is_file() for f in files)
    assert sum(f.stat().st_size for f in encoder.MODEL_DIR.iterdir()) < 60_000_000
    meta = json.loads((encoder.MODEL_DIR / encoder.META_FILE).read_text())
    for name, digest in meta["sha256"].items():
        assert hashlib.sha256((encoder.MODEL_DIR / name).read_bytes()).hexdigest() == digest
    assert meta["base_model"]["sha256"] == "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
    assert set(meta["dev"]) == {"dev_rw", "dev_mt", "directed_dev"}
    assert 0.1 < meta["temperature"]["target"] < 10 and 0.3 <= meta["edges"]["threshold"] <= 0.95


def test_mark_target_and_pair_offsets():
    s = "Jones accused Smith of lying."
    text, p = encoder.mark_target(s, 14, 19)
    assert text == "Jones accused @ Smith @ of lying." and text[p] == "@"
    text, p1, p2 = encoder.mark_pair(s, (14, 19), (0, 5))  # entity 1 after entity 2
    assert text == "# Jones # accused @ Smith @ of lying."
    assert text[p1] == "@" and text[p2] == "#"
    text, p1, p2 = encoder.mark_pair(s, (0, 5), (14, 19))
    assert text == "@ Jones @ accused # Smith # of lying." and text[p1] == "@" and text[p2] == "#"


def test_encode_points_at_the_marks_and_keeps_them_in_long_text():
    tok = encoder.load_tokenizer(encoder.MODEL_DIR / encoder.TOKENIZER_FILE)
    s = "Jones accused Smith of lying."
    short, mark = encoder.mark_target("Hi Bo.", 3, 5)  # a target item: (text, offset of the mark, same again)
    ids, mask, pos = encoder.encode(tok, [encoder.mark_pair(s, (0, 5), (14, 19)), (short, mark, mark)])
    at = tok.id_to_token
    assert at(int(ids[0, pos[0, 0]])) == "@" and at(int(ids[0, pos[0, 1]])) == "#"
    assert mask[1].sum() < mask[0].sum() and ids[1, mask[1].sum():].sum() == 0  # padded
    long = "word " * 200 + "Smith won. " + "more " * 100
    start = long.index("Smith")
    ids, mask, pos = encoder.encode(tok, [(encoder.mark_target(long, start, start + 5)[0], start, start)], max_len=64)
    assert ids.shape == (1, 64) and at(int(ids[0, pos[0, 0]])) == "@"
    assert at(int(ids[0, 0])) == "[CLS]" and at(int(ids[0, -1])) == "[SEP]"


def test_batched_agrees_with_one_by_one():
    # the shipped int8 graph (dynamic quantisation scales activations per call) moves a row's
    # probabilities a little with its batch-mates; a float32 graph would not
    model = encoder.load()
    tol = 0.05 if model.meta.get("graph") == "int8" else 1e-4
    spans = [("Critics called Smith a liar.", 15, 20), ("Smith will meet the committee on Tuesday.", 0, 5),
             ("Supporters praised Jones, a brilliant and honest leader, and thanked Smith.", 19, 24)]
    batch = model.target_proba(spans)
    single = np.vstack([model.target_proba([s]) for s in spans])
    assert np.abs(batch - single).max() < tol
    assert (batch.argmax(axis=1) == single.argmax(axis=1)).all()
    assert np.allclose(batch.sum(axis=1), 1.0)
    assert np.array_equal(model.target_proba(spans), batch)  # the same batch gives the same numbers


def test_order_and_duplicates_do_not_change_the_numbers():
    # the batches are made from the set of distinct inputs (sorted by token count, then text), so a
    # permutation of the input, or a repeated sentence, gives exactly the same rows
    model = encoder.load()
    spans = [("Critics called Smith a liar and a fraud who betrayed his voters.", 15, 20),
             ("Supporters praised Okafor as a brilliant, honest and courageous leader.", 19, 25),
             ("Smith will meet the committee on Tuesday in Lagos.", 0, 5),
             ("Okafor thanked the nurses, and Dimitrova attacked the ministry as corrupt.", 31, 40),
             ("Okafor thanked the nurses, and Dimitrova attacked the ministry as corrupt.", 0, 6)] * 3
    p = model.target_proba(spans)
    perm = np.random.default_rng(1).permutation(len(spans))
    assert np.array_equal(model.target_proba([spans[i] for i in perm]), p[perm])
    assert all(np.array_equal(p[i], p[i % 5]) for i in range(len(spans)))
    assert np.allclose(p.sum(axis=1), 1.0)
    assert [encoder.load().meta["labels"]["target"][k] for k in p[:3].argmax(axis=1)] == ["negative", "positive", "neutral"]
    pairs = [(s, (31, 40), (0, 6)) for s, _, _ in spans[3:4]] * 4 + [(spans[0][0], (0, 7), (15, 20))]
    d = model.pair_proba(pairs)
    assert np.allclose(d.sum(axis=1), 1.0) and all(np.array_equal(d[0], d[i]) for i in range(4))


def _span(sentence, target):
    i = sentence.index(target)
    return sentence, i, i + len(target)


def _pair(sentence, e1, e2):
    i, j = sentence.index(e1), sentence.index(e2)
    return sentence, (i, i + len(e1)), (j, j + len(e2))


def test_shipped_graph_reads_clear_invented_cases():
    # the shipped graph (int8 after optimisation and quantisation, docs/models/encoder.md) on
    # sentences written for this test, names and topics not in the training data
    model = encoder.load()
    spans = [_span("Critics branded Halvorsen a coward and a liar who had betrayed the miners.", "Halvorsen"),
             _span("Farmers hailed Ngata as an honest, tireless and brilliant minister.", "Ngata"),
             _span("Halvorsen will travel to Bergen on Thursday for the annual meeting.", "Halvorsen"),
             _span("The court fined Brightwater Ltd for poisoning the river and lying to inspectors.", "Brightwater Ltd"),
             _span("Volunteers thanked Dr. Amadi for saving hundreds of lives during the flood.", "Dr. Amadi"),
             _span("Ms. Kovac was born in Split and studied law in Zagreb.", "Ms. Kovac")]
    p = model.target_proba(spans)
    assert [model.meta["labels"]["target"][k] for k in p.argmax(axis=1)] == [
        "negative", "positive", "neutral", "negative", "positive", "neutral"]
    assert np.allclose(p.sum(axis=1), 1.0) and p.max(axis=1).min() > 0.6
    # each row alone and among its batch-mates: int8 activations are scaled per call, so a row
    # moves a little with the others (measured 0.04 here), never to another label
    single = np.vstack([model.target_proba([s]) for s in spans])
    assert np.abs(p - single).max() < (0.1 if model.meta.get("graph") == "int8" else 1e-4)
    assert (single.argmax(axis=1) == p.argmax(axis=1)).all()
    pairs = [_pair("Ngata praised Halvorsen for his courage during the strike.", "Ngata", "Halvorsen"),
             _pair("Ngata accused Halvorsen of lying to parliament about the deal.", "Ngata", "Halvorsen"),
             _pair("Ngata accused Halvorsen of lying to parliament about the deal.", "Halvorsen", "Ngata"),
             _pair("Ngata and Halvorsen met in Oslo on Monday.", "Ngata", "Halvorsen")]
    d = model.pair_proba(pairs)
    # 1 positive 1→2; 3 negative 1→2; entity 1 second in the text: negative 2→1; none
    assert list(d.argmax(axis=1)) == [1, 3, 4, 0] and np.allclose(d.sum(axis=1), 1.0)


def test_thread_setting():
    try:
        encoder.set_threads(1)
        assert encoder.load().session.get_session_options().intra_op_num_threads == 1
        os.environ[encoder.THREADS_ENV] = "two"
        encoder.set_threads(None)
        with pytest.raises(InputError):
            encoder.load()
    finally:
        os.environ.pop(encoder.THREADS_ENV, None)
        encoder.set_threads(None)


FORK_CHILD = """
import os, signal, threading
from helpers import encoder

parent = encoder.load()  # a session with its thread pool in the parent
held, release = threading.Event(), threading.Event()

def hold():
    with encoder._lock:  # another thread inside the lock when the process forks
        held.set()
        release.wait()

threading.Thread(target=hold, daemon=True).start()
held.wait()
pid = os.fork()
if pid == 0:
    signal.alarm(120)  # a deadlocked child is killed by SIGALRM instead of hanging the test
    inherited = encoder._orphans == [parent] and not encoder._loaded
    child = encoder.load()  # its own session; the lock held in the parent must not block it
    encoder.set_threads(1)  # drops the child's session only
    kept = encoder._orphans == [parent] and parent.session is not None and child is not parent
    p = encoder.load().target_proba([("Hale praised Ruiz warmly.", 0, 4)])
    os._exit(0 if inherited and kept and p.shape == (1, 3) else 3)
release.set()
print(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
"""


def test_a_forked_child_keeps_the_inherited_session_and_is_not_blocked_by_the_parents_lock():
    res = subprocess.run([sys.executable, "-c", FORK_CHILD], capture_output=True, text=True, cwd=PROJECT_ROOT,
                         timeout=300)
    assert res.returncode == 0 and res.stdout.strip().splitlines()[-1] == "0", res.stdout + res.stderr[-2000:]


NO_TORCH = """
import sys
BLOCKED = ("torch", "transformers", "sentence_transformers")


class Block:  # any import of them fails, here and in the forked workers
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} blocked by the test")


sys.meta_path.insert(0, Block())
from helpers import batch
from helpers.evaluation import directed as ev_directed, newsmtsc as ev_newsmtsc
result = batch.run([sys.argv[1]], sys.argv[2], jobs=2, figures="none", progress=False)
assert result.ok == 2, result.errors
m, _ = ev_newsmtsc.evaluate(sys.argv[3])
d, _ = ev_directed.evaluate(sys.argv[4])
assert not [m for m in sys.modules if m.split(".")[0] in BLOCKED]
print("ok", result.ok, m["n"], d["n"])
"""


def test_batch_workers_and_evaluation_run_without_torch(tmp_path):
    from helpers.datasets import locate

    arts = tmp_path / "in"
    arts.mkdir()
    (arts / "a.txt").write_text("Mayor Ana Ruiz praised Senator Tom Hale for the new bridge.\n", encoding="utf-8")
    (arts / "b.txt").write_text("Senator Tom Hale blamed Mayor Ana Ruiz for the flooding.\n", encoding="utf-8")
    news = tmp_path / "news.jsonl"
    rows = (locate("newsmtsc") / "dev_rw.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    news.write_text("\n".join(rows) + "\n", encoding="utf-8")
    park = tmp_path / "park.txt"
    park.write_text("[Hale] blamed [Ruiz] for the flooding.\tHale\tRuiz\t3\n"
                    "[Ruiz] thanked [Hale] for the bridge.\tRuiz\tHale\t1\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-c", NO_TORCH, str(arts), str(tmp_path / "out"), str(news), str(park)],
                         capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=600)
    assert res.returncode == 0 and res.stdout.split() == ["ok", "2", "12", "2"], res.stdout + res.stderr[-2000:]


def test_analyze_imports_no_torch():
    code = ("import sys, helpers; a = helpers.analyze(sys.argv[1]); "
            "assert len(a.mention_sentiment) > 0; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('torch', 'transformers', 'sentence_transformers')); "
            "print(bad); sys.exit(1 if bad else 0)")
    res = subprocess.run([sys.executable, "-c", code, str(SEED_ARTICLE)], capture_output=True, text=True,
                         cwd=PROJECT_ROOT, timeout=300)
    assert res.returncode == 0, res.stdout + res.stderr[-2000:]


def test_evaluate_reproduces_the_stored_dev_scores():
    from helpers import datasets
    from helpers.evaluation import newsmtsc as ev_newsmtsc

    if not datasets.present("newsmtsc"):  # shipped in data/newsmtsc; absent only in a trimmed copy
        pytest.skip("NewsMTSC dev not available")
    dev_rw = datasets.locate("newsmtsc") / "dev_rw.jsonl"
    meta = encoder.load_meta()
    m, table = ev_newsmtsc.evaluate(dev_rw)
    assert m["model"] == "encoder" and m["n"] == meta["dev"]["dev_rw"]["n"] == 343
    assert abs(m["f1_macro"] - meta["dev"]["dev_rw"]["f1_macro"]) <= 0.005
    assert 0 < m["f1_macro_se"] < 0.05
    fast, _ = ev_newsmtsc.evaluate(dev_rw, sentiment="fast")
    assert m["f1_macro"] > fast["f1_macro"]  # the encoder beats the linear model on dev-rw


def test_evaluate_reproduces_the_stored_directed_dev_scores():
    from helpers import datasets
    from helpers.evaluation import directed as ev_directed

    if not datasets.present("directed_sentiment"):  # Park et al.: not redistributable, ../shared only
        pytest.skip("Park et al. dev not available")
    meta = encoder.load_meta()
    d, _ = ev_directed.evaluate(datasets.locate("directed_sentiment") / "valid.txt")
    assert abs(d["f1_macro"] - meta["dev"]["directed_dev"]["f1_macro"]) <= 0.005
    assert d["edge_threshold"] == meta["edges"]["threshold"]
    assert abs(d["edge_precision"] - meta["edges"]["precision"]) <= 0.005


def test_train_encoder_cli_bad_data_is_one_line_error(tmp_path, capsys):
    from helpers.cli import main

    assert main(["train", "encoder", "--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "training data missing" in err and len(err.strip().splitlines()) == 1


def test_checkpoint_layers_counts_the_transformer_layers_a_truncated_model_kept():
    from helpers import train_encoder

    state = {f"encoder.encoder.layer.{i}.attention.self.query.weight": None for i in range(3)}
    state.update({"encoder.embeddings.word_embeddings.weight": None, "target.weight": None})
    assert train_encoder.checkpoint_layers(state) == 3
    state["encoder.encoder.layer.11.output.dense.bias"] = None
    assert train_encoder.checkpoint_layers(state) == 12


def _training_data(root):
    from helpers import train_encoder

    for name, files in train_encoder.TRAIN_FILES.items():
        (root / name).mkdir(parents=True)
        for f in files:
            (root / name / f).write_text("", encoding="utf-8")
    return root


def test_train_encoder_calibrates_and_scores_on_the_data_it_trains_on(tmp_path, monkeypatch):
    import argparse

    from helpers import datasets, train_encoder

    data = _training_data(tmp_path / "mine")
    calls = {}
    monkeypatch.setattr(train_encoder, "work_dir", lambda: tmp_path / "work")
    (tmp_path / "work" / "run").mkdir(parents=True)
    (tmp_path / "work" / "run" / "epoch3.pt").write_bytes(b"")

    def fake_train(newsmtsc, directed, out, log):
        calls["train"] = (newsmtsc, directed)
        return out

    monkeypatch.setattr(train_encoder, "train", fake_train)
    monkeypatch.setattr(train_encoder, "finalize", lambda ckpt, **kw: calls.setdefault("finalize", kw["data"]))
    assert train_encoder.train_cli(argparse.Namespace(data=str(data))) == 0
    assert calls["train"] == calls["finalize"] == (data / "newsmtsc", data / "directed_sentiment")
    # without --data: each set where `datasets.locate` finds it (data/<set> first, then ../shared)
    monkeypatch.setattr(datasets, "locate", lambda name: data / name)
    assert train_encoder.data_folders() == (data / "newsmtsc", data / "directed_sentiment")
    (data / "directed_sentiment" / "valid.txt").unlink()
    with pytest.raises(InputError, match="valid.txt: training data missing"):
        train_encoder.data_folders()


def test_a_model_folder_is_replaced_whole_or_not_at_all(tmp_path, monkeypatch):
    from helpers import train_encoder

    (tmp_path / "g.onnx").write_bytes(b"graph one")
    (tmp_path / "t.json").write_text("{}", encoding="utf-8")
    out = train_encoder.write_model(tmp_path / "encoder", tmp_path / "g.onnx", tmp_path / "t.json", {"dev": 1})
    first = json.loads((out / encoder.META_FILE).read_text(encoding="utf-8"))
    assert first["sha256"][encoder.MODEL_FILE] == hashlib.sha256(b"graph one").hexdigest() and first["dev"] == 1
    (tmp_path / "g.onnx").write_bytes(b"graph two")
    real = train_encoder.sha256
    monkeypatch.setattr(train_encoder, "sha256", lambda p: real(p) if p.name == encoder.MODEL_FILE else 1 / 0)
    with pytest.raises(ZeroDivisionError):  # interrupted after the new graph was copied
        train_encoder.write_model(tmp_path / "encoder", tmp_path / "g.onnx", tmp_path / "t.json", {"dev": 2})
    assert (out / encoder.MODEL_FILE).read_bytes() == b"graph one"  # the earlier model, with its own metadata
    assert json.loads((out / encoder.META_FILE).read_text(encoding="utf-8")) == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["encoder", "g.onnx", "t.json"]


def test_analyze_fast_has_rule_edges_only():
    import helpers

    fast = helpers.analyze(SEED_ARTICLE, sentiment="fast")
    assert "origin" not in fast.blame.columns
    enc = helpers.analyze(SEED_ARTICLE)
    assert set(enc.blame["origin"]) == {"rule", "model"}
    rule = enc.blame[enc.blame["origin"] == "rule"].drop(columns=["origin", "probability"])
    assert rule.reset_index(drop=True).equals(fast.blame.reset_index(drop=True))  # the rules' edges are untouched
    with pytest.raises(InputError):
        helpers.analyze(SEED_ARTICLE, sentiment="bert")


def test_metadata_reads_open_no_session():
    code = """
import json, pandas as pd
from helpers import directed, encoder, sentiment
meta = json.loads((encoder.MODEL_DIR / encoder.META_FILE).read_text(encoding="utf-8"))
assert encoder.load_meta() == meta and encoder.load_meta() is encoder.load_meta()
assert directed.edge_threshold("encoder") == meta["edges"]["threshold"]
card = sentiment.model_card()
assert meta["dev"]["dev_rw"]["f1_macro"] in set(card["f1_macro"])
ms = pd.DataFrame({"actor": ["A", "A", "B"], "label": ["negative", "positive", "neutral"], "score": [-0.8, 0.6, 0.0],
                   "p_negative": [0.85, 0.1, 0.1], "p_neutral": [0.1, 0.2, 0.8], "p_positive": [0.05, 0.7, 0.1]})
assert sentiment.by_actor(ms, model="encoder")["mentions"].tolist() == [2, 1]
assert not encoder._loaded, "a session was opened to read metadata"
print("ok")
"""
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300)
    assert res.returncode == 0 and res.stdout.strip() == "ok", res.stdout + res.stderr[-2000:]
