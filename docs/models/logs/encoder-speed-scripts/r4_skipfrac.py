import glob, csv, numpy as np
from helpers import directed, encoder, pipeline, text, actors, attribution, framing
from helpers.article import Article
from helpers.encoder import softmax
got = []
orig = encoder.Encoder.pair_proba
def stub(self, items):
    got.extend(items); return np.tile([1.0, 0, 0, 0, 0], (len(items), 1))
encoder.Encoder.pair_proba = stub
for f in sorted(glob.glob("/work/shared/data/polnear/dev/text/*.txt"))[:20]:
    pipeline.analyze(f)
pl = softmax(directed.linear_logits(got), directed.LINEAR_TEMPERATURE)
for tau in (0.8, 0.9, 0.95):
    print(f"PolNeAR dev 20 articles: {len(got)} pairs, linear P(neutral) >= {tau}: {(pl[:, 0] >= tau).mean():.3f}")
encoder.Encoder.pair_proba = orig
rows = list(csv.DictReader(open("tests/fixtures/edges/quotes.tsv", encoding="utf-8"), delimiter="\t"))
for tau in (None, 0.9, 0.95):  # the quotes fixture
    hit = {"criticism": 0, "praise": 0, "none": 0}; n = dict(hit)
    base = directed.edge_probabilities
    def casc(items, name=directed.EDGE_MODEL, tau=tau):
        items = list(items)
        if tau is None or name != "ensemble" or not items: return base(items, name)
        pl = softmax(directed.linear_logits(items), directed.LINEAR_TEMPERATURE)
        run = np.flatnonzero(pl[:, 0] < tau); pe = pl.copy()
        if len(run): pe[run] = encoder.load().pair_proba([items[i] for i in run])
        return (pl + pe) / 2
    directed.edge_probabilities = casc
    for r in rows:
        sents = text.sentences(Article(paragraphs=[r["sentence"]])); m = actors.find_mentions(sents)
        q = attribution.find_quotes(sents, m)
        b = framing.merge_model_edges(framing.find_blame(sents, m, q), sents, m, q)
        b = b[(b["origin"] == "model") & b["source"].str.contains(r["speaker"]) & b["target"].str.contains(r["target"])]
        n[r["expected"]] += 1
        hit[r["expected"]] += bool(len(b)) and (r["expected"] == "none" or (b["relation"] == r["expected"]).any())
    directed.edge_probabilities = base
    print("tau", tau, {k: f"{hit[k]}/{n[k]}" for k in n}, "(neutral: count WITH an edge)")
