"""Benchmark: target-sentiment model load time and targets per second on one core.

    .venv/bin/python benchmarks/bench_sentiment.py [--data ../shared/data/newsmtsc/dev_mt.jsonl] [--repeat 3]

Load time: a fresh ``TargetSentimentModel.load`` of the shipped ``.npz`` (best of 3; target < 1 s).
Throughput: ``classify_target`` over every row of the NewsMTSC dev file (or, when the data is not
there, a built-in list of sentences), after loading, single thread, best of ``--repeat`` passes; the
per-sentence VADER cache is cleared before each pass so repeated sentences are not free (target ≥ 2,000/s).
"""
from __future__ import annotations

import argparse
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import json  # noqa: E402
import time  # noqa: E402

FALLBACK = [
    ("Critics called Smith a liar and a fraud who betrayed his voters.", 15, 20),
    ("Supporters praised Smith as a brilliant, honest and courageous leader.", 19, 24),
    ("Smith will meet the committee on Tuesday in Washington.", 0, 5),
    ("Jones praised the brave rescuers, while he attacked Miller as a corrupt liar.", 51, 57),
]


def main() -> int:
    from helpers import sentiment
    from helpers.paths import SHARED_DATA
    from helpers.sentiment_model import MODEL_PATH, TargetSentimentModel, _vader_scores, load_model, read_jsonl

    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(SHARED_DATA / "newsmtsc" / "dev_mt.jsonl"))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    loads = []
    for _ in range(3):
        t = time.perf_counter()
        TargetSentimentModel.load(MODEL_PATH)
        loads.append(time.perf_counter() - t)
    load_model()
    if os.path.exists(args.data):
        targets = [(r["sentence"], r["from"], r["to"]) for r in read_jsonl(args.data)]
        source = args.data
    else:
        targets = FALLBACK * 100
        source = "built-in sentences"
    sentiment.classify_target(*targets[0])  # warm up (lexicon, analyzer)
    best = float("inf")
    for _ in range(args.repeat):
        _vader_scores.cache_clear()
        t = time.perf_counter()
        for s, a, b in targets:
            sentiment.classify_target(s, a, b)
        best = min(best, time.perf_counter() - t)
    result = {
        "benchmark": "target-sentiment",
        "model_load_s": round(min(loads), 4),
        "targets": len(targets),
        "targets_per_s": round(len(targets) / best, 1),
        "source": source,
        "model_mb": round(MODEL_PATH.stat().st_size / 1e6, 2),
    }
    print(f"model load: {result['model_load_s']:.3f} s (target < 1 s); "
          f"throughput: {result['targets_per_s']:.0f} targets/s on one core over {len(targets)} targets (target >= 2000)")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
