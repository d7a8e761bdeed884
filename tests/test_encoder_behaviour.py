"""Behaviour of the encoder on invented sentences, one group per miss class of the linear model (issue 11).

The sentences are written for these tests (other names, other topics than the articles the misses
came from); they check the class of error, not one sentence.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers import directed, framing, sentiment, text
from helpers.article import Article
from helpers.tables import COLUMNS


def span(sentence: str, target: str, nth: int = 0) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(target), sentence)]
    return starts[nth], starts[nth] + len(target)


def probs(sentence: str, target: str) -> dict[str, float]:
    p = sentiment.target_probabilities(sentence, *span(sentence, target))
    return dict(zip(("negative", "neutral", "positive"), p))


def test_deems_record_of_is_negative_for_the_possessor():
    # "what he deems X's 'remarkable record of indiscretions'": the scorn is for X
    for s, t in [("Hale attacked what he deems Moreno's “remarkable record of blunders” at the treasury.", "Moreno"),
                 ("The senator listed what he calls Okafor's “long history of broken promises.”", "Okafor")]:
        p = probs(s, t)
        assert p["negative"] > p["positive"], (t, p)


@pytest.mark.xfail(strict=True, reason="known miss of the encoder (measured): praise words in scare quotes still read "
                   "as praise of the promiser/boaster (P(positive) 0.90 and 0.75 with the int8 graph; 0.89 and 0.77 in float32); NewsMTSC has few such sentences")
def test_scare_quotes_are_not_praise():
    # praise words inside scare quotes, quoted back at the speaker, are no praise of him
    for s, t in [("Lindqvist promised a “beautiful, perfect” bridge that was never built.", "Lindqvist"),
                 ("Governor Brandt boasted of a “fantastic, tremendous” budget that left the state in debt.", "Governor Brandt")]:
        p = probs(s, t)
        assert p["positive"] < 0.5, (t, p)


def test_broken_promise_is_negative_for_the_promiser():
    s = "The economic revival that Mayor Duarte promised has turned into a string of painful layoffs."
    p = probs(s, "Mayor Duarte")
    assert p["negative"] > p["positive"], p


def test_speaker_praising_someone_else_is_positive_for_them():
    # "X said that Perry has done more … than any other candidate": praise for Perry
    for s, t in [("Alvarez said that Kowalski has done more to fix the schools than any other candidate.", "Kowalski"),
                 ("Mr. Osei told reporters that Judge Lund had been the fairest judge he had ever met.", "Judge Lund")]:
        p = probs(s, t)
        assert p["positive"] > p["negative"], (t, p)


def test_aggressor_and_victim_in_one_sentence():
    s = "Valdorian troops shelled the hospital in Marisk, killing dozens of patients."
    assert probs(s, "Valdorian troops")["negative"] > probs(s, "Valdorian troops")["positive"]
    p = sentiment.span_probabilities([(s, *span(s, "Valdorian troops")), (s, *span(s, "Marisk"))])
    assert p[0, 0] > p[1, 0]  # the aggressor is more negative than the place it hit
    pair = directed.LABELS  # the directed head: the aggressor is not the victim's critic
    from helpers import encoder

    d = encoder.load().pair_proba([("Moldavia accused Serbania of shelling its border towns.",
                                    (0, 8), (17, 25))])[0]
    assert int(d.argmax()) == 3, dict(zip(pair.values(), d.round(3)))  # negative 1 → 2


def test_refusals_never_become_plain_model_edges():
    # the directed head reads "refused to condemn X" as criticism of X (measured: p ≈ 0.97 for
    # run 1); the negation rules know better, and the merge carries their negation over
    for para in (["Mayor Ito refused to condemn Governor Blake over the scandal."],
                 ["Mayor Ito did not criticise Governor Blake, and declined to comment further."]):
        sents, ments = _invented(para, [(r"Mayor Ito", "Ken Ito"), (r"Governor Blake", "Jo Blake")])
        merged = framing.merge_model_edges(framing.find_blame(sents, ments, None), sents, ments, None)
        plain = merged[(merged.source == "Ken Ito") & (merged.target == "Jo Blake") & ~merged.negated]
        assert plain.empty, merged[["source", "target", "relation", "negated", "origin", "probability"]]


def _invented(paragraphs, names):
    sents = text.sentences(Article(paragraphs=paragraphs))
    rows = []
    for sid, t in zip(sents["sent_id"], sents["text"]):
        for pattern, actor in names:
            for m in re.finditer(pattern, t):
                rows.append({"actor": actor, "sent_id": sid, "start": m.start(), "end": m.end(),
                             "surface": m.group(), "via": "name"})
    return sents, pd.DataFrame(rows, columns=COLUMNS["mentions"])


def test_evaluative_quote_becomes_a_model_edge_beside_the_rules():
    # an evaluative quote with no blame cue: the rules see nothing, the model sees criticism
    sents, ments = _invented(
        ["“It was a stunning display of cowardice by Governor Ruiz,” Senator Hale said on Monday.",
         "Senator Hale blamed Governor Ruiz for the flooding."],
        [(r"(?:Governor )?Ruiz", "Ana Ruiz"), (r"(?:Senator )?Hale", "Tom Hale")])
    rule = framing.find_blame(sents, ments, None)
    merged = framing.merge_model_edges(rule, sents, ments, None)
    assert list(merged.columns[:7]) == COLUMNS["blame"] and {"origin", "probability"} <= set(merged.columns)
    model = merged[merged["origin"] == "model"]
    crit = model[(model.source == "Tom Hale") & (model.target == "Ana Ruiz") & (model.relation == "criticism")]
    assert 0 in set(crit["sent_id"]), model[["source", "target", "relation", "probability", "sent_id"]]
    assert crit["probability"].between(0, 1).all()
    kept = merged[merged["origin"] == "rule"]
    assert len(kept) == len(rule) and kept["probability"].isna().all()
    assert set(kept["relation"]) == set(rule["relation"]) and "blame" in set(kept["relation"])


def test_quote_candidates_reach_a_speaker_named_elsewhere():
    sents, ments = _invented(["Senator Hale spoke after the vote.", "“Governor Ruiz has betrayed every one of us.”"],
                             [(r"(?:Governor )?Ruiz", "Ana Ruiz"), (r"(?:Senator )?Hale", "Tom Hale")])
    quotes = pd.DataFrame([{"speaker": "Tom Hale", "cue": "spoke", "content": "Governor Ruiz has betrayed every one of us.",
                            "sent_id": 1, "direct": True}], columns=COLUMNS["quotes"])
    cands = [c for c in directed.candidates(sents, ments, quotes) if c["via"] == "quote"]
    assert len(cands) == 1
    c = cands[0]
    assert c["text"].startswith("Tom Hale said: “") and c["text"][slice(*c["e1"])] == "Tom Hale"
    assert c["text"][slice(*c["e2"])] == "Governor Ruiz" and (c["a1"], c["a2"]) == ("Tom Hale", "Ana Ruiz")
    # no pair of one actor with itself, none from a sentence naming one actor only
    assert all(c["a1"] != c["a2"] for c in directed.candidates(sents, ments, quotes))
    assert not [c for c in directed.candidates(sents, ments, None) if c["via"] == "sentence"]
