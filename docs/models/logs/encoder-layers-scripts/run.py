"""Experiment runner (not part of the project): python run.py NAME key=value ..."""
import json, sys
from pathlib import Path
from helpers import train_encoder as te
name = sys.argv[1]
settings = {}
for kv in sys.argv[2:]:
    k, v = kv.split("=")
    settings[k] = json.loads(v)
out = Path("/work/exp") / name
out.mkdir(parents=True, exist_ok=True)
te.train(*te.data_folders(), out, settings=settings, log=te._logger(out / "train.log"))
