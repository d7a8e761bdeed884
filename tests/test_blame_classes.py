"""Blame-edge miss classes seen in reports on articles no rule was written for (issue 11, "Checks").

Invented sentences (names, places and outlets not in the seed or the lexicon examples), through the
real stages (sentences, actors, quotes, cue rules; the directed model where a test says so):

1. refusals and negations of any voice and person ("We will not be blamed", "I refuse to point
   fingers at X", "Nobody is pointing the finger at X", "X was not blamed by Y");
2. an affiliation is not praise: a spokesperson and the body they speak for, "X, a company tied
   to Y", a person and the organisation they lead;
3. a rule edge whose clause has no named subject: a generic group ("critics", "experts") is kept
   as its own kind (source narrator, source_via generic); else the named speaker of the quote or
   reported speech of the sentence is the source.
"""
from __future__ import annotations

import pytest

from helpers import actors, attribution, framing, text
from helpers.article import Article


def stages(*paragraphs: str):
    """Sentences, mentions, quotes and rule edges of an invented article."""
    sents = text.sentences(Article(paragraphs=list(paragraphs)))
    mentions = actors.find_mentions(sents)
    quotes = attribution.find_quotes(sents, mentions)
    return sents, mentions, quotes, framing.find_blame(sents, mentions, quotes)


def rows(blame, source: str | None = None, target: str | None = None, relation: str | None = None):
    out = blame
    if source is not None:
        out = out[out["source"].str.contains(source)]
    if target is not None:
        out = out[out["target"].str.contains(target)]
    if relation is not None:
        out = out[out["relation"] == relation]
    return out


# ----------------------------------------------------------------------------- 1. refusals
@pytest.mark.parametrize("sentence, source, target, cue", [
    ("“I refuse to point fingers at Governor Elena Marsh,” said Senator Tomas Okafor.", "Okafor", "Marsh", "refuse to"),
    ("“Nobody in this room is pointing the finger at Mayor Ruth Adeyemi,” said Councillor Jonas Brekke.",
     "Brekke", "Adeyemi", "Nobody"),
    ("Governor Elena Marsh was not blamed by Senator Tomas Okafor.", "Okafor", "Marsh", "not"),
    ("Governor Elena Marsh wasn't criticised by Senator Tomas Okafor.", "Okafor", "Marsh", "n't"),
    ("Minister Lars Holm declined to blame Mayor Ruth Adeyemi for the flooding.", "Holm", "Adeyemi", "declined to"),
    ("Senator Tomas Okafor refrained from criticizing Governor Elena Marsh.", "Okafor", "Marsh", "refrained from"),
    ("Mayor Ruth Adeyemi resisted calls to blame Minister Lars Holm.", "Adeyemi", "Holm", "resisted calls to"),
])
def test_refusals_of_any_voice_and_person_are_negated_with_the_right_direction(sentence, source, target, cue):
    *_, blame = stages(sentence)
    pair = rows(blame, source, target)
    assert len(pair) == 1, blame[["source", "target", "relation", "negated", "negation_cue"]]
    assert bool(pair["negated"].iloc[0]) and pair["negation_cue"].iloc[0] == cue, pair
    assert rows(blame, target, source).empty  # "X was not blamed by Y" is Y → X, not X → Y
    assert blame["negated"].all()  # nothing plain anywhere in the sentence


def test_first_person_refusal_to_be_blamed_is_the_speakers_deflection():
    *_, blame = stages("“We will not be blamed for the outage,” said Priya Raman, a spokeswoman for Corvella Energy.")
    assert list(zip(blame["source"], blame["target"], blame["relation"], blame["negated"])) == [
        ("Priya Raman", "", "deflection", False)], blame
    # a capitalised first person opens the quote: it is the speaker, as "we" is mid-quote
    *_, blame = stages("“We were sharply criticized by Governor Elena Marsh,” said Priya Raman.")
    assert list(zip(blame["source"], blame["target"], blame["relation"])) == [
        ("Elena Marsh", "Priya Raman", "criticism")], blame


def test_a_subject_pronoun_after_and_opens_a_clause_it_is_not_a_second_target():
    *_, blame = stages("Mayor Ruth Adeyemi wouldn't blame Minister Lars Holm, and she shied away from condemning "
                       "Councillor Jonas Brekke.")
    got = set(zip(blame["source"], blame["target"], blame["negation_cue"]))
    assert got == {("Ruth Adeyemi", "Lars Holm", "n't"), ("Ruth Adeyemi", "Jonas Brekke", "shied away from")}, blame
    assert blame["negated"].all()


