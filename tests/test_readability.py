"""helpers.readability: formulas equal textstat's, hand-checked values, degenerate input, directions."""
import math

import pandas as pd
import pytest
import textstat

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import helpers  # noqa: F401,E402
from helpers import readability as r
from helpers.article import Article
from helpers.figures import make
from helpers.pipeline import Analysis
from helpers.tables import COLUMNS, conform
from helpers.text import sentences

# Five clean sentences (no abbreviations, each > 2 words): textstat's sentence regex and our
# splitter agree on them, so every metric must equal textstat's own function.
BASE = [
    "The government announced a new policy on Monday morning.",
    "Many people were surprised by the sudden decision.",
    "Critics said the plan would cost too much money.",
    "Supporters argued that it was necessary and overdue.",
    "The minister defended the proposal in parliament yesterday.",
]
THIRTY = " ".join(BASE * 6)  # 30 sentences, 252 words: SMOG defined, Linsear reads 100 words

EASY = "The cat sat on the mat. The dog ran to the park. We had fun in the rain. It was a good day."
HARD = ("Notwithstanding considerable institutional resistance, the administration's comprehensive "
        "reorganisation of intergovernmental responsibilities substantially complicated international "
        "negotiations concerning environmental regulation and accountability.")


def test_measure_text_equals_textstat_on_clean_text():
    got = r.measure_text(THIRTY)
    for name in ["flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
                 "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
                 "linsear_write_formula", "words_per_sentence"]:
        assert got[name] == pytest.approx(getattr(textstat, name)(THIRTY), abs=1e-9), name
    assert got["syllables_per_word"] == pytest.approx(textstat.avg_syllables_per_word(THIRTY))
    share = textstat.difficult_words(THIRTY, syllable_threshold=0, unique=False) / textstat.lexicon_count(THIRTY)
    assert got["difficult_word_share"] == pytest.approx(share)
    assert got["words_per_sentence"] == pytest.approx(252 / 30)


def test_hand_checked_single_sentence():
    # 6 words, 6 syllables, 1 sentence: FK = 0.39*6 + 11.8*1 - 15.59 = -1.45; FRE = 206.835 - 6.09 - 84.6
    got = r.measure_text("The cat sat on the mat.")
    assert got["flesch_kincaid_grade"] == pytest.approx(-1.45)
    assert got["flesch_reading_ease"] == pytest.approx(116.145)
    assert got["words_per_sentence"] == 6 and got["syllables_per_word"] == 1
    assert got["difficult_word_share"] == 0  # every word is on the Dale–Chall easy list
    assert math.isnan(got["smog_index"])  # one sentence: SMOG undefined (needs 30)


def test_words_follow_textstat_and_read_typographic_apostrophes():
    assert r.words("The U.S.-led talks aren’t over — yet.") == ["The", "USled", "talks", "aren't", "over", "yet"]
    assert r.word_info("world’s".replace("’", "'")) == r.word_info("WORLD'S")
    assert r.count_text("The world’s biggest forest.")[0] == r.count_text("The world's biggest forest.")[0]
    assert r.word_info("government") == (3, True)
    assert r.word_info("negotiations")[0] == 5


def test_directions_easy_text_scores_easier_on_every_metric():
    easy, hard = r.measure_text(EASY), r.measure_text(HARD)
    for m in r.METRICS:
        if math.isnan(easy[m.name]):
            continue
        if m.direction == "higher = easier":
            assert easy[m.name] > hard[m.name], m.name
        else:
            assert easy[m.name] < hard[m.name], m.name


def test_empty_and_degenerate_text_give_nan_not_a_crash():
    for text in ["", "   \n\n ", "— • —", "42"]:
        got = r.measure_text(text)
        assert set(got) == set(r.METRIC_NAMES)
    assert all(math.isnan(v) for v in r.measure_text("").values())
    assert all(math.isnan(v) for v in r.measure_text("— • —").values())
    one = r.measure_text("Hello")
    assert one["words_per_sentence"] == 1 and math.isnan(one["smog_index"])


def test_smog_needs_thirty_sentences():
    assert math.isnan(r.measure_text(" ".join(BASE * 5 + BASE[:4]))["smog_index"])  # 29 sentences
    assert r.measure_text(THIRTY)["smog_index"] == pytest.approx(textstat.smog_index(THIRTY))


def _article(paragraphs):
    article = Article(title="Test", paragraphs=paragraphs)
    return article, sentences(article)


