"""Who blames or endorses whom: the direction of sentiment between two entities in a sentence.

`classify_pair(sentence, e1_span, e2_span)` returns one of five labels (Park, Pan & Joo 2021):

====  =====================================
0     neutral (no sentiment between them)
1     entity 1 is positive towards entity 2
2     entity 2 is positive towards entity 1
3     entity 1 is negative towards entity 2 (1 blames / criticises 2)
4     entity 2 is negative towards entity 1
====  =====================================

Model: multinomial logistic regression over sparse features, trained on the ``train.txt`` of
Park et al. (2021) (not shipped; the trained weights are, see ``data/directed_model.README.md``):
word 1–2-grams of the sentence with the two entities replaced by markers ``E1``/``E2``, the words
between the entities (1–2-grams), three words on each side of each entity, and VADER cue
features (the sentiment words between the entities and their sign). TF-IDF weighting
(sublinear tf, l2 norm). Deterministic: no random state is involved; ``python -m helpers train
directed`` rebuilds the same file.

References: Park, Pan & Joo (2021), "Who Blames or Endorses Whom? Entity-to-Entity Directed
Sentiment Extraction in News Text", Findings of ACL 2021; Hutto & Gilbert (2014), "VADER",
ICWSM.
"""
from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path

import numpy as np

LABELS = {0: "neutral", 1: "positive 1→2", 2: "positive 2→1", 3: "negative 1→2", 4: "negative 2→1"}
#: Label after swapping the two entities.
SWAP = {0: 0, 1: 2, 2: 1, 3: 4, 4: 3}
MODEL_FILE = "directed_model.npz"

#: Training settings chosen on a split of train.txt (every 10th line held out); see train().
SETTINGS = {"C": 10.0, "min_df": 2, "window": 3, "max_iter": 3000}

_WORD = re.compile(r"\w+(?:['’]\w+)?|[!?]")


@dataclass(frozen=True)
class Pair:
    """One example: a sentence and the character spans (start, end; end exclusive) of two entities."""

    sentence: str
    e1: tuple[int, int]
    e2: tuple[int, int]
    label: int | None = None


# ----------------------------------------------------------------------------------------------
# Reading the Park et al. format


def _unquote(field: str) -> str:
    """Undo CSV quoting some lines carry: '"... ""It"" ..."' -> '... "It" ...'."""
    if len(field) >= 2 and field[0] == '"' and field[-1] == '"' and '""' in field:
        return field[1:-1].replace('""', '"')
    return field


def parse_bracketed(sentence: str) -> tuple[str, tuple[int, int], tuple[int, int]]:
    """Remove the two ``[...]`` markers; return the clean sentence and the two entity spans.

    About 18% of spans close one character early ("[Democrat]s", "[Kasich’]s"): when the bracket
    closes inside a word (a letter or apostrophe before it and a letter or digit after it), the
    span is extended to the end of that word. "[Britain]’s" stays "Britain" (the word ended).
    Raises ValueError when the sentence does not hold two bracketed spans.
    """
    sentence = _unquote(sentence)
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0  # position in the original
    length = 0  # length of the clean text so far
    for m in re.finditer(r"\[([^\[\]]*)\]", sentence):
        before = sentence[pos:m.start()]
        out.append(before)
        length += len(before)
        inner = m.group(1)
        start = length
        out.append(inner)
        length += len(inner)
        pos = m.end()
        j = pos
        while j < len(sentence) and sentence[j].isalnum():
            j += 1
        if j > pos and inner and (inner[-1].isalnum() or inner[-1] in "’'"):
            out.append(sentence[pos:j])
            length += j - pos
            pos = j
        spans.append((start, length))
    out.append(sentence[pos:])
    if len(spans) < 2:
        raise ValueError(f"expected two [bracketed] entities, found {len(spans)}: {sentence[:80]!r}")
    return "".join(out), spans[0], spans[1]


def read_file(path) -> list[Pair]:
    """Examples of a Park et al. file: sentence<TAB>entity 1<TAB>entity 2<TAB>label per line.

    Entity 1 is the first bracketed span of the sentence, entity 2 the second (true of every line
    whose brackets parse). Lines that cannot be parsed are skipped.
    """
    pairs = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 4 or not parts[-1].strip().isdigit():
            continue
        try:
            text, e1, e2 = parse_bracketed(parts[0])
        except ValueError:
            continue
        pairs.append(Pair(text, e1, e2, int(parts[-1])))
    return pairs


