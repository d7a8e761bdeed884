from pathlib import Path
import transformers
from transformers import AutoModel
orig = AutoModel.from_pretrained
AutoModel.from_pretrained = lambda *a, **k: orig(*a, attn_implementation="eager", **k)
from helpers import train_encoder as te
p = te.export_onnx(Path('/root/.cache/i11-encoder/run2/epoch2.pt'), Path('/tmp/i11/ge'))
print(p)
