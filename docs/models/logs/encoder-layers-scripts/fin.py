import sys
from pathlib import Path
from helpers import train_encoder as te
name, ck = sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else "epoch3.pt"
d = Path("/work/exp") / name
te.finalize(d / ck, out_dir=d / "model", run_info={"checkpoint": ck}, log=te._logger(d / "finalize.log"))