# ----------------------------------------------------------------------------------------------
# Features


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _ngrams(words: list[str], prefix: str) -> list[str]:
    feats = [prefix + w for w in words]
    feats += [f"{prefix}{a}_{b}" for a, b in zip(words, words[1:])]
    return feats


def features(sentence: str, e1: tuple[int, int], e2: tuple[int, int], window: int = 3) -> list[str]:
    """Sparse string features of one pair (see the module docstring)."""
    a1, a2 = e1[0], e2[0]
    first, second = ("E1", "E2") if a1 <= a2 else ("E2", "E1")
    (fa, fb), (sa, sb) = sorted([e1, e2])
    left, middle, right = sentence[:fa], sentence[fb:sa], sentence[sb:]
    lw, mw, rw = _words(left), _words(middle), _words(right)
    masked = lw + [first.lower()] + mw + [second.lower()] + rw
    feats = _ngrams(masked, "w:")
    feats += _ngrams(mw, "b:")
    feats.append(f"order:{first}")
    feats.append(f"gap:{min(len(mw), 12) // 3}")
    feats += [f"L{first}:{w}" for w in lw[-window:]] + [f"R{first}:{w}" for w in mw[:window]]
    feats += [f"L{second}:{w}" for w in mw[-window:]] + [f"R{second}:{w}" for w in rw[:window]]
    lexicon = _lexicon()
    for name, words in (("mid", mw), ("all", masked)):
        pos = sum(1 for w in words if lexicon.get(w, 0) > 0.5)
        neg = sum(1 for w in words if lexicon.get(w, 0) < -0.5)
        feats.append(f"vader:{name}:pos{min(pos, 3)}")
        feats.append(f"vader:{name}:neg{min(neg, 3)}")
        feats += [f"vader:{name}:{'+' if lexicon[w] > 0 else '-'}:{w}" for w in words if abs(lexicon.get(w, 0)) > 0.5]
    return feats


@functools.lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    from .resources import vader_lexicon

    return vader_lexicon()


# ----------------------------------------------------------------------------------------------
# The shipped model


@dataclass
class Model:
    """Vocabulary, idf weights and logistic-regression weights (classes 0–4)."""

    vocab: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray  # (n_classes, n_features)
    intercept: np.ndarray
    classes: np.ndarray
    meta: dict

    def vector(self, feats: list[str]) -> tuple[np.ndarray, np.ndarray]:
        counts = Counter(f for f in feats if f in self.vocab)
        idx = np.fromiter((self.vocab[f] for f in counts), dtype=np.int64, count=len(counts))
        val = np.fromiter(((1.0 + math.log(c)) for c in counts.values()), dtype=np.float64, count=len(counts))
        val = val * self.idf[idx]
        norm = np.sqrt((val ** 2).sum())
        return idx, (val / norm if norm > 0 else val)

    def decision(self, feats: list[str]) -> np.ndarray:
        idx, val = self.vector(feats)
        return self.coef[:, idx].astype(np.float64) @ val + self.intercept

    def probabilities(self, feats: list[str]) -> np.ndarray:
        z = self.decision(feats)
        z = np.exp(z - z.max())
        return z / z.sum()

    def save(self, path) -> None:
        words = sorted(self.vocab, key=self.vocab.get)
        np.savez_compressed(
            path, vocab=np.array(words, dtype=str), idf=self.idf.astype(np.float32),
            coef=self.coef.astype(np.float16), intercept=self.intercept.astype(np.float32),
            classes=self.classes.astype(np.int64), meta=np.array(json.dumps(self.meta)),
        )

    @classmethod
    def load(cls, path) -> "Model":
        with np.load(path, allow_pickle=False) as data:
            words = data["vocab"].tolist()
            return cls({w: i for i, w in enumerate(words)}, data["idf"].astype(np.float64),
                       data["coef"].astype(np.float32), data["intercept"].astype(np.float64),
                       data["classes"], json.loads(str(data["meta"])))


@functools.lru_cache(maxsize=1)
def model() -> Model:
    """The shipped model (``src/helpers/data/directed_model.npz``)."""
    path = importlib_resources.files("helpers") / "data" / MODEL_FILE
    with importlib_resources.as_file(path) as real:
        return Model.load(real)


def _check_span(sentence: str, span, name: str) -> tuple[int, int]:
    start, end = int(span[0]), int(span[1])
    if not (0 <= start < end <= len(sentence)):
        raise ValueError(f"{name} span {span} is outside the sentence (length {len(sentence)})")
    return start, end