def test_a_cue_takes_no_target_from_the_next_clause():
    # the object of "urged" is "both sides", no actor; the minister after ", and" opens a new clause
    *_, blame = stages("The Belgian government urged both sides to return to talks, and Prime Minister Lotte "
                       "Janssens said she would meet the union on Friday.")
    assert rows(blame, target="Janssens").empty, blame
    *_, blame = stages("The Belgian government urged Prime Minister Lotte Janssens to meet the union, and she agreed.")
    assert len(rows(blame, source="Belgium", target="Janssens", relation="pressure")) == 1, blame


@pytest.mark.parametrize("sentence, negated", [
    # do-support negates a bare verb; an inflected verb after "and"/"but" is a new predicate
    ("Senator Tomas Okafor did not blame Governor Elena Marsh and praised Mayor Ruth Adeyemi for the repairs.",
     {"Elena Marsh": True, "Ruth Adeyemi": False}),
    ("Senator Tomas Okafor didn't criticize Governor Elena Marsh but praised Mayor Ruth Adeyemi.",
     {"Elena Marsh": True, "Ruth Adeyemi": False}),
    ("Senator Tomas Okafor did not blame Governor Elena Marsh and accuse Mayor Ruth Adeyemi of anything.",
     {"Elena Marsh": True, "Ruth Adeyemi": True}),
    # a perfect: "has not" reaches the second participle
    ("Senator Tomas Okafor has not blamed Governor Elena Marsh and criticized Mayor Ruth Adeyemi.",
     {"Elena Marsh": True, "Ruth Adeyemi": True}),
    # a negation inside a closed quotation does not reach the verb after it
    ('Senator Tomas Okafor said the firm "will not be blamed" and accused Governor Elena Marsh of lying.',
     {"Elena Marsh": False}),
])
def test_a_negation_reaches_only_the_predicates_it_governs(sentence, negated):
    *_, blame = stages(sentence)
    got = {t: bool(n) for s, t, n in zip(blame["source"], blame["target"], blame["negated"]) if s == "Tomas Okafor"}
    assert got == negated, blame[["source", "target", "relation", "negated", "negation_cue"]]


def test_a_passive_cue_never_takes_the_speaker_before_a_speech_verb_as_its_target():
    *_, blame = stages('Senator Tomas Okafor said the firm "will not be blamed" for the outage.',
                       "Mayor Ruth Adeyemi said the contractor was blamed for the delays.")
    assert rows(blame, target="Okafor").empty and rows(blame, target="Adeyemi").empty, blame
    *_, blame = stages("Mayor Ruth Adeyemi said Governor Elena Marsh was blamed for the delays.")
    assert len(rows(blame, target="Elena Marsh")) == 1, blame


def test_a_plain_blame_is_still_plain():
    *_, blame = stages("Senator Tomas Okafor pointed the finger at Governor Elena Marsh for the delays.")
    pair = rows(blame, "Okafor", "Marsh", "blame")
    assert len(pair) == 1 and not bool(pair["negated"].iloc[0]), blame


def test_model_edges_on_a_negated_pair_are_flagged_in_either_direction():
    sents, mentions, quotes, rule = stages("Governor Elena Marsh was not blamed by Senator Tomas Okafor.",
                                           "“I refuse to point fingers at Governor Elena Marsh,” said Senator Tomas Okafor.")
    blame = framing.merge_model_edges(rule, sents, mentions, quotes)
    model = blame[blame["origin"] == "model"]
    assert len(model), blame  # the model does read these pairs as criticism …
    assert model["negated"].all(), blame  # … and every such row carries the rule's negation


# ----------------------------------------------------------------------------- 2. ties are not praise
TIES = [
    ("“Our crews did heroic work,” said Priya Raman, a spokeswoman for Corvella Energy.", {"Priya Raman", "Corvella Energy"}),
    ("Ola Dahl, the chief executive of Nordvatn, spoke on Monday.", {"Ola Dahl", "Nordvatn"}),
    ("Corvella Energy spokeswoman Priya Raman said the plan was sound.", {"Priya Raman", "Corvella Energy"}),
    ("Nordvatn's chief executive, Ola Dahl, spoke on Monday.", {"Ola Dahl", "Nordvatn"}),
    ("Ana Ruiz, Kelmar Shipping's founder, spoke on Monday.", {"Ana Ruiz", "Kelmar Shipping"}),
    ("Vestra Logistics, a company tied to Halden Group, won the contract.", {"Vestra Logistics", "Halden Group"}),
    ("Priya Raman of Corvella Energy spoke on Monday.", {"Priya Raman", "Corvella Energy"}),
]