def test_measure_tables_and_per_paragraph_values():
    article, sents = _article([" ".join(BASE), "Hello", EASY, HARD])
    metrics, per_para, hard = r.measure(article, sents)
    assert list(metrics.columns[:2]) == COLUMNS["readability"]
    assert metrics["metric"].tolist() == list(r.METRIC_NAMES)
    assert set(metrics["direction"]) == {"higher = easier", "higher = harder"}
    assert metrics.set_index("metric").loc["flesch_reading_ease", "direction"] == "higher = easier"
    assert list(per_para.columns) == ["para_id", "words", "sentences", *r.METRIC_NAMES]
    assert per_para["para_id"].tolist() == [0, 1, 2, 3]
    assert per_para["words"].tolist() == [42, 1, 23, 20]
    assert per_para["sentences"].tolist() == [5, 1, 4, 1]
    # a paragraph's values are those of its text alone
    fk = per_para.set_index("para_id")["flesch_kincaid_grade"]
    assert fk[0] == pytest.approx(r.measure_text(" ".join(BASE))["flesch_kincaid_grade"])
    assert fk[3] == pytest.approx(r.measure_text(HARD)["flesch_kincaid_grade"])
    assert per_para["smog_index"].isna().all()
    # article level: 86 words in 11 sentences
    values = metrics.set_index("metric")["value"]
    assert values["words_per_sentence"] == pytest.approx(86 / 11)
    assert values["flesch_kincaid_grade"] == pytest.approx(
        r.measure_text("\n".join([" ".join(BASE), "Hello", EASY, HARD]))["flesch_kincaid_grade"])


def test_hard_sentences_ranked_by_sentence_grade():
    article, sents = _article([" ".join(BASE), "Hello", EASY, HARD])
    _, _, hard = r.measure(article, sents)
    assert list(hard.columns) == r.HARD_COLUMNS
    assert hard["rank"].tolist() == [1, 2, 3, 4, 5]
    assert hard.loc[0, "text"] == HARD and hard.loc[0, "para_id"] == 3
    assert hard["flesch_kincaid_grade"].is_monotonic_decreasing
    assert (hard["words"] >= r.HARD_MIN_WORDS).all()  # "Hello" is not eligible
    row = hard.iloc[1]
    assert row["flesch_kincaid_grade"] == pytest.approx(0.39 * row["words"] + 11.8 * row["syllables"] / row["words"] - 15.59)


def test_empty_article_and_empty_paragraphs():
    metrics, per_para, hard = r.measure(*_article([]))
    assert len(metrics) == len(r.METRICS) and metrics["value"].isna().all()
    assert per_para.empty and list(per_para.columns) == ["para_id", "words", "sentences", *r.METRIC_NAMES]
    assert hard.empty and list(hard.columns) == r.HARD_COLUMNS
    metrics, per_para, hard = r.measure(*_article(["", "Word", "— —"]))
    assert per_para["words"].tolist() == [0, 1, 0]
    assert per_para.loc[0, r.METRIC_NAMES[0]] != per_para.loc[0, r.METRIC_NAMES[0]]  # NaN
    assert hard.empty
    assert metrics.set_index("metric").loc["words_per_sentence", "value"] == 1


def _analysis(paragraphs):
    """An Analysis with the readability tables only, as `pipeline.analyze` builds them."""
    article, sents = _article(paragraphs)
    metrics, per_para, hard = r.measure(article, sents)
    return Analysis(article=article, tables={"sentences": sents, "readability": conform(metrics, "readability"),
                                             "readability_paragraphs": per_para, "hard_sentences": hard})


def test_sentences_default_from_article_and_contract():
    article, sents = _article([EASY, HARD])
    a = r.measure(article, sents)
    b = r.measure(article)
    pd.testing.assert_frame_equal(a[1], b[1])
    assert list(conform(a[0], "readability").columns[:2]) == ["metric", "value"]


def test_figures_draw_and_return_their_data():
    analysis = _analysis([" ".join(BASE), "Hello", EASY, HARD])
    fig, data = make("51-grade-by-paragraph", analysis)
    assert data["paragraph"].tolist() == [1, 2, 3, 4] and data["above_article"].tolist()[3]
    plt.close(fig)
    fig, data = make("52-sentence-lengths", analysis)
    assert len(data) == 11 and data["hard_rank"].notna().sum() == 5
    plt.close(fig)
    fig, data = make("53-metrics", analysis)
    assert data["metric"].tolist() == list(r.METRIC_NAMES)
    assert data.set_index("metric").loc["smog_index", "band"] == ""  # undefined: 11 sentences
    plt.close(fig)
    empty = _analysis([])
    assert all(make(stem, empty) is None for stem in ["51-grade-by-paragraph", "52-sentence-lengths", "53-metrics"])


def test_sentence_scores_empty_and_values():
    assert r.sentence_scores(None).empty
    scores = r.sentence_scores(sentences(Article(paragraphs=[EASY])))
    assert scores["words"].tolist() == [6, 6, 6, 5]
    assert scores.loc[0, "flesch_kincaid_grade"] == pytest.approx(-1.45)


def test_hardest_paragraphs():
    article, sents = _article([" ".join(BASE), "Hello", EASY, HARD])
    _, per_para, _ = r.measure(article, sents)
    top = r.hardest_paragraphs(per_para, article, n=2)
    assert top["para_id"].tolist() == [3, 0]  # "Hello" (1 word) and EASY (lowest grade) are not shown
    assert top.loc[0, "start"].startswith("Notwithstanding") and top.loc[0, "start"].endswith("…")
    assert r.hardest_paragraphs(per_para.iloc[0:0], article).empty
    assert list(r.hardest_paragraphs(per_para, n=1).columns) == ["para_id", "words", "sentences", "flesch_kincaid_grade"]
