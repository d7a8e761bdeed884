import pickle, numpy as np
from helpers import encoder as enc
log = pickle.load(open("/tmp/i11/r4/items20.pkl", "rb"))
tok = enc.load_tokenizer(enc.MODEL_DIR / "tokenizer.json")
for head in log:
    items = [i for call in log[head] for i in dict.fromkeys(call)]
    rows, _ = enc.tokenize(tok, items, 10**6)
    L = np.array([len(r) for r in rows])
    print(head, len(L), "mean", L.mean().round(1), "p50/p90/p99/max", np.percentile(L, [50, 90, 99]).round(), L.max(),
          {m: round(1 - np.minimum(L, m).sum() / L.sum(), 3) for m in (48, 64, 80, 96, 128)})
