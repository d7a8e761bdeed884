"""Spurious names (issue 12, actors round 5): an acronym the article writes in the plural is a
common noun with the words it writes before it in lower case ("super PACs" → "Super PAC donations"
at a sentence's start is no actor), and a run in capitals that holds a function word or only
dictionary words is a slogan or subhead ("WE WIN", "TO LURE MILLENNIALS", "AMERICA GREAT AGAIN"),
unless the gazetteer, the outlet list, a title or a given name says it is a name. Invented texts."""
from __future__ import annotations

import helpers
from helpers import actors, text
from helpers.actors.common_runs import class_acronyms

HEAD = "Campaign Money Floods the Ostmark Race\n\nBy Ines Moravec | Coastal Weekly\n\n"


def _surfaces(body: str) -> dict:
    m = actors.find_mentions(text.sentences(helpers.load_article(HEAD + body)))
    return dict(zip(m["surface"], m["actor"]))


def test_a_class_acronym_is_no_actor_but_a_name_ending_in_it_is():
    found = _surfaces("Super PAC donations have passed $40 million. Donations to super PACs doubled in May. "
                      "Super PACs, first allowed in 2010, can raise unlimited sums. Dana Ostrow said the Lindqvist "
                      "Families PAC, a super PAC she chairs, raised the most.")
    assert not {"PAC", "PACs", "Super PAC", "Super PACs"} & set(found), found
    assert "Lindqvist Families PAC" in found and found.get("Dana Ostrow") == "Dana Ostrow", found


def test_runs_in_capitals_that_are_slogans_or_subheads_are_no_actors():
    found = _surfaces("The crowd chanted WE WIN outside the hall. HOW FERRIES ARE TRYING TO LURE COMMUTERS. "
                      "Hats read MAKE AMERICA GREAT AGAIN. SEN. ADA BRUN spoke first. NORTH KOREA was not "
                      "mentioned, USA TODAY reported. Brun thanked Dana Ostrow.")
    assert not {"WE WIN", "TO LURE COMMUTERS", "ARE TRYING", "MAKE AMERICA GREAT AGAIN", "AMERICA GREAT AGAIN"} \
        & set(found), found
    assert found.get("SEN. ADA BRUN") == "Ada Brun" and found.get("NORTH KOREA") == "North Korea", found
    assert "USA TODAY" in found, found


def test_class_acronyms_reads_plurals_and_their_lower_case_modifiers():
    acronyms, modifiers = class_acronyms(["Two ETFs fell.", "A bond ETF rose, and super PACs spent more."])
    assert acronyms == {"ETF", "PAC"} and {"bond", "super"} <= modifiers
