import sys, shutil, json
from pathlib import Path
from helpers import train_encoder as te
name, ck = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "epoch3.pt"
d = Path("/work/exp") / name
tmp = d / "build"; tmp.mkdir(exist_ok=True)
fp32 = te.export_onnx(d / ck, tmp)
int8 = te.quantize(te.optimize(fp32, tmp / "model.opt.onnx"), tmp / "model.int8.onnx")
out = d / "int8"; out.mkdir(exist_ok=True)
shutil.copy(int8, out / "model.onnx")
for f in ("tokenizer.json", "meta.json"):
    shutil.copy(d / "model" / f, out / f)
print("ok", out, (out / "model.onnx").stat().st_size)
