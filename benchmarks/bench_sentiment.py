"""Benchmark: both target-sentiment models — load time, targets per second on one core, seed analysis time.

    .venv/bin/python benchmarks/bench_sentiment.py [--data ../shared/data/newsmtsc/dev_mt.jsonl] [--repeat 3]

The process pins itself to one core (the first it may use) and every number is CPU seconds
(user + sys) of this process, best of ``--repeat``: on a shared machine wall time measures the
neighbours. Aims (issue 11) for the encoder: load ≤ 1.5 s, ≥ 300 targets/s, seed ≤ 0.5 s; the
exit status is 1 when one is missed (``make bench`` lists it).
Load time: a fresh load of each shipped model (the linear ``.npz``; the encoder's ONNX session +
tokenizer), best of 3 (targets: < 1 s linear, ≤ 1.5 s encoder); the wall time is printed too.
Throughput on one core: the fast model's `classify_target` row by row (per-sentence VADER cache
cleared before each pass; target ≥ 2,000/s); the encoder batched over all rows of the NewsMTSC dev
file (`sentiment.span_probabilities`, one intra-op thread; target ≥ 300/s).
Seed analysis: `helpers.analyze` of the seed article, no figures, after a warm-up run (models
loaded), for ``sentiment="fast"`` and ``"encoder"`` (target ≤ 0.5 s).
"""
from __future__ import annotations

import argparse
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")
os.environ.setdefault("HELPERS_ENCODER_THREADS", "1")

import json  # noqa: E402
import time  # noqa: E402

FALLBACK = [
    ("Critics called Smith a liar and a fraud who betrayed his voters.", 15, 20),
    ("Supporters praised Smith as a brilliant, honest and courageous leader.", 19, 24),
    ("Smith will meet the committee on Tuesday in Washington.", 0, 5),
    ("Jones praised the brave rescuers, while he attacked Miller as a corrupt liar.", 51, 57),
]


AIMS = {"model_load_s": 1.5, "targets_per_s": 300.0, "seed_analysis_s": 0.5}  # encoder, issue 11


def _cpu() -> float:
    t = os.times()
    return t.user + t.system


def _best(fn, repeat: int) -> float:
    """Fewest CPU seconds (user + sys of this process) of ``repeat`` calls."""
    best = float("inf")
    for _ in range(repeat):
        t = _cpu()
        fn()
        best = min(best, _cpu() - t)
    return best


def _pin_one_core() -> int | None:
    """Run on one core (the first this process may use); returns it, or None where affinity is not available."""
    try:
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return core
    except (AttributeError, OSError):
        return None


def main() -> int:
    from helpers import datasets, encoder, sentiment
    from helpers.paths import SEED_ARTICLE
    from helpers.pipeline import analyze
    from helpers.sentiment_model import MODEL_PATH, TargetSentimentModel, _vader_scores, load_model, read_jsonl

    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(datasets.locate("newsmtsc") / "dev_mt.jsonl"),
                        help="NewsMTSC dev file (default: data/newsmtsc, else ../shared/data/newsmtsc)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    core = _pin_one_core()

    t_wall = time.perf_counter()
    encoder.Encoder(encoder.MODEL_DIR, threads=1)
    enc_load_wall = time.perf_counter() - t_wall
    fast_load = _best(lambda: TargetSentimentModel.load(MODEL_PATH), 3)
    enc_load = _best(lambda: encoder.Encoder(encoder.MODEL_DIR, threads=1), 3)
    load_model()
    if os.path.exists(args.data):
        targets = [(r["sentence"], r["from"], r["to"]) for r in read_jsonl(args.data)]
        source = args.data
    else:
        targets = FALLBACK * 100
        source = "built-in sentences"
    sentiment.classify_target(*targets[0], model="fast")  # warm up (lexicon, analyzer)
    sentiment.span_probabilities(targets[:8], "encoder")

    def fast_pass():
        _vader_scores.cache_clear()
        for s, a, b in targets:
            sentiment.classify_target(s, a, b, model="fast")

    fast_s = _best(fast_pass, args.repeat)
    enc_s = _best(lambda: sentiment.span_probabilities(targets, "encoder"), args.repeat)
    seed = {}
    for model in ("fast", "encoder"):
        analyze(SEED_ARTICLE, sentiment=model)
        seed[model] = _best(lambda: analyze(SEED_ARTICLE, sentiment=model), args.repeat)
    size = sum(f.stat().st_size for f in encoder.MODEL_DIR.iterdir())
    result = {
        "benchmark": "target-sentiment",
        "targets": len(targets),
        "source": source,
        "fast": {"model_load_s": round(fast_load, 4), "targets_per_s": round(len(targets) / fast_s, 1),
                 "seed_analysis_s": round(seed["fast"], 3), "model_mb": round(MODEL_PATH.stat().st_size / 1e6, 2)},
        "encoder": {"model_load_s": round(enc_load, 4), "model_load_wall_s": round(enc_load_wall, 4),
                    "targets_per_s": round(len(targets) / enc_s, 1),
                    "seed_analysis_s": round(seed["encoder"], 3), "model_mb": round(size / 1e6, 2),
                    "graph": encoder.load().meta.get("graph"), "batch": encoder.BATCH},
        "core": core, "clock": "CPU seconds (user+sys), best of %d" % args.repeat,
    }
    print(f"CPU seconds of one process pinned to core {core}, best of {args.repeat}")
    for name, r in (("fast (linear)", result["fast"]), ("encoder", result["encoder"])):
        print(f"{name}: load {r['model_load_s']:.3f} s; {r['targets_per_s']:.0f} targets/s on one core over "
              f"{len(targets)} targets; seed analysis (no figures) {r['seed_analysis_s']:.3f} s; {r['model_mb']} MB")
    print(json.dumps(result))
    enc = result["encoder"]
    missed = [k for k, aim in AIMS.items() if (enc[k] < aim if k == "targets_per_s" else enc[k] > aim)]
    if missed:
        print("encoder misses its aim: " + ", ".join(f"{k} {enc[k]} (aim {AIMS[k]})" for k in missed))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
