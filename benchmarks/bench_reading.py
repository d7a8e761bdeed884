"""Benchmark: reading + readability, on one core.

    python benchmarks/bench_reading.py [--runs N] [--json]

Prints two lines:
- seconds per article for the seed (load_article + sentences + readability.measure), the median of
  N runs after start-up (imports and language data loaded, one warm-up run);
- articles per second over the 567 OneStopEnglish texts (load_article + sentences + measure),
  one pass after start-up. Skipped if ``../shared/data/onestopenglish`` is absent;
- reading a 2.5 MB text (the seed's paragraphs 600 times, 12,000 paragraphs): CPU seconds of
  `load_article` per million characters against the seed's own, a ratio that a reader superlinear
  in length would push far above 1 (exit status 1 above ``--max-ratio``, default 1.5).
With ``--json`` a last line holds the same numbers as one JSON object. Wall-clock time; CPU time of
the process is given beside it (steadier on a busy machine).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import time


def _read_measure(path):
    from helpers import load_article, readability, text

    article = load_article(path)
    return readability.measure(article, text.sentences(article))


def bench_seed(runs: int) -> tuple[float, float]:
    """(median wall seconds, median CPU seconds) per run on the seed article."""
    from helpers.paths import SEED_ARTICLE

    _read_measure(SEED_ARTICLE)  # warm-up: lexicons, caches
    wall, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        _read_measure(SEED_ARTICLE)
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    return statistics.median(wall), statistics.median(cpu)


def bench_onestop() -> tuple[int, float, float] | None:
    """(texts, articles per wall second, articles per CPU second) over OneStopEnglish, or None."""
    from helpers.paths import SHARED_DATA

    root = SHARED_DATA / "onestopenglish"
    files = sorted(p for level in ("advanced", "intermediate", "elementary") for p in (root / level).glob("*.txt"))
    if not files:
        return None
    _read_measure(files[0])
    t0, c0 = time.perf_counter(), time.process_time()
    for path in files:
        _read_measure(path)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return len(files), len(files) / wall, len(files) / cpu


def bench_long_text(repeats: int = 3) -> tuple[float, float]:
    """(CPU seconds per million characters: the seed, its paragraphs 600 times), best of ``repeats``."""
    from helpers import load_article
    from helpers.paths import SEED_ARTICLE

    seed = load_article(SEED_ARTICLE)
    short = seed.title + "\n" + "\n".join(seed.paragraphs)
    long = "A very long article\n" + "\n".join(seed.paragraphs * 600)

    def per_million(text: str) -> float:
        best = float("inf")
        for _ in range(repeats):
            c0 = time.process_time()
            load_article(text)
            best = min(best, time.process_time() - c0)
        return best / len(text) * 1e6

    return per_million(short), per_million(long)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs on the seed article (median reported)")
    parser.add_argument("--json", action="store_true", help="also print one JSON line")
    parser.add_argument("--max-ratio", type=float, default=1.5, help="long text / seed CPU per character (default 1.5)")
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    import helpers  # noqa: F401  (start-up: imports, offline language data)

    startup = time.perf_counter() - t0
    seed_wall, seed_cpu = bench_seed(args.runs)
    print(f"seed article: {seed_wall:.4f} s per article (load + sentences + readability; median of {args.runs} runs, "
          f"CPU {seed_cpu:.4f} s; start-up {startup:.1f} s not included)")
    result = {"bench": "reading", "seed_seconds_per_article": round(seed_wall, 5),
              "seed_cpu_seconds_per_article": round(seed_cpu, 5), "runs": args.runs, "startup_seconds": round(startup, 2)}
    onestop = bench_onestop()
    if onestop is None:
        print("onestopenglish: skipped (data not found)")
    else:
        n, per_wall, per_cpu = onestop
        print(f"onestopenglish: {per_wall:.1f} articles/second over {n} texts (read + sentences + readability; "
              f"{per_cpu:.1f} per CPU second)")
        result.update(onestop_texts=n, onestop_articles_per_second=round(per_wall, 1),
                      onestop_articles_per_cpu_second=round(per_cpu, 1))
    seed_rate, long_rate = bench_long_text()
    ratio = long_rate / seed_rate
    print(f"long text (12,000 paragraphs, 2.5 MB): {long_rate:.3f} CPU s per million characters against the seed's "
          f"{seed_rate:.3f}, ratio {ratio:.2f} (limit {args.max_ratio})")
    result.update(long_text_cpu_s_per_million_chars=round(long_rate, 4), seed_cpu_s_per_million_chars=round(seed_rate, 4),
                  long_text_ratio=round(ratio, 2))
    if args.json:
        print(json.dumps(result))
    return 0 if ratio <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
