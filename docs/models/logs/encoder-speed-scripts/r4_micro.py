"""CPU s of session.run over captured article inputs, per article call as Encoder.logits does (one core)."""
import sys, pickle, time
import onnxruntime as ort
from helpers import encoder as enc
log = pickle.load(open(sys.argv[1], "rb"))
graphs = sys.argv[2:]
tok = enc.load_tokenizer(enc.MODEL_DIR / "tokenizer.json")
calls = []
for head in ("target", "directed"):
    for items in log[head]:
        if not items: continue
        keys = list(dict.fromkeys(items))
        rows, pos = enc.tokenize(tok, keys)
        order = sorted(range(len(keys)), key=lambda i: (len(rows[i]), keys[i]))
        for s in range(0, len(order), enc.BATCH):
            idx = order[s:s + enc.BATCH]
            calls.append((head, *enc.pad([rows[i] for i in idx], [pos[i] for i in idx])))
sess = {}
for g in graphs:
    o = ort.SessionOptions(); o.intra_op_num_threads = 1; o.inter_op_num_threads = 1
    o.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    path, _, flag = g.partition("@")
    sess[g] = ort.InferenceSession(path, o, providers=["CPUExecutionProvider"], disabled_optimizers=[] if flag == "fuse" else list(enc.DISABLED_OPTIMIZERS))
best = {g: {"target": 1e9, "directed": 1e9} for g in graphs}
for rep in range(3):
    for g in graphs:
        for head in ("target", "directed"):
            t = time.process_time()
            for h, ids, mask, p in calls:
                if h == head: sess[g].run([h], {"ids": ids, "mask": mask, "pos": p})
            best[g][head] = min(best[g][head], time.process_time() - t)
n = {h: sum(len(set(i)) for i in log[h]) for h in log}
for g in graphs:
    b = best[g]
    print(f"{g}: target {b['target']:.3f}s ({n['target']/b['target']:.0f}/s), directed {b['directed']:.3f}s ({n['directed']/b['directed']:.0f}/s), total {b['target']+b['directed']:.3f}s")
