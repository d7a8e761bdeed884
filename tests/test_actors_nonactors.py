"""Capitalised words the article's wording marks as no actor (issue 12, "find the actors", false actors
of a few classes): storms, court cases, quoted nicknames and titles of works, social-media residue,
laws and programmes used as modifiers, and counted members of a party group. Invented texts only."""
from __future__ import annotations

import helpers
from helpers import actors, text
from helpers.actors import lexicon
from helpers.actors.nonactors import case_ranges, residue_ranges, storm_names, title_ranges


def _mentions(raw: str):
    return actors.find_mentions(text.sentences(helpers.load_article(raw)))


def _actors(raw: str) -> set:
    return set(_mentions(raw)["actor"].astype(str)) - {""}


HEAD = "Coastal Towns Count the Cost\n\nBy Ines Moravec | Harbour Ledger\n\n"


def test_storm_names_are_no_people_here_and_alone_later():
    raw = HEAD + ("Governor Paula Brenner toured the coast after hurricanes Ophelia and Gustav flooded the port. "
                  "Storms like Tobias are getting stronger, said Brenner. Ophelia destroyed 400 homes. "
                  "Typhoon Marisol hit the islands a week later.")
    found = _actors(raw)
    assert "Paula Brenner" in found
    assert not found & {"Ophelia", "Gustav", "Tobias", "Marisol", "Typhoon Marisol"}


def test_storm_names_need_a_given_name_and_stop_before_a_surname():
    lex = lexicon()
    assert [w for _, _, w in storm_names("the storms Brenner faced", lex)] == []
    assert [w for _, _, w in storm_names("Hurricane Gustav and storms like Tobias", lex)] == ["gustav", "tobias"]
    assert storm_names("the storm Paula Brenner weathered", lex) == []


def test_court_case_parties_are_no_mentions_there():
    raw = HEAD + ("The families sued in Halvorsen v. Marden County, and Judge Ruth Okafor heard the case. "
                  "Halvorsen lost her farm in the flood, said Okafor.")
    m = _mentions(raw)
    first = m[m.sent_id == m.sent_id.min()]
    assert not set(first["surface"]) & {"Halvorsen", "Marden County", "Halvorsen v. Marden County"}
    assert "Ruth Okafor" in set(m["actor"])
    assert case_ranges("as in Trump vs. Clinton") == []  # "vs." names two sides of a race, not a case


def test_quoted_nicknames_and_titles_of_works_are_no_mentions():
    raw = HEAD + ('Senator Karl Osei mocked his rival, Dana Whitcombe, with the nickname "Sleepy Dana." '
                  'Whitcombe answered by calling Osei "The Comeback Clown." She wrote a memoir titled '
                  'Ledger Days: My Harbour Years. Osei told the _Morning Wire Hour_ that he had read it. '
                  'Whitcombe is known as "Whitcombe" in the port.')
    m = _mentions(raw)
    surfaces = set(m["surface"])
    assert not surfaces & {"Clown", "Comeback Clown", "Harbour Years", "Morning Wire Hour", "Ledger Days"}
    assert "Dana" not in surfaces  # inside the nickname
    assert {"Karl Osei", "Dana Whitcombe"} <= set(m["actor"])
    # a name alone in quotation marks and an organisation's name in them stay names
    lex = lexicon()
    assert title_ranges('she is known as "Zorvath"', lex) == []
    assert title_ranges('a group called "Friends of the Harbour Coalition"', lex) == []


def test_cashtags_handles_and_link_hashes_are_no_actors():
    raw = HEAD + ("Shares fell, Dana Whitcombe wrote. $HRBL(via @PortWatcher) Qz7TkLm2xv. "
                  "Follow Ines Moravec on Twitter @InesMoravec.")
    found = _actors(raw)
    assert not found & {"HRBL", "PortWatcher", "Qz7TkLm2xv", "InesMoravec"}
    assert "Dana Whitcombe" in found
    assert residue_ranges("Brenner met the ABC2024 panel") == []  # no lower case: a code, not a hash


