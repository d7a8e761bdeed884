"""Readability of the body, per paragraph, and the hardest sentences: the classic formulas.

The formulas and their word lists come from ``textstat`` 0.7.13 (its CMU syllable dictionary,
its pyphen fallback, its Dale–Chall easy-word list and its punctuation rules). Unlike calling
``textstat.flesch_kincaid_grade(text)`` once per metric, the text is counted **once per
sentence** (words, syllables, letters, characters, polysyllables, difficult words) and every
formula is derived from those counts, for the article, each paragraph and each sentence. That is
~40× faster than textstat's per-call re-tokenising and uses the project's sentence splitter
(which keeps "Mr.", "U.S." and initials inside a sentence) instead of textstat's regex.

Directions (see `METRICS` for the typical range of each; "Guardian ≈" values are medians of the
189 original Guardian texts of OneStopEnglish, "simplified" of their elementary rewrites):

- ``flesch_reading_ease``: 0–100 (can leave that range), **higher = easier**.
- ``flesch_kincaid_grade``, ``gunning_fog``, ``smog_index``, ``coleman_liau_index``,
  ``automated_readability_index``, ``linsear_write_formula``: US school grade, **higher = harder**.
- ``dale_chall_readability_score``: its own scale (≤4.9 = grade 4 or below … ≥10 = graduate),
  **higher = harder**.
- ``words_per_sentence`` (words), ``syllables_per_word`` (syllables): **higher = harder**.
- ``difficult_word_share``: share 0–1 of words not on the Dale–Chall list of ~3,000 easy words,
  **higher = harder** (like textstat, inflected forms and proper names count as difficult).

Deviations from textstat, all deliberate and documented:

- Sentences come from `helpers.text.sentences` (Punkt with abbreviations); every sentence with at
  least one word counts (textstat's regex drops sentences of two words or fewer).
- A typographic apostrophe (’) is read as ``'`` so "world’s" is looked up as "world's".
- Where a formula is undefined the value is NaN, never textstat's 0.0: no words or no sentences;
  SMOG on fewer than 30 sentences (McLaughlin 1969 defined it on a 30-sentence sample).

References: Flesch 1948 (reading ease); Kincaid et al. 1975 (Flesch–Kincaid grade, ARI);
Gunning 1952 (fog); McLaughlin 1969 (SMOG); Coleman & Liau 1975; Smith & Senter 1967 (ARI);
Dale & Chall 1948 / Chall & Dale 1995; O'Hayre 1966 (Linsear Write); textstat 0.7.13.
"""
from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import resources
from .tables import conform

#: Sentences a SMOG sample needs (McLaughlin 1969); fewer gives NaN.
SMOG_MIN_SENTENCES = 30
#: Linsear Write reads only the first this-many words (O'Hayre 1966; textstat's default).
LINSEAR_WORDS = 100
#: How many hard sentences `measure` returns, and the shortest sentence (words) that may be one.
HARD_SENTENCES = 5
HARD_MIN_WORDS = 5


@dataclass(frozen=True)
class Metric:
    """What a metric is: its name, a label with unit, direction, and the range readers meet."""

    name: str
    label: str
    direction: str  # "higher = easier" | "higher = harder"
    typical_range: str
    #: (low, high, label) bands for figures, on the metric's own scale.
    bands: tuple = ()
    axis: tuple = (0, 20)


_GRADE_BANDS = (
    (0, 6, "primary school"),
    (6, 9, "grade 8 ≈\nplain English"),
    (9, 12, "high school\n· most news"),
    (12, 16, "college"),
    (16, 22, "graduate"),
)
_GRADE_RANGE = "US school grade; 8 ≈ plain English, 10–12 typical news, ≥ 13 college"

