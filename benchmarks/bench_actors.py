"""Benchmark: actor mention finding on the seed article, on one core.

    .venv/bin/python benchmarks/bench_actors.py [--runs N] [--json]

Prints milliseconds per run of ``actors.find_mentions`` (spans, people, descriptions and
pronouns) on the seed article's sentences: the median of N runs after start-up (imports, the
gazetteers and pycountry loaded, one warm-up run). Start-up itself is printed beside it.
Target: well under 100 ms. With ``--json`` a last line holds the numbers as one JSON object.

A second line: CPU milliseconds per sentence on an invented article where every sentence names a new
organisation and then its short name ("The Korvel Tannis Commission met. The Commission said …"),
at 100 and 800 sentences, and their ratio. Resolving short names by scanning every earlier mention
made it grow with the length (quadratic); the index of name endings (`resolve.OrgEndings`) keeps it
near 1. Exit status 1 when the ratio is above ``--max-ratio`` (default 2.0).
"""
from __future__ import annotations

import argparse
import json
import statistics
import time


SYLLABLES = "Kor Vel Tan Mira Sol Bren Dal Ost Quen Ril Tor Ash Fen Gal Hol Jast Lin Mor Nev Pell".split()


def many_organisations(count: int) -> str:
    """An invented article of ``2 * count`` sentences naming ``count`` distinct organisations."""
    names = [f"{a}{b.lower()} {c}{d.lower()}" for a in SYLLABLES for b in SYLLABLES for c in SYLLABLES[:3]
             for d in SYLLABLES[:2]]
    body = " ".join(f"The {names[k]} Commission met on Monday. The Commission said it would report."
                    for k in range(count))
    return "Harbour Boards Meet\n\n" + body


def bench_organisations(sizes=(100, 800), repeats: int = 2) -> dict:
    """CPU ms per sentence of ``find_mentions`` on `many_organisations` at each size, best of ``repeats``."""
    import helpers
    from helpers import actors, text

    out = {}
    for size in sizes:
        sents = text.sentences(helpers.load_article(many_organisations(size)))
        best = float("inf")
        for _ in range(repeats):
            c0 = time.process_time()
            actors.find_mentions(sents)
            best = min(best, time.process_time() - c0)
        out[size] = best / len(sents) * 1000
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--max-ratio", type=float, default=2.0)
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
    per_sentence = bench_organisations()
    small, large = sorted(per_sentence)
    ratio = per_sentence[large] / per_sentence[small]
    result.update({f"cpu_ms_per_sentence_{k}": round(v, 3) for k, v in per_sentence.items()})
    result["organisation_ratio"] = round(ratio, 2)
    print(f"many organisations: {per_sentence[small]:.2f} CPU ms per sentence at {2 * small} sentences, "
          f"{per_sentence[large]:.2f} at {2 * large}; ratio {ratio:.2f} (max {args.max_ratio})")
    if args.json:
        print(json.dumps(result))
    return 1 if ratio > args.max_ratio else 0


if __name__ == "__main__":
    raise SystemExit(main())
