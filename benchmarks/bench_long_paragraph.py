"""No stage superlinear in paragraph length: a 20,000-word single paragraph vs the same text in paragraphs.

    .venv/bin/python benchmarks/bench_long_paragraph.py [--words 20000] [--max-ratio 1.5] [--json]

Builds one text from the sample corpus (``seeds/corpus/narrative_frames``, its paragraphs in
file order, repeated until ``--words``) and analyses it twice: as normal paragraphs, and as ONE
paragraph (the same sentences joined by spaces, as pasted text without breaks often is). For each
stage it prints the CPU seconds per 1,000 words of both (``time.process_time`` of this process,
the encoder at one thread, best of ``--repeats`` interleaved runs) and their ratio (single /
paragraphs). CPU seconds, not wall time: on a shared machine other processes' load changes a
stage's wall time by 2× from one run to the next (the encoder's sentiment stage read 1.83× in
wall time at load 9 where its CPU time was 0.99×). A stage
whose cost grows with the square of the paragraph length shows a ratio far above 1 (it grew with
the number of words in the paragraph, 100× here); a linear stage stays near 1. Exits 1 when a
stage's ratio exceeds ``--max-ratio`` (default 1.5) so `make bench` flags it. Stages below 5 ms
in both runs are reported but not judged (noise).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "seeds" / "corpus" / "narrative_frames"


def paragraphs(words: int) -> list[str]:
    """Body paragraphs of the sample corpus (front matter dropped), repeated to ``words`` words."""
    pool = []
    for path in sorted(SAMPLE.glob("nf-*.md")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[2]
        pool.extend(p.strip() for p in text.split("\n\n") if len(p.split()) > 5)
    out, count, i = [], 0, 0
    while count < words:
        out.append(pool[i % len(pool)])
        count += len(pool[i % len(pool)].split())
        i += 1
    return out


def stage_times(text: str, repeats: int = 3) -> dict[str, float]:
    """Seconds per stage (best of ``repeats``) for one article text."""
    from helpers import actors, attribution, framing, readability, sentiment
    from helpers import text as text_mod
    from helpers.article import load_article

    best: dict[str, float] = {}
    for _ in range(repeats):
        t = {}
        clock = time.process_time  # CPU seconds of this process (all its threads)
        t0 = clock()
        article = load_article(text, format="text")
        t["read"] = clock() - t0
        t0 = clock()
        sents = text_mod.sentences(article)
        t["sentences"] = clock() - t0
        t0 = clock()
        mentions = actors.find_mentions(sents)
        t["actors"] = clock() - t0
        t0 = clock()
        quotes = attribution.find_quotes(sents, mentions)
        t["quotes"] = clock() - t0
        t0 = clock()
        sentiment.score_mentions(sents, mentions, quotes)
        t["sentiment"] = clock() - t0
        t0 = clock()
        readability.measure(article, sents)
        t["readability"] = clock() - t0
        t0 = clock()
        blame = framing.find_blame(sents, mentions, quotes)
        t["blame"] = clock() - t0
        t0 = clock()
        blame = framing.merge_model_edges(blame, sents, mentions, quotes)  # the encoder's edges (as `analyze` does)
        t["model_edges"] = clock() - t0
        t0 = clock()
        framing.frames(sents, mentions, quotes, blame=blame)
        t["frames"] = clock() - t0
        for k, v in t.items():
            best[k] = min(best.get(k, v), v)
    return best


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--max-ratio", type=float, default=1.5)
    parser.add_argument("--repeats", type=int, default=3, help="best of N runs per stage (default 3)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    import helpers
    from helpers import encoder

    encoder.set_threads(1)  # the encoder's work on this thread: CPU seconds of one core, as a worker of --jobs 2
    paras = paragraphs(args.words)
    title = "Long paragraph benchmark"
    normal = title + "\n\n" + "\n\n".join(paras)
    single = title + "\n\n" + " ".join(paras)
    helpers.analyze(helpers.load_article(normal[:3000], format="text"))  # warm-up: lexicons, models
    words = len(" ".join(paras).split())
    a, b = {}, {}
    for _ in range(args.repeats):  # interleaved, so a change in the machine's load hits both alike
        for best, text in ((a, normal), (b, single)):
            for stage, secs in stage_times(text, 1).items():
                best[stage] = min(best.get(stage, secs), secs)
    print(f"{words} words: {len(paras)} paragraphs vs one paragraph (CPU seconds per 1,000 words)")
    result, worst = {"words": words, "stages": {}}, 0.0
    for stage in a:
        ratio = b[stage] / a[stage] if a[stage] > 0 else float("inf")
        judged = max(a[stage], b[stage]) >= 0.005
        if judged:
            worst = max(worst, ratio)
        result["stages"][stage] = {"paragraphs_s": a[stage], "single_s": b[stage], "ratio": ratio}
        print(f"  {stage:<12} {a[stage] * 1000 / words:8.3f} {b[stage] * 1000 / words:8.3f}   ratio {ratio:5.2f}"
              f"{'' if judged else '  (too small to judge)'}")
    result["worst_ratio"] = worst
    verdict = "ok" if worst <= args.max_ratio else "SUPERLINEAR"
    print(f"worst ratio {worst:.2f} (limit {args.max_ratio}): {verdict}")
    if args.json:
        print(json.dumps(result))
    return 0 if worst <= args.max_ratio else 1


if __name__ == "__main__":
    sys.exit(main())
