"""Cascade: run the encoder's directed head only where the linear model is not confidently neutral (P(neutral) < tau)."""
import sys, glob, pickle, numpy as np
from helpers import directed, encoder
from helpers import train_encoder as te
from helpers.encoder import softmax
pairs = directed.read_file("/work/shared/data/directed_sentiment/valid.txt")
gold = np.array([p.label for p in pairs]); items = [(p.sentence, p.e1, p.e2) for p in pairs]
pl = softmax(directed.linear_logits(items), directed.LINEAR_TEMPERATURE)
pe = encoder.load().pair_proba(items)
ens = (pl + pe) / 2
def prf(p, t=0.35):
    return tuple(round(x, 4) for x in te._prf(*te.edge_counts(p, gold, t)))
print("ensemble", prf(ens), "macroF1", round(te.macro_f1(gold, ens.argmax(1), 5), 4))
log = pickle.load(open("/tmp/i11/r4/items20.pkl", "rb"))
# PolNeAR candidate pairs: linear P(neutral); the captured items are marked texts, so recompute candidates
import collections
from helpers import pipeline
cand_items = []
orig = directed.edge_probabilities
def rec(items, name=directed.EDGE_MODEL):
    cand_items.extend(items); return orig(items, "linear")
directed.edge_probabilities = rec
for f in sorted(glob.glob("/work/shared/data/polnear/train/text/*.txt"))[:20]:
    import helpers.framing  # model_edges looks edge_probabilities up in directed's globals
    pipeline.analyze(f, sentiment="encoder") if False else None
directed.edge_probabilities = orig
for tau in (0.6, 0.7, 0.8, 0.9, 0.95):
    skip = pl[:, 0] >= tau
    c = np.where(skip[:, None], pl, ens)
    print(f"tau {tau}: skipped {skip.mean():.3f} of dev pairs; edge P/R/F1 {prf(c)}; macroF1 {te.macro_f1(gold, c.argmax(1), 5):.4f}; gold edges skipped {(skip & (gold != 0)).sum()}")
pickle.dump({"pl": pl, "pe": pe, "gold": gold}, open("/tmp/i11/r4/dev_probs.pkl", "wb"))
