"""Word vectors behind the sentiment model: WordPiece split, folding, the shipped token scores."""
from __future__ import annotations

import numpy as np
import pytest

from helpers.sentiment_model import MODEL_PATH, TargetSentimentModel, embed_windows, train
from helpers.word_vectors import TokenTable, wordpieces

VOCAB = {t: i for i, t in enumerate(["[UNK]", "un", "##believ", "##able", "good", "cafe", "##s", "bad"])}


def test_wordpieces_greedy_longest_match_uncased_accents_stripped():
    assert wordpieces("Unbelievable", VOCAB) == [1, 2, 3]
    assert wordpieces("café", VOCAB) == [5]
    assert wordpieces("cafes", VOCAB) == [5, 6]
    assert wordpieces("xyz", VOCAB) == [0]  # nothing fits: [UNK]
    assert wordpieces("xyz", {"a": 0}) == []


def test_word_row_is_the_mean_of_its_pieces_and_empty_windows_are_zero():
    m = np.arange(len(VOCAB) * 2, dtype=np.float32).reshape(-1, 2)
    table = TokenTable(list(VOCAB), m)
    assert np.allclose(table.word("cafes"), (m[5] + m[6]) / 2)
    assert np.allclose(table.mean(["good", "cafes"]), (m[4] + (m[5] + m[6]) / 2) / 2)
    assert np.allclose(table.mean([]), 0)
    assert np.allclose(table.mean(["good", "bad"], [3.0, 1.0]), (3 * m[4] + m[7]) / 4)


def test_embed_windows_leave_out_the_target_and_punctuation():
    s = "Critics said Smith, the mayor, lied again."
    start = s.index("Smith")
    (left3, w1), (right3, _), (rest, _), (lw, lweights) = embed_windows(s, start, start + 5, ("L3", "R3", "S", "Lw"))
    assert left3 == ["critics", "said"] and w1 is None
    assert right3 == ["the", "mayor", "lied"]
    assert rest == ["critics", "said", "the", "mayor", "lied", "again"]
    assert lw == ["said", "critics"] and lweights == [1.0, 0.5]  # nearest first, 1 / (1 + d)
    # the target's clause runs between clause breaks (commas, "while", "and", …); the rest is "O"
    s = "Jones praised the brave rescuers, while he attacked Miller as a corrupt liar."
    start = s.index("rescuers")
    (clause, _), (rest, _) = embed_windows(s, start, start + 8, ("C", "O"))
    assert clause == ["jones", "praised", "the", "brave"]
    assert rest == ["while", "he", "attacked", "miller", "as", "a", "corrupt", "liar"]


def _rows():
    good = ["{} praised the excellent plan.", "Voters love {}.", "{} won a great victory."]
    bad = ["{} lied about the awful deal.", "Critics attacked {}.", "{} lost a terrible fight."]
    flat = ["{} met the panel on Tuesday.", "{} spoke in Ohio.", "The report mentions {}."]
    rows = []
    for pol, templates in ((1, good), (-1, bad), (0, flat)):
        for t in templates:
            for name in ("Smith", "Jones", "Lee", "Park"):
                s = t.format(name)
                rows.append({"sentence": s, "from": s.index(name), "to": s.index(name) + len(name), "polarity": pol})
    return rows


