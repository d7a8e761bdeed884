"""Definite descriptions of a person by a common noun (issue 12, actors round 5): "The Republican has
dismissed …", "the computer specialist", "the 41-year-old mother of two", "the Oregon senator"
become mentions of the person the article named, and the phrases that only look like one
("the Republican and Democratic conventions", "the mother of the officer", "a harbour engineer …
the engineer") do not. Invented texts, other names, towns and outlets than the gold set's."""
from __future__ import annotations

import helpers
from helpers import actors, text
from helpers.actors.person_nouns import is_person_noun

HEAD = "Harbour Vote Splits the Council\n\nBy Ines Moravec | Coastal Weekly\n\n"


def _pairs(body: str) -> set:
    m = actors.find_mentions(text.sentences(helpers.load_article(HEAD + body)))
    return {(s, a) for s, a in zip(m["surface"], m["actor"])}


def _surfaces(body: str) -> set:
    return {s for s, _ in _pairs(body)}


def test_a_party_noun_or_occupation_refers_to_the_person_named_before():
    got = _pairs("Councillor Dana Ostrow won the harbour vote on Tuesday. The Republican has opposed the "
                 "dredging plan for years. The move against Marek Lind came despite warnings from his partner "
                 "that the computer specialist would refuse to testify. Petra Holm said she would run again, "
                 "and when asked why, the 41-year-old mother of two replied that the port needed her.")
    assert ("The Republican", "Dana Ostrow") in got, got
    assert ("the computer specialist", "Marek Lind") in got, got
    assert ("the 41-year-old mother", "Petra Holm") in got, got


def test_an_apposed_description_is_the_names():
    got = _pairs("Investors cheered the sale. Mr. Tobias Krall, the developer who built the marina, said the "
                 "price was fair. Rina Solberg, a lawyer for the town, said the deal was legal. The lawyer added "
                 "that an appeal was unlikely.")
    assert ("the developer", "Tobias Krall") in got, got
    assert ("The lawyer", "Rina Solberg") in got, got


def test_an_indefinite_that_names_nobody_keeps_the_description_unresolved():
    found = _surfaces("Councillor Dana Ostrow opened the meeting. A harbour engineer said the pier was unsafe. "
                      "The engineer asked not to be named.")
    assert "The engineer" not in found, found


def test_phrases_that_only_look_like_a_description_are_not_mentions():
    found = _surfaces("Senator Ada Brun spoke first. The vote came before the Republican and Democratic "
                      "conventions. Brun said the Republican ticket was weak. The centrist and left parties "
                      "disagreed. Brun praised Ilse Varga, and the mother of the officer thanked her.")
    assert not found & {"the Republican", "The centrist", "the mother"}, found


def test_an_office_with_a_place_goes_to_its_holder_not_to_another_seat():
    got = _pairs("Sen. Orla Finch of Oregon criticised the treaty on Monday. Rep. Cal Dorsey praised Finch's "
                 "record and said the Oregon senator would win. Gov. Mira Tal said she was backing the Oregon "
                 "senator as well.")
    assert ("the Oregon senator", "Orla Finch") in got, got
    assert ("the Oregon senator", "Cal Dorsey") not in got and ("the Oregon senator", "Mira Tal") not in got, got


def test_person_nouns_by_list_and_by_their_ending():
    assert all(is_person_noun(w) for w in ("specialist", "novelist", "economist", "lawyer", "republican"))
    assert not any(is_person_noun(w) for w in ("checklist", "playlist", "twist", "insist", "exist", "harbour"))


def test_the_pontiff_is_the_pope_the_article_names():
    pairs = _pairs("Pope Clement met the harbour workers in Genoa on Sunday. The pontiff said their strike "
                   "was just, and Clement blessed the boats.")
    assert ("The pontiff", "Clement") in pairs, pairs


def _kinds(body: str) -> dict:
    m = actors.find_mentions(text.sentences(helpers.load_article(HEAD + body)))
    return dict(zip(m["actor"], m["kind"]))


def test_a_generic_organisation_head_names_the_latest_organisation_or_acronym():
    """"the team", "the federation", "the coalition" stand for an organisation whose name lacks the
    word; an acronym of no known kind so named is an organisation."""
    got = _pairs("Researchers at Project KELP mapped the rift in May. “We are watching closely,” the team wrote.")
    assert ("the team", "Project KELP") in got, got
    body = ("The NLWU endorsed Dana Ostrow on Friday. The decision came after weeks of debate, and "
            "the federation said its members would campaign for her.")
    assert ("the federation", "NLWU") in _pairs(body)
    assert _kinds(body)["NLWU"] == "organization"


def test_a_generic_head_does_not_take_a_person_or_a_place_of_no_known_kind():
    got = _pairs("Ostrow met Halvik on Paros in May. Weeks later the group said it would sue.")
    assert not {a for s, a in got if s == "the group"} & {"Ostrow", "Halvik", "Paros"}, got


def test_an_office_before_an_irregular_past_verb_is_a_description():
    """"the pontiff left", "the president met …": a verb after the office, not the second noun of a
    compound ("the governor race")."""
    got = _pairs("Pope Clement met the harbour workers in Genoa on Sunday. Later the pontiff left for Rome. "
                 "Governor Ilse Marnow spoke next, and the governor met the crews.")
    assert ("the pontiff", "Clement") in got, got
    assert ("the governor", "Ilse Marnow") in got, got
    assert not {s for s, _ in _pairs("Governor Ilse Marnow spoke. The governor race is close.")} & {"The governor"}
