"""Find the actors of an article (people, countries, organisations) under every name it uses.

`find_mentions(sentences, aliases=None)` returns the mentions table (actor, sent_id, start, end,
surface, via, plus the extra column ``kind``); `actor_table(mentions)` the actors table (actor,
kind, mentions, aliases). ``start``/``end`` are character offsets inside ``sentences.text`` (end
exclusive), so ``sentence[start:end] == surface``.

Method: rules, no statistical model (no NER model can be downloaded here, and rules can be read
and checked merge by merge). Three passes over the sentences:

1. **Spans.** Each sentence is tokenised and scanned left to right, longest match first:
   the user's ``aliases``; pronouns (he/him/his/himself, she/her/herself, they/them/their);
   descriptions by office ("the president", "Norway's prime minister", "the Russian president");
   titles or honorifics followed by a name ("President Vladimir V. Putin of Russia", "Mr. Putin",
   "Secretary of State Marco Rubio"); countries by name (pycountry's names plus
   ``data/demonyms.csv``), adjective or people ("Russian", "Russians"); capitals and seats of
   government (``data/metonyms.csv``, see below); organisations by name (``data/organisations.csv``),
   by shape (acronyms such as "FBI") or by head word ("Ministry of Defense", ``data/org_words.txt``),
   and "the Trump administration"; then any other run of capitalised words. Titles are part of a
   person's mention, never actors. Days, months, regions and sub-national places
   (``data/non_actors.txt``, ``data/regions.txt``, pycountry subdivisions, phrases ending in a ``data/place_words.txt``
   word such as "County") are skipped, as is a capitalised word that only starts a sentence and is
   an everyday English word (textstat's Dale-Chall list, scikit-learn's stop words, prepositions) or is
   written in lower case elsewhere in the article, unless a speech verb follows ("Brown said"); in an
   article of five sentences or more, so is a word of the CMU pronouncing dictionary in Title case
   that the article never capitalises mid-sentence ("Altogether", "Fishermen", "Hostilities"), and it
   is trimmed from before a full name with a known given name ("Activist Angela Davis"). Occasions
   (a phrase ending in "Day", "Bowl", "Cup", "Prize", "Awards" …: `language.OCCASION_HEADS`), laws
   joined by "and" ("the Energy Innovation and Carbon Dividend Act") and acronyms written as a
   quantity ("2 percent of GDP", "our GDP.") are not actors; nor are storms ("hurricanes Ophelia and
   Gustav"), the parties of a court case ("X v. Y"), quoted nicknames and titles of works, cashtags,
   handles and link hashes, laws and programmes used as a modifier ("the Harbour Renewal oil
   pipeline") and counted members of a party ("Two Democrats"): `nonactors`.
2. **People.** Full names (two or more name words) are grouped by surname; two names with the same
   surname are one person unless their given names conflict ("Joe"/"Joseph R." agree, "Bill" and
   "Hillary" do not). Short forms then attach: "Mr. Putin", "President Trump", "Biden's" by surname
   (when several people share it: the one of agreeing gender mentioned last), "Vladimir" by a given
   name that only one person has (via=alias), a non-dictionary word of six letters or more one edit
   from exactly one surname by it (a typo: "Cureblo" for Curbelo). The canonical name is the longest full name seen
   ("Vladimir V. Putin"; "Trump" when the article never gives a first name). A name with no sign
   of being a person (no title, honorific, known given name, initial, pronoun or "said") keeps kind
   "other".
3. **Descriptions and pronouns**, in reading order. "the president" is the person mentioned most
   recently who holds that office in this article; "Norway's prime minister" without a named holder
   becomes an unnamed person "Prime minister of Norway". Pronoun rule (a simplified Hobbs /
   Lappin-Leass search): the gender must agree (from Mr./Ms./Mrs., gendered titles, a given-name
   list, else from the first pronoun resolved to that person); then
   - *he/she*: the nearest earlier subject in the same sentence, else the nearest earlier person in
     the same sentence, else the first subject (else first person) of the previous sentence, going
     back at most three sentences;
   - *his/her* (before a noun) and *himself/herself*: the subject of the pronoun's own clause, else
     the nearest earlier person in the sentence, else as for *he/she*;
   - *him/her* (object): the nearest earlier person in the sentence who is not the subject of the
     pronoun's own clause ("Trump ... calling him a dictator" is not Trump), else as for *he/she*;
   - *they/them/their*: the nearest group, organisation or people-noun ("Ukrainians") in this or the
     previous sentence.
   A subject is a mention that comes first in its clause with nothing but function words or adverbs
   before it; clauses are split at punctuation and at "that", "because", "while", "which" ….
   A pronoun that finds nobody is kept with an empty ``actor``; "it", "I", "we" are not mentions.

Capitals and seats of government (Kyiv, Moscow, the Kremlin, the White House): a mention of the
country's government, counted under the country (via=demonym), except right after a preposition of
place ("an attack on Kyiv", "met at the White House"), where they are places and not mentions.
The dateline that opens a wire story ("WASHINGTON —", "KYIV, Ukraine —", "LONDON (Reuters) -")
says where it was filed: its place names (countries, capitals) are not mentions.

References: Hobbs, J. (1978). Resolving pronoun references. Lingua 44. Lappin, S. & Leass, H. J.
(1994). An algorithm for pronominal anaphora resolution. Computational Linguistics 20(4).

Modules, one per stage: `language` (language data, tokens), `spans` (pass 1), `nonactors` (spans the
article's wording marks as no actor, dropped before pass 2), `people` (pass 2), `resolve`,
`descriptions`, `person_nouns` (descriptions of a person by a common noun: "The Republican", "the computer
specialist"), `pronouns` (pass 3), `kinds` (pass 4: organisations the article shows to be companies),
`places` (natural features and places of people the article marks as places: "lower Manhattan", "a grower
from Skarby"), `common_runs` (class acronyms and runs in capitals that are no names: "super PACs", "WE
WIN"), `mentions` (`find_mentions`,
`headline_mentions`), `table` (the actors table and summaries). Everything is re-exported here:
`helpers.actors.find_mentions`.
"""
from __future__ import annotations

from .language import (
    ABBREVIATIONS, Entry, Lexicon, PARTICLES, SPEECH_VERBS, SUFFIXES, Token, _fold, _tokenize, is_common, lexicon,
)
from .mentions import dateline_length, find_mentions, headline_mentions
from .people import Person
from .spans import Span, _name_word, _spans
from .table import actor_kinds, actor_table, main_actors, mentions_by_via, positions, unresolved

__all__ = [
    "Entry", "Lexicon", "Person", "Span", "Token", "actor_kinds", "actor_table", "dateline_length", "find_mentions",
    "headline_mentions", "is_common", "lexicon", "main_actors", "mentions_by_via", "positions", "unresolved",
]
