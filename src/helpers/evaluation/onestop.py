"""Validate the readability formulas on OneStopEnglish: do they order levels of the same text?

OneStopEnglish (Vajjala & Lučić 2018; CC BY-SA 4.0) has 189 Guardian articles, each rewritten by
teachers at three levels, in ``advanced/``, ``intermediate/`` and ``elementary/``, named
``<topic>-adv.txt``, ``<topic>-int.txt``, ``<topic>-ele.txt``. One paragraph per line.

For every topic we form the same-topic pairs (advanced vs intermediate, intermediate vs
elementary, advanced vs elementary) and count, per metric, the share ordered in the expected
direction: the harder version has the higher grade (or the lower Flesch reading ease). A tie is
not correct. A pair where the metric is undefined for either text (SMOG needs 30 sentences) is
left out of that metric's share; the table shows how many pairs each share rests on.

Quirks of the files: 552 of 567 are UTF-8 with a byte-order mark, 14 UTF-8 without one, and
``intermediate/WNL Ships noise-int.txt`` is Windows-1252 (curly quotes as bytes 0x92…, which
charset-normalizer misreads as cp852): `read_text_file` decodes all three. Some file names carry a
space before the level suffix ("climate change -int.txt"); `topic_key` pairs them anyway.

References: Vajjala, S. & Lučić, I. (2018). OneStopEnglish corpus: A new corpus for automatic
readability assessment and text simplification. BEA workshop, ACL.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pandas as pd

from ..errors import InputError
from ..readability import METRIC_INFO, METRIC_NAMES, measure_text

#: Levels from hardest to easiest: folder name and file-name suffix.
LEVELS = (("advanced", "adv"), ("intermediate", "int"), ("elementary", "ele"))
#: The pairs compared: (harder level, easier level).
PAIRS = (("advanced", "intermediate"), ("intermediate", "elementary"), ("advanced", "elementary"))
_SHORT = dict(LEVELS)


#: Encodings tried in order; Latin-1 never fails. Windows-1252 comes before any detector: for
#: short English texts charset-normalizer picks cp852/cp1250 ("Japan’s" → "Japanĺs").
ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")


def decode_text(data: bytes) -> str:
    """Bytes → text: UTF-8 (a byte-order mark dropped), else Windows-1252, else Latin-1.
    Line endings are normalised to ``\\n``."""
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_file(path) -> str:
    """Text of a file via `decode_text`. Raises `InputError` (one line naming the file) for a
    missing or unreadable file, using the article reader's `helpers.article.read_bytes` if present.

    OneStopEnglish needs this: 552 files are UTF-8 with a byte-order mark, 14 UTF-8 without, and
    ``intermediate/WNL Ships noise-int.txt`` is Windows-1252.
    """
    path = Path(path)
    try:
        from ..article import read_bytes
    except ImportError:  # pragma: no cover - only if the reader's helper is renamed
        read_bytes = None
    if read_bytes is not None:
        return decode_text(read_bytes(path))
    try:  # pragma: no cover
        return decode_text(path.read_bytes())
    except OSError as err:  # pragma: no cover
        raise InputError(path, err.strerror or "cannot read the file") from None


def topic_key(name: str, suffix: str) -> str:
    """The topic of a file name: ``"climate change -int.txt"`` → ``"climate change"``."""
    stem = Path(name).stem
    stem = re.sub(rf"\s*-\s*{suffix}$", "", stem, flags=re.IGNORECASE)
    return " ".join(stem.split()).casefold()


def find_texts(path) -> pd.DataFrame:
    """One row per file: topic, level, path (sorted by topic then level)."""
    root = Path(path)
    rows = []
    for folder, suffix in LEVELS:
        sub = root / folder
        if not sub.is_dir():
            continue
        for file in sorted(sub.glob("*.txt")):
            rows.append((topic_key(file.name, suffix), folder, str(file)))
    if not rows:
        raise InputError(root, "no OneStopEnglish texts (expected advanced/, intermediate/, elementary/ with *.txt)")
    return pd.DataFrame(rows, columns=["topic", "level", "path"])


def score_texts(files: pd.DataFrame) -> pd.DataFrame:
    """``files`` plus one column per metric (`helpers.readability.measure_text` of each file)."""
    scores = [measure_text(read_text_file(p)) for p in files["path"]]
    return pd.concat([files.reset_index(drop=True), pd.DataFrame(scores, columns=list(METRIC_NAMES))], axis=1)


def ranking_table(scored: pd.DataFrame) -> tuple[int, pd.DataFrame]:
    """(number of same-topic pairs, one row per metric: metric, direction, pairs, correct,
    accuracy and the accuracy for each kind of pair)."""
    wide = {level: scored[scored["level"] == level].drop_duplicates("topic").set_index("topic")
            for level, _ in LEVELS}
    rows = []
    n_pairs = 0
    for hard, easy in PAIRS:
        n_pairs += len(wide[hard].index.intersection(wide[easy].index))
    for name in METRIC_NAMES:
        direction = METRIC_INFO[name].direction
        row = {"metric": name, "direction": direction}
        total = correct = 0
        for hard, easy in PAIRS:
            topics = wide[hard].index.intersection(wide[easy].index)
            a, b = wide[hard].loc[topics, name], wide[easy].loc[topics, name]
            defined = a.notna() & b.notna()
            good = (a < b) if direction == "higher = easier" else (a > b)
            k, n = int((good & defined).sum()), int(defined.sum())
            row[f"{_SHORT[hard]}>{_SHORT[easy]}"] = k / n if n else math.nan
            total += n
            correct += k
        row.update(pairs=total, correct=correct, accuracy=correct / total if total else math.nan)
        rows.append(row)
    cols = ["metric", "direction", "pairs", "correct", "accuracy", *(f"{_SHORT[h]}>{_SHORT[e]}" for h, e in PAIRS)]
    return n_pairs, pd.DataFrame(rows, columns=cols)


def evaluate(path) -> tuple[dict, pd.DataFrame]:
    """Ranking accuracy of every readability metric on OneStopEnglish at ``path``.

    Returns ``({"task": "onestop", "pairs": N, "ranking_accuracy": {metric: share 0–1}}, table)``;
    higher accuracy = better. Shares are over the pairs where the metric is defined (see table).
    """
    n_pairs, table = ranking_table(score_texts(find_texts(path)))
    accuracy = {row.metric: (round(float(row.accuracy), 4) if not math.isnan(row.accuracy) else None)
                for row in table.itertuples()}
    return {"task": "onestop", "pairs": n_pairs, "ranking_accuracy": accuracy}, table
