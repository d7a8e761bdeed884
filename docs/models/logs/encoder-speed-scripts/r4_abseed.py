"""CPU s of helpers.analyze(seed), no figures, A = skip off, B = shipped 0.95; interleaved, best of 3; and pairs skipped."""
import time, numpy as np
from helpers import directed, pipeline, encoder
from helpers.paths import SEED_ARTICLE
pipeline.warm_up(); encoder.load(); pipeline.analyze(SEED_ARTICLE)
best = {}
for rep in range(3):
    for k, skip in (("A", 1.01), ("B", 0.95)):
        directed.ENSEMBLE_SKIP_NEUTRAL = skip
        t = time.process_time(); pipeline.analyze(SEED_ARTICLE); best[k] = min(best.get(k, 1e9), time.process_time() - t)
print({k: round(v, 3) for k, v in best.items()})
