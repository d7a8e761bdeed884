"""Places, organisation kinds and region words inside names (issue 12, the "places" round), each class
on invented texts with other names, places and outlets: natural features the article marks as places,
companies the article shows to be companies, and a region word that starts an organisation's name."""
from __future__ import annotations

import helpers
from helpers import actors, text
from helpers.actors.places import feature_places


def _table(raw: str):
    return actors.actor_table(actors.find_mentions(text.sentences(helpers.load_article(raw))))


def _kinds(raw: str) -> dict:
    t = _table(raw)
    return dict(zip(t["actor"], t["kind"]))


HEAD = "Dry Summer Strains the Islands\n\nBy Ines Moravec | Coastal Weekly\n\n"


def test_natural_features_the_article_marks_are_not_actors():
    raw = HEAD + ("Tessaly, a volcanic island of 9,000 people, has had no rain since March. Tessaly officials asked "
                  "for water tankers. The Korvan Sea is warmer than usual, said Pavel Strand, a marine biologist. "
                  "The Korvan has lost half its sardines. Lake Ommer is half empty. Barges on the Velna river "
                  "stopped in August. Velna boatmen are idle. The Tessalian summer was the hottest on record. "
                  "Strand said the island needed a desalination plant.")
    found = _kinds(raw)
    assert found.get("Pavel Strand") == "person"
    assert not set(found) & {"Tessaly", "Korvan", "Ommer", "Velna", "Tessalian", "Korvan Sea"}


def test_feature_places_reads_the_articles_own_phrases():
    places = feature_places(["Orsa, a fishing village on the coast, lies north of the Gulf of Marn.",
                             "The Brevic islands and Mount Ashel rise above the Dalmarian."])
    assert {"orsa", "marn", "brevic", "ashel", "dalmarian"} <= places
    # a person in apposition is no place; "the" before a surname in -ic is no place adjective once
    # a full name gives the surname (people are resolved first)
    assert "harlan" not in feature_places(["Harlan, a city council member, spoke."])
    raw = HEAD + ("Coach Mila Petrovic praised the team on Sunday. Fans cheered. The Petrovic camp was calm. "
                  "Petrovic said the island would host the final. Tickets sold out.")
    t = _table(raw)
    assert int(t.loc[t["actor"] == "Mila Petrovic", "mentions"].iloc[0]) >= 3


def test_a_feature_word_that_speaks_stays_a_name():
    raw = HEAD + ("Officials of the Harbour Board met on Monday. The Ranvik said it would sail again on Friday. "
                  "Crews waited. The board meets again in May. Boats lined the quay.")
    assert "Ranvik" in _kinds(raw)


def test_companies_get_kind_organization_from_the_articles_evidence():
    raw = ("Regulator Fines Data Broker\n\nBy Omar Haddad | Ledger Daily\n\n"
           "Shares of Pellowin fell 4 percent on Monday. Pellowin said the fine was unfair. "
           "Tomas Ruud, chief executive of Brindle, declined to comment. Brindle's founder Ada Kov was not "
           "reached. Quorra, the messaging platform, was also named. Details are on varnette.com, Varnette "
           "said. Varnette was fined too. Sara Marr, a lawyer, said the fines were small.")
    found = _kinds(raw)
    for company in ("Pellowin", "Brindle", "Quorra", "Varnette"):
        assert found.get(company) == "organization", company
    assert found.get("Tomas Ruud") == found.get("Ada Kov") == found.get("Sara Marr") == "person"


def test_a_person_with_a_title_or_pronoun_stays_a_person():
    raw = ("Founder Steps Down\n\nBy Omar Haddad | Ledger Daily\n\n"
           "Mr. Pellow, the founder of the firm, retired on Monday. Shares of Pellow rose after he left. "
           "He said he would sail. Pellow thanked his staff.")
    assert _kinds(raw).get("Pellow") == "person"


def test_corporate_suffix_after_an_ampersand_is_part_of_the_name():
    raw = ("Bank Advises on Merger\n\nBy Omar Haddad | Ledger Daily\n\n"
           "Dorne Whitcombe & Co. advised the buyer. Kessel Digital LLC filed the papers.")
    found = _kinds(raw)
    assert found.get("Dorne Whitcombe & Co.") == "organization"
    assert found.get("Kessel Digital LLC") == "organization"
    assert "Dorne Whitcombe" not in found and "Co." not in found


def test_a_region_word_that_starts_an_organisation_is_part_of_its_name():
    # "Maritime", "Western", "Central" are regions or provinces somewhere (pycountry) but here they
    # start an organisation's name, at a sentence's start or inside it
    raw = ("Port Dispute Widens\n\nBy Lena Sorvik | Harbour Times\n\n"
           "The Maritime Commission said on Friday that it would hold hearings. Western Rail Partners filed a "
           "complaint. Officials of the Central Bank and the National Maritime Authority met. Hearings of "
           "the Commission start in May. Ships waited in the Western Cape.")
    found = _kinds(raw)
    for org in ("Maritime Commission", "Western Rail Partners", "Central Bank", "National Maritime Authority"):
        assert found.get(org) == "organization", org
    assert not set(found) & {"Commission", "Rail Partners", "Bank", "Maritime Authority", "Western", "Cape"}
    t = _table(raw)
    assert int(t.loc[t["actor"] == "Maritime Commission", "mentions"].iloc[0]) == 2


