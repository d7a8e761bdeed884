"""Capitalised words that the article's own wording marks as no actor (run after pass 1, before people).

A capitalised run looks like a name, but the words around it can say it names something else:

- a **storm** after "hurricane(s)", "typhoon", "cyclone", "storm(s)" ("hurricanes Florence and Ida",
  "Storms like Sandy", "Typhoon Haiyan"): the storm's given name is no person, here and wherever the
  article uses it alone (`storm_names`);
- a **court case** "X v. Y" ("Brown v. Board of Education"): neither party is a mention there
  (`case_ranges`; "vs." is left alone: "Trump vs. Clinton" names two people);
- a **title of a work or a nickname**: a Title-case phrase in quotation marks after a naming word
  ('the nickname "Sleepy Joe"', 'hailed him as "The Iron Lady"'), a Title-case run after "titled" /
  "entitled" (a book title with no quotation marks), and a Title-case phrase in Markdown italics
  ("_Meet the Press_") (`title_ranges`);
- **social-media residue**: cashtags, handles and hashtags ("$AAPL", "@jdoe", "#Vote2016") and the
  random link hashes of a tweet embed ("Xk3PqLm9zT") (`residue_ranges`), and capital letters that are
  part of a word or a measure ("T-shirts", "3°F", a party letter "(R)");
- a **law, programme or project** used as the modifier of such a head noun ("the Glass-Steagall
  banking rules", "the Dakota Access oil pipeline", "the Zero Waste pledge"): not a person (no given
  name, no surname of a full name of the article; two words or more, or hyphenated: "the Yale program"
  names a university's) (`_modifies_law_noun`); the same words are then no actor anywhere in the article;
- an **adjective made from a name** ("radical Islamic ideology", "a Kafkaesque process"): a lone
  capitalised word with an adjective's ending only ever written before a lower-case word
  (`attributive_adjectives`);
- a **landmark**: a name that ends with the head of a built place or stands in its possessive before
  one ("Oxford Circus", "the Ducal Palace", "St Mark's Square"; `LANDMARK_HEADS`);
- **members counted** out of a party group ("Two Republicans", "Dozens of Democrats", "a handful of
  Republicans"): individuals, not the group acting as one side (annotation rule "Groups").
"""
from __future__ import annotations

import re

from ..article import outlets
from .descriptions import _demonyms
from .language import Lexicon, _fold, dictionary_words, is_common
from .spans import Span

_NAME = r"[A-Z][\w'’-]*[\w]"
#: Words whose next capitalised word is a storm's name ("Hurricane Ida", "storms like Sandy").
_STORM = re.compile(r"(?i:\b(?:(?:tropical|winter|super)\s*)?(?:hurricanes?|typhoons?|cyclones?|storms?)"
                    r"(?:\s+(?:like|such\s+as|named|called))?)\s+"
                    rf"({_NAME}(?:(?:\s*,\s*|\s+(?:and|or)\s+|\s*,\s+(?:and|or)\s+){_NAME})*)\b(?!\s+[A-Z])")
_CASE = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,4}?[A-Z][\w'’-]*\s+v\.\s+(?:the\s+)?"
                   r"(?:[A-Z][\w'’.-]*(?:\s+(?:of|for|and)\s+|\s+)?){1,6}")
_HANDLE = re.compile(r"[$@#][A-Za-z_]\w*")
#: A capital letter that is part of a word or a measure, not a name: "T-shirts", "3°F", a party
#: letter alone in brackets ("Mike Pence (R)").
_LETTER = re.compile(r"(?<![\w.'’])[A-Z](?=-[a-z])|(?<=°)[A-Z]\b|(?<=\()[A-Z](?=\))")
_TOKEN = re.compile(r"\b[A-Za-z\d]{8,12}\b")
_QUOTED = re.compile(r"[\"“]([^\"“”\n]{1,80}?)[\"”]")
#: Naming words before a quoted nickname or title ('the nickname "…"', 'dubbed him "…"', 'as "…"').
_NAMING = re.compile(r"(?i:\b(?:nick-?names?|nicknamed|monikers?|dub(?:s|bed|bing)?|call(?:s|ed|ing)?|"
                     r"label(?:s|ed|led|ing)?|brand(?:s|ed|ing)?|as|titled|entitled|named|books?|films?|"
                     r"movies?|shows?|slogans?|hashtags?|headlines?|columns?|essays?|songs?|albums?)"
                     r"(?:\s+[\w'’.-]+){0,3}\s*)$")
_FUNCTION = frozenset("of the a an and in on to for with at by from or".split())
_TITLED = re.compile(r"\b(?:titled|entitled)\s+[\"“]?((?:[A-Z][\w'’-]*[:,]?\s+"
                     r"(?:(?:of|the|a|an|and|in|on|to|for|with|at|by|from|or)\s+)*)*[A-Z][\w'’-]*)")
