import sys, glob, pickle, numpy as np
from helpers import encoder, pipeline
split, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
files = sorted(glob.glob(f"/work/shared/data/polnear/{split}/text/*.txt"))[lo:hi]
log = {"target": [], "directed": []}
def stub(self, items, head):
    log[head].append(list(items)); return np.zeros((len(items), 3 if head == "target" else 5))
encoder.Encoder.logits = stub
for f in files: pipeline.analyze(f)
pickle.dump(log, open(sys.argv[4], "wb"))
print({k: sum(map(len, v)) for k, v in log.items()})
