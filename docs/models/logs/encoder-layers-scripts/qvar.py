"""int8 variants of one checkpoint's optimised graph, dev macro-F1 at batch 1 and 8."""
import sys, shutil, json
from pathlib import Path
import onnx
from onnxruntime.quantization import QuantType, quantize_dynamic
from helpers import train_encoder as te, encoder as enc
name = sys.argv[1]; variants = sys.argv[2:]
d = Path("/work/exp") / name
opt = d / "build" / "model.opt.onnx"
m = onnx.load(str(opt))
nodes = [(n.name, n.op_type) for n in m.graph.node]
layer_last = max(int(x.split("layer.")[1].split("/")[0]) for x, _ in nodes if "layer." in x) if any("layer." in x for x, _ in nodes) else None
data = {"target": {"dev_rw": te.newsmtsc_items(Path("/work/shared/data/newsmtsc/dev_rw.jsonl")),
                   "dev_mt": te.newsmtsc_items(Path("/work/shared/data/newsmtsc/dev_mt.jsonl"))},
        "directed": {"dev": te.park_items(Path("/work/shared/data/directed_sentiment/valid.txt"))}}
for v in variants:
    excl, ops = [], None
    if v == "lastfp32":
        excl = [n for n, t in nodes if (f"layer.{layer_last}/" in n and t == "MatMul") or n == f"Attention_{layer_last}"]
    if v == "ffnout":
        excl = [n for n, t in nodes if "output/dense" in n and "attention" not in n and t == "MatMul"]
    if v == "noemb":
        ops = ["MatMul", "Attention"]
    if v == "firstfp32":
        excl = [n for n, t in nodes if ("layer.0/" in n and t == "MatMul") or n == "Attention_0"]
    out = d / f"q_{v}"; out.mkdir(exist_ok=True)
    kw = {"nodes_to_exclude": excl}
    if ops: kw["op_types_to_quantize"] = ops
    quantize_dynamic(str(opt), str(out / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT}, **kw)
    for f in ("tokenizer.json", "meta.json"): shutil.copy(d / "model" / f, out / f)
    e = enc.Encoder(out, threads=1)
    for b in (1, 8):
        enc.BATCH = b
        logits = {"dev_rw": e.logits(data["target"]["dev_rw"][0], "target"), "dev_mt": e.logits(data["target"]["dev_mt"][0], "target"),
                  "directed_dev": e.logits(data["directed"]["dev"][0], "directed")}
        s = te.evaluate_logits(data, logits)
        print(v, len(excl), "MB %.1f" % ((out / "model.onnx").stat().st_size / 1e6), "batch", b, " ".join(f"{k} {s[k]['f1_macro']:.4f}" for k in s), flush=True)
