"""Who speaks, checked against PolNeAR: ``python -m helpers evaluate attribution DIR --json``.

``DIR`` has the PolNeAR layout: ``text/<doc>.txt`` and ``attributions/<doc>_<annotator>.ann``
(brat stand-off: ``T`` lines with Source, Cue, Content spans, ``E`` lines tying them into one
attribution). Where several annotators annotated a document, the first file in sorted order is
the gold standard.

Each document is read as raw text with offsets kept: every non-blank line is a paragraph, split
into sentences with `helpers.resources.split_sentences`; then `actors.find_mentions` and
`attribution.find_quotes` run on those sentences, and each quote's content and speaker are mapped
back to character offsets in the document.

Scoring (the design contract): a predicted (speaker, content) pair matches a gold attribution when
the contents overlap by at least half of the shorter span and the predicted speaker span overlaps
the gold Source span. A gold attribution without a source ("Attribution-no-source") is matched by
a prediction with no speaker whose content overlaps as above. ``n`` = number of gold attributions;
precision = predictions that match a gold attribution / predictions; recall = gold attributions
matched by a prediction / n (the contract's wording, read per pair: each prediction is checked
against every gold attribution and vice versa). Matching is not one-to-one because PolNeAR keeps a quote interrupted
by "he said" as ONE attribution with several content spans, while `find_quotes` gives one row per
part (both parts match the same gold attribution). ``partial`` rows (the quoted words inside a
reported statement, repeated from its row) are left out: PolNeAR annotates the statement once. Extra keys: ``predicted``, ``speaker_accuracy`` (among predictions whose
content matches a gold attribution, the share whose speaker overlaps its source: the Gender Gap
Tracker's "speaker accuracy").

References: Newell, Margolin & Ruths (2018), "An Attribution Relations Corpus for Political News",
LREC; Asr et al. (2021), "The Gender Gap Tracker", PLoS ONE.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import attribution, resources
from ..errors import InputError


@dataclass
class Gold:
    content: list[tuple[int, int]] = field(default_factory=list)
    source: list[tuple[int, int]] = field(default_factory=list)
    cue: list[tuple[int, int]] = field(default_factory=list)


_SPAN = re.compile(r"^(T\d+)\t(\S+) ([\d; ]+)\t?")


def read_ann(path) -> list[Gold]:
    """Gold attributions of one brat file (discontinuous spans kept as lists of ranges)."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = _SPAN.match(line)
        if m:
            ranges = []
            for part in m.group(3).split(";"):
                a, _, b = part.strip().partition(" ")
                if a and b:
                    ranges.append((int(a), int(b)))
            spans[m.group(1)] = (m.group(2), ranges)
        elif re.match(r"^E\d+\t", line):
            args = [tuple(x.split(":", 1)) for x in line.split("\t")[1].split() if ":" in x]
            events.append(args)
    out = []
    for args in events:
        gold = Gold()
        for role, ref in args:
            if ref not in spans:
                continue
            if role.startswith("Content"):
                gold.content += spans[ref][1]
            elif role.startswith("Source"):
                gold.source += spans[ref][1]
            elif role.startswith("Cue"):
                gold.cue += spans[ref][1]
        out.append(gold)
    return out


def document_sentences(text: str) -> pd.DataFrame:
    """Sentences table of a raw document: one paragraph per non-blank line, offsets in ``text``."""
    rows = []
    para = 0
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        if not line.strip():
            continue
        for a, b in resources.split_sentences(line):
            rows.append((len(rows), para, m.start() + a, m.start() + b, line[a:b]))
        para += 1
    return pd.DataFrame(rows, columns=["sent_id", "para_id", "start", "end", "text"])


def predict_document(text: str, use_mentions: bool = True, sents: pd.DataFrame | None = None,
                     mentions: pd.DataFrame | None = None) -> pd.DataFrame:
    """Quotes of a raw document with document offsets: content_start/content_end, speaker_start/end.

    ``sents`` / ``mentions``: the document's sentences (`document_sentences`) and mentions when
    the caller has them already (found here otherwise).
    """
    sents = document_sentences(text) if sents is None else sents
    if mentions is None and use_mentions and len(sents):
        try:
            from .. import actors

            mentions = actors.find_mentions(sents)
        except Exception:  # the evaluation measures spans; names are a bonus
            mentions = None
    quotes = attribution.find_quotes(sents, mentions)
    if len(quotes) == 0:
        return quotes.assign(doc_content_start=[], doc_content_end=[], doc_speaker_start=[], doc_speaker_end=[])
    starts = dict(zip(sents["sent_id"], sents["start"]))
    last = quotes["sent_ids"].map(lambda s: int(str(s).split("|")[-1]))
    quotes = quotes.assign(
        doc_content_start=[starts[s] + a for s, a in zip(quotes["sent_id"], quotes["start"])],
        doc_content_end=[starts[s] + b for s, b in zip(last, quotes["end"])],
        doc_speaker_start=[starts[s] + a if s >= 0 else -1 for s, a in zip(quotes["speaker_sent_id"], quotes["speaker_start"])],
        doc_speaker_end=[starts[s] + b if s >= 0 else -1 for s, b in zip(quotes["speaker_sent_id"], quotes["speaker_end"])],
    )
    return quotes


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> int:
    return sum(max(0, min(x2, y2) - max(x1, y1)) for x1, x2 in a for y1, y2 in b)