def test_folded_token_scores_equal_the_unfolded_linear_model():
    """Training folds vectors · W into per-token scores; the fold must not change a prediction."""
    rows = _rows()
    vocab = sorted({w for r in rows for ws, _ in embed_windows(r["sentence"], r["from"], r["to"]) for w in ws})
    rng = np.random.default_rng(0)
    vectors = TokenTable(vocab, rng.normal(size=(len(vocab), 8)).astype(np.float32))
    parts = ("L3", "Rw", "S")
    model = train(rows, groups=("words",), C=1.0, min_count=1, embed_parts=parts, embed_alpha=2.0, vectors=vectors)
    assert model.embed.matrix.shape == (len(vocab), 9)
    # the unfolded score of one window: alpha * mean(vectors) @ W_window, recovered by least squares
    W = np.linalg.lstsq(vectors.matrix.astype(np.float64), model.embed.matrix.astype(np.float64), rcond=None)[0]
    r = rows[0]
    windows = embed_windows(r["sentence"], r["from"], r["to"], parts)
    folded = sum(model.embed.mean(ws, wt)[3 * k:3 * k + 3] for k, (ws, wt) in enumerate(windows))
    unfolded = sum(vectors.mean(ws, wt) @ W[:, 3 * k:3 * k + 3] for k, (ws, wt) in enumerate(windows))
    assert np.allclose(folded, unfolded, atol=1e-4)
    # and the embedding part carries weight: dropping it changes the probabilities
    p = model.predict_proba(r["sentence"], r["from"], r["to"])
    embed, model.embed = model.embed, None
    assert not np.allclose(p, model.predict_proba(r["sentence"], r["from"], r["to"]))
    model.embed = embed


def test_shipped_model_carries_folded_token_scores():
    model = TargetSentimentModel.load(MODEL_PATH)
    assert model.embed_parts == ("Lw", "Rw", "C", "O")
    assert model.embed.matrix.shape == (model.meta["vectors"]["tokens"], 3 * len(model.embed_parts))
    assert "love" in model.embed.vocab and "##s" in model.embed.vocab
    # the folded scores carry polarity: "disaster" leans negative, "wonderful" positive (right window)
    neg, neu, pos = 0, 1, 2
    r3 = slice(3, 6)  # Rw
    assert model.embed.word("disaster")[r3][neg] > model.embed.word("wonderful")[r3][neg]
    assert model.embed.word("wonderful")[r3][pos] > model.embed.word("disaster")[r3][pos]


@pytest.mark.parametrize("missing", ["nope.npz"])
def test_training_without_vectors_says_how_to_build_them(tmp_path, missing):
    from helpers.word_vectors import load_vectors

    with pytest.raises(FileNotFoundError, match="train word-vectors"):
        load_vectors(tmp_path / missing)


def test_missing_vectors_error_names_the_file(tmp_path):
    from helpers.word_vectors import load_vectors

    with pytest.raises(FileNotFoundError) as err:
        load_vectors(tmp_path / "nope.npz")
    assert err.value.filename == str(tmp_path / "nope.npz")  # the CLI prints "<file>: <problem>"


def test_train_word_vectors_without_the_extra_is_one_line_not_a_traceback(monkeypatch, capsys):
    from helpers import cli, word_vectors

    monkeypatch.setattr(word_vectors, "ENCODER_PACKAGE", "no_such_encoder_package_xyz")
    assert cli.main(["train", "word-vectors"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: no_such_encoder_package_xyz: not installed")
    assert "pip install -e '.[vectors]'" in err and "Traceback" not in err and len(err.splitlines()) == 1


def test_fast_window_scores_equal_the_plain_loop():
    """`embed_scores` stacks a sentence's word rows once; it must give what the plain window loop gives."""
    model = TargetSentimentModel.load(MODEL_PATH)
    long = " ".join(["word"] * 700) + " Smith " + " ".join(["good"] * 600) + "."
    cases = [("Jones praised the brave rescuers, while he attacked Miller as a corrupt liar.", "rescuers"),
             ("Jones praised the brave rescuers, while he attacked Miller as a corrupt liar.", "Miller"),
             ("Critics said Smith, the mayor, lied again.", "Smith"), ("Smith", "Smith"), (long, "Smith")]
    spans = [(s, s.index(t), s.index(t) + len(t)) for s, t in cases] + [("Smith won.", 3, 3), ("", 0, 0)]
    for sentence, start, end in spans:
        plain = np.zeros(3)
        for k, (words, weights) in enumerate(embed_windows(sentence, start, end, model.embed_parts)):
            if words:
                plain += model.embed.mean(words, weights)[3 * k:3 * k + 3]
        assert np.allclose(model.embed_scores(sentence, start, end), plain, atol=1e-12), (sentence[:40], start)
    assert np.abs(plain).sum() == 0  # the empty sentence has no windows
