"""Places that became actors (issue 12, actors round 5): a town after a person noun and "from", a
gazetteer town as modifier of a person noun, a name after a word of position or after "areas
like", buildings named after people, the planet, and a capital followed by "state". Invented
texts with other names, towns and outlets than the gold set's."""
from __future__ import annotations

import helpers
from helpers import actors, text
from helpers.actors.places import place_uses

HEAD = "Apple Growers Count Their Losses\n\nBy Ines Moravec | Coastal Weekly\n\n"


def _actors(body: str) -> set:
    m = actors.find_mentions(text.sentences(helpers.load_article(HEAD + body)))
    return set(m["actor"])


def test_places_of_people_and_of_position_are_not_actors():
    found = _actors('"Our apples are rotting on the quay," said Britt Lehtonen, a grower from Skarby. Jon Arvid, '
                    "a Tacoma lawyer, said the growers would sue. The ceremony was held in lower Brevik on Friday. "
                    "Prices in areas like Orsholm fell by half. Skarby lost its packing plant.")
    assert {"Britt Lehtonen", "Jon Arvid"} <= found, found
    assert not found & {"Skarby", "Tacoma", "Brevik", "Orsholm"}, found


def test_buildings_the_planet_and_a_capitals_state_are_not_actors():
    found = _actors("Mayor Ruth Vance spoke at Lindqvist Tower and at the Capitol. Scientists warned of a hothouse "
                    "Earth, and Vance said life on Earth was at stake. Washington state blocked the pipeline.")
    assert "Ruth Vance" in found, found
    assert not found & {"Lindqvist Tower", "Capitol", "Earth", "United States"}, found


def test_place_uses_needs_a_person_noun_or_a_gazetteer_town():
    towns = frozenset({"tacoma"})
    got = place_uses(["An engineer from Skarby spoke.", "A Tacoma rancher and a Varnette spokesman met.",
                      "Voters in upper Dalmark and cities such as Orsholm agreed.", "A letter from Brindle came."],
                     towns)
    assert {"skarby", "tacoma", "dalmark", "orsholm"} <= got, got
    assert not got & {"varnette", "brindle"}, got  # no gazetteer town; a letter is no person


def test_a_given_name_used_as_a_place_of_residence_is_not_a_person():
    # "Kenna" is a given name, so a bare "Kenna" read as a person; a verb of residence or a dwelling
    # before it says it is a place, throughout the article; countries stay actors
    found = _actors("Senator Ilse Marwood grew up in a rented apartment in Harlow. She later moved to Kenna, "
                    "and her campaign keeps offices in Jolene. \"We trusted Kenna,\" said Dara Quist. "
                    "Olek Varn, who was born in Ukraine, said Ukraine welcomed the visit.")
    assert "Kenna" not in found and "Jolene" not in found and "Harlow" not in found, found
    assert {"Ilse Marwood", "Dara Quist", "Olek Varn", "Ukraine"} <= found, found
    assert place_uses(["She lives in Kenna.", "an apartment in Harlow"], frozenset()) == {"kenna", "harlow"}
    assert place_uses(["She moved to Kenna Stroud's side.", "confidence in Kenna"], frozenset()) == set()


def test_a_gazetteer_city_that_nobody_is_named_after_is_a_place():
    # cities of 50,000 people or more that the article uses as places in many ways ("Rotterdam's port",
    # "damage to Leeds", "much of Antwerp"), not only after "in"; a US state alone is a place too
    found = _actors("Much of Antwerp was flooded on Monday. Rotterdam's port stayed shut, and damage to Leeds "
                    "was put at 40 million euros. Farmers across Nebraska sold early. Mayor Olga Brandt toured "
                    "Antwerp's old town. \"We were not ready,\" Brandt said.")
    assert "Olga Brandt" in found, found
    assert not found & {"Antwerp", "Rotterdam", "Leeds", "Nebraska"}, found


def test_a_city_stays_a_name_when_it_speaks_is_a_given_name_or_starts_an_organisation():
    # "Bristol said" speaks (a city council or a club); "Austin" is also a given name; "Leeds" starts
    # the name of Leeds University, which the bare word stands for
    found = _actors("Bristol said it would appeal the ruling. Austin's reply came on Friday.")
    assert {"Bristol", "Austin"} <= found, found
    m = actors.find_mentions(text.sentences(helpers.load_article(
        HEAD + "Researchers at Leeds University ran the survey, and the Leeds survey found a steep fall.")))
    assert (m["actor"] == "Leeds University").sum() == 2, m[["surface", "actor"]]


def test_an_office_from_a_place_makes_it_a_place():
    """"a ferry captain from Lanholm", "the deputy mayor from Orsk": an office, like a person noun."""
    found = _actors("Mira Tenn, a ferry captain from Lanholm, said she had not been paid. The deputy mayor "
                    "from Orsk, Piet Halloran, agreed.")
    assert found == {"Mira Tenn", "Piet Halloran"}, found
