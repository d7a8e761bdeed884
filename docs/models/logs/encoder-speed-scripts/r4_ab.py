"""CPU s per article of helpers.analyze (no figures), A = full ensemble, B = ENSEMBLE_SKIP_NEUTRAL 0.9; interleaved, best of 3."""
import sys, glob, time
from helpers import directed, pipeline, encoder
files = sorted(glob.glob(f"/work/shared/data/polnear/{sys.argv[1]}/text/*.txt"))[int(sys.argv[2]):int(sys.argv[3])]
pipeline.warm_up(); encoder.load()
best = {"A": 1e9, "B": 1e9}
for rep in range(int(sys.argv[5])):
    for k, skip in (("A", 1.01), ("B", float(sys.argv[4]))):
        directed.ENSEMBLE_SKIP_NEUTRAL = skip
        t = time.process_time()
        for f in files: pipeline.analyze(f)
        best[k] = min(best[k], time.process_time() - t)
print({k: round(v / len(files), 4) for k, v in best.items()}, "CPU s per article over", len(files), "articles")
