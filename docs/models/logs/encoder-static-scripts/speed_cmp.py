"""Targets/s on one thread (CPU time, best of 3, interleaved) for encoder graphs in folders."""
import sys, time
from pathlib import Path
from helpers import encoder as enc, train_encoder as te
n, _ = te.data_folders()
items = te.newsmtsc_items(Path(n) / "dev_mt.jsonl")[0]
es = {d: enc.Encoder(Path(d), threads=1) for d in sys.argv[1:]}
best = {}
for _ in range(3):
    for d, e in es.items():
        for b in (8, 1):
            enc.BATCH = b
            t0 = time.process_time(); e.logits(items, "target"); t = time.process_time() - t0
            best[(d, b)] = min(best.get((d, b), 1e9), t)
for (d, b), t in best.items():
    print(f"{Path(d).name}\tbatch {b}\t{len(items) / t:.0f} targets/s")
