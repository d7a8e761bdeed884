"""Capitalised runs that are common words, not names (run after pass 1, before people):

- **class acronyms**: an acronym the article also writes in the plural ("super PACs", "two ETFs")
  names a kind of thing; the run of it with words the article writes in lower case before it
  ("Super PAC donations …" at a sentence's start, "Super PACs, first authorized …") or its plural
  alone ("PACs") is no actor (`class_acronyms`, `_class_run`); a name that ends in it ("Our
  Principles PAC") keeps its own words;
- **words in capitals**: a run of two or more words written all in capitals that has a function
  word no name holds ("WE WIN", "IS AN EMERGENCY", "PARTY GOES ON"), starts with a function word
  ("OF ECONOMY", "TO LURE MILLENNIALS"), or is only dictionary words with no given name and no
  organisation head ("AMERICA GREAT AGAIN", "STEALING AMERICA") is a slogan, a subhead or a
  title, unless the gazetteer or the outlet list knows it ("NORTH KOREA", "USA TODAY"), a title or honorific
  makes it a person's name ("SEN. ADA BRUN"), or (for the dictionary test) it starts with a given
  name ("HILLARY CLINTON") (`_shouted`).
"""
from __future__ import annotations

import re

from ..article import outlets
from .language import Lexicon, _fold, dictionary_words, is_common

#: Function words that sit in a name ("BANK OF AMERICA", "PARTY FOR FREEDOM"), so they prove nothing.
_NAME_FUNCTION = frozenset("of the and for on in at de du la le van von".split())


def class_acronyms(texts: list[str]) -> tuple[set[str], set[str]]:
    """Acronyms the article writes in the plural ("PACs" → "PAC"), and the folded lower-case words it
    writes right before any of them ("super" of "super PACs", "a super PAC")."""
    acronyms = {m for text in texts for m in re.findall(r"\b([A-Z]{2,})s\b", text)}
    if not acronyms:
        return set(), set()
    alternatives = "|".join(sorted(map(re.escape, acronyms)))
    modifiers = {_fold(m) for text in texts for m in re.findall(rf"\b([a-z][a-z\-]+)\s+(?:{alternatives})s?\b", text)}
    return acronyms, modifiers


def _class_run(words: list[str], acronyms: set[str], modifiers: set[str]) -> bool:
    """``words`` are a class acronym or its plural, after words the article writes before it in lower case."""
    last = words[-1]
    plain = last[:-1] if last.endswith("s") and last[:-1] in acronyms else last
    return plain in acronyms and all(_fold(w) in modifiers for w in words[:-1])


def _shouted(words: list[str], lex: Lexicon) -> bool:
    """A run of two or more words in capitals that is a slogan, subhead or title (module docstring)."""
    letters = [w for w in words if any(ch.isalpha() for ch in w)]
    if len(letters) < 2 or not all(w.isupper() for w in letters):
        return False
    folded = [_fold(w).strip(".") for w in letters]
    if tuple(folded) in lex.phrases or outlets().canonical(" ".join(letters)):
        return False  # "NORTH KOREA", "USA TODAY"
    if folded[0] in lex.stop or any(w in lex.stop and w not in _NAME_FUNCTION for w in folded):
        return True  # "WE WIN", "IS AN EMERGENCY", "OF ECONOMY": a function word no name holds
    if folded[0] in lex.given or any(w in lex.org_words for w in folded):
        return False  # "HILLARY CLINTON", "NATIONAL RIFLE ASSOCIATION"
    return all(is_common(w, lex) or w in dictionary_words() for w in folded)


def drop_common_runs(spans_by_sent: list[list], texts: list[str], lex: Lexicon) -> None:
    """Remove (in place) the name spans that are class acronyms or words in capitals (module docstring)."""
    acronyms, modifiers = class_acronyms(texts)
    for k, spans in enumerate(spans_by_sent):
        keep = []
        for s in spans:
            if s.type in ("person", "single", "entity") and not s.titles and not s.honorific:
                surface = texts[k][s.start:s.end]
                words = re.findall(r"[\w'’.&-]+", surface)
                known = s.entry is not None and s.entry.kind in ("country", "metonym", "group")  # "RUSSIAN GOVERNMENT"
                if words and ((acronyms and _class_run(words, acronyms, modifiers)) or (not known and _shouted(words, lex))):
                    continue
            keep.append(s)
        spans[:] = keep
