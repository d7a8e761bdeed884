"""The fine-tuned contextual encoder: target sentiment and directed sentiment, run with ONNX Runtime.

One MiniLM-L6 encoder (all-MiniLM-L6-v2, Wang et al. 2020; Apache-2.0) fine-tuned with two heads
(`helpers.train_encoder`; model card ``docs/models/encoder.md``):

- ``target``: the stance of a sentence toward one marked target, 3 classes (negative, neutral,
  positive), trained on NewsMTSC (Hamborg & Donnay 2021).
- ``directed``: the direction of sentiment between two marked entities, 5 classes (Park, Pan &
  Joo 2021; the labels of `helpers.directed.LABELS`).

The entities are marked in the text with punctuation (Zhou & Chen 2022, "typed entity marker
(punct)"): the target and entity 1 as ``@ name @``, entity 2 as ``# name #``; each head reads the
mean of the sentence's token states and the states of the opening markers.

Run time needs only ``onnxruntime`` and ``tokenizers`` (no PyTorch): the graph and tokenizer are
shipped in ``helpers/data/encoder/`` (int8 after ONNX Runtime's transformer optimiser; the
post-export steps are in `helpers.train_encoder`). One session per process, created on first use; its
intra-op thread count is `set_threads` (or the environment variable ``HELPERS_ENCODER_THREADS``;
default: ONNX Runtime's own, all cores). Probabilities are temperature-scaled with temperatures
fitted on the dev sets (stored in ``meta.json``).

References: Wang et al., "MiniLM: Deep Self-Attention Distillation for Task-Agnostic Compression
of Pre-Trained Transformers", NeurIPS 2020. Zhou & Chen, "An Improved Baseline for Sentence-level
Relation Extraction", AACL 2022. Guo et al., "On Calibration of Modern Neural Networks", ICML 2017.
"""
from __future__ import annotations

import functools
import json
import os
import threading
from pathlib import Path

import numpy as np

from .errors import InputError

MODEL_DIR = Path(__file__).parent / "data" / "encoder"
MODEL_FILE = "model.onnx"
TOKENIZER_FILE = "tokenizer.json"
META_FILE = "meta.json"
#: Longest input in WordPiece tokens (longer sentences are cut to a window around the entities).
MAX_LEN = 128
MARK1 = "@"
MARK2 = "#"
THREADS_ENV = "HELPERS_ENCODER_THREADS"
#: Inputs per ONNX call (sorted by token count first, so each call pads little). Small batches
#: are faster on one core than large ones (the activations stay in cache): on the seed's items,
#: 4-8 per call ran about 20 % faster than 32 (docs/models/logs/encoder-speed.md).
BATCH = 8

#: ONNX Runtime graph rewrites left out when the session is created. ``SkipLayerNormFusion`` turns
#: each residual Add + LayerNormalization into one SkipLayerNormalization node, whose CPU kernel
#: (onnxruntime 1.32) is about 5x slower than the two nodes it replaces (680 against 130 µs on a
#: 320 x 384 input, one core): a fifth to a quarter of an int8 graph's time (docs/models/logs/encoder-speed.md).
DISABLED_OPTIMIZERS = ("SkipLayerNormFusion",)

#: Guards the creation of this process's session (`load`); re-created in a forked child (`_after_fork`).
_lock = threading.Lock()
_threads: int | None = None


# ----------------------------------------------------------------------------------------------
# Marking and encoding (shared by training and run time)


def mark_target(sentence: str, start: int, end: int) -> tuple[str, int]:
    """``sentence`` with ``sentence[start:end]`` wrapped as ``@ target @``; and the offset of the opening mark."""
    return f"{sentence[:start]}{MARK1} {sentence[start:end]} {MARK1}{sentence[end:]}", start


def mark_pair(sentence: str, e1: tuple[int, int], e2: tuple[int, int]) -> tuple[str, int, int]:
    """``sentence`` with entity 1 as ``@ e1 @`` and entity 2 as ``# e2 #``; offsets of the two opening marks.

    The spans must not overlap; either may come first.
    """
    (a1, b1), (a2, b2) = e1, e2
    first, second = ((a1, b1, MARK1), (a2, b2, MARK2)) if a1 <= a2 else ((a2, b2, MARK2), (a1, b1, MARK1))
    fa, fb, fm = first
    sa, sb, sm = second
    text = (f"{sentence[:fa]}{fm} {sentence[fa:fb]} {fm}{sentence[fb:sa]}"
            f"{sm} {sentence[sa:sb]} {sm}{sentence[sb:]}")
    p_first = fa
    p_second = sa + 4  # the first entity's two marks and two spaces come before it
    return (text, p_first, p_second) if fm == MARK1 else (text, p_second, p_first)


