"""Benchmark: actor mention finding on the seed article, on one core.

    .venv/bin/python benchmarks/bench_actors.py [--runs N] [--json]

Prints milliseconds per run of ``actors.find_mentions`` (spans, people, descriptions and
pronouns) on the seed article's sentences: the median of N runs after start-up (imports, the
gazetteers and pycountry loaded, one warm-up run). Start-up itself is printed beside it.
Target: well under 100 ms. With ``--json`` a last line holds the numbers as one JSON object.
"""
from __future__ import annotations

import argparse
import json
import statistics
import time


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    import helpers
    from helpers import actors, text
    from helpers.paths import SEED_ARTICLE

    sents = text.sentences(helpers.load_article(SEED_ARTICLE))
    actors.lexicon()
    mentions = actors.find_mentions(sents)  # warm-up
    startup = time.perf_counter() - t0
    wall, cpu = [], []
    for _ in range(args.runs):
        w0, c0 = time.perf_counter(), time.process_time()
        actors.find_mentions(sents)
        wall.append(time.perf_counter() - w0)
        cpu.append(time.process_time() - c0)
    result = {
        "task": "actors",
        "sentences": len(sents),
        "mentions": len(mentions),
        "ms_per_seed": round(statistics.median(wall) * 1000, 2),
        "cpu_ms_per_seed": round(statistics.median(cpu) * 1000, 2),
        "startup_s": round(startup, 3),
    }
    print(f"actors.find_mentions on the seed ({result['sentences']} sentences, {result['mentions']} mentions): "
          f"{result['ms_per_seed']:.1f} ms median of {args.runs} (CPU {result['cpu_ms_per_seed']:.1f} ms); "
          f"start-up {result['startup_s']:.2f} s")
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