METRICS: tuple[Metric, ...] = (
    Metric("flesch_reading_ease", "Flesch reading ease (0–100)", "higher = easier",
           "0–100; 60–70 plain English, 50–60 fairly hard (Guardian news ≈ 54), 30–50 college, < 30 very hard",
           ((0, 30, "very hard"), (30, 50, "hard (college)"), (50, 60, "fairly\nhard"),
            (60, 70, "60–70\nstandard"), (70, 80, "fairly\neasy"), (80, 100, "easy")), (0, 100)),
    Metric("flesch_kincaid_grade", "Flesch–Kincaid grade (US grade)", "higher = harder", _GRADE_RANGE,
           _GRADE_BANDS, (0, 22)),
    Metric("gunning_fog", "Gunning fog (US grade)", "higher = harder",
           "US school grade; 12 = wide audience limit, ≥ 17 graduate", _GRADE_BANDS, (0, 22)),
    Metric("smog_index", "SMOG (US grade; ≥ 30 sentences)", "higher = harder", _GRADE_RANGE,
           _GRADE_BANDS, (0, 22)),
    Metric("coleman_liau_index", "Coleman–Liau (US grade)", "higher = harder", _GRADE_RANGE,
           _GRADE_BANDS, (0, 22)),
    Metric("automated_readability_index", "Automated readability index (US grade)", "higher = harder",
           _GRADE_RANGE, _GRADE_BANDS, (0, 22)),
    Metric("dale_chall_readability_score", "Dale–Chall score", "higher = harder",
           "≤ 4.9 grade 4 · 5–5.9 grades 5–6 · 6–6.9 grades 7–8 · 7–7.9 grades 9–10 · "
           "8–8.9 grades 11–12 · 9–9.9 college · ≥ 10 graduate (names and inflections push news to ≈ 10)",
           ((0, 5, "≤ grade 4"), (5, 7, "grades 5–8"), (7, 9, "grades 9–12"), (9, 10, "col-\nlege"),
            (10, 14, "graduate")), (0, 14)),
    Metric("linsear_write_formula", "Linsear Write (US grade; first 100 words)", "higher = harder",
           _GRADE_RANGE, _GRADE_BANDS, (0, 22)),
    Metric("words_per_sentence", "Words per sentence", "higher = harder",
           "15–20 plain English; news ≈ 20–25 (Guardian ≈ 22); > 25 long",
           ((0, 15, "short"), (15, 20, "15–20\nplain English"), (20, 25, "typical\nnews"),
            (25, 40, "long")), (0, 40)),
    Metric("syllables_per_word", "Syllables per word", "higher = harder",
           "≈ 1.3 children's text; ≈ 1.5 general news (Guardian ≈ 1.56); > 1.6 dense",
           ((1.0, 1.4, "simple"), (1.4, 1.6, "general / news"), (1.6, 2.0, "dense")), (1.0, 2.0)),
    Metric("difficult_word_share", "Share of words not on the Dale–Chall easy list (0–1)",
           "higher = harder",
           "0–1; simplified news ≈ 0.30, Guardian news ≈ 0.35 (names and inflected forms count as difficult)",
           ((0, 0.25, "easy"), (0.25, 0.32, "simplified\nnews ≈ 0.30"), (0.32, 0.40, "news\n≈ 0.35"),
            (0.40, 0.6, "dense")), (0, 0.6)),
)
METRIC_NAMES: tuple[str, ...] = tuple(m.name for m in METRICS)
METRIC_INFO: dict[str, Metric] = {m.name: m for m in METRICS}

#: Per-sentence counts, the columns of `sentence_counts`.
COUNT_COLUMNS = ["words", "syllables", "letters", "chars", "tokens", "polysyllables",
                 "fog_hard_words", "difficult_words"]


# --------------------------------------------------------------------------------------------
# Words and their syllables (textstat's resources and rules)

#: textstat 0.7.13's own pattern (``RE_NONCONTRACTION_APOSTROPHE``, equal in the tests), so words
#: split exactly as textstat splits them; copied because importing textstat imports all of NLTK.
_NONCONTRACTION = r"\'(?![tsd]|ve|ll|re)"
_NONCONTRACTION_RE = re.compile(_NONCONTRACTION)
_PUNCT_RE = re.compile(r"[^\w\s\']")
_WORDCHAR_RE = re.compile(r"\w")
_SPACE_RE = re.compile(r"\s")


