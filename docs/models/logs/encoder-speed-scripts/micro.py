import sys, pickle, resource, itertools
import onnxruntime as ort
from helpers import encoder as enc
def cpu():
    r = resource.getrusage(resource.RUSAGE_SELF); return r.ru_utime + r.ru_stime
graph, batch = sys.argv[1], int(sys.argv[2])
cfgs = sys.argv[3:] or ["default"]
tok = enc.load_tokenizer(enc.MODEL_DIR / "tokenizer.json")
cap = pickle.load(open("/tmp/i11/seed_items.pkl", "rb"))
items = cap["target"][0] + cap["directed"][0]
rows, pos = enc.tokenize(tok, items)
order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
batches = [enc.pad([rows[i] for i in order[s:s+batch]], [pos[i] for i in order[s:s+batch]]) for s in range(0, len(order), batch)]
sessions = {}
for c in cfgs:
    o = ort.SessionOptions(); o.intra_op_num_threads = 1; o.inter_op_num_threads = 1
    o.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    for kv in c.split("+"):
        if kv == "daz": o.add_session_config_entry("session.set_denormal_as_zero", "1")
        if kv == "noarena": o.enable_cpu_mem_arena = False
        if kv == "nomempat": o.enable_mem_pattern = False
        if kv == "seq": o.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        if kv == "nospin": o.add_session_config_entry("session.intra_op.allow_spinning", "0")
    dis = [x[4:] for x in c.split("+") if x.startswith("dis:")]
    sessions[c] = ort.InferenceSession(graph, o, providers=["CPUExecutionProvider"], disabled_optimizers=dis)
best = {c: 1e9 for c in cfgs}
for rep in range(4):
    for c in cfgs:
        s = sessions[c]; t = cpu()
        for ids, mask, p in batches:
            s.run(["target", "directed"], {"ids": ids, "mask": mask, "pos": p})
        best[c] = min(best[c], cpu() - t)
for c in cfgs: print(f"{graph.split('/')[-1]} b{batch} {c}: {best[c]:.3f}s cpu for {len(items)} items -> {len(items)/best[c]:.0f}/s")
