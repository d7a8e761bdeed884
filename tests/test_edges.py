"""Which directed model makes the blame edges (issue 11): the ensemble by default, the others selectable.

The behaviour tests run the real stages (sentences, actors, quotes, rules) on invented sentences
(other names, other places than the seed) for the miss classes of the issue as they concern edges:
evaluative quotes, a speaker praising someone else, aggressor and victim in one sentence, refusals.
``tests/fixtures/edges/quotes.tsv`` holds 34 invented quotes (18 critical, 8 praising, 8 neutral),
written before any of them was run; the model was chosen on Park et al.'s dev set, not on them.
"""
from __future__ import annotations

import csv

import numpy as np
import pytest

from helpers import actors, attribution, directed, framing, text
from helpers.article import Article
from helpers.errors import InputError
from helpers.paths import PROJECT_ROOT

QUOTES = PROJECT_ROOT / "tests" / "fixtures" / "edges" / "quotes.tsv"


def stages(paragraph: str):
    """Sentences, mentions, quotes and rule edges of a one-paragraph invented article."""
    sents = text.sentences(Article(paragraphs=[paragraph]))
    mentions = actors.find_mentions(sents)
    quotes = attribution.find_quotes(sents, mentions)
    return sents, mentions, quotes, framing.find_blame(sents, mentions, quotes)


def merged(paragraph: str, edge_model: str | None = None):
    sents, mentions, quotes, rule = stages(paragraph)
    return framing.merge_model_edges(rule, sents, mentions, quotes, edge_model=edge_model)


def between(blame, source: str, target: str):
    """Rows whose source / target actor names contain ``source`` / ``target`` (the actor finder keeps titles)."""
    return blame[blame["source"].str.contains(source) & blame["target"].str.contains(target)]


# ----------------------------------------------------------------------------- the choice
def test_default_edge_model_and_thresholds():
    assert directed.EDGE_MODEL == "ensemble" and set(directed.EDGE_MODELS) == {"linear", "encoder", "ensemble"}
    assert directed.edge_threshold() == directed.EDGE_THRESHOLDS["ensemble"] == 0.35
    assert directed.edge_threshold("linear") == 0.40
    from helpers import encoder

    assert directed.edge_threshold("encoder") == encoder.load().meta["edges"]["threshold"]
    with pytest.raises(InputError, match="'bert' is not one of linear, encoder, ensemble"):
        directed.edge_threshold("bert")
    sents, mentions, quotes, rule = stages("Senator Hale blamed Governor Ruiz for the flooding.")
    with pytest.raises(InputError):
        framing.merge_model_edges(rule, sents, mentions, quotes, edge_model="bert")


def test_edge_probabilities_ensemble_is_the_mean_and_direction_swaps():
    s = "Senator Warren sharply criticized Mr. Dimon for the bank's reckless lending."
    a, b = (0, 14), (s.index("Mr. Dimon"), s.index("Mr. Dimon") + 9)
    lin, enc, ens = (directed.edge_probabilities([(s, a, b), (s, b, a)], m) for m in ("linear", "encoder", "ensemble"))
    for p in (lin, enc, ens):
        assert p.shape == (2, 5) and np.allclose(p.sum(1), 1)
        assert np.allclose(p[1], p[0][[0, 2, 1, 4, 3]], atol=1e-6)  # entity order swapped = direction swapped
        assert int(p[0].argmax()) == 3  # negative 1 → 2: Warren criticises Dimon
    assert np.allclose(ens, (lin + enc) / 2)
    # the linear part is the shipped model, temperature-scaled: same ranking as its raw probabilities
    raw = directed.pair_probabilities(s, a, b)
    assert list(np.argsort(lin[0])) == list(np.argsort([raw[k] for k in range(5)]))
    assert directed.edge_probabilities([], "ensemble").shape == (0, 5)


# ----------------------------------------------------------------------------- miss classes
def _quote_scores(edge_model: str) -> dict[str, int]:
    rows = list(csv.DictReader(QUOTES.open(encoding="utf-8"), delimiter="\t"))
    assert len(rows) == 34
    out = {"criticism": 0, "praise": 0, "wrong_sign": 0, "neutral_with_edge": 0, "reversed": 0}
    for r in rows:
        blame = merged(r["sentence"], edge_model)
        model = blame[blame["origin"] == "model"]
        rel = set(between(model, r["speaker"], r["target"])["relation"])
        out["reversed"] += len(between(model, r["target"], r["speaker"]))
        if r["expected"] == "none":
            out["neutral_with_edge"] += bool(rel)
        else:
            out[r["expected"]] += rel == {r["expected"]}
            out["wrong_sign"] += bool(rel - {r["expected"]})
    return out