def words(text: str) -> list[str]:
    """Words as textstat counts them: punctuation (and hyphens) removed, apostrophes of
    contractions kept, then split on white space. A typographic ’ is read as ``'``.

    >>> words("The U.S.-led talks aren’t over — yet.")
    ['The', 'USled', 'talks', "aren't", 'over', 'yet']
    """
    text = text.replace("\u2019", "'")
    text = _NONCONTRACTION_RE.sub("", text)
    return _PUNCT_RE.sub("", text).split()


@functools.lru_cache(maxsize=1)
def _lexicons():
    """(CMU syllable counts, pyphen hyphenator, Dale–Chall easy words): textstat's, loaded once.

    The same three resources textstat's ``get_cmudict`` / ``get_pyphen`` / ``get_lang_easy_words``
    return (equal in the tests), read without importing textstat, which imports all of NLTK.
    """
    from pyphen import Pyphen

    with open(resources.easy_words_path(), encoding="utf-8") as handle:
        easy = frozenset(line.strip() for line in handle)
    return resources.cmu_syllables(), Pyphen(lang="en_US"), easy


@functools.lru_cache(maxsize=200_000)
def word_info(word: str) -> tuple[int, bool]:
    """(syllables, on the Dale–Chall easy list) for one word, case-insensitive.

    Syllables: vowel phonemes of the first CMU dictionary pronunciation, else pyphen's
    hyphenation points + 1 (textstat's rule).

    >>> word_info("Government")
    (3, True)
    """
    cmu, pyphen, easy = _lexicons()
    lower = word.lower()
    syllables = cmu.get(lower)
    if syllables is None:
        syllables = len(pyphen.positions(lower)) + 1
    return syllables, lower in easy


def count_text(text: str) -> tuple:
    """The counts of one sentence (a tuple in `COUNT_COLUMNS` order) and its words' syllables.

    ``words`` (textstat words), ``syllables``, ``letters`` (word characters, for Coleman–Liau),
    ``chars`` (non-space characters) and ``tokens`` (white-space tokens, both for ARI as textstat
    computes it), ``polysyllables`` (words of ≥ 3 syllables, SMOG), ``fog_hard_words`` (≥ 3
    syllables and not on the easy list, Gunning fog as in textstat), ``difficult_words`` (not on
    the easy list, Dale–Chall).
    """
    ws = words(text)
    syll = []
    poly = fog = difficult = 0
    for w in ws:
        s, easy = word_info(w)
        syll.append(s)
        if s >= 3:
            poly += 1
            if not easy:
                fog += 1
        if not easy:
            difficult += 1
    counts = (
        len(ws),
        sum(syll),
        len(_WORDCHAR_RE.findall(text)),
        len(text) - len(_SPACE_RE.findall(text)),
        len(text.split()),
        poly,
        fog,
        difficult,
    )
    return counts, syll


# --------------------------------------------------------------------------------------------
# Formulas on summed counts (numpy arrays: one value per unit, article, paragraph or sentence)

#: Columns of the summed-count arrays fed to `formulas`.
SUM_COLUMNS = [*COUNT_COLUMNS, "sentences", "linsear_easy", "linsear_hard", "linsear_sentences"]


