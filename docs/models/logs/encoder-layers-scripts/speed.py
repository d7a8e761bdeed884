"""CPU seconds, one core, interleaved A/B of encoder model dirs: python speed.py DIR1 DIR2 ... (not part of the project)."""
import os, sys, json, time, glob
os.environ["HELPERS_ENCODER_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
from pathlib import Path
from helpers import encoder, sentiment
from helpers.paths import SEED_ARTICLE
from helpers.pipeline import analyze
from helpers.sentiment_model import read_jsonl
encoder.BATCH = int(os.environ.get("B", "8"))
os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
def cpu():
    t = os.times(); return t.user + t.system
dirs = [Path(d) for d in sys.argv[1:]]
targets = [(r["sentence"], r["from"], r["to"]) for r in read_jsonl("/work/shared/data/newsmtsc/dev_mt.jsonl")]
arts = sorted(glob.glob("/work/shared/data/polnear/dev/text/*"))[:20]
res = {str(d): {"tps": [], "seed": [], "art": []} for d in dirs}
for rep in range(2):
    for d in dirs:
        encoder.MODEL_DIR = d; encoder.load.cache_clear(); encoder.load()
        analyze(SEED_ARTICLE, sentiment="encoder")
        t = cpu(); sentiment.span_probabilities(targets, "encoder"); res[str(d)]["tps"].append(len(targets) / (cpu() - t))
        t = cpu(); analyze(SEED_ARTICLE, sentiment="encoder"); res[str(d)]["seed"].append(cpu() - t)
        t = cpu()
        for a in arts:
            analyze(Path(a), sentiment="encoder")
        res[str(d)]["art"].append((cpu() - t) / len(arts))
for d, r in res.items():
    print(d, "targets/s %.0f" % max(r["tps"]), "seed %.3f s" % min(r["seed"]), "polnear-dev %.3f s/article" % min(r["art"]))
