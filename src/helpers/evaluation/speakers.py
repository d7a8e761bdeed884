"""Direct-quote speakers on PolNeAR, scored as the actor gold set scores them:
``python -m helpers evaluate speakers DIR --json`` (DIR in the PolNeAR layout, e.g. its train/).

The actor gold set (`helpers.evaluation.actors`) has 20 dev articles, too few to choose on. PolNeAR
(Newell, Margolin & Ruths 2018) annotates every attribution of hundreds of articles with its
source, cue and content spans. This measure keeps the attributions whose content is a *direct
quotation* (at least half of its characters inside quotation marks, and the content starts at a
quotation mark) and asks, for each, what the gold set asks of a gold quote:

- **found**: a direct row of `attribution.find_quotes` (``direct`` true, partial rows included,
  as the gold set counts them) overlaps the content; the one overlapping most is the predicted quote.
- **right**: the gold speaker is the actor of the pipeline's mention that heads the PolNeAR
  source span (see `source_actor`; a source headed by a common noun, "a spokesman for the
  campaign", has no actor). The prediction is right when its
  speaker is that actor, or, for a source without an actor, when its speaker span overlaps the
  source span. A quote not found counts as wrong.
- **pronoun sources** ("he said") have no independent gold actor: the pipeline's own coreference
  names it, so they are counted apart (``pronoun_*``) and not in ``speaker_accuracy``; an
  unresolved pronoun source is its own error class.

Error classes of the wrong ones (``table``, one row per class with counts; ``errors`` in the
metrics): ``not_found`` (no row of the quotes table overlaps the content), ``not_direct`` (only a
reported / stance row has it), ``speaker_missing`` (the quote has no speaker),
``speaker_unresolved`` (the predicted speaker is a pronoun no actor was found for),
``other_sentence`` (wrong, and the source is in another sentence than the quote's start),
``wrong_entity`` (another actor or phrase, source in the quote's sentence), and for pronoun
sources ``pronoun_unresolved`` (the source pronoun has no actor) and ``pronoun_wrong`` (the
predicted speaker is not the actor the source pronoun resolves to). A gold source span that is
only a speech verb ("said": 5 of 511 in every 6th train text, annotation slips) is counted as
``gold_source_is_cue`` and left out of ``n``.

Where several annotators annotated a document, the first file in sorted order is the gold (as in
`helpers.evaluation.attribution`). ``every`` scores every n-th document only (sorted order).

Reference: Newell, Margolin & Ruths (2018), "An Attribution Relations Corpus for Political News", LREC.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from pathlib import Path

import pandas as pd

from .. import attribution
from ..errors import InputError
from .attribution import document_sentences, gold_files, read_ann

_OPEN = "“\"‘«"
_MARKS = re.compile(r"[“”\"«»]")
_PRONOUN = frozenset("he she they it we i you him her them his its their".split())
#: Where the post-modifier of a source span starts.
_POST_MODIFIER = re.compile(r",|\((?!\w-)|\s(?:of|who|from|for|at|with|in)\s")
CLASSES = ("right", "not_found", "not_direct", "speaker_missing", "speaker_unresolved", "other_sentence",
           "wrong_entity", "pronoun_right", "pronoun_unresolved", "pronoun_wrong", "gold_source_is_cue")


def quoted_share(text: str) -> float:
    """Share of the characters of ``text`` (0–1) inside quotation marks (curly or straight pairs;
    an unclosed opening mark runs to the end)."""
    inside, depth_open, n = 0, False, 0
    for ch in text:
        if ch in "“«" or (ch == '"' and not depth_open):
            depth_open = True
            continue
        if ch in "”»" or (ch == '"' and depth_open):
            depth_open = False
            continue
        if not ch.isspace():
            n += 1
            inside += depth_open
    return inside / n if n else 0.0


def is_direct(text: str, content: list[tuple[int, int]]) -> bool:
    """The gold content spans of ``text`` are a direct quotation: they start at a quotation mark (or
    right after one) and at least half their characters are quoted."""
    if not content:
        return False
    a = min(x for x, _ in content)
    words = " ".join(text[x:y] for x, y in sorted(content))
    starts = words.lstrip()[:1] in _OPEN or text[max(0, a - 1):a] in tuple(_OPEN)
    return starts and quoted_share(text[max(0, a - 1):a] + words) >= 0.5


def _mentions_doc(sents: pd.DataFrame, mentions: pd.DataFrame) -> list[tuple[int, int, str, str]]:
    """(start, end, actor, surface) of every mention in document offsets."""
    starts = dict(zip(sents["sent_id"], sents["start"]))
    out = []
    for sid, a, b, actor, surface in zip(mentions["sent_id"], mentions["start"], mentions["end"],
                                         mentions["actor"], mentions["surface"]):
        out.append((starts[sid] + int(a), starts[sid] + int(b), actor if isinstance(actor, str) else "", str(surface)))
    return sorted(out)


def source_actor(text: str, source: list[tuple[int, int]], mentions: list) -> tuple[str, bool]:
    """(actor heading the source span or "", whether the source is a pronoun).

    The head is the last mention before the source's post-modifier (a comma, "of", "who", "from",
    "for", "at", "with": "Jim Clyburn, a Democratic congressman", "Donald Hartley of Madison"),
    when no word follows it there ("Huckabee spokeswoman Alice Stewart" → Alice Stewart; "a Clinton
    campaign spokesman" → no actor)."""
    if not source:
        return "", False
    a, b = source[0]
    words = text[a:b].strip()
    if words.lower() in _PRONOUN:
        inside = [m for m in mentions if m[0] < b and a < m[1]]
        return (inside[0][2] if inside else ""), True
    cut = _POST_MODIFIER.search(text, a, b)
    end = cut.start() if cut else b
    inside = [m for m in mentions if a <= m[0] < end and m[2]]
    if not inside:
        return "", False
    last = inside[-1]
    rest = text[min(last[1], end):end]
    return (last[2], False) if not re.search(r"[A-Za-z]{2,}", rest.replace("’s", "").replace("'s", "")) else ("", False)


def classify(text: str, gold, quotes: pd.DataFrame, mentions: list, sent_bounds: list[int]) -> tuple[str, str]:
    """(error class or "right" / "pronoun_right", predicted speaker) of one direct-quote gold attribution."""
    a, b = gold.source[0]
    if text[a:b].strip().lower() in attribution.speech_verbs():  # a source span on its cue ("said")
        return "gold_source_is_cue", ""
    actor, pronoun = source_actor(text, gold.source, mentions)
    lo, hi = min(a for a, _ in gold.content), max(b for _, b in gold.content)

    def best(rows):
        top, top_ov = None, 0
        for r in rows:
            ov = min(r.doc_content_end, hi) - max(r.doc_content_start, lo)
            if ov > top_ov:
                top, top_ov = r, ov
        return top

    rows = list(quotes.itertuples(index=False))
    q = best([r for r in rows if r.direct])
    if q is None:
        return ("not_direct" if best(rows) is not None else "not_found"), ""
    speaker = q.speaker if isinstance(q.speaker, str) else ""
    sp = (q.doc_speaker_start, q.doc_speaker_end)
    src = gold.source[0]
    if pronoun:
        if not actor:
            return "pronoun_unresolved", speaker
        return ("pronoun_right" if speaker == actor else "pronoun_wrong"), speaker
    if actor and speaker == actor or not actor and sp[0] >= 0 and sp[0] < src[1] and src[0] < sp[1]:
        return "right", speaker
    if not speaker:
        surface = str(q.speaker_surface).lower()
        return ("speaker_unresolved" if surface in _PRONOUN else "speaker_missing"), ""
    if bisect.bisect_right(sent_bounds, src[0]) != bisect.bisect_right(sent_bounds, lo):
        return "other_sentence", speaker
    return "wrong_entity", speaker


def score_text(text: str, golds: list) -> list[dict]:
    """One row per direct-quote gold attribution with a source: class, source, speaker, content."""
    golds = [g for g in golds if g.source and is_direct(text, g.content)]
    if not golds:
        return []
    from .. import actors
    from .attribution import predict_document

    sents = document_sentences(text)
    found = actors.find_mentions(sents) if len(sents) else None
    mentions = _mentions_doc(sents, found) if found is not None else []
    quotes = predict_document(text, sents=sents, mentions=found)
    bounds = sents["start"].tolist()
    out = []
    for g in golds:
        cls, speaker = classify(text, g, quotes, mentions, bounds)
        a, b = g.source[0]
        lo = min(x for x, _ in g.content)
        out.append({"class": cls, "source": text[a:b], "gold_actor": source_actor(text, g.source, mentions)[0],
                    "speaker": speaker,
                    "content": text[lo:lo + 60], "content_start": lo})
    return out


def score_folder(path, every: int = 1) -> tuple[int, pd.DataFrame]:
    """(documents scored, one row per direct-quote gold attribution of a PolNeAR folder)."""
    folder = Path(path)
    if not (folder / "text").is_dir() or not (folder / "attributions").is_dir():
        raise InputError(str(path), "expected a PolNeAR folder with text/ and attributions/")
    anns = gold_files(folder)
    texts = [t for t in sorted((folder / "text").glob("*.txt")) if t.stem in anns][::max(1, every)]
    rows = []
    for txt in texts:
        for row in score_text(txt.read_text(encoding="utf-8"), read_ann(anns[txt.stem])):
            rows.append({"doc": txt.stem, **row})
    return len(texts), pd.DataFrame(rows, columns=["doc", "class", "source", "gold_actor", "speaker", "content",
                                                "content_start"])


def evaluate(path, every: int = 1) -> tuple[dict, pd.DataFrame]:
    """Speaker accuracy of direct quotes on a PolNeAR folder and its error classes; see the module doc."""
    documents, table = score_folder(path, every)
    counts = Counter(table["class"])
    pron = sum(counts[c] for c in CLASSES if c.startswith("pronoun"))
    named = len(table) - pron - counts["gold_source_is_cue"]
    found = named - counts["not_found"] - counts["not_direct"]
    metrics = {
        "task": "speakers", "documents": documents, "n": named,
        "speaker_accuracy": round(counts["right"] / named, 4) if named else 0.0,
        "quote_recall": round(found / named, 4) if named else 0.0,
        "pronoun_n": pron, "gold_source_is_cue": counts["gold_source_is_cue"],
        "pronoun_speaker_accuracy": round(counts["pronoun_right"] / pron, 4) if pron else 0.0,
        "errors": {c: counts[c] for c in CLASSES if c not in ("right", "pronoun_right", "gold_source_is_cue")},
    }
    summary = pd.DataFrame([{"class": c, "count": counts[c]} for c in CLASSES])
    return metrics, summary