def formulas(c: dict) -> dict[str, np.ndarray]:
    """Every metric from summed counts: ``c`` maps each of `SUM_COLUMNS` to an array (one value per
    unit of text). Returns ``{metric: float array}``, NaN where undefined (no words or no sentences;
    SMOG under `SMOG_MIN_SENTENCES` sentences; Linsear Write with no sentence in its sample).

    Flesch RE = 206.835 − 1.015·W/S − 84.6·Sy/W; FK grade = 0.39·W/S + 11.8·Sy/W − 15.59;
    fog = 0.4·(W/S + 100·hard/W); SMOG = 1.043·√(30·poly/S) + 3.1291; Coleman–Liau = 0.058·L − 0.296·S100 − 15.8
    (L letters and S100 sentences per 100 words); ARI = 4.71·chars/tokens + 0.5·W/S − 21.43;
    Dale–Chall = 0.1579·%difficult + 0.0496·W/S (+ 3.6365 when %difficult > 5);
    Linsear Write = r/2 with r = (easy + 3·hard)/S on the first 100 words, minus 2 when r ≤ 20.
    References: see the module docstring (textstat 0.7.13 implements the same formulas).
    """
    f = {k: np.asarray(c[k], dtype="float64") for k in SUM_COLUMNS}
    with np.errstate(divide="ignore", invalid="ignore"):
        ok = (f["words"] > 0) & (f["sentences"] > 0)
        n_words = np.where(ok, f["words"], np.nan)
        sentences = np.where(ok, f["sentences"], np.nan)
        tokens = np.where(f["tokens"] > 0, f["tokens"], np.nan)
        wps = n_words / sentences
        spw = f["syllables"] / n_words
        pct_difficult = 100 * f["difficult_words"] / n_words
        smog = 1.043 * np.sqrt(30 * f["polysyllables"] / sentences) + 3.1291
        lw_sent = np.where(f["linsear_sentences"] > 0, f["linsear_sentences"], np.nan)
        lw_raw = (f["linsear_easy"] + 3 * f["linsear_hard"]) / lw_sent
        return {
            "flesch_reading_ease": 206.835 - 1.015 * wps - 84.6 * spw,
            "flesch_kincaid_grade": 0.39 * wps + 11.8 * spw - 15.59,
            "gunning_fog": 0.4 * (wps + 100 * f["fog_hard_words"] / n_words),
            "smog_index": np.where(f["sentences"] >= SMOG_MIN_SENTENCES, smog, np.nan),
            "coleman_liau_index": 0.058 * (100 * f["letters"] / n_words) - 0.296 * (100 * sentences / n_words) - 15.8,
            "automated_readability_index": 4.71 * f["chars"] / tokens + 0.5 * wps - 21.43,
            "dale_chall_readability_score": 0.1579 * pct_difficult + 0.0496 * wps + 3.6365 * (pct_difficult > 5),
            "linsear_write_formula": np.where(ok, np.where(lw_raw > 20, lw_raw, lw_raw - 2) / 2, np.nan),
            "words_per_sentence": wps,
            "syllables_per_word": spw,
            "difficult_word_share": f["difficult_words"] / n_words,
        }


def _linsear_counts(syllable_lists) -> tuple[int, int, int]:
    """(easy words, hard words, sentences) over the first `LINSEAR_WORDS` words of a run of
    sentences: easy = 1–2 syllables, hard = ≥ 3; a sentence counts if any of its words is read."""
    easy = hard = n_sent = seen = 0
    for syll in syllable_lists:
        if seen >= LINSEAR_WORDS:
            break
        take = syll[: LINSEAR_WORDS - seen]
        if not take:
            continue
        n_sent += 1
        seen += len(take)
        for s in take:
            if s >= 3:
                hard += 1
            elif s > 0:
                easy += 1
    return easy, hard, n_sent


def _count_all(texts) -> tuple[np.ndarray, list[list[int]]]:
    """Counts of each sentence (array n × `COUNT_COLUMNS`) and each sentence's word syllables."""
    counted = [count_text(t) for t in texts]
    counts = np.array([c for c, _ in counted], dtype="int64").reshape(len(counted), len(COUNT_COLUMNS))
    return counts, [s for _, s in counted]


def _sum_counts(counts: np.ndarray, syllables: list[list[int]], groups: np.ndarray, n_groups: int) -> dict:
    """Summed counts per group (group ids 0 … n_groups−1), ready for `formulas`."""
    sums = np.zeros((n_groups, len(COUNT_COLUMNS)), dtype="int64")
    if len(counts):
        np.add.at(sums, groups, counts)
    out = {c: sums[:, i] for i, c in enumerate(COUNT_COLUMNS)}
    out["sentences"] = np.bincount(groups[counts[:, 0] > 0], minlength=n_groups) if len(counts) else np.zeros(n_groups)
    per_group: list[list] = [[] for _ in range(n_groups)]
    for g, syll in zip(groups, syllables):
        per_group[g].append(syll)
    lin = np.array([_linsear_counts(p) for p in per_group], dtype="int64").reshape(n_groups, 3)
    out["linsear_easy"], out["linsear_hard"], out["linsear_sentences"] = lin[:, 0], lin[:, 1], lin[:, 2]
    return out


