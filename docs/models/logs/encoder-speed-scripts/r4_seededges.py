"""Model edges of the seed and of the actor-gold dev articles with the full ensemble (skip 1.01) and with the skip (0.9)."""
import glob, json
from helpers import directed, pipeline, article as art
from helpers.paths import SEED_ARTICLE, PROJECT_ROOT
def edges(a):
    b = pipeline.analyze(a).tables["blame"]
    b = b[b["origin"] == "model"]
    return set(zip(b["sent_id"], b["source"], b["target"], b["relation"]))
import pandas as pd
nf = pd.read_csv(PROJECT_ROOT / "data/narrative_frames/articles.tsv", sep="\t")
docs = [SEED_ARTICLE] + sorted(glob.glob("/work/shared/data/polnear/dev/text/*.txt"))[40:46] + list(nf["text"].iloc[100:105])
res = {}
for skip in (1.01, 0.9):
    directed.ENSEMBLE_SKIP_NEUTRAL = skip
    res[skip] = {str(d): edges(d) for d in docs}
a, b = res[1.01], res[0.9]
tot = [0, 0, 0, 0]
for k in a:
    tot[0] += len(a[k]); tot[1] += len(b[k]); tot[2] += len(a[k] - b[k]); tot[3] += len(b[k] - a[k])
    if a[k] != b[k]: print(k[-60:].replace("\n", " "), "lost", sorted(a[k] - b[k]), "new", sorted(b[k] - a[k]))
print(len(docs), "texts: model edges full ensemble", tot[0], "with the skip", tot[1], "lost", tot[2], "new", tot[3])
