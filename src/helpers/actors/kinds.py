"""Pass 4: an actor that the article itself shows to be a company or a platform gets kind "organization";
one it shows to be a state (its ministers, government, embassy, capital) gets kind "country".

A name with no sign of a person keeps kind "other" ("Quillfeed", "Harrow Stanley"); the article often
says more: a corporate suffix ("Lumora Inc.", "Harrow Stanley & Co."), its shares ("shares of
Lumora", "Lumora's stock"), its officers ("chief executive of Quillfeed", "Quillfeed's founder",
"Quillfeed CEO"), a noun of business in apposition ("Quillfeed, the messaging platform,", "the
messaging platform Quillfeed") or its domain name ("quillfeed.com"). These are phrases of English
news style, not names: no list of companies is involved. Evidence only changes kinds "other" and a
"person" that nothing but "said" made one (a lone word: "Quillfeed said in a statement"); a name with
a title, honorific, given name or pronoun stays a person.

States the gazetteer does not know (a new state, a fictional one in a teaching text, a transliteration)
are shown the same way: "Korvenia's foreign minister", "the Korvenian government" (via the demonym, which
already joins the name), "Prime Minister Aron Keel of Korvenia", "the government of Korvenia", "the
embassy of Korvenia", "neighbouring Korvenia". Organisation evidence wins where both are found.
"""
from __future__ import annotations

import re

from .language import _fold
from .people import Person
from .spans import Span

#: Nouns of business that, in apposition or before a name, say the name is an organisation.
BUSINESS_NOUNS = (r"company|companies|firm|platform|network|start-?up|website|site|app|retailer|airline|carrier|"
                  r"bank|insurer|brand|chain|conglomerate|corporation|manufacturer|maker|publisher|broadcaster|"
                  r"giant|operator|developer|provider|lender|subsidiary|automaker|carmaker|supplier|exchange")
_NP_END = r"(?=\s*(?:[,.;:)—–]|$|\s(?:that|which|whose|based|in|of|for|with|and|owned|founded|behind|said)\b))"
#: Right after a mention (``text[end:]``): a suffix, its shares, its officers, an apposition.
_AFTER = re.compile(
    r"(?:\s*,?\s*(?:&\s*Co\.|Inc\b|Corp\b|LLC\b|L\.L\.C\.|Ltd\b|PLC\b|plc\b|GmbH\b|AG\b|N\.V\.|S\.A\.))"
    r"|(?:(?:'s|’s|')?\s+(?:shares|stock|shareholders|stockholders|subscribers|users|customers|"
    r"board of directors|chief executive|chief executive officer|CEO|co-?founder|founder|parent company|"
    r"subsidiary|website|app)\b)"
    rf"|(?:,\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?(?:{BUSINESS_NOUNS}){_NP_END})"
)
#: Right before a mention (``text[:start]``): "shares of", "the chief executive of", "the messaging platform".
_BEFORE = re.compile(
    r"(?:\b(?:shares|stock|stake)\s+(?:of|in)\s+$)"
    r"|(?:\b(?:chief executive|chief executive officer|CEO|co-?founder|founder|chairman|chairwoman|owner|"
    r"shareholders|users|subscribers|customers)\s+of\s+$)"
    rf"|(?:\b(?:the|a|an)\s+(?:[\w-]+\s+){{0,2}}?(?:{BUSINESS_NOUNS})\s+$)",
    re.IGNORECASE,
)
_DOMAIN = r"\b{}\.(?:com|net|org|io|co|ai|app)\b"


#: Offices and organs only a state has.
_STATE_ORGANS = (r"(?:foreign|prime|defen[cs]e|interior|finance|home|trade|justice|health)\s+minister|"
                 r"government|parliament|army|armed\s+forces|navy|embassy|ambassador|"
                 r"border|borders|central\s+bank|head\s+of\s+state")
_STATE_AFTER = re.compile(rf"(?:'s|’s)\s+(?:new\s+|former\s+|own\s+)?(?:{_STATE_ORGANS})\b"
                          r"|\s+(?:government|embassy|parliament)\b", re.IGNORECASE)
_STATE_BEFORE = re.compile(
    rf"(?:\b(?i:the|its|their)\s+(?:{_STATE_ORGANS}|capital|constitution)\s+(?:of|to)\s+$)"
    r"|(?:\b(?:Prime\s+Minister|President|King|Queen|Chancellor|Foreign\s+Minister)\s+(?:[A-Z][\w'’.-]+\s+){1,3}of\s+$)"
    r"|(?:\b[Nn]eighbou?ring\s+$)|(?:\bborders?\s+with\s+$)|(?:\b[Ii]nvasion\s+of\s+$)"
)


def country_evidence(spans_by_sent: list[list[Span]], texts: list[str]) -> set[str]:
    """Actors (canonical names) of kind "other" that a phrase next to one of their mentions shows to
    be states ("Korvenia's foreign minister", "Prime Minister Aron Keel of Korvenia")."""
    return _evidence(spans_by_sent, texts, _STATE_AFTER, _STATE_BEFORE)


def _evidence(spans_by_sent: list[list[Span]], texts: list[str], after: re.Pattern, before: re.Pattern,
              also=None) -> set[str]:
    """Actors of an open kind (`_open_kind`) with a mention that ``after`` matches right after or
    ``before`` finds right before (60 characters), or for which ``also(span)`` is true."""
    found: set[str] = set()
    for spans in spans_by_sent:
        for s in spans:
            if not _open_kind(s) or s.actor in found:
                continue
            text = texts[s.sent]
            if after.match(text, s.end) or before.search(text[max(0, s.start - 60):s.start]) or (also and also(s)):
                found.add(s.actor)
    return found


def _open_kind(s: Span) -> bool:
    """True when the span's kind is open to evidence: "other", or "person" from nothing but "said"."""
    if s.type not in ("single", "person") or not s.actor:
        return False
    if s.kind == "other":
        return True
    return s.kind == "person" and s.type == "single" and not isinstance(s.cluster, Person) and not s.honorific


def organisation_evidence(spans_by_sent: list[list[Span]], texts: list[str]) -> set[str]:
    """Actors (canonical names) of kind "other" (or "person" by "said" alone) that a phrase next to
    one of their mentions, or a domain name in the article, shows to be organisations."""
    article = "\n".join(texts)

    def domain(s: Span) -> bool:
        compact = re.sub(r"[^a-z0-9]", "", _fold(s.actor))
        return len(compact) >= 4 and re.search(_DOMAIN.format(re.escape(compact)), article, re.IGNORECASE) is not None

    return _evidence(spans_by_sent, texts, _AFTER, _BEFORE, domain)


def apply_organisation_evidence(spans_by_sent: list[list[Span]], texts: list[str]) -> None:
    """Set kind "organization" on every open mention of the actors `organisation_evidence` finds."""
    orgs = organisation_evidence(spans_by_sent, texts)
    states = country_evidence(spans_by_sent, texts) - orgs
    if not orgs and not states:
        return
    for spans in spans_by_sent:
        for s in spans:
            if s.actor in orgs and _open_kind(s):
                s.kind = "organization"
            elif s.actor in states and _open_kind(s):
                s.kind = "country"