def classify_pair(sentence: str, e1_span, e2_span) -> int:
    """Direction of sentiment between entity 1 and entity 2 of ``sentence``: a label 0–4.

    ``e1_span``/``e2_span``: (start, end) character offsets in ``sentence``, end exclusive; the
    spans must not overlap; either may come first in the text (the model sees the pair in text
    order and the direction is swapped back). 0 neutral, 1 positive 1→2, 2 positive 2→1, 3 negative 1→2 (entity 1
    blames or criticises entity 2), 4 negative 2→1. See `LABELS`.
    """
    e1 = _check_span(sentence, e1_span, "e1")
    e2 = _check_span(sentence, e2_span, "e2")
    if e1[0] < e2[1] and e2[0] < e1[1]:
        raise ValueError("the two entity spans overlap")
    probs = pair_probabilities(sentence, e1, e2)
    return max(probs, key=probs.get)


def pair_probabilities(sentence: str, e1_span, e2_span) -> dict[int, float]:
    """Probability of each label 0–4 for the pair (sums to 1)."""
    m = model()
    e1 = _check_span(sentence, e1_span, "e1")
    e2 = _check_span(sentence, e2_span, "e2")
    if e1[0] > e2[0]:
        # the training data always names entity 1 first: classify the pair in text order and
        # swap the direction back
        swapped = pair_probabilities(sentence, e2, e1)
        return {SWAP[label]: p for label, p in swapped.items()}
    p = m.probabilities(features(sentence, e1, e2, m.meta.get("window", 3)))
    return {int(c): float(v) for c, v in zip(m.classes, p)}


# ----------------------------------------------------------------------------------------------
# Training


