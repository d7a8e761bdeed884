"""python harness.py NAME GRAPH [--batch N] [--no-dev]: speed (one core, CPU s, best of 3) and dev macro-F1."""
import argparse, json, os, pickle, resource, shutil, sys, time
from pathlib import Path
import numpy as np
os.environ["HELPERS_ENCODER_THREADS"] = "1"
from helpers import encoder as enc
from helpers import train_encoder as te
from helpers.paths import SHARED_DATA
ap = argparse.ArgumentParser()
ap.add_argument("name"); ap.add_argument("graph")
ap.add_argument("--batch", type=int, default=enc.BATCH)
ap.add_argument("--no-dev", action="store_true")
ap.add_argument("--maxlen", type=int, default=None)
ap.add_argument("--window", type=int, default=None)
a = ap.parse_args()
enc.BATCH = a.batch
if a.window: enc.WINDOW_CHARS = a.window
d = Path("/tmp/i11/models") / a.name
d.mkdir(parents=True, exist_ok=True)
shutil.copy(a.graph, d / "model.onnx")
for f in ("tokenizer.json", "meta.json"):
    shutil.copy(enc.MODEL_DIR / f, d / f)
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF); return r.ru_utime + r.ru_stime
t0 = time.perf_counter(); c0 = cpu()
e = enc.Encoder(d, threads=1)
load_wall, load_cpu = time.perf_counter() - t0, cpu() - c0
if a.maxlen: e.max_len = a.maxlen
def best(fn, k=3):
    b = 1e9
    for _ in range(k):
        c = cpu(); fn(); b = min(b, cpu() - c)
    return b
from helpers.evaluation.newsmtsc import read
rows = list(read(SHARED_DATA / "newsmtsc" / "dev_mt.jsonl"))
spans = [(r["sentence"], r["from"], r["to"]) for r in rows]
e.target_proba(spans[:8])
t_mt = best(lambda: e.target_proba(spans))
cap = pickle.load(open("/tmp/i11/seed_items.pkl", "rb"))
t_seed = best(lambda: (e.logits(cap["target"][0], "target"), e.logits(cap["directed"][0], "directed")))
res = {"name": a.name, "batch": a.batch, "mb": round((d / "model.onnx").stat().st_size / 1e6, 1),
       "load_wall": round(load_wall, 3), "load_cpu": round(load_cpu, 3),
       "targets_per_s": round(len(spans) / t_mt, 1), "seed_encoder_cpu_s": round(t_seed, 3)}
if not a.no_dev:
    data = {"target": {"dev_rw": te.newsmtsc_items(SHARED_DATA / "newsmtsc" / "dev_rw.jsonl"),
                       "dev_mt": te.newsmtsc_items(SHARED_DATA / "newsmtsc" / "dev_mt.jsonl")},
            "directed": {"dev": te.park_items(SHARED_DATA / "directed_sentiment" / "valid.txt")}}
    lg = {"dev_rw": e.logits(data["target"]["dev_rw"][0], "target"),
          "dev_mt": e.logits(data["target"]["dev_mt"][0], "target"),
          "directed_dev": e.logits(data["directed"]["dev"][0], "directed")}
    np.savez(d / "dev_logits.npz", **lg)
    sc = te.evaluate_logits(data, lg)
    res["dev"] = {k: v["f1_macro"] for k, v in sc.items()}
    ref = Path("/tmp/i11/models/base/dev_logits.npz")
    if ref.is_file() and a.name != "base":
        r = np.load(ref)
        res["max_abs_logit_diff"] = round(max(float(np.abs(r[k] - lg[k]).max()) for k in lg), 4)
        res["argmax_agree"] = round(float(np.mean(np.concatenate([r[k].argmax(1) == lg[k].argmax(1) for k in lg]))), 4)
print(json.dumps(res))
with open("/tmp/i11/results.jsonl", "a") as f:
    f.write(json.dumps(res) + "\n")