def tokenize(tokenizer, items: list[tuple[str, int, int]], max_len: int = MAX_LEN) -> tuple[list[list[int]], list[tuple[int, int]]]:
    """WordPiece ids and the token positions of the two marks, per marked text (not padded).

    ``items``: (marked text, offset of the first mark, offset of the second mark; equal for the
    target task). A text longer than ``max_len`` tokens is cut to a window that keeps the marks.
    """
    encs = tokenizer.encode_batch([t for t, _, _ in items])
    rows, positions = [], []
    for enc, (_, c1, c2) in zip(encs, items):
        ids = enc.ids
        p1 = enc.char_to_token(c1)
        p2 = enc.char_to_token(c2)
        p1 = 0 if p1 is None else p1
        p2 = p1 if p2 is None else p2
        if len(ids) > max_len:
            body = ids[1:-1]
            lo, hi = min(p1, p2) - 1, max(p1, p2) - 1
            room = max_len - 2
            start = max(0, min(lo - (room - (hi - lo)) // 2, len(body) - room))
            start = min(start, lo)
            body = body[start:start + room]
            ids = [enc.ids[0]] + body + [enc.ids[-1]]
            p1, p2 = min(max(1, p1 - start), len(ids) - 2), min(max(1, p2 - start), len(ids) - 2)
        rows.append(ids)
        positions.append((p1, p2))
    return rows, positions


def pad(rows: list[list[int]], positions: list[tuple[int, int]]):
    """int64 arrays ``ids`` (n, L), ``mask`` (n, L), ``pos`` (n, 2), padded with 0 to the longest row."""
    width = max(len(r) for r in rows)
    ids = np.zeros((len(rows), width), dtype=np.int64)
    mask = np.zeros((len(rows), width), dtype=np.int64)
    for i, r in enumerate(rows):
        ids[i, :len(r)] = r
        mask[i, :len(r)] = 1
    return ids, mask, np.asarray(positions, dtype=np.int64).reshape(len(rows), 2)


def encode(tokenizer, items: list[tuple[str, int, int]], max_len: int = MAX_LEN):
    """Token ids, attention mask and marker positions for marked texts, padded to the longest (`tokenize` + `pad`).

    Returns int64 arrays ``ids`` (n, L), ``mask`` (n, L), ``pos`` (n, 2).
    """
    return pad(*tokenize(tokenizer, items, max_len))


#: Characters kept on each side of the entities before tokenising (well beyond what `MAX_LEN`
#: tokens hold), so that a target in a 100 KB "sentence" costs what one in a normal sentence does.
WINDOW_CHARS = 800


def window(sentence: str, lo: int, hi: int, width: int = WINDOW_CHARS) -> tuple[str, int]:
    """``sentence`` cut to ``width`` characters either side of ``lo``…``hi``; and the offset of the cut."""
    a = max(0, lo - width)
    return sentence[a:hi + width], a


def load_tokenizer(path: Path | str):
    """The WordPiece tokenizer of ``tokenizer.json`` (the ``tokenizers`` package), without padding or truncation."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(path))
    tok.no_padding()
    tok.no_truncation()
    return tok


def softmax(z: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    """Row-wise softmax of ``z / temperature``."""
    z = np.asarray(z, dtype=np.float64) / float(temperature)
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


# ----------------------------------------------------------------------------------------------
# Run time


def set_threads(n: int | None) -> None:
    """Intra-op threads of the ONNX Runtime session (``None`` = ONNX Runtime's default); drops a loaded session.

    Batch runs with one process per core call ``set_threads(1)`` in each worker (or set the
    environment variable ``HELPERS_ENCODER_THREADS=1``).
    """
    global _threads
    _threads = None if n is None else max(1, int(n))
    load.cache_clear()


def _thread_count() -> int | None:
    if _threads is not None:
        return _threads
    from .scale import encoder_threads_env

    return encoder_threads_env()


class Encoder:
    """The shipped graph, its tokenizer and its metadata (temperatures, dev scores, thresholds)."""

    def __init__(self, model_dir: Path = MODEL_DIR, threads: int | None = None):
        import onnxruntime as ort

        model_dir = Path(model_dir)
        graph = model_dir / MODEL_FILE
        if not graph.is_file():
            raise InputError(str(graph), "the encoder model is missing (reinstall the package, or use sentiment='fast')")
        opts = ort.SessionOptions()
        if threads:
            opts.intra_op_num_threads = int(threads)
            opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(graph), sess_options=opts, providers=["CPUExecutionProvider"],
                                            disabled_optimizers=list(DISABLED_OPTIMIZERS))
        self.tokenizer = load_tokenizer(model_dir / TOKENIZER_FILE)
        meta_path = model_dir / META_FILE
        self.meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        self.max_len = int(self.meta.get("max_len", MAX_LEN))

    def temperature(self, head: str) -> float:
        return float(self.meta.get("temperature", {}).get(head, 1.0))

    def logits(self, items: list[tuple[str, int, int]], head: str) -> np.ndarray:
        """Raw logits of ``head`` ("target" or "directed") for marked items, batched by length."""
        n_out = 3 if head == "target" else 5
        if not items:
            return np.zeros((0, n_out), dtype=np.float64)
        # identical inputs (a sentence repeated in an article) are run once
        unique: dict[tuple[str, int, int], int] = {}
        back = np.asarray([unique.setdefault((str(t), int(a), int(b)), len(unique)) for t, a, b in items])
        keys = list(unique)
        rows, positions = tokenize(self.tokenizer, keys, self.max_len)
        out = np.zeros((len(keys), n_out), dtype=np.float64)
        # by token count (each call pads little), ties by text: the batches depend on the set of inputs, not their order
        order = sorted(range(len(keys)), key=lambda i: (len(rows[i]), keys[i]))
        for s in range(0, len(order), BATCH):
            idx = order[s:s + BATCH]
            ids, mask, pos = pad([rows[i] for i in idx], [positions[i] for i in idx])
            res = self.session.run([head], {"ids": ids, "mask": mask, "pos": pos})[0]  # thread-safe in ONNX Runtime
            out[idx] = res
        return out[back]

    def target_proba(self, spans: list[tuple[str, int, int]]) -> np.ndarray:
        """Calibrated P(negative), P(neutral), P(positive) per (sentence, start, end); shape (n, 3)."""
        items = []
        for sentence, start, end in spans:
            cut, off = window(str(sentence), int(start), int(end))
            text, p = mark_target(cut, int(start) - off, int(end) - off)
            items.append((text, p, p))
        return softmax(self.logits(items, "target"), self.temperature("target"))

    def pair_proba(self, pairs: list[tuple[str, tuple[int, int], tuple[int, int]]]) -> np.ndarray:
        """Calibrated probabilities of the five directed labels per (sentence, e1, e2); shape (n, 5).

        Labels as `helpers.directed.LABELS` (1 positive 1→2, 2 positive 2→1, 3 negative 1→2, 4
        negative 2→1). Park et al.'s entity 1 always comes first in the text, so a pair whose
        entity 1 comes second is classified in text order and its directions swapped back.
        """
        items, swapped = [], []
        for s, e1, e2 in pairs:
            e1, e2 = (int(e1[0]), int(e1[1])), (int(e2[0]), int(e2[1]))
            cut, off = window(str(s), min(e1[0], e2[0]), max(e1[1], e2[1]))
            e1, e2 = (e1[0] - off, e1[1] - off), (e2[0] - off, e2[1] - off)
            swap = e1[0] > e2[0]
            items.append(mark_pair(cut, e2, e1) if swap else mark_pair(cut, e1, e2))
            swapped.append(swap)
        p = softmax(self.logits(items, "directed"), self.temperature("directed"))
        flip = np.asarray(swapped, dtype=bool)
        if flip.any():
            p[flip] = p[flip][:, [0, 2, 1, 4, 3]]
        return p


@functools.lru_cache(maxsize=4)
def load_meta(model_dir: Path = MODEL_DIR) -> dict:
    """The shipped model's ``meta.json`` (temperatures, dev scores, edge threshold), read once; no session.

    For metadata only: `load` builds the ONNX Runtime session (about 0.3 s and 100+ MB). Empty
    when the file is missing. ``load_meta.cache_clear()`` after writing a new model.
    """
    path = Path(model_dir) / META_FILE
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


_loaded: dict[int, Encoder] = {}
#: Sessions a forked child inherited from its parent: kept referenced and never freed in the child
#: (freeing one waits forever for its thread pool, whose threads do not exist in the copy).
_orphans: list[Encoder] = []


def _after_fork() -> None:
    """In a forked child: set the parent's sessions aside (never freed here) and start with a fresh lock.

    A lock held by another of the parent's threads at the fork would stay locked in the child forever.
    """
    global _lock
    _orphans.extend(_loaded.values())
    _loaded.clear()
    _lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork)


def _drop() -> None:
    """Forget this process's session (freed when nothing else holds it); any other process's is set aside."""
    pid = os.getpid()
    _orphans.extend(m for p, m in _loaded.items() if p != pid)
    _loaded.clear()


def load() -> Encoder:
    """The shipped encoder, one session per process (threads: `set_threads` / ``HELPERS_ENCODER_THREADS``).

    Keyed by process id: a worker forked from a parent that had loaded it opens its own session
    (ONNX Runtime's thread pool does not survive a fork); the inherited one is kept, unused, in
    `_orphans`.
    """
    pid = os.getpid()
    model = _loaded.get(pid)
    if model is None:
        with _lock:
            model = _loaded.get(pid)
            if model is None:
                _drop()
                model = _loaded[pid] = Encoder(MODEL_DIR, _thread_count())
    return model


load.cache_clear = _drop  # type: ignore[attr-defined]
