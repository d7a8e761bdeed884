import numpy as np
from helpers import directed, train_encoder as te
pairs = directed.read_file("/work/shared/data/directed_sentiment/valid.txt")
gold = np.array([p.label for p in pairs]); items = [(p.sentence, p.e1, p.e2) for p in pairs]
p = directed.edge_probabilities(items, "ensemble")
print("run-time path (encoder on the unskipped pairs only): edge P/R/F1", [round(x, 4) for x in te._prf(*te.edge_counts(p, gold, 0.35))],
      "macroF1", round(te.macro_f1(gold, p.argmax(1), 5), 4), "skipped", round(float((np.isclose(p, directed.edge_probabilities(items, "linear")).all(1)).mean()), 3))
