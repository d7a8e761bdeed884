"""Count encoder inputs per article and their redundancy (stub encoder: no model compute)."""
import sys, collections, glob
import numpy as np
from helpers import encoder, directed, pipeline, sentiment
N = int(sys.argv[1]) if len(sys.argv) > 1 else 60
split = sys.argv[2] if len(sys.argv) > 2 else "train"
files = sorted(glob.glob(f"/work/shared/data/polnear/{split}/text/*.txt"))[:N]
log = []
orig_logits = encoder.Encoder.logits
def stub(self, items, head):
    log.append((head, list(items)))
    return np.zeros((len(items), 3 if head == "target" else 5))
encoder.Encoder.logits = stub
cands_log = []
orig_c = directed.candidates
def cands(*a, **k):
    out = orig_c(*a, **k); cands_log.append(out); return out
directed.candidates = cands
ms_log = []
orig_sm = sentiment.score_mentions
def sm(sents, mentions, quotes=None, model="encoder"):
    ms_log.append(mentions); return orig_sm(sents, mentions, quotes, model)
sentiment.score_mentions = sm
pipeline._sentiment.score_mentions = sm
C = collections.Counter()
for f in files:
    log.clear(); cands_log.clear(); ms_log.clear()
    pipeline.analyze(f)
    for head, items in log:
        C[head + "_in"] += len(items)
        C[head + "_unique"] += len(set(items))
    m = ms_log[0]
    m = m[m["actor"].notna() & (m["actor"].astype(str).str.strip() != "")]
    C["mentions"] += len(m)
    C["groups"] += m.groupby(["sent_id", "actor"]).ngroups
    for v, n in m["via"].value_counts().items():
        C["via_" + str(v)] += n
    # pronoun mentions in groups with a non-pronoun mention
    for cs in cands_log:
        C["cand"] += len(cs)
        C["cand_quote"] += sum(c["via"] == "quote" for c in cs)
        keys = collections.Counter((c["sent_id"], c["text"], frozenset([c["a1"], c["a2"]])) for c in cs)
        C["cand_actorpair_unique"] += len(keys)
        canon = set((c["text"],) + tuple(sorted([c["e1"], c["e2"]])) for c in cs)
        C["cand_canon_unique"] += len(canon)
        C["cand_self"] += sum(c["a1"] == c["a2"] for c in cs)
print(len(files), "articles")
for k, v in sorted(C.items()):
    print(f"{k:28s} {v:7d} {v/len(files):8.2f}/article")
# composition of multi-mention groups (last article set only re-run cheaply)
G = collections.Counter()
for f in files:
    ms_log.clear(); log.clear()
    pipeline.analyze(f)
    m = ms_log[0]
    m = m[m["actor"].notna() & (m["actor"].astype(str).str.strip() != "")]
    for _, g in m.groupby(["sent_id", "actor"]):
        pro = (g["via"] == "pronoun").sum(); nam = len(g) - pro
        G["groups"] += 1
        G["multi"] += len(g) > 1
        G["saved_if_one"] += len(g) - 1
        G["saved_if_drop_pronoun_when_name"] += pro if nam else 0
        G["saved_if_one_name_plus_pronouns_dropped"] += (len(g) - 1) if nam else 0
for k, v in sorted(G.items()):
    print(f"{k:40s} {v:7d} {v/len(files):8.2f}/article")
