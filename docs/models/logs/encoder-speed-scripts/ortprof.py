import sys, json, pickle, collections, os
import onnxruntime as ort
from helpers import encoder as enc
graph, batch = sys.argv[1], int(sys.argv[2])
o = ort.SessionOptions(); o.intra_op_num_threads = 1; o.inter_op_num_threads = 1
o.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
o.enable_profiling = True; o.profile_file_prefix = "/tmp/i11/prof"
s = ort.InferenceSession(graph, o, providers=["CPUExecutionProvider"], disabled_optimizers=sys.argv[3:])
tok = enc.load_tokenizer(enc.MODEL_DIR / "tokenizer.json")
cap = pickle.load(open("/tmp/i11/seed_items.pkl", "rb"))
items = cap["target"][0]
rows, pos = enc.tokenize(tok, items)
order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
for rep in range(2):
    for st in range(0, len(order), batch):
        idx = order[st:st+batch]
        ids, mask, p = enc.pad([rows[i] for i in idx], [pos[i] for i in idx])
        s.run(["target"], {"ids": ids, "mask": mask, "pos": p})
f = s.end_profiling()
ev = json.load(open(f))
agg = collections.Counter(); tot = 0
for e in ev:
    if e.get("cat") == "Node" and e["name"].endswith("_kernel_time"):
        agg[e["args"]["op_name"]] += e["dur"]; tot += e["dur"]
    if e.get("cat") == "Session" and e["name"] == "model_run": pass
runs = sum(e["dur"] for e in ev if e.get("name") == "model_run")
print("model_run total us", runs, "kernel total", tot)
for k, v in agg.most_common(15): print(f"{k:32s} {v/tot:6.1%} {v}")
os.remove(f)
