import sys, shutil
from pathlib import Path
from helpers import train_encoder as te, encoder as enc
d = Path("/work/exp/L3e3"); out = d / "q_final"; out.mkdir(exist_ok=True)
te.quantize(d / "build" / "model.opt.onnx", out / "model.onnx")
for f in ("tokenizer.json", "meta.json"): shutil.copy(d / "model" / f, out / f)
data = {"target": {"dev_rw": te.newsmtsc_items(Path("/work/shared/data/newsmtsc/dev_rw.jsonl")),
                   "dev_mt": te.newsmtsc_items(Path("/work/shared/data/newsmtsc/dev_mt.jsonl"))},
        "directed": {"dev": te.park_items(Path("/work/shared/data/directed_sentiment/valid.txt"))}}
e = enc.Encoder(out, threads=1); enc.BATCH = 1
logits = {"dev_rw": e.logits(data["target"]["dev_rw"][0], "target"), "dev_mt": e.logits(data["target"]["dev_mt"][0], "target"),
          "directed_dev": e.logits(data["directed"]["dev"][0], "directed")}
s = te.evaluate_logits(data, logits)
print("MB %.1f" % ((out / "model.onnx").stat().st_size / 1e6), " ".join(f"{k} {s[k]['f1_macro']:.4f}" for k in s))