def test_evaluative_quotes_become_speaker_edges():
    # "a stunning display of moral and political cowardice," said X about Y: no blame cue for the
    # rules; the default edge model reads it (measured: 17 of 18 critical quotes, 8 of 8 praising,
    # with the float32 encoder graph; 16 after the actor finder's second round; 15 with the int8
    # graph, which puts "It was a stunning display of moral and political cowardice," said Senator
    # Okonkwo about Governor Lindqvist just under the ensemble's threshold: 0.387 in float32)
    ens = _quote_scores("ensemble")
    assert ens["criticism"] >= 15 and ens["praise"] >= 7, ens
    assert ens["wrong_sign"] == 0 and ens["reversed"] == 0 and ens["neutral_with_edge"] <= 1, ens
    # why the linear model is not the default although it ties on Park et al.'s dev edges:
    # it misses most evaluative quotes (measured: 5 of 18 critical, 2 of 8 praising)
    lin = _quote_scores("linear")
    assert lin["criticism"] + lin["praise"] <= 10 < ens["criticism"] + ens["praise"], lin


def test_speaker_praising_someone_else_is_praise_for_them():
    blame = merged("“Ingrid Solberg is the most talented leader of her generation,” said Chancellor Otto Brandt.")
    row = between(blame, "Brandt", "Solberg")
    assert list(row["relation"]) == ["praise"] and list(row["origin"]) == ["model"], blame
    assert between(blame, "Solberg", "Brandt").empty  # the praised one is not the praiser


@pytest.mark.xfail(strict=True, reason="measured miss of all three edge models: praise reported as 'X said that Y has "
                   "done more … than any other …' (no evaluative word): P(praise) 0.34 for the ensemble (threshold "
                   "0.35), 0.41 for the encoder head (0.60); the linear model leans to criticism (0.33)")
def test_reported_comparative_praise():
    blame = merged("Councillor Aisha Baptiste said that Mayor Tom Fenwick has done more to protect the harbour "
                   "than any other mayor.")
    assert "praise" in set(between(blame, "Baptiste", "Fenwick")["relation"])


def test_aggressor_criticises_victim_not_the_other_way():
    # the attacker is the source of the negative direction; the encoder head alone keeps no edge here
    # (P 0.51 < its threshold 0.60), the ensemble does
    s = "Serbanian forces shelled the Moldavian town of Ostrov overnight, killing twelve civilians."
    blame = merged(s)
    assert list(between(blame, "Serban", "Moldavia")["relation"]) == ["criticism"], blame
    assert between(blame, "Moldavia", "Serban").empty
    assert between(merged(s, "encoder"), "Serban", "Moldavia").empty  # the head alone: no edge
    # and the victim's accusation is the victim's criticism of the attacker, rule and model alike
    blame = merged("Moldavia accused Serbania of shelling its border towns.")
    row = between(blame, "Moldavia", "Serbania")
    assert set(zip(row["origin"], row["relation"])) == {("rule", "blame"), ("model", "criticism")}
    assert between(blame, "Serbania", "Moldavia").empty


@pytest.mark.parametrize("sentence", [
    "Mayor Ken Ito refused to condemn Governor Jo Blake over the scandal.",
    "Senator Maria Okonkwo declined to criticise Governor Peter Lindqvist, saying only that the inquiry should run "
    "its course.",
    "Mayor Ken Ito did not blame Governor Jo Blake for the flooding.",
])
def test_refusal_stays_a_refusal_with_rule_and_model_both_visible(sentence):
    blame = merged(sentence)
    pair = between(blame, "Ito|Okonkwo", "Blake|Lindqvist")
    rule, model = pair[pair["origin"] == "rule"], pair[pair["origin"] == "model"]
    assert len(rule) == 1 and bool(rule["negated"].iloc[0]) and rule["negation_cue"].iloc[0], blame
    # the model reads the sentence as criticism; its row stays, flagged with the rule's negation
    assert list(model["relation"]) == ["criticism"] and model["negated"].all(), blame
    assert (model["negation_cue"] == rule["negation_cue"].iloc[0]).all()
    assert model["probability"].between(directed.edge_threshold(), 1).all()
    assert not (pair["negated"] == False).any()  # noqa: E712 — no plain criticism of the one not blamed


# ----------------------------------------------------------------------------- dev
def test_dev_reproduces_the_shipped_edge_settings():
    from conftest import gold_or_missing_message

    folder = gold_or_missing_message("directed_sentiment")
    if folder is None:  # not redistributable: the missing-data message was checked instead
        return
    got = directed.edge_settings(directed.read_file(folder / "valid.txt"))
    assert abs(got["linear_temperature"] - directed.LINEAR_TEMPERATURE) <= 0.005
    models = got["models"]
    for name in ("linear", "ensemble"):
        assert models[name]["edges"]["threshold"] == directed.EDGE_THRESHOLDS[name]
    f1 = {name: m["edges"]["f1"] for name, m in models.items()}
    assert f1["ensemble"] == max(f1.values()) and f1["ensemble"] - f1["encoder"] > 0.03, f1  # the choice
    assert models["linear"]["f1_macro"] > models["encoder"]["f1_macro"]  # 5-class: the linear model is best
