"""False actors found on real articles outside the gold set (issue 12, round 4), each class on invented
texts with other names, outlets and places: sentence-initial dictionary words, occasions, names of
laws joined by "and", measured acronyms, one-letter typos of a surname, and a counted subject glued
to a flattened headline."""
from __future__ import annotations

import helpers
from helpers import actors, text


def _mentions(raw: str):
    return actors.find_mentions(text.sentences(helpers.load_article(raw)))


def _actors(raw: str) -> set:
    return set(_mentions(raw)["actor"]) - {""}


HEAD = "Harbour Board Weighs Dredging Plan\n\n"


def test_sentence_initial_dictionary_words_are_not_actors():
    raw = HEAD + ("Netherby port officials met on Monday with Orla Vance, who chairs the Kestrel Harbour Board. "
                  "Lobstermen want the channel dredged before winter. Altogether, forty boats are affected. "
                  "Nonetheless, the board delayed its vote. Hostilities between the two towns are old. "
                  "Oystermen said little. Regardless, Vance said the plan would go ahead.")
    found = _actors(raw)
    assert {"Orla Vance", "Kestrel Harbour Board"} <= found
    assert not found & {"Lobstermen", "Altogether", "Nonetheless", "Hostilities", "Regardless"}
    # "said" right after it keeps a sentence-initial word ("Oystermen said" could be a name's)
    assert "Oystermen" in found


def test_a_dictionary_word_capitalised_mid_sentence_stays_a_name():
    # "Marsh" is a dictionary word, but the article writes it with a capital where no sentence starts
    raw = HEAD + ("The plan was drawn up by the engineer Idris Marsh, who works for Tollgate Partners. "
                  "Marsh declined to comment on Tuesday. A spokesman for Marsh confirmed the date.")
    m = _mentions(raw)
    assert set(m.loc[m["surface"] == "Marsh", "actor"]) == {"Idris Marsh"}
    # a lone sentence-initial surname the article also writes mid-sentence is kept
    raw = HEAD + ("Boats lined the quay as a letter from Thornbury reached the board. "
                  "Thornbury, a trade group, wants the channel open. Members of Thornbury voted yes.")
    assert "Thornbury" in _actors(raw)


def test_the_dictionary_rule_needs_an_article_and_a_word_in_lower_case_letters():
    # one sentence shows nothing about how the article writes a word: a lone surname stays
    sents = text.sentences(helpers.load_article("Gardner declined to testify before the harbour panel."))
    assert "Gardner" in set(actors.find_mentions(sents)["actor"])
    # a word written all in capitals is not capitalised by the sentence start ("HARBINGER polls …"),
    # and a possessive is more often a name's ("Harbinger's average")
    raw = HEAD + ("The poll was run for the board in June. Boats lined the quay on Monday. The vote is near. "
                  "Crews waited. HARBINGER polls show the plan ahead. The board meets again in May.")
    assert _actors(raw) & {"Harbinger", "HARBINGER"}
    assert _actors(raw.replace("HARBINGER polls show", "Harbinger's average shows")) & {"Harbinger"}
    assert not _actors(raw.replace("HARBINGER", "Harbinger")) & {"Harbinger", "HARBINGER"}


def test_a_dictionary_word_before_a_full_name_is_trimmed_but_not_a_given_name():
    raw = HEAD + ("Campaigner Ines Hollard spoke first. Later Ines Hollard met the board. "
                  "Lobsterman Tamsin Ruell and Hollard talked. Ruell said the mud was toxic. "
                  "The board adjourned at noon.")
    found = _actors(raw)
    assert {"Ines Hollard", "Tamsin Ruell"} <= found and "Campaigner Ines Hollard" not in found
    # an unknown given name before an initial stays: "Vann R. Okoro" is one person
    raw = HEAD + "Vann R. Okoro chaired the meeting. Okoro said the vote would come in March."
    assert "Vann R. Okoro" in _actors(raw)


def test_closed_class_preposition_is_no_part_of_a_name():
    raw = HEAD + ("Skerry Shipping filed for bankruptcy in May. Unlike Skerry, the rival firm kept its boats. "
                  "Skerry said the filing was routine.")
    found = _actors(raw)
    assert "Unlike Skerry" not in found and "Skerry Shipping" in found


def test_days_events_and_prizes_are_not_actors():
    raw = HEAD + ("Orla Vance will step down after Founders Day, she said, and before the Harbour Cup. "
                  "The board won the Coastline Prize in 2019 and plans a vote before Election Day. "
                  "Doris Wend, the treasurer, agreed. Wend said the Tidewater Festival would go on.")
    found = _actors(raw)
    assert not found & {"Founders Day", "Harbour Cup", "Coastline Prize", "Election Day", "Tidewater Festival"}
    assert {"Orla Vance", "Doris Wend"} <= found


def test_a_law_joined_by_and_is_one_thing():
    raw = HEAD + ("The Coastal Renewal and Fair Tides Act would fund the work. "
                  "Senator Bram Ostler backs the Coastal Renewal and Fair Tides Act, he said.")
    found = _actors(raw)
    assert not any("Coastal Renewal" in a or "Fair Tides" in a for a in found)
    assert "Bram Ostler" in found
    # an organisation before "and" keeps its name
    raw = HEAD + "The Tideline Alliance and Clean Harbour Act supporters marched. The Tideline Alliance said so."
    assert "Tideline Alliance" in _actors(raw)


def test_measured_acronyms_are_not_actors():
    raw = HEAD + ("Economists at the Fenwick Institute said the levy would cost 2 percent of GDP by 2030. "
                  "Their estimate says our GNP. would still grow. Per capita GNP in the region rose. "
                  "Our NATO allies agree, and the IMF said the same.")
    found = _actors(raw)
    assert not found & {"GDP", "GNP"}
    assert {"Fenwick Institute", "NATO", "IMF"} <= found


def test_one_letter_typo_of_a_surname_joins_the_person():
    raw = HEAD + ("Rep. Talia Ferndale introduced a harbour bill of her own this year. Ferdnale's bill was "
                  "stricter. Senator Osric Pembury opposed it.")
    m = _mentions(raw)
    assert set(m.loc[m["surface"].str.startswith("Ferdnale"), "actor"]) == {"Talia Ferndale"}
    # two surnames that close to the typo: no guess
    raw = HEAD + ("Marta Holmwood and Jonas Holmword spoke. Holmwod later left the room.")
    m = _mentions(raw)
    assert not set(m.loc[m["surface"] == "Holmwod", "actor"]) & {"Marta Holmwood", "Jonas Holmword"}
    # a dictionary word is never read as a typo ("Carter" beside "Cartner")
    raw = HEAD + "Ilse Cartner chairs the board. Carter, the mayor's aide, disagreed, a statement said."
    m = _mentions(raw)
    assert "Ilse Cartner" not in set(m.loc[m["surface"] == "Carter", "actor"])


def test_a_counted_subject_is_no_part_of_a_glued_headline():
    from helpers.article import split_glued_headline

    body = ("Three Democratic Senate aides said on Monday that the harbour measure would pass easily, though the "
            "details remain unclear to many of the people who have followed the talks for months, and the budget "
            "office has not scored it yet. The vote is expected before the end of the month, officials said, "
            "and the ports want a decision soon.")
    title, rest = split_glued_headline("Senate Panel Sends Harbour Relief Bill To The Floor " + body)
    assert title == "Senate Panel Sends Harbour Relief Bill To The Floor"
    assert rest.startswith("Three Democratic Senate aides")
