"""Mention sentiment with every mention of an actor in a sentence scored (now) vs only the first one."""
import sys, glob, time
import numpy as np, pandas as pd
from helpers import sentiment, text, actors, attribution, article as art
split, lo, hi = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
files = sorted(glob.glob(f"/work/shared/data/polnear/{split}/text/*.txt"))[lo:hi]
rows, acts, cpu = [], [], {16: 0.0, 1: 0.0}
for f in files:
    a = art.load_article(f)
    s = text.sentences(a); m = actors.find_mentions(s); q = attribution.find_quotes(s, m)
    out = {}
    for k in (16, 1):
        sentiment.MAX_SCORED_PER_SENTENCE = k
        t = time.process_time(); out[k] = sentiment.score_mentions(s, m, q); cpu[k] += time.process_time() - t
    j = out[16].merge(out[1], on=["actor", "sent_id"], suffixes=("_all", "_one"))
    j["file"] = f; rows.append(j)
    acts.append(pd.DataFrame({"all": out[16].groupby("actor")["score"].mean(), "one": out[1].groupby("actor")["score"].mean()}))
d = pd.concat(rows)
for multi, g in d.groupby(d["n_in_sentence_all"] > 1):
    print(f"multi={multi}: rows {len(g)}, label agree {np.mean(g.label_all == g.label_one):.3f}, mean |dscore| {np.mean(abs(g.score_all - g.score_one)):.3f}, p90 {np.quantile(abs(g.score_all - g.score_one), .9):.3f}")
A = pd.concat(acts)
print("by_actor columns used; actors", len(A), "mean |d mean_score|", float(np.mean(abs(A["all"] - A["one"]))), "max", float(np.max(abs(A["all"] - A["one"]))))
print("score_mentions CPU s (whole calls, %d articles): all %.2f, first only %.2f" % (len(files), cpu[16], cpu[1]))
