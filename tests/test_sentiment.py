"""Target-dependent sentiment: classifier, per-mention and per-actor tables, evidence, figures."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from helpers import sentiment
from helpers.article import Article
from helpers.paths import SEED_ARTICLE
from helpers.sentiment_model import MODEL_PATH, TargetSentimentModel, featurize, tokenize
from helpers.tables import COLUMNS
from helpers.text import sentences as split_article


def span(sentence: str, target: str, nth: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(target), sentence)]
    return starts[nth], starts[nth] + len(target)


def label(sentence: str, target: str, nth: int = 0) -> str:
    return sentiment.classify_target(sentence, *span(sentence, target, nth))


# ---------------------------------------------------------------- classify_target


def test_model_ships_small_and_loads():
    assert MODEL_PATH.exists()
    assert MODEL_PATH.stat().st_size < 5_000_000
    model = TargetSentimentModel.load(MODEL_PATH)
    assert model.meta["n_train"] == 8739
    assert set(model.meta["groups"]) >= {"words", "lexicon"}


def test_side_and_governing_features():
    f = featurize("Smith lied and cheated.", 0, 5)
    assert f["SR:lied"] == 1.0 and f["SR:cheated"] == 1.0 and not any(k.startswith("SL:") for k in f)
    assert f["gvw:R:lied"] == 1.0
    assert f["gv:R-"] > 0.5 and "gv:L-" not in f and "gv:R+" not in f  # "lied" right after the subject


def test_entnorm_replaces_other_names():
    s = "Jones accused Smith of lying."
    f = featurize(s, 14, 19)  # Smith
    assert f["EL1:accused"] == 1.0 and f["EL2:<e>"] == 1.0 and f["ER1:of"] == 1.0
    assert f["EB:<e>_accused"] == 1.0 and f["EB:accused_<t>"] == 1.0 and f["EB:<t>_of"] == 1.0
    assert "EB:of_lying" not in f  # bigrams away from the target and names are left to ``words``
    assert not any(k.startswith(("EL", "ER", "EB")) for k in featurize(s, 0, 0))


def test_model_keeps_its_own_speech_cues():
    # the speaker features use the cue list stored at training time, not the live speech_verbs.txt
    model = TargetSentimentModel.load(MODEL_PATH)
    assert model.speech_cues == frozenset(model.meta["speech_cues"])
    assert {"said", "told", "according"} <= model.speech_cues
    s = "Smith said the plan was a disaster."
    assert "spk:after" in featurize(s, 0, 5, speech_cues=frozenset({"said"}))
    assert "spk:after" not in featurize(s, 0, 5, speech_cues=frozenset())


def test_probabilities_sum_to_one():
    p = sentiment.target_probabilities("Critics called Smith a liar.", 15, 20)
    assert p.shape == (3,) and abs(p.sum() - 1) < 1e-9 and (p >= 0).all()


@pytest.mark.parametrize(
    "sentence, target, expected",
    [
        ("Critics called Smith a liar and a fraud who betrayed his voters.", "Smith", "negative"),
        ("Supporters praised Smith as a brilliant, honest and courageous leader.", "Smith", "positive"),
        ("Smith will meet the committee on Tuesday in Washington.", "Smith", "neutral"),
    ],
)
def test_clear_cases(sentence, target, expected):
    assert label(sentence, target) == expected


SAME_SENTENCE = "Jones praised the brave rescuers, while he attacked Miller as a corrupt liar."


def test_same_sentence_different_targets():
    # the sentence's mood is one thing; the stance toward each target differs
    assert label(SAME_SENTENCE, "rescuers") == "positive"
    assert label(SAME_SENTENCE, "Miller") == "negative"
    assert label(SAME_SENTENCE, "Jones") == "positive"


def test_negative_mood_positive_target():
    # a grim sentence (war, deaths) that honours its target
    s = "Amid the horror of the deadly bombing, the heroic nurse Maria saved dozens of lives."
    assert label(s, "Maria") == "positive"


def test_seed_sentences_from_the_issue():
    s = ("Instead, he has directed most of his anger toward President Volodymyr Zelensky of Ukraine, "
         "calling him a “dictator” and describing him as the main impediment to a peace deal.")
    assert label(s, "him") == "negative"
    assert label(s, "President Volodymyr Zelensky") == "negative"
    s = "Mr. Rutte said afterward that he had a “very good meeting” with Mr. Trump, and that he did not think the United States would walk away from the Russia-Ukraine talks."
    assert sentiment.target_probabilities(s, *span(s, "Mr. Rutte"))[0] < 0.34  # not negative


def test_degenerate_spans_do_not_crash():
    s = "Smith won."
    for start, end in [(0, 0), (5, 3), (-4, 2), (0, 999), (10, 10)]:
        assert sentiment.classify_target(s, start, end) in ("negative", "neutral", "positive")
    assert sentiment.classify_target("", 0, 0) in ("negative", "neutral", "positive")


def test_features_are_target_aware():
    s = "Smith attacked Jones."
    a, b = featurize(s, *span(s, "Smith")), featurize(s, *span(s, "Jones"))
    assert "R1:attacked" in a and "L1:attacked" in b
    assert "w:<t>" in a and "w:smith" not in a and "w:smith" in b
    assert [t for t, _, _ in tokenize("Don’t go.")] == ["don't", "go", "."]


def test_speaker_and_report_features():
    s = "Mr. Rutte said afterward that he had a “very good meeting” with Mr. Trump."
    rutte = featurize(s, *span(s, "Mr. Rutte"))
    # speaker of reported content that refers back to him ("he") and is positive ("good" = 1.9 / 4)
    assert rutte["spk:after"] == 1.0 and rutte["spk:self"] == 1.0
    assert rutte["spk:self+"] == pytest.approx(0.475) and "spk:self-" not in rutte
    assert rutte["pr:subj"] == 1.0
    trump = featurize(s, *span(s, "Mr. Trump"))
    assert "spk:after" not in trump and trump["rep:in"] == 1.0 and trump["pr:obj"] == 1.0
    # "said X" beats a later "according to Y" for X; Y is the source of the according-to
    s = "“It was a disaster,” said Smith, according to Jones."
    smith, jones = featurize(s, *span(s, "Smith")), featurize(s, *span(s, "Jones"))
    assert smith["spk:before"] == 1.0 and smith["spk:c-"] > 0 and "spk:after" not in smith
    assert jones["spk:before"] == 1.0
    # negation scope runs to the clause break: "did not betray" is not negative for the subject
    s = "Smith did not betray his allies, and lied."
    f = featurize(s, *span(s, "Smith"))
    assert f["pr:subj+"] > 0 and "pr:subj-" not in f
    assert featurize("", 0, 0)["bias"] == 1.0


# ---------------------------------------------------------------- interval


def test_interval_wider_for_few_mentions():
    negative = np.array([0.8, 0.15, 0.05])
    lo2, hi2 = sentiment.actor_interval(np.tile(negative, (2, 1)))
    lo20, hi20 = sentiment.actor_interval(np.tile(negative, (20, 1)))
    assert hi2 - lo2 > 2 * (hi20 - lo20)
    assert lo2 <= -0.75 <= hi2 and lo20 <= -0.75 <= hi20  # around the expected score P(pos) - P(neg)
    assert hi2 >= 0  # two negative sentences cannot rule out a neutral stance
    assert hi20 < 0  # twenty can
    assert sentiment.actor_interval(np.zeros((0, 3))) == (-1.0, 1.0)


def test_the_encoders_calibration_uncertainty_widens_the_interval_and_the_fast_model_has_none():
    from helpers import encoder

    ratios = sentiment._temperature_ratios("encoder")
    boot = encoder.load_meta()["temperature_bootstrap"]
    assert ratios is not None and len(ratios) == len(boot) == 100 and min(ratios) < 1 < max(ratios)
    assert sentiment._temperature_ratios("fast") is None
    probs = np.tile([0.7, 0.2, 0.1], (30, 1))
    plain = sentiment.actor_interval(probs)
    calibrated = sentiment.actor_interval(probs, ratios)
    assert calibrated[1] - calibrated[0] > plain[1] - plain[0]
    ms = pd.DataFrame({"actor": ["A"] * 30, "label": ["negative"] * 30, "score": [-0.6] * 30,
                       "p_negative": [0.7] * 30, "p_neutral": [0.2] * 30, "p_positive": [0.1] * 30})
    enc = sentiment.by_actor(ms, model="encoder").iloc[0]
    fast = sentiment.by_actor(ms, model="fast").iloc[0]
    assert (fast["ci_low"], fast["ci_high"]) == pytest.approx(plain)
    assert (enc["ci_low"], enc["ci_high"]) == pytest.approx(calibrated)


# ---------------------------------------------------------------- tables on hand-built frames


def _frames():
    sents = pd.DataFrame({
        "sent_id": [0, 1, 2],
        "para_id": [0, 0, 1],
        "start": [0, 50, 120],
        "end": [49, 119, 160],
        "text": [
            "Critics called Smith a liar and a fraud, and Smith lost.",
            "Jones praised the brave rescuers and said Smith was a disgrace.",
            "“Smith is wonderful,” Jones said.",
        ],
    })
    rows = []
    for sid, text in zip(sents["sent_id"], sents["text"]):
        for actor in ("Smith", "Jones"):
            for m in re.finditer(actor, text):
                rows.append({"actor": actor, "sent_id": sid, "start": m.start(), "end": m.end(), "surface": actor, "via": "name"})
    rows.append({"actor": "", "sent_id": 0, "start": 0, "end": 7, "surface": "Critics", "via": "name"})
    mentions = pd.DataFrame(rows, columns=COLUMNS["mentions"])
    quotes = pd.DataFrame([{"speaker": "Jones", "cue": "said", "content": "Smith is wonderful,", "sent_id": 2, "direct": True}])
    return sents, mentions, quotes


def test_actor_interval_carries_the_classifier_error():
    sure = np.tile([0.98, 0.01, 0.01], (10, 1))
    unsure = np.tile([0.55, 0.35, 0.10], (10, 1))
    lo_s, hi_s = sentiment.actor_interval(sure)
    lo_u, hi_u = sentiment.actor_interval(unsure)
    assert hi_s - lo_s < 0.25 < hi_u - lo_u  # same labels, less sure: a wider interval
    assert lo_u <= unsure[:, 2].mean() - unsure[:, 0].mean() <= hi_u
    lo2, hi2 = sentiment.actor_interval(unsure[:2])
    assert hi2 - lo2 > hi_u - lo_u  # fewer sentences: wider
    assert sentiment.actor_interval(np.zeros((0, 3))) == (-1.0, 1.0)
    assert sentiment.actor_interval(unsure) == (lo_u, hi_u)  # deterministic
    # calibration uncertainty (temperatures relative to the shipped one) widens it further
    lo_t, hi_t = sentiment.actor_interval(unsure, temperatures=[0.5, 1.0, 2.0])
    assert hi_t - lo_t >= hi_u - lo_u - 0.05


def test_fast_and_encoder_both_available():
    s = "Critics called Smith a liar and a fraud who betrayed his voters."
    for model in sentiment.MODELS:
        assert sentiment.classify_target(s, 15, 20, model=model) == "negative"
    with pytest.raises(Exception, match="not one of"):
        sentiment.classify_target(s, 15, 20, model="bert")


def test_score_mentions_dedupes_and_keeps_speaker():
    sents, mentions, quotes = _frames()
    ms = sentiment.score_mentions(sents, mentions, quotes)
    assert list(ms.columns[:5]) == COLUMNS["mention_sentiment"]
    # Smith twice in sentence 0 -> one row; empty actor skipped
    assert ms[["actor", "sent_id"]].value_counts().max() == 1
    assert len(ms) == 5
    row0 = ms[(ms.actor == "Smith") & (ms.sent_id == 0)].iloc[0]
    assert row0["n_in_sentence"] == 2 and row0["label"] == "negative" and row0["score"] < -0.3
    assert abs(row0["score"] - (row0["p_positive"] - row0["p_negative"])) < 1e-12
    quoted = ms[(ms.actor == "Smith") & (ms.sent_id == 2)].iloc[0]
    assert bool(quoted["in_quote"]) and quoted["speaker"] == "Jones"
    jones = ms[(ms.actor == "Jones") & (ms.sent_id == 2)].iloc[0]
    assert not bool(jones["in_quote"]) and bool(jones["is_speaker"])
    assert ms["score"].between(-1, 1).all()
    assert set(ms["label"]) <= {"negative", "neutral", "positive"}


def test_by_actor_and_evidence():
    sents, mentions, quotes = _frames()
    ms = sentiment.score_mentions(sents, mentions, quotes)
    table = sentiment.by_actor(ms)
    assert list(table.columns[:8]) == COLUMNS["actor_sentiment"]
    smith = table.set_index("actor").loc["Smith"]
    assert smith["mentions"] == 3 and smith["negative"] + smith["neutral"] + smith["positive"] == 3
    assert smith["ci_low"] <= smith["score"] <= smith["ci_high"]
    assert abs(smith["score"] - ms[ms.actor == "Smith"]["score"].mean()) < 1e-12
    ev = sentiment.evidence(ms, sents)
    assert list(ev.columns) == sentiment.EVIDENCE_COLUMNS
    smith_ev = ev[ev.actor == "Smith"].set_index("side")
    assert smith_ev.loc["negative", "sent_id"] in (0, 1)
    assert smith_ev.loc["positive", "score"] >= smith_ev.loc["negative", "score"]
    assert smith_ev.loc["negative", "text"] == sents.set_index("sent_id").loc[smith_ev.loc["negative", "sent_id"], "text"]
    para = sentiment.by_paragraph(ms, ["Smith"])
    assert list(para["para_id"]) == [0, 1] and list(para["mentions"]) == [2, 1]


def test_empty_inputs_give_empty_frames_with_columns():
    empty_s = pd.DataFrame(columns=COLUMNS["sentences"])
    empty_m = pd.DataFrame(columns=COLUMNS["mentions"])
    empty_q = pd.DataFrame(columns=COLUMNS["quotes"])
    ms = sentiment.score_mentions(empty_s, empty_m, empty_q)
    assert ms.empty and list(ms.columns[:5]) == COLUMNS["mention_sentiment"]
    sents, mentions, _ = _frames()
    assert sentiment.score_mentions(sents, empty_m, None).empty
    assert sentiment.score_mentions(sents, mentions[mentions.actor == ""], empty_q).empty
    a = sentiment.by_actor(ms)
    assert a.empty and list(a.columns[:8]) == COLUMNS["actor_sentiment"]
    ev = sentiment.evidence(ms, empty_s)
    assert ev.empty and list(ev.columns) == sentiment.EVIDENCE_COLUMNS
    assert sentiment.by_paragraph(ms).empty
    # a mention pointing at a sentence that does not exist is skipped, not a crash
    bad = mentions.assign(sent_id=99)
    assert sentiment.score_mentions(sents, bad, None).empty


# ---------------------------------------------------------------- the seed article


ACTOR_PATTERNS = {
    "Vladimir Putin": r"President Vladimir V\. Putin|Mr\. Putin|\bVladimir\b",
    "Russia": r"\bRussia\b|\bRussian\b",
    "Volodymyr Zelensky": r"President Volodymyr Zelensky|Mr\. Zelensky",
    "Donald Trump": r"President Trump|Mr\. Trump",
    "Ukraine": r"\bUkraine\b|\bUkrainians\b|\bUkrainian\b",
    "Mark Rutte": r"Mark Rutte|Mr\. Rutte",
}


def _seed_paragraphs() -> list[str]:
    lines = [ln.strip() for ln in SEED_ARTICLE.read_text(encoding="utf-8").splitlines()]
    first = next(i for i, ln in enumerate(lines) if "President Trump made an unusually sharp" in ln)
    last = next(i for i, ln in enumerate(lines) if ln.startswith("Our Coverage"))
    paras = [lines[first][lines[first].index("President Trump made"):]] + lines[first + 1:last]
    return [p for p in paras if p and not p.startswith("Credit")]


def _seed_mentions(sents: pd.DataFrame) -> pd.DataFrame:
    """Mentions of the seed, from the real actor finder if it works, else hand-built by pattern."""
    rows = []
    for sid, text in zip(sents["sent_id"], sents["text"]):
        for actor, pattern in ACTOR_PATTERNS.items():
            for m in re.finditer(pattern, text):
                rows.append({"actor": actor, "sent_id": sid, "start": m.start(), "end": m.end(), "surface": m.group(), "via": "name"})
        if "calling him a" in text:  # the pronouns of the Zelensky sentence
            for m in re.finditer(r"\bhim\b", text):
                rows.append({"actor": "Volodymyr Zelensky", "sent_id": sid, "start": m.start(), "end": m.end(), "surface": "him", "via": "pronoun"})
    return pd.DataFrame(rows, columns=COLUMNS["mentions"])


def _seed_tables():
    """Sentences and mentions of the seed: the real reader and actor finder when they work, else by hand."""
    try:
        from helpers import actors, load_article

        sents = split_article(load_article(SEED_ARTICLE))
        mentions = actors.find_mentions(sents)
        names = {"Vladimir V. Putin": "Vladimir Putin", "Trump": "Donald Trump"}
        mentions = mentions.assign(actor=mentions["actor"].replace(names))
        if {"Vladimir Putin", "Russia", "Volodymyr Zelensky", "Mark Rutte"} <= set(mentions["actor"]):
            return sents, mentions
    except Exception:  # the reader or the actor finder not available: fall back to hand-built frames
        pass
    sents = split_article(Article(paragraphs=_seed_paragraphs()))
    return sents, _seed_mentions(sents)


@pytest.fixture(scope="module")
def seed():
    sents, mentions = _seed_tables()
    ms = sentiment.score_mentions(sents, mentions, None)
    return sents, ms, sentiment.by_actor(ms).set_index("actor")


def test_seed_putin_and_russia_negative_overall(seed):
    _, _, table = seed
    assert table.loc["Vladimir Putin", "score"] < 0
    assert table.loc["Russia", "score"] < 0
    assert table.loc["Russia", "negative"] > table.loc["Russia", "positive"]


def test_seed_zelensky_dictator_negative(seed):
    sents, ms, _ = seed
    sid = sents.loc[sents.text.str.contains("calling him a"), "sent_id"].iloc[0]
    row = ms[(ms.actor == "Volodymyr Zelensky") & (ms.sent_id == sid)].iloc[0]
    assert row["label"] == "negative" and row["n_in_sentence"] >= 2  # the name and "him"


@pytest.mark.xfail(strict=True, reason="known miss, re-measured with the encoder (docs/models/encoder.md): the first "
                   "'he' (who had the very good meeting) reads positive (0.84), but 'Mr. Rutte' reads neutral (0.70; "
                   "'X said …' is mostly neutral in NewsMTSC train) and the second 'he' (did not think the US would "
                   "walk away) neutral (0.80), so the mean of the three mentions is neutral 0.53 / positive 0.39: "
                   "score > 0 holds, label positive does not; not special-cased")
def test_seed_rutte_very_good_meeting_positive(seed):
    sents, ms, _ = seed
    sid = sents.loc[sents.text.str.contains("very good meeting"), "sent_id"].iloc[0]
    row = ms[(ms.actor == "Mark Rutte") & (ms.sent_id == sid)].iloc[0]
    assert row["label"] == "positive" and row["score"] > 0


def test_seed_evidence_and_figures(seed, tmp_path):
    sents, ms, table = seed
    ev = sentiment.evidence(ms, sents)
    putin = ev[(ev.actor == "Vladimir Putin") & (ev.side == "negative")].iloc[0]
    assert putin["score"] < 0 and "Putin" in putin["text"] or "Vladimir" in putin["text"]
    from types import SimpleNamespace

    from helpers.figures import save_figure
    from helpers.figures import sentiment as figs

    analysis = SimpleNamespace(article=Article(paragraphs=_seed_paragraphs()),
                               tables={"mention_sentiment": ms, "actor_sentiment": sentiment.by_actor(ms)})
    fig, data = figs.actor_sentiment(analysis)
    assert list(data["score"]) == sorted(data["score"])
    save_figure(fig, "31-actor-sentiment", data, tmp_path)
    fig, data = figs.sentiment_through_article(analysis)
    assert set(data["actor"]) <= set(table.index[:4]) and data["score"].between(-1, 1).all()
    save_figure(fig, "32-sentiment-through-article", data, tmp_path)
    assert (tmp_path / "32-sentiment-through-article.png").exists()
    empty = SimpleNamespace(article=Article(), tables={})
    assert figs.actor_sentiment(empty) is None and figs.sentiment_through_article(empty) is None


def test_model_card_sets_dev_scores_beside_published():
    card = sentiment.model_card()
    for system in ("this package (encoder", "this package (fast"):
        ours = card[card.system.str.startswith(system)].set_index("split")
        assert set(ours.index) == {"dev-rw", "dev-mt"}
        assert 0.6 < ours.loc["dev-rw", "f1_macro"] < 0.95
    enc = card[card.system.str.startswith("this package (encoder")]
    assert (enc["f1_macro_se"] > 0).all()
    # every other row is a published NewsMTSC test score, set beside (never mixed with) our dev scores
    published = card[~card.system.str.startswith("this package")]
    assert len(published) >= 4 and published["split"].str.startswith("test-").all()
    assert published["n"].isna().all() and published["f1_macro"].between(0.4, 0.95).all()
    ours = card[card.system.str.startswith("this package")]
    assert ours["split"].str.startswith("dev-").all() and ours["n"].gt(300).all()
    best = published.groupby("split")["f1_macro"].max()
    assert set(best.index) == {"test-rw", "test-mt"} and (best > 0.8).all()  # the RoBERTa systems lead
