"""Run 2 of round 3: the shipped recipe with three epochs and all of Park et al.'s neutral pairs (6 layers)."""
import sys
from pathlib import Path
from helpers import train_encoder as te
out = Path(sys.argv[1]); out.mkdir(parents=True, exist_ok=True)
n, d = te.data_folders()
te.train(n, d, out, settings={"epochs": 3, "directed_neutral_keep": 1.0}, log=te._logger(out / "train.log"))