# --------------------------------------------------------------------------------------------
# Public API

SENTENCE_COLUMNS = ["sent_id", "para_id", *COUNT_COLUMNS, "flesch_kincaid_grade", "text"]
HARD_COLUMNS = ["rank", "sent_id", "para_id", "words", "syllables", "difficult_words",
                "flesch_kincaid_grade", "text"]
PARAGRAPH_COLUMNS = ["para_id", "words", "sentences", *METRIC_NAMES]


def _sentence_frame(sentences: pd.DataFrame, counts: np.ndarray) -> pd.DataFrame:
    frame = pd.DataFrame(counts, columns=COUNT_COLUMNS)
    frame.insert(0, "sent_id", sentences["sent_id"].to_numpy())
    frame.insert(1, "para_id", sentences["para_id"].to_numpy())
    with np.errstate(divide="ignore", invalid="ignore"):
        w = np.where(counts[:, 0] > 0, counts[:, 0], np.nan) if len(counts) else np.array([], dtype=float)
        frame["flesch_kincaid_grade"] = 0.39 * w + 11.8 * (counts[:, 1] if len(counts) else w) / w - 15.59
    frame["text"] = sentences["text"].to_numpy()
    return frame


def sentence_scores(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: sent_id, para_id, the counts (`COUNT_COLUMNS`), the sentence's
    ``flesch_kincaid_grade`` (US grade, higher = harder; NaN for a sentence without words), text.

    This Flesch–Kincaid grade, 0.39 × words + 11.8 × syllables/word − 15.59 (Kincaid et al.
    1975), is the per-sentence score that picks the hard sentences.
    """
    if sentences is None or len(sentences) == 0:
        return pd.DataFrame({c: pd.Series(dtype="object" if c == "text" else "float64" if c == "flesch_kincaid_grade"
                                          else "int64") for c in SENTENCE_COLUMNS})
    counts, _ = _count_all(sentences["text"].astype(str))
    return _sentence_frame(sentences, counts)


def metrics_frame(values: dict) -> pd.DataFrame:
    """The tidy ``readability`` table: metric, value, direction, typical_range (one row per metric)."""
    rows = [(m.name, float(np.asarray(values.get(m.name, math.nan)).ravel()[0]) if m.name in values else math.nan,
             m.direction, m.typical_range) for m in METRICS]
    return conform(pd.DataFrame(rows, columns=["metric", "value", "direction", "typical_range"]), "readability")


def measure(article, sentences: pd.DataFrame | None = None):
    """Readability of an article: ``(metrics, per_paragraph, hard_sentences)``.

    - ``metrics``: one row per metric of `METRICS`: ``metric``, ``value``, ``direction``
      ("higher = easier" only for Flesch reading ease), ``typical_range``.
    - ``per_paragraph``: ``para_id``, ``words``, ``sentences``, then one column per metric, one row
      per paragraph of ``article.paragraphs`` (NaN where undefined: an empty paragraph; SMOG under
      30 sentences, which means every paragraph of a news article).
    - ``hard_sentences``: the `HARD_SENTENCES` sentences with the highest Flesch–Kincaid grade
      among those of at least `HARD_MIN_WORDS` words (a shorter one gets an extreme grade from a
      single long word): ``rank``, ``sent_id``, ``para_id``, ``words``, ``syllables``,
      ``difficult_words``, ``flesch_kincaid_grade``, ``text``.

    ``sentences`` is the table of `helpers.text.sentences` (computed from ``article`` if None);
    each sentence is counted once and every unit's formulas come from summed counts.
    References: see the module docstring.
    """
    if sentences is None:
        from .text import sentences as split

        sentences = split(article)
    texts = sentences["text"].astype(str).tolist() if len(sentences) else []
    counts, syllables = _count_all(texts)
    para = sentences["para_id"].to_numpy(dtype="int64") if len(sentences) else np.zeros(0, dtype="int64")
    n_paragraphs = max(len(getattr(article, "paragraphs", None) or []), int(para.max()) + 1 if len(para) else 0)

    whole = _sum_counts(counts, syllables, np.zeros(len(counts), dtype="int64"), 1)
    metrics = metrics_frame(formulas(whole))

    by_para = _sum_counts(counts, syllables, para, n_paragraphs)
    values = formulas(by_para)
    per_paragraph = pd.DataFrame({"para_id": np.arange(n_paragraphs), "words": by_para["words"],
                                  "sentences": np.asarray(by_para["sentences"], dtype="int64"),
                                  **{name: values[name] for name in METRIC_NAMES}}, columns=PARAGRAPH_COLUMNS)
    per_paragraph = per_paragraph.astype({"para_id": "int64", "words": "int64", "sentences": "int64",
                                          **{name: "float64" for name in METRIC_NAMES}})
    hard = hard_sentences(_sentence_frame(sentences, counts) if len(counts) else sentence_scores(None))
    return metrics, per_paragraph, hard


def hard_sentences(scores: pd.DataFrame, n: int = HARD_SENTENCES, min_words: int = HARD_MIN_WORDS) -> pd.DataFrame:
    """The ``n`` rows of `sentence_scores` with the highest Flesch–Kincaid grade (higher = harder)
    among sentences of at least ``min_words`` words, ranked 1…n; ties go to the earlier sentence."""
    eligible = scores[scores["words"] >= min_words]
    if len(eligible) == 0:
        return pd.DataFrame({c: pd.Series(dtype=scores[c].dtype if c in scores else "int64") for c in HARD_COLUMNS})
    top = eligible.sort_values(["flesch_kincaid_grade", "sent_id"], ascending=[False, True], kind="stable").head(n)
    top = top.assign(rank=np.arange(1, len(top) + 1))
    return top[HARD_COLUMNS].reset_index(drop=True)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of a plain text: its non-blank lines, stripped (one paragraph per line)."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def measure_text(text: str) -> dict[str, float]:
    """Every metric of `METRICS` for one plain string: ``{metric: value}`` (NaN where undefined).

    Each non-blank line is a paragraph; sentences are split inside each paragraph with the
    project's splitter, as for an article. Directions as in the module docstring.

    >>> round(measure_text("The cat sat on the mat.")["flesch_kincaid_grade"], 2)
    -1.45
    """
    texts = []
    for paragraph in split_paragraphs(text):
        texts.extend(paragraph[start:end] for start, end in resources.split_sentences(paragraph))
    counts, syllables = _count_all(texts)
    values = formulas(_sum_counts(counts, syllables, np.zeros(len(counts), dtype="int64"), 1))
    return {name: float(values[name][0]) for name in METRIC_NAMES}


def hardest_paragraphs(per_paragraph: pd.DataFrame, article=None, n: int = 3,
                       metric: str = "flesch_kincaid_grade", min_words: int = 20) -> pd.DataFrame:
    """The ``n`` paragraphs with the highest ``metric`` (a grade: higher = harder) among those of
    at least ``min_words`` words (a one-line paragraph's grade says little), hardest first:
    para_id, words, sentences, ``metric``, and the paragraph's opening (``start``, 80 characters)
    when ``article`` is given."""
    cols = ["para_id", "words", "sentences", metric]
    if per_paragraph is None or len(per_paragraph) == 0:
        return pd.DataFrame(columns=cols + (["start"] if article is not None else []))
    eligible = per_paragraph[(per_paragraph["words"] >= min_words) & per_paragraph[metric].notna()]
    top = eligible.sort_values([metric, "para_id"], ascending=[False, True], kind="stable").head(n)[cols]
    if article is not None:
        paragraphs = list(getattr(article, "paragraphs", []) or [])
        top = top.assign(start=[(paragraphs[i][:80] + "…") if len(paragraphs[i]) > 80 else paragraphs[i]
                                if i < len(paragraphs) else "" for i in top["para_id"]])
    return top.reset_index(drop=True)