def fit(pairs: list[Pair], C: float = SETTINGS["C"], min_df: int = SETTINGS["min_df"],
        window: int = SETTINGS["window"], max_iter: int = SETTINGS["max_iter"]) -> Model:
    """Train the model on labelled pairs (deterministic: lbfgs, no random state)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    docs = [features(p.sentence, p.e1, p.e2, window) for p in pairs]
    y = np.array([p.label for p in pairs])
    vec = TfidfVectorizer(analyzer=lambda feats: feats, min_df=min_df, sublinear_tf=True, norm="l2")
    X = vec.fit_transform(docs)
    clf = LogisticRegression(C=C, max_iter=max_iter)
    clf.fit(X, y)
    vocab = {str(k): int(v) for k, v in vec.vocabulary_.items()}
    meta = {"C": C, "min_df": min_df, "window": window, "n_train": len(pairs),
            "source": "Park, Pan & Joo (2021), train.txt", "format": 1}
    return Model(vocab, vec.idf_.astype(np.float64), clf.coef_.astype(np.float32),
                 clf.intercept_.astype(np.float64), clf.classes_, meta)


def predict(m: Model, pairs: list[Pair]) -> list[int]:
    """Labels of many pairs with model ``m``."""
    window = m.meta.get("window", 3)
    return [int(m.classes[int(np.argmax(m.decision(features(p.sentence, p.e1, p.e2, window))))]) for p in pairs]


def train(data_dir=None, out=None) -> tuple[Path, dict]:
    """Train on ``data_dir/train.txt`` with `SETTINGS` and write the model file; returns (path, meta).

    ``data_dir`` defaults to ``data/directed_sentiment`` (else ``../shared/data/…``); ``out`` to the package's
    ``data/directed_model.npz``.
    """
    from .datasets import require
    from .paths import PROJECT_ROOT

    data_dir = Path(data_dir) if data_dir else require("directed_sentiment")
    pairs = read_file(data_dir / "train.txt")
    m = fit(pairs)
    out = Path(out) if out else PROJECT_ROOT / "src" / "helpers" / "data" / MODEL_FILE
    m.save(out)
    model.cache_clear()
    return out, m.meta


def train_cli(args) -> int:
    """``python -m helpers train directed [--data DIR]``: rebuild the shipped model."""
    path, meta = train(getattr(args, "data", None))
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB; {meta['n_train']} training pairs, C={meta['C']})")
    return 0


# ----------------------------------------------------------------------------------------------
# Blame edges from a directed model (run time)

#: Mentions the directed models read as entities (pronouns are left to the rules: too ambiguous).
ENTITY_VIA = frozenset({"name", "alias", "title", "demonym"})
#: label -> (source is entity 1?, relation)
EDGE_OF_LABEL = {1: (True, "praise"), 2: (False, "praise"), 3: (True, "criticism"), 4: (False, "criticism")}
#: Actors per sentence paired by `candidates` (the first in reading order): a sentence naming dozens
#: of actors would otherwise give hundreds of pairs.
MAX_PAIRED_ACTORS = 8
#: Two mentions further apart than this (characters) are not paired: they would not fit together in
#: the encoder's 128-token window.
MAX_PAIR_CHARS = 500

#: The models that can make the blame edges: ``"linear"`` (this module's logistic regression,
#: calibrated with `LINEAR_TEMPERATURE`), ``"encoder"`` (the directed head of `helpers.encoder`),
#: ``"ensemble"`` (the mean of the two calibrated probability vectors).
EDGE_MODELS = ("linear", "encoder", "ensemble")
#: The default edge model, chosen on Park et al.'s dev set (`edge_settings`; ``docs/models/encoder.md``,
#: "Which model makes the blame edges"): the ensemble has the best edge F1 (0.70, against 0.69 for
#: the linear model and 0.65 for the encoder head), and unlike the linear model it keeps the
#: encoder's reading of evaluative quotes (measured on invented ones); it costs what the encoder
#: head costs (the linear part adds about 1 %).
EDGE_MODEL = "ensemble"
#: Temperature of the linear model, fitted by maximum likelihood on Park et al.'s dev set (`edge_settings`).
LINEAR_TEMPERATURE = 1.058
#: Edge thresholds chosen on Park et al.'s dev set (best edge F1 on the grid 0.30 … 0.95, `edge_settings`);
#: the encoder head's is stored with the encoder (``meta.json``, ``edges.threshold``).
EDGE_THRESHOLDS = {"linear": 0.40, "ensemble": 0.35}


def check_edge_model(name: str) -> str:
    """``name`` if it is one of `EDGE_MODELS`, else a one-line `InputError`."""
    if name not in EDGE_MODELS:
        from .errors import InputError

        raise InputError("edge model", f"{name!r} is not one of {', '.join(EDGE_MODELS)}")
    return name


def edge_threshold(name: str = EDGE_MODEL) -> float:
    """The dev-chosen probability an edge of model ``name`` must reach (0–1; higher = fewer, surer edges)."""
    if check_edge_model(name) == "encoder":
        from . import encoder

        return float(encoder.load_meta().get("edges", {}).get("threshold", 0.5))
    return EDGE_THRESHOLDS[name]


def linear_logits(items) -> np.ndarray:
    """Raw logits (n, 5) of the linear model for (sentence, e1, e2) items; either entity may come first.

    As for the encoder, each sentence is first cut to `encoder.WINDOW_CHARS` characters either side
    of the pair, so a pair in a 100 KB one-line "sentence" costs what one in a normal sentence does
    (no sentence of Park et al.'s data is that long: the cut changes nothing there).
    """
    from .encoder import window as cut

    m = model()
    window = m.meta.get("window", 3)
    out = np.zeros((len(items), len(m.classes)), dtype=np.float64)
    for i, (sentence, e1, e2) in enumerate(items):
        e1, e2 = (int(e1[0]), int(e1[1])), (int(e2[0]), int(e2[1]))
        sentence, off = cut(str(sentence), min(e1[0], e2[0]), max(e1[1], e2[1]))
        e1, e2 = (e1[0] - off, e1[1] - off), (e2[0] - off, e2[1] - off)
        if e1[0] > e2[0]:  # classified in text order, as trained, and the direction swapped back
            out[i] = m.decision(features(sentence, e2, e1, window))[[SWAP[c] for c in range(5)]]
        else:
            out[i] = m.decision(features(sentence, e1, e2, window))
    return out


def edge_probabilities(items, name: str = EDGE_MODEL) -> np.ndarray:
    """Calibrated probabilities (n, 5) of the labels 0–4 for (sentence, e1, e2) items, from edge model ``name``.

    Each row sums to 1. ``"linear"``: softmax of the linear logits / `LINEAR_TEMPERATURE`;
    ``"encoder"``: `helpers.encoder.Encoder.pair_proba` (temperature-scaled); ``"ensemble"``: the
    mean of the two.
    """
    check_edge_model(name)
    items = list(items)
    if not items:
        return np.zeros((0, 5))
    parts = []
    if name in ("linear", "ensemble"):
        from .encoder import softmax

        parts.append(softmax(linear_logits(items), LINEAR_TEMPERATURE))
    if name in ("encoder", "ensemble"):
        from . import encoder

        parts.append(encoder.load().pair_proba(items))
    return np.mean(parts, axis=0)


def edge_settings(pairs: list[Pair], encoder_probs: np.ndarray | None = None) -> dict:
    """Re-derive `LINEAR_TEMPERATURE` and the edge thresholds on labelled pairs (Park et al.'s dev set).

    Returns, per edge model, the dev macro-F1 with its bootstrap standard error, the chosen edge
    threshold and the edge precision / recall / F1 there, and a 2-fold cross-fitted estimate
    (the threshold chosen on one half, counted on the other: less optimistic; the linear model's
    temperature is fitted on all of the pairs, so the estimate keeps a little optimism).
    ``encoder_probs``: the encoder head's probabilities for ``pairs`` (computed when missing).
    """
    from . import train_encoder as te
    from .encoder import softmax
    from .metrics import bootstrap_se, macro_f1

    gold = np.asarray([p.label for p in pairs])
    items = [(p.sentence, p.e1, p.e2) for p in pairs]
    logits = linear_logits(items)
    temperature = te.fit_temperature(logits, gold)
    pe = edge_probabilities(items, "encoder") if encoder_probs is None else np.asarray(encoder_probs)
    pl = softmax(logits, temperature)
    out = {"linear_temperature": round(temperature, 3), "models": {}}
    for name, probs in (("linear", pl), ("encoder", pe), ("ensemble", (pl + pe) / 2)):
        pred = probs.argmax(1)
        out["models"][name] = {"f1_macro": round(macro_f1(gold, pred, 5), 4),
                               "f1_macro_se": round(bootstrap_se(gold, pred, 5), 4),
                               "edges": te.edge_report(probs, gold)}
    return out


def _int(value, default=None):
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _entity_mentions(mentions) -> dict[int, list[tuple[str, int, int, str]]]:
    """sent_id -> (actor, start, end, surface) of the non-pronoun mentions, first mention per actor first."""
    out: dict[int, list] = {}
    if mentions is None or len(mentions) == 0:
        return out
    for actor, sid, start, end, surface, via in zip(mentions["actor"], mentions["sent_id"], mentions["start"],
                                                    mentions["end"], mentions["surface"], mentions["via"]):
        actor = str(actor or "").strip()
        if actor and via in ENTITY_VIA:
            out.setdefault(int(sid), []).append((actor, int(start), int(end), str(surface)))
    for sid in out:
        out[sid].sort(key=lambda r: (r[1], r[2]))
    return out


def candidates(sentences, mentions, quotes=None) -> list[dict]:
    """Pairs for the directed head: every two actors named in one sentence, and speaker → actor of each quote.

    Each candidate: ``sent_id``, ``text`` (the input sentence), ``e1``/``e2`` (spans in ``text``),
    ``a1``/``a2`` (their actors), ``via`` ("sentence" or "quote"). A quote whose speaker is named
    in the sentence of the target uses that sentence; otherwise the input is the quoted sentence
    introduced by its speaker (``Speaker said: “…”``), so the pair still sits in one sentence.
    Pronoun mentions are not used, and a quote whose speaker phrase is no actor ("A federal judge",
    "critics") gives no pair. Two actors the article ties by a description (`ties.ties`: "Priya
    Raman, a spokeswoman for Corvella Energy", "Vestra, a company tied to Halden Group") are never
    a pair: what one says of the body it speaks for, or a plain affiliation, is not one actor's
    sentiment towards another (the models read such ties as praise).
    """
    if sentences is None or len(sentences) == 0:
        return []
    from .actors import actor_kinds
    from .ties import ties

    texts = {int(s): str(t) for s, t in zip(sentences["sent_id"], sentences["text"])}
    ents = _entity_mentions(mentions)
    tied = ties(sentences, mentions)
    kinds = actor_kinds(mentions)
    out, seen = [], set()

    def add(sid, text, e1, e2, a1, a2, via):
        key = (sid, text, e1, e2)
        apart = max(e1[0], e2[0]) - min(e1[1], e2[1])
        if a1 != a2 and frozenset((a1, a2)) not in tied and key not in seen and not (e1[0] < e2[1] and e2[0] < e1[1]) and apart <= MAX_PAIR_CHARS:
            seen.add(key)
            out.append({"sent_id": sid, "text": text, "e1": e1, "e2": e2, "a1": a1, "a2": a2, "via": via})

    if quotes is not None and len(quotes):
        cols = set(quotes.columns)
        actors_named = set(mentions["actor"].dropna().astype(str)) - {""} if mentions is not None and len(mentions) else set()
        for q in quotes.to_dict("records"):
            speaker = str(q.get("speaker") or "").strip()
            if not speaker or speaker not in actors_named:
                continue  # a speaker phrase that is no actor ("A federal judge", "critics") is no model source
            sids = [_int(x) for x in str(q.get("sent_ids") or q.get("sent_id")).split("|")] if "sent_ids" in cols else [_int(q.get("sent_id"))]
            first, last = _int(q.get("sent_id")), sids[-1]  # start is an offset in the first sentence, end in the last
            spk_sid, spk = _int(q.get("speaker_sent_id")), (_int(q.get("speaker_start")), _int(q.get("speaker_end")))
            for sid in sids:
                if sid is None or sid not in texts:
                    continue
                text = texts[sid]
                bounded = "start" in cols
                lo = _int(q.get("start"), 0) if bounded and sid == first else 0
                hi = _int(q.get("end"), len(text)) if bounded and sid == last else len(text)
                targets = [m for m in ents.get(sid, []) if m[0] != speaker and lo <= m[1] and m[2] <= hi]
                for actor, a, b, _ in targets:
                    if spk_sid == sid and None not in spk:
                        add(sid, text, spk, (a, b), speaker, actor, "quote")
                    else:
                        intro = f"{speaker} said: “"
                        add(sid, f"{intro}{text}”", (0, len(speaker)), (a + len(intro), b + len(intro)), speaker, actor, "quote")
    for sid, ms in ents.items():
        if sid not in texts:
            continue
        firsts: dict[str, tuple[int, int]] = {}
        for actor, a, b, _ in ms:
            firsts.setdefault(actor, (a, b))
        names = list(firsts)[:MAX_PAIRED_ACTORS]
        shadows = _shadows(names, tied, kinds)
        for i, x in enumerate(names):
            for y in names[i + 1:]:
                if x not in shadows and y not in shadows:
                    add(sid, texts[sid], firsts[x], firsts[y], x, y, "sentence")
    return out


def _shadows(names: list[str], tied: frozenset, kinds: dict[str, str]) -> set[str]:
    """Bodies named in a sentence only as the affiliation of a person also named there ("Prime
    Minister Aron Keel of Korvenia criticized X", "Priya Raman of Corvella Energy praised X"): the
    person is the one who acts, so the body is paired with nobody in that sentence (the models read
    the body's pairs as the person's)."""
    out = set()
    for pair in tied:
        if pair <= set(names):
            person = [a for a in pair if kinds.get(a) == "person"]
            if len(person) == 1:
                out |= pair - set(person)
    return out


def model_edges(sentences, mentions, quotes=None, threshold: float | None = None,
                edge_model: str = EDGE_MODEL) -> list[dict]:
    """Blame-table rows from a directed model: relation ``criticism`` or ``praise``, with ``probability``.

    ``edge_model``: one of `EDGE_MODELS` (default `EDGE_MODEL`). For each `candidates` pair the
    likeliest direction among labels 1–4 becomes an edge when its calibrated probability reaches
    ``threshold`` (default: the one chosen for that model on Park et al.'s dev set, `edge_threshold`).
    One row per (sentence, source, target, relation), the most probable; ``cue`` is empty,
    ``source_via`` says where the pair came from ("sentence" or "quote").
    """
    check_edge_model(edge_model)
    cands = candidates(sentences, mentions, quotes)
    if not cands:
        return []
    if threshold is None:
        threshold = edge_threshold(edge_model)
    probs = edge_probabilities([(c["text"], c["e1"], c["e2"]) for c in cands], edge_model)
    texts = {int(s): str(t) for s, t in zip(sentences["sent_id"], sentences["text"])}
    best: dict[tuple, dict] = {}
    for c, p in zip(cands, probs):
        label = int(np.argmax(p[1:])) + 1
        if p[label] < threshold:
            continue
        first_is_source, relation = EDGE_OF_LABEL[label]
        source, target = (c["a1"], c["a2"]) if first_is_source else (c["a2"], c["a1"])
        key = (c["sent_id"], source, target, relation)
        if key not in best or p[label] > best[key]["probability"]:
            best[key] = {"source": source, "target": target, "relation": relation, "negated": False, "cue": "",
                         "sent_id": c["sent_id"], "evidence": texts[c["sent_id"]], "source_via": c["via"],
                         "negation_cue": "", "probability": round(float(p[label]), 4)}
    return sorted(best.values(), key=lambda r: (r["sent_id"], r["source"], r["target"], r["relation"]))