_ITALIC = re.compile(r"(?<![\w*_])_([A-Z][^_\n]{1,80})_(?![\w_])")
#: Lower-case heads that make the capitalised run before them a law, programme or project.
LAW_NOUNS = frozenset("""law laws act bill bills legislation regulation regulations rule rules reform reforms
    pledge pledges pipeline pipelines program programs programme programmes project projects amendment
    treaty doctrine standard standards mandate ordinance initiative scheme""".split())
#: Capitalised heads of built places: a name that ends with one ("Oxford Circus", "Ducal Palace") or
#: whose possessive stands before one ("St Mark's Square") names a landmark, not an actor.
LANDMARK_HEADS = frozenset("""square circus arch palace basilica cathedral abbey bridge street avenue boulevard plaza
    airport station stadium arena mall tower towers""".split())
_BEFORE_LANDMARK = re.compile(r"['’]s\s+([A-Z][a-z]+)\b")


def _landmark(s: Span, text: str, lex: Lexicon) -> bool:
    """A name of a built place: its last word is a landmark head, or its possessive stands before one;
    never a person's name that starts with a given name ("John Tower")."""
    if s.type not in ("person", "single") or s.titles or s.honorific or _fold(s.names[0]) in lex.given:
        return False
    if len(s.names) >= 2 and _fold(s.names[-1]) in LANDMARK_HEADS:
        return True
    m = _BEFORE_LANDMARK.match(text, s.end)
    return m is not None and _fold(m.group(1)) in LANDMARK_HEADS


_COUNT = re.compile(r"(?i:\b(?:(?!(?:19|20)\d\d\b)\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|"
                    r"eleven|twelve|twenty|thirty|forty|fifty|dozens|hundreds|thousands|scores|several|a\s+(?:handful|"
                    r"dozen|couple|few|number|pair)|a\s+few)\s+(?:of\s+(?:the\s+)?)?)$")


def storm_names(text: str, lex: Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, folded word) of each storm name: a known given name after a storm word."""
    out = []
    for m in _STORM.finditer(text):
        for w in re.finditer(_NAME, m.group(1)):
            if _fold(w.group()) in lex.given:
                out.append((m.start(1) + w.start(), m.start(1) + w.end(), _fold(w.group())))
    return out


def case_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of court cases written "X v. Y": the parties are no mentions there."""
    return [m.span() for m in _CASE.finditer(text)]


def residue_ranges(text: str) -> list[tuple[int, int]]:
    """Cashtags, handles, hashtags and link hashes (a digit and mixed case in 8-12 letters) of embedded
    posts, and capital letters inside words or measures ("T-shirts", "3°F", "(R)")."""
    return [m.span() for m in _HANDLE.finditer(text)] + [m.span() for m in _LETTER.finditer(text)] + [
        m.span() for m in _TOKEN.finditer(text) if re.search(r"\d", m.group()) and re.search(r"[a-z]", m.group())
        and re.search(r"[a-z\d][A-Z]", m.group())]


def _title_case(phrase: str) -> bool:
    words = re.findall(r"[\w'’-]+", phrase)
    return 1 <= len(words) <= 8 and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _FUNCTION or w[:1].isdigit() for w in words)


def _nickname(phrase: str, lex: Lexicon, surnames: set) -> bool:
    """A quoted Title-case phrase with an everyday word in it ("Lyin' Joe", "The Iron Lady"; a dictionary
    word or one with a dropped g: "Lyin'") that is no given name, title or surname of the article's
    people, and no organisation head word: a name alone in quotes ('known as "Guccifer"', 'as "Mr.
    Smith"') and an organisation's name ('a group called "Citizens for Fair Rent"') stay names."""
    words = re.findall(r"[\w'’-]+", phrase)
    return _title_case(phrase) and not any(_fold(w.strip("'’")) in lex.org_words for w in words) and any(
        (w.endswith(("in'", "in’")) or is_common(w, lex) or _fold(w) in dictionary_words())
        and w.lower() not in _FUNCTION and (_fold(w),) not in lex.titles
        and _fold(w) not in lex.given and _fold(w) not in surnames for w in words)


def title_ranges(text: str, lex: Lexicon, surnames: set = frozenset()) -> list[tuple[int, int]]:
    """Titles of works and nicknames: a quoted nickname after a naming word (`_nickname`), a Title-case
    run after "titled"/"entitled", a Title-case phrase in Markdown italics."""
    out = [m.span(1) for m in _QUOTED.finditer(text)
           if _nickname(m.group(1), lex, surnames) and _NAMING.search(text, max(0, m.start() - 60), m.start())]
    out += [m.span(1) for m in _TITLED.finditer(text)]
    out += [m.span(1) for m in _ITALIC.finditer(text) if _title_case(m.group(1))]
    return out


def _modifies_law_noun(s: Span, text: str) -> bool:
    """The span is followed by a law or programme head noun, after at most two lower-case modifiers
    that are neither function words nor verb or plural forms ("oil pipeline"; not "signed legislation")."""
    m = re.match(r"((?:\s+[a-z][a-z-]*){1,3})\b", text[s.end:])
    if not m or text[s.end - 2:s.end] in ("'s", "’s"):
        return False
    words = m.group(1).split()
    at = next((k for k, w in enumerate(words) if w in LAW_NOUNS), None)
    return at is not None and not any(w in _FUNCTION or w.endswith(("ed", "s")) for w in words[:at])


