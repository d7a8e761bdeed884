"""Static int8 quantisation of the encoder: dev scores, batch dependence, speed (experiment).

usage: static_q.py CHECKPOINT OUTDIR VARIANT...   variants: dyn, qop-minmax, qdq-minmax, qop-pct, qdq-pct, qop-ent
"""
import json, random, shutil, sys, time
from pathlib import Path

import numpy as np
import onnx
from onnxruntime.quantization import (CalibrationDataReader, CalibrationMethod, QuantFormat, QuantType,
                                      quantize_static)

from helpers import encoder as enc, train_encoder as te

ck, out = Path(sys.argv[1]), Path(sys.argv[2])
variants = sys.argv[3:]
out.mkdir(parents=True, exist_ok=True)
fp32 = out / "model.fp32.onnx"
if not fp32.exists():
    te.export_onnx(ck, out)
tok_file = te.base_model_dir() / "tokenizer.json"
newsmtsc, park = te.data_folders()


def optimize(dst, attention):
    from onnxruntime.transformers import optimizer
    from onnxruntime.transformers.fusion_options import FusionOptions
    cfg = json.loads((te.base_model_dir() / "config.json").read_text())
    o = FusionOptions("bert")
    o.enable_skip_layer_norm = False
    o.enable_attention = attention
    m = optimizer.optimize_model(str(fp32), model_type="bert", num_heads=int(cfg["num_attention_heads"]),
                                 hidden_size=int(cfg["hidden_size"]), optimization_options=o, opt_level=0, use_gpu=False)
    m.save_model_to_file(str(dst))
    return dst


class Reader(CalibrationDataReader):
    def __init__(self, n=256, seed=0):
        rng = random.Random(seed)
        t = te.newsmtsc_items(Path(newsmtsc) / "train.jsonl")[0]
        d = te.park_items(Path(park) / "train.txt")[0]
        items = rng.sample(t, n) + rng.sample(d, n)
        tok = enc.load_tokenizer(tok_file)
        rows, pos = enc.tokenize(tok, items, enc.MAX_LEN)
        order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
        self.feeds = []
        for s in range(0, len(order), 8):
            idx = order[s:s + 8]
            ids, mask, p = enc.pad([rows[i] for i in idx], [pos[i] for i in idx])
            self.feeds.append({"ids": ids, "mask": mask, "pos": p})
        self.it = iter(self.feeds)

    def get_next(self):
        return next(self.it, None)


def weight_matmuls(path):
    m = onnx.load(str(path))
    inits = {i.name for i in m.graph.initializer}
    return [n.name for n in m.graph.node if n.op_type == "MatMul" and n.input[1] in inits]


def static(src, dst, fmt, method, **extra):
    from onnxruntime.quantization.shape_inference import quant_pre_process
    pre = src.with_name(src.stem + ".pre.onnx")
    if not pre.exists():
        quant_pre_process(str(src), str(pre), skip_optimization=True, skip_symbolic_shape=True)
    src = pre
    nodes = weight_matmuls(src)
    ops = ["MatMul", "EmbedLayerNormalization"] if fmt == QuantFormat.QOperator else ["MatMul"]
    m = onnx.load(str(src))
    nodes += [n.name for n in m.graph.node if n.op_type == "EmbedLayerNormalization"]
    quantize_static(str(src), str(dst), Reader(), quant_format=fmt, op_types_to_quantize=ops, nodes_to_quantize=nodes,
                    per_channel=True, activation_type=QuantType.QUInt8, weight_type=QuantType.QInt8,
                    calibrate_method=method, extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT, **extra})
    return dst


def score(graph, tag):
    d = out / tag
    d.mkdir(exist_ok=True)
    shutil.copy(graph, d / enc.MODEL_FILE)
    shutil.copy(tok_file, d / enc.TOKENIZER_FILE)
    e = enc.Encoder(d, threads=1)
    data = {"target": {"dev_rw": te.newsmtsc_items(Path(newsmtsc) / "dev_rw.jsonl"),
                       "dev_mt": te.newsmtsc_items(Path(newsmtsc) / "dev_mt.jsonl")},
            "directed": {"dev": te.park_items(Path(park) / "valid.txt")}}
    res = {"size_mb": round(graph.stat().st_size / 1e6, 1)}
    lg = {}
    for b in (8, 1):
        enc.BATCH = b
        lg[b] = {"dev_rw": e.logits(data["target"]["dev_rw"][0], "target"),
                 "dev_mt": e.logits(data["target"]["dev_mt"][0], "target"),
                 "directed_dev": e.logits(data["directed"]["dev"][0], "directed")}
        res[f"batch{b}"] = {k: v["f1_macro"] for k, v in te.evaluate_logits(data, lg[b]).items()}
    enc.BATCH = 8
    dp = []
    for k in lg[8]:
        t = 1.0
        dp.append(np.abs(enc.softmax(lg[8][k]) - enc.softmax(lg[1][k])).max(1))
    dp = np.concatenate(dp)
    res["batch8_vs_1"] = {"mean_dp": round(float(dp.mean()), 5), "max_dp": round(float(dp.max()), 5)}
    items = data["target"]["dev_mt"][0]
    best = 1e9
    for _ in range(3):
        t0 = time.process_time()
        e.logits(items, "target")
        best = min(best, time.process_time() - t0)
    res["targets_per_s_1core"] = round(len(items) / best, 1)
    print(tag, json.dumps(res), flush=True)
    return res


results = {}
for v in variants:
    if v == "dyn":
        g = te.quantize(optimize(out / "opt_attn.onnx", True), out / "dyn.onnx")
    elif v == "fp32":
        g = te.store_fp16(fp32, out / "fp16w.onnx")
    else:
        fmt_name, meth_name = v.split("-")[:2]
        fmt = QuantFormat.QOperator if fmt_name.startswith("qop") else QuantFormat.QDQ
        meth = {"minmax": CalibrationMethod.MinMax, "pct": CalibrationMethod.Percentile,
                "ent": CalibrationMethod.Entropy}[meth_name]
        extra = {"CalibPercentile": 99.99} if meth_name == "pct" else {}
        src = out / "opt_noattn.onnx"
        if fmt_name.endswith("plain"):
            src = fp32
        elif not src.exists():
            optimize(src, False)
        g = static(src, out / f"{v}.raw.onnx", fmt, meth, **extra)
        g = te.store_fp16(g, out / f"{v}.onnx", min_size=100000)
    results[v] = score(g, v)
json.dump(results, open(out / f"results-{'_'.join(variants)}.json", "w"), indent=1)