def test_a_place_adjective_before_a_capitalised_word_is_part_of_a_name():
    places = feature_places(["Fighters of the Islamic State fled.", "The Baltic said it would sail.",
                             "Rain fell on the Dalmatic and the Korvanian."])
    assert {"dalmatic", "korvanian"} <= places
    assert not places & {"islamic", "baltic"}


# ----------------------------------------------------------------------------- name boundaries
def test_a_common_first_word_the_article_writes_mid_sentence_stays_in_the_name():
    # "Wells"-type words: an everyday word that is also the first word of a company's name
    found = _kinds(HEAD + "Golden Tamber fined two ferry operators on Monday. The regulator said Golden Tamber "
                          "had warned them in May. Officials at Golden Tamber declined to comment.")
    assert "Golden Tamber" in found and "Tamber" not in found, found
    # the same word only ever starting a sentence, before a name, still goes ("Critics Anna Lund …")
    found = _kinds(HEAD + "Critics Anna Lund and Jonas Berg spoke on Monday. Anna Lund said the plan was late. "
                          "Berg agreed. The ferries were full. The port was closed for a week.")
    assert "Anna Lund" in found and not [a for a in found if a.startswith("Critics")], found


def test_british_spellings_of_everyday_words_do_not_start_names():
    found = _kinds(HEAD + "Neighbouring Korvenia closed its border on Monday. Officials in Korvenia said the "
                          "border would reopen. Organised crews cleared the road, said Pavel Strand. The road "
                          "had been closed for a week. Strand said the crews worked at night.")
    assert "Korvenia" in found and not [a for a in found if a.startswith(("Neighbouring", "Organised"))], found


def test_a_common_nouns_possessive_inside_an_organisation_name():
    found = _kinds(HEAD + "The Dockworkers' Union, which represents 4,000 workers, called a strike. The Farmers' "
                          "Federation backed it. Korvenia's Transport Ministry said talks would resume.")
    assert found.get("Dockworkers' Union") == "organization", found
    assert found.get("Farmers' Federation") == "organization", found
    assert "Transport Ministry" in found and "Korvenia's Transport Ministry" not in found, found  # a name's possessive


def test_a_world_region_word_starts_an_organisation_name():
    found = _kinds(HEAD + "Baltic Crest Shipping cancelled two sailings. The Atlantic Harbour Authority said the "
                          "storm had passed the Baltic.")
    assert found.get("Baltic Crest Shipping") == "organization", found
    assert found.get("Atlantic Harbour Authority") == "organization", found
    assert "Baltic" not in found, found


def test_states_the_gazetteer_does_not_know_are_countries_by_their_organs():
    found = _kinds(HEAD + "Neighbouring Volmark offered to mediate on Monday. Prime Minister Aron Keel of Korvenia "
                          "welcomed the offer. Ostmark's foreign minister, Greta Vill, said talks could start. Ostmark "
                          "said it would send a delegation. Lumora's president, Ana Ruiz, said the port was closed.")
    assert {k: found.get(k) for k in ("Volmark", "Korvenia", "Ostmark")} == dict.fromkeys(
        ("Volmark", "Korvenia", "Ostmark"), "country"), found
    assert found.get("Aron Keel") == "person" and found.get("Greta Vill") == "person", found
    assert found.get("Lumora") != "country", found  # a company has a president too


def test_a_definite_description_in_the_possessive_is_a_mention():
    m = actors.find_mentions(text.sentences(helpers.load_article(
        HEAD + "Norway's ports closed on Monday. Half of the country's exports pass through them. Halden "
               "Bank said the bank's branches there would close, said Greta Vill.")))
    got = {(s, a) for s, a in zip(m["surface"], m["actor"])}
    assert ("the country", "Norway") in got and ("the bank", "Halden Bank") in got, got


def test_a_possessive_organisation_noun_before_an_office_is_a_description_of_a_person():
    m = actors.find_mentions(text.sentences(helpers.load_article(
        HEAD + "Senator Greta Vill won the primary. The party's nominee said the ports would reopen.")))
    got = {(s, a) for s, a in zip(m["surface"], m["actor"])}
    assert ("The party's nominee", "Greta Vill") in got, got


def test_corporate_suffixes_without_a_period_and_clerical_titles():
    # "Corp", "Inc", "Ltd" as written by wire services end an organisation's name (they were split
    # off as actors of their own, or the name read as a person); "the Rev." and "Pastor" are titles
    # of a person, whether or not the given name is known
    found = _kinds(HEAD + "Quillon Metals Corp said on Monday it would close its smelter. Harrow Brick Ltd and "
                          "Selvane Glass Inc declined to comment. The Rev. Oba Nkemelu said workers felt betrayed, "
                          "and Pastor Teodor Walsh agreed.")
    assert {k: found.get(k) for k in ("Quillon Metals Corp", "Harrow Brick Ltd", "Selvane Glass Inc")} == dict.fromkeys(
        ("Quillon Metals Corp", "Harrow Brick Ltd", "Selvane Glass Inc"), "organization"), found
    assert "Ltd" not in found and "Inc" not in found, found
    assert found.get("Oba Nkemelu") == "person" and found.get("Teodor Walsh") == "person", found
