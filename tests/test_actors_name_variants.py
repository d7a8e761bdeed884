"""One institution written two ways is one actor (issue 12, round 6): an acronym and the name it
abbreviates ("EPA" / "Environmental Protection Agency", "DOJ" / "Department of Justice"), and a
company's name with and without its legal suffix ("Tessel Crossings" / "Tessel Crossings Ltd").
Invented texts with other names and outlets."""
from __future__ import annotations

import helpers
from helpers import actors, text
from helpers.actors.name_variants import acronym_key, initials

HEAD = "Regulators Weigh Limits on River Discharge\n\nBy Ana Ortiz, Harbor Courier\n\n"


def _actors(body: str) -> dict:
    m = actors.find_mentions(text.sentences(helpers.load_article(HEAD + body)))
    m = m[m["actor"].astype(str) != ""]
    return {a: (set(g["surface"]), set(g["kind"])) for a, g in m.groupby("actor")}


def test_acronym_keys_and_initials():
    assert acronym_key("E.P.A.") == "EPA" and acronym_key("DoJ") == "DOJ" and acronym_key("Tessel") == ""
    assert acronym_key("Pa.") == "" and acronym_key("MINISTRY") == ""
    assert {"DOJ", "DJ"} <= initials("Department of Justice")
    assert "EPA" in initials("U.S. Environmental Protection Agency")  # a tail of the name
    assert "IEEFA" in initials("Institute for Energy Economics and Financial Analysis")


def test_an_acronym_joins_the_one_name_with_its_initials():
    found = _actors("The Federal Maritime Commission proposed new limits on Tuesday. The FMC said the rules "
                    "would halve discharge. The Department of Justice declined to comment, and a DOJ spokesman "
                    "said nothing. Officials at the Harbor Safety Board said the FMC had not consulted them.")
    assert found["FMC"][0] == {"Federal Maritime Commission", "FMC"}, found
    assert {"Department of Justice", "DOJ"} <= next(s for s, _ in found.values() if "DOJ" in s), found
    assert "Harbor Safety Board" in found and "FMC" not in found["Harbor Safety Board"][0], found


def test_an_acronym_with_two_possible_expansions_joins_neither():
    found = _actors("The Coastal Fisheries Council and the Canal Freight Company both objected. "
                    "The CFC said it would appeal.")
    assert "CFC" in found and len(found["CFC"][0]) == 1, found


def test_a_company_with_and_without_its_legal_suffix_is_one_organisation():
    found = _actors("Tessel Crossings Ltd, which runs the ferries, objected to the plan. Tessel Crossings said "
                    "the costs were too high.")
    assert found["Tessel Crossings Ltd"] == ({"Tessel Crossings Ltd", "Tessel Crossings"}, {"organization"}), found


def test_people_are_not_merged_by_initials():
    found = _actors("Mara Kostelic Jansen spoke first. MKJ, as fans call her, said she would run.")
    assert "MKJ" not in found.get("Mara Kostelic Jansen", (set(),))[0], found


def test_a_name_after_a_prefix_of_time_keeps_all_its_words():
    found = _actors("Ortiz met then-Harbor Safety Board chief Lena Vos in May. The anti-Vos Greens objected.")
    assert "Harbor Safety Board" in found and "Safety Board" not in found, found
    assert "Vos Greens" not in found, found  # after "anti-" the name is one word


def test_region_words_in_a_row_lead_an_organisation_name():
    found = _actors("The North Atlantic Fisheries Organisation welcomed the plan. NAFO said it would send observers.")
    assert found["NAFO"][0] == {"North Atlantic Fisheries Organisation", "NAFO"}, found


def test_a_bare_surname_is_the_person_an_administration_is_named_after_not_the_administration():
    # "Varga" alone went to "Varga administration" (a word that starts one organisation's name stood
    # for it); the person it is named after is a person, not kind "other". "Kessel" still stands for
    # Kessel Logistics, an organisation named otherwise
    found = _actors("The Varga administration rolled back the discharge rule on Monday. Varga signed the order "
                    "on Friday, and critics attacked Varga for it. Kessel Logistics welcomed the rule, and "
                    "Kessel will expand its fleet.")
    assert found["Varga administration"][0] == {"The Varga administration"}, found
    assert found["Varga"] == ({"Varga"}, {"person"}), found
    assert found["Kessel Logistics"][0] == {"Kessel Logistics", "Kessel"}, found


def test_a_hyphenated_acronym_keeps_its_capitals_and_a_name_in_capitals_is_title_cased():
    found = _actors("The AFL-CIO backed Mayor Ilse Varn on Monday. KESSLER was angry, Varn said.")
    assert "AFL-CIO" in found and "Afl-Cio" not in found, found
    assert "Kessler" in found, found


def test_a_name_defined_by_its_bracketed_acronym_is_one_organisation():
    """"Citizens for Responsibility and Ethics in Washington (CREW)": no organisation word holds the
    name together, its initials do; the acronym later is the same actor."""
    found = _actors("Residents for Clean Water and Fair Rates in Harbor (RCWFRH) sued the port. RCWFRH said "
                    "the levy was unlawful.")
    assert set(found) == {"RCWFRH"}, found
    assert found["RCWFRH"][0] == {"Residents for Clean Water and Fair Rates in Harbor", "RCWFRH"}
    # a bracket whose letters are no initials of the words before joins nothing
    plain = _actors("Residents of Harbor Point (AP) sued the port.")
    assert "Residents of Harbor Point" not in plain, plain