def _length(a: list[tuple[int, int]]) -> int:
    return sum(max(0, y - x) for x, y in a)


def _content_match(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> int:
    """Overlap in characters if it is at least half of the shorter span, else 0."""
    if not pred or not gold:
        return 0
    ov = _overlap(pred, gold)
    shorter = min(_length(pred), _length(gold))
    return ov if shorter > 0 and ov * 2 >= shorter else 0


def score_document(pred: pd.DataFrame, gold: list[Gold]) -> dict:
    """Counts for one document.

    ``matched``: predictions that match some gold attribution; ``gold_matched``: gold
    attributions matched by some prediction (PolNeAR keeps a quote interrupted by "he said" as
    one attribution with several content spans, so two predicted parts may match one gold);
    ``content_matched``/``speaker_ok``: predictions whose content matches a gold attribution, and
    how many of those also have the right speaker.
    """
    hit: set[int] = set()
    matched = content_matched = speaker_ok = 0
    kinds: dict[str, list[int]] = {}
    for row in pred.itertuples(index=False):
        p_content = [(int(row.doc_content_start), int(row.doc_content_end))]
        p_speaker = [(int(row.doc_speaker_start), int(row.doc_speaker_end))] if row.doc_speaker_start >= 0 else []
        content_hits = [i for i, g in enumerate(gold) if _content_match(p_content, g.content)]
        full_hits = [i for i in content_hits
                     if (_overlap(p_speaker, gold[i].source) > 0 if gold[i].source else not p_speaker)]
        stats = kinds.setdefault(row.kind, [0, 0])
        stats[0] += 1
        if content_hits:
            content_matched += 1
            speaker_ok += bool(full_hits)
        if full_hits:
            matched += 1
            stats[1] += 1
            hit.update(full_hits)
    return {"predicted": len(pred), "matched": matched, "gold_matched": len(hit),
            "content_matched": content_matched, "speaker_ok": speaker_ok, "kinds": kinds}


def gold_files(folder: Path) -> dict[str, Path]:
    """Document stem -> its gold .ann file (first annotator in sorted order)."""
    out: dict[str, Path] = {}
    for ann in sorted((folder / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        out.setdefault(stem, ann)
    return out


def evaluate(path) -> tuple[dict, pd.DataFrame]:
    """Precision, recall and F1 of (speaker, content) pairs on a PolNeAR folder; see the module doc."""
    folder = Path(path)
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise InputError(str(path), "expected a PolNeAR folder with text/ and attributions/")
    anns = gold_files(folder)
    n = predicted = matched = gold_matched = content_matched = speaker_ok = 0
    kinds: dict[str, list[int]] = {}
    for txt in sorted((folder / "text").glob("*.txt")):
        if txt.stem not in anns:
            continue
        gold = read_ann(anns[txt.stem])
        pred = predict_document(txt.read_text(encoding="utf-8"))
        pred = pred[pred["kind"] != "partial"] if len(pred) else pred  # parts of a statement scored
        counts = score_document(pred, gold)
        n += len(gold)
        predicted += counts["predicted"]
        matched += counts["matched"]
        gold_matched += counts["gold_matched"]
        content_matched += counts["content_matched"]
        speaker_ok += counts["speaker_ok"]
        for kind, (p, m) in counts["kinds"].items():
            kinds.setdefault(kind, [0, 0])
            kinds[kind][0] += p
            kinds[kind][1] += m
    precision = matched / predicted if predicted else 0.0
    recall = gold_matched / n if n else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    metrics = {
        "task": "attribution", "n": n, "precision": round(precision, 4), "recall": round(recall, 4),
        "f1": round(f1, 4), "predicted": predicted,
        "speaker_accuracy": round(speaker_ok / content_matched, 4) if content_matched else 0.0,
    }
    table = pd.DataFrame(
        [{"kind": k, "predicted": p, "matched": m, "precision": round(m / p, 3) if p else 0.0}
         for k, (p, m) in sorted(kinds.items())]
        + [{"kind": "all", "predicted": predicted, "matched": matched, "precision": round(precision, 3)}]
    )
    return metrics, table