def _counted_group(s: Span, text: str) -> bool:
    """A party group's plural after a count ("Two Democrats", "Dozens of Republicans")."""
    return s.type == "entity" and s.entry is not None and s.entry.kind == "group" \
        and _COUNT.search(text, max(0, s.start - 30), s.start) is not None


def _country(s: Span) -> bool:
    return s.type == "entity" and s.entry is not None and s.entry.kind in ("country", "metonym")


#: Endings of English adjectives made from names ("Islamic", "Hispanic", "Kafkaesque"). Not "-ian" /
#: "-ean": "Orwellian" looks like a demonym ("the Moldavian town"), which may name a state the
#: article never names otherwise; not "-ist": surnames end so ("Quist", "Lindquist").
_ADJECTIVE_ENDINGS = ("ic", "esque")


def attributive_adjectives(spans_by_sent: list[list[Span]], texts: list[str], lex: Lexicon,
                           surnames: set | frozenset = frozenset()) -> set[str]:
    """Folded dictionary words with an adjective's ending that the article only ever writes between
    lower-case words ("radical Islamic ideology", "a Kafkaesque process"), alone or as the last
    word of a capitalised run that starts a sentence ("Radical Islamic groups …"): adjectives made
    from a name, not actors. Never a given name ("Christian") or a surname of the article's full
    names (``surnames``), never a word the CMU dictionary does
    not know (so no surname such as "Kostelic"), never a demonym (of a gazetteer country, or of a name the article uses: "the Moldavian town"
    when it names Moldavia), never an outlet's name ("a Guardian article")."""
    uses: dict[str, bool] = {}
    for k, spans in enumerate(spans_by_sent):
        text = texts[k]
        for s in spans:
            if s.type not in ("single", "person") or s.titles or s.honorific or s.said:
                continue
            w = _fold(s.names[-1])
            if not w.endswith(_ADJECTIVE_ENDINGS) or w in lex.given or w in surnames or w not in dictionary_words() \
                    or outlets().canonical(s.names[-1]):
                continue  # "a Guardian article", "published by Grist": an outlet's name
            first_word_only = len(s.names) == 1 or (len(s.names) == 2 and s.sentence_start)
            nxt = re.match(r"\s+([a-z][a-z-]*)", text[s.end:s.end + 30])
            after = nxt is not None and nxt.group(1) not in lex.stop  # a noun follows, not "and", "is"
            before = s.sentence_start or re.search(r"[a-z]\s+$", text[max(0, s.start - 3):s.start]) is not None
            uses[w] = uses.get(w, True) and first_word_only and after and before
    found = {w for w, only in uses.items() if only}
    if found:  # "the Moldavian town" when the article names Moldavia: a demonym, which joins the country
        words = {_fold(n): n for spans in spans_by_sent for s in spans if s.type in ("single", "person", "entity")
                 for n in (s.names or ([s.entry.actor] if s.entry is not None and s.entry.actor else []))}
        found -= set(_demonyms(words))
    return found


def drop_non_actors(spans_by_sent: list[list[Span]], texts: list[str], lex: Lexicon) -> set[str]:
    """Remove the spans the rules above mark as no actor (in place); return the folded storm names,
    which are no actor wherever the article uses them alone."""
    storms: set[str] = set()
    laws: set[str] = set()
    known = {_fold(s.names[-1]) for spans in spans_by_sent for s in spans  # surnames of full names
             if s.type == "person" and len(s.names) >= 2 and _fold(s.names[0]) in lex.given}
    for k, spans in enumerate(spans_by_sent):
        text = texts[k]
        found = storm_names(text, lex)
        storms |= {w for _, _, w in found}
        ranges = [(a, b) for a, b, _ in found] + case_ranges(text) + residue_ranges(text)
        titles = title_ranges(text, lex, known)  # a country named in a title is still the country ("Made in the USA")
        for s in spans:
            if s.type in ("person", "single") and _modifies_law_noun(s, text) and not s.titles and not s.honorific \
                    and (len(s.names) >= 2 or "-" in s.names[0]) \
                    and not any(_fold(w) in lex.given or _fold(w) in known for w in s.names):
                laws.add(_fold(" ".join(s.names)))  # "the Yale program": one capitalised word may be an organisation's
        spans[:] = [s for s in spans if not any(a < s.end and s.start < b for a, b in ranges)
                    and not (not _country(s) and any(a < s.end and s.start < b for a, b in titles))
                    and not _counted_group(s, text) and not _landmark(s, text, lex)]
    adjectives = attributive_adjectives(spans_by_sent, texts, lex, known)
    if laws or adjectives:
        for spans in spans_by_sent:
            spans[:] = [s for s in spans if not (s.type in ("person", "single") and (
                _fold(" ".join(s.names)) in laws or _fold(s.names[-1]) in adjectives))]
    return storms