def test_laws_and_programmes_as_modifiers_are_no_actors():
    raw = HEAD + ("Governor Paula Brenner signed the Harbour Renewal oil pipeline deal and praised the 2011 "
                  "Marsh-Tolliver banking rules. Opponents of the Clean Bay Future pledge met on Friday. "
                  "Harbour Renewal was approved in May. The Brenner plan passed.")
    found = _actors(raw)
    assert not found & {"Harbour Renewal", "Marsh-Tolliver", "Clean Bay Future"}
    assert "Paula Brenner" in found  # a person's surname before "plan" stays hers


def test_counted_members_of_a_party_are_not_the_party():
    raw = HEAD + ("Dozens of Republicans backed the bill. Two Democrats, Paula Brenner and Karl Osei, voted "
                  "against it. Democrats said they would try again.")
    m = _mentions(raw)
    dem = m[m.actor == "Democrats"]
    assert list(dem["surface"]).count("Democrats") == 1  # only the group acting as one side
    assert "Republicans" not in set(m["actor"])


def test_forests_reefs_and_seas_joined_by_and_are_places():
    raw = HEAD + ("Fires spread through the Orvana rainforest in August, said Ruth Okafor, a forest ranger. "
                  "The Orvana lost a fifth of its trees. Drilling is planned in the Brevic and Osla seas and on "
                  "the Tamsin Shoal. The Marrow Reef is bleaching. Brevic fishermen are worried.")
    found = _actors(raw)
    assert "Ruth Okafor" in found
    assert not found & {"Orvana", "Brevic", "Osla", "Tamsin Shoal", "Marrow Reef"}


def test_adjectives_made_from_names_are_no_actors():
    found = _actors(HEAD + "Radical Islamic groups recruited online. Critics called it a Kafkaesque maze of rules. "
                           "Novak Djokovic won the final. Fans cheered as Djokovic lifted the cup. A Brazilian "
                           "official said so.")
    assert not {"Islamic", "Kafkaesque", "Radical Islamic"} & found, found
    assert {"Novak Djokovic", "Brazil"} <= found, found  # a surname in -ic and a demonym stay


def test_letters_inside_words_and_measures_and_hashtags_are_no_actors():
    # "T" of "T-shirts", "F" of "3°F", the party letter of "(D)" and a hashtag were actors of their own
    raw = HEAD + ("Senator Kira Holm (D) sold T-shirts at the rally, where it was 3°F. Holm tweeted "
                  "\"Thank you all! #HolmForSenate\" on Friday. The E3G think tank backed her.")
    found = _actors(raw)
    assert "Kira Holm" in found, found
    assert not found & {"T", "F", "D", "HolmForSenate"}, found
    assert "E3G" in found, found  # a name with a digit inside is still a name


def test_landmarks_are_no_actors_but_a_person_named_like_one_is():
    raw = HEAD + ("On Monday protesters blocked Brixmoor Circus and camped beneath Kestrel Arch, then marched to St Aldric's "
                  "Square, where Mayor Ilse Varn met them at the Varn Palace gates. Senator John Tower spoke.")
    found = _actors(raw)
    assert not found & {"Brixmoor Circus", "Kestrel Arch", "St Aldric", "Varn Palace"}, found
    assert {"Ilse Varn", "John Tower"} <= found, found


def test_taxes_standards_sessions_and_conventions_are_no_actors():
    """Laws, rules and meetings by their head word, also after a person's possessive."""
    got = _actors(HEAD + "Brenner opposed the “Harbour Tax” and the Coastal Performance Standards. A judge may not "
                         "enforce the subpoena because of Ostrow's Fifth Amendment claims. Brenner spoke at the "
                         "Liberal Party Convention in July and again in Executive Session.")
    assert got == {"Paula Brenner", "Ostrow"} or got == {"Brenner", "Ostrow"}, got
