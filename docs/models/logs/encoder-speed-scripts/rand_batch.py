"""Dev macro-F1 of a graph over random batchings: dev shuffled into 'articles' of 64 items, each run as Encoder.logits does."""
import sys, json, numpy as np
from pathlib import Path
from helpers import encoder as enc, train_encoder as te
from helpers.paths import SHARED_DATA
d = Path(sys.argv[1]); seeds = int(sys.argv[2])
e = enc.Encoder(d, threads=1)
data = {"target": {"dev_rw": te.newsmtsc_items(SHARED_DATA / "newsmtsc" / "dev_rw.jsonl"),
                   "dev_mt": te.newsmtsc_items(SHARED_DATA / "newsmtsc" / "dev_mt.jsonl")},
        "directed": {"dev": te.park_items(SHARED_DATA / "directed_sentiment" / "valid.txt")}}
res = {k: [] for k in ("dev_rw", "dev_mt", "directed_dev")}
for seed in range(seeds):
    rng = np.random.default_rng(seed)
    lg = {}
    for key, (task, split) in {"dev_rw": ("target", "dev_rw"), "dev_mt": ("target", "dev_mt"), "directed_dev": ("directed", "dev")}.items():
        items = data[task][split][0]
        perm = rng.permutation(len(items)); out = np.zeros((len(items), 3 if task == "target" else 5))
        for s in range(0, len(perm), 64):
            idx = perm[s:s + 64]
            out[idx] = e.logits([items[i] for i in idx], task)
        lg[key] = out
    sc = te.evaluate_logits(data, lg)
    for k in res: res[k].append(sc[k]["f1_macro"])
print(json.dumps({k: {"mean": round(float(np.mean(v)), 4), "sd": round(float(np.std(v, ddof=1)), 4), "min": min(v), "max": max(v)} for k, v in res.items()}))