@pytest.mark.parametrize("sentence, pair", TIES)
def test_ties_stated_in_the_text_are_found_and_never_a_model_pair(sentence, pair):
    from helpers import directed, ties

    sents, mentions, quotes, _ = stages(sentence)
    assert frozenset(pair) in ties.ties(sents, mentions), mentions[["actor", "surface"]]
    assert not [c for c in directed.candidates(sents, mentions, quotes) if {c["a1"], c["a2"]} == pair]


@pytest.mark.parametrize("sentence, body, person", [
    ("Prime Minister Aron Sepp of Korvenia sharply criticized Vestra Logistics for the delays.", "Korvenia", "Aron Sepp"),
    ("Priya Raman of Corvella Energy praised Governor Elena Marsh for the repairs.", "Corvella Energy", "Priya Raman"),
])
def test_a_persons_affiliation_is_paired_with_nobody_in_that_sentence(sentence, body, person):
    from helpers import directed

    sents, mentions, quotes, _ = stages(sentence)
    pairs = [{c["a1"], c["a2"]} for c in directed.candidates(sents, mentions, quotes)]
    assert pairs and not [p for p in pairs if body in p], pairs
    assert [p for p in pairs if person in p], pairs  # the person still is


@pytest.mark.parametrize("sentence", [
    "Senator Tomas Okafor, who praised the head of Nordvatn, left early.",
    "Governor Elena Marsh praised chief executive Ola Dahl.",
    "Governor Elena Marsh criticised Nordvatn and Ola Dahl.",
    "In Norway, a coalition led by Sweden is blamed for the spill.",
])
def test_a_relation_between_two_actors_is_not_a_tie(sentence):
    from helpers import ties

    sents, mentions, _, _ = stages(sentence)
    assert ties.ties(sents, mentions) == frozenset(), mentions[["actor", "surface"]]


def test_self_praise_is_no_edge_praise_of_another_actor_is():
    *_, blame = stages("Priya Raman, a spokeswoman for Corvella Energy, praised Corvella Energy for its response.",
                       "Priya Raman, a spokeswoman for Corvella Energy, praised Governor Elena Marsh.")
    assert rows(blame, "Raman", "Corvella").empty, blame
    assert len(rows(blame, "Raman", "Marsh", "praise")) == 1, blame


# ----------------------------------------------------------------------------- 3. who the source is
@pytest.mark.parametrize("sentence, source, target, via", [
    # the clause names nobody; the sentence is a named speaker's reported speech
    ("Above all, Governor Elena Marsh is to blame for the delays, said Anna Weiss, a spokeswoman for the Greens.",
     "Anna Weiss", "Elena Marsh", "speaker"),
    ("Above all, Vestra Logistics is to blame for the spill, Councillor Jonas Brekke said.", "Jonas Brekke", "Vestra", "speaker"),
    # a generic group is the source, not the speaker who reports it: the narrator, marked generic
    ("On Monday, critics blamed Governor Elena Marsh for the delays, said Anna Weiss, a spokeswoman for the Greens.",
     "narrator", "Elena Marsh", "generic"),
    ("“People are pointing fingers at Vestra Logistics,” said Councillor Jonas Brekke.", "narrator", "Vestra", "generic"),
    ("The council members who rebuked Governor Elena Marsh included Mayor Ruth Adeyemi.", "narrator", "Marsh", "generic"),
    ("The experts generally praised Mayor Ruth Adeyemi's proposals.", "narrator", "Ruth Adeyemi", "generic"),
    ("Some state officials praised Governor Elena Marsh for the repairs.", "narrator", "Elena Marsh", "generic"),
    # nobody at all: the narrator
    ("Readers may recall the much-criticized report by Vestra Logistics.", "narrator", "Vestra", "narrator"),
])
def test_a_cue_with_no_named_subject_takes_the_sentences_named_speaker(sentence, source, target, via):
    *_, blame = stages(sentence)
    got = rows(blame, target=target)
    assert list(zip(got["source"], got["source_via"])) == [(source, via)], blame


def test_a_speakers_own_speech_verb_does_not_make_them_a_target():
    # "warns" is the quote's speech verb: Ornstein is the speaker, not the narrator's target
    *_, blame = stages("“They have to answer us by Friday or face the consequences,” warns Lena Ornstein.")
    assert rows(blame, target="Ornstein").empty, blame


def test_a_speaker_phrase_that_is_no_actor_is_no_model_source():
    from helpers import directed

    sents, mentions, quotes, _ = stages("“Vestra Logistics has failed every family on this coast,” said a local fisherman.",
                                        "“Vestra Logistics has failed every family on this coast,” said Councillor Jonas Brekke.")
    sources = {c["a1"] for c in directed.candidates(sents, mentions, quotes) if c["via"] == "quote"}
    assert sources == {"Jonas Brekke"}, sources
