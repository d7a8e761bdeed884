"""Capture the seed's encoder items (target & directed) to a pickle."""
import os, pickle, sys
os.environ["HELPERS_ENCODER_THREADS"] = "1"
from helpers import encoder
from helpers.paths import SEED_ARTICLE
from helpers.pipeline import analyze
cap = {"target": [], "directed": []}
orig = encoder.Encoder.logits
def logits(self, items, head):
    cap[head].append(list(items))
    return orig(self, items, head)
encoder.Encoder.logits = logits
analyze(SEED_ARTICLE, sentiment="encoder")
for h, calls in cap.items():
    print(h, [len(c) for c in calls])
pickle.dump(cap, open(sys.argv[1], "wb"))
