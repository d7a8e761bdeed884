"""Speaker choice: from the words of a speaker phrase to an actor of the mentions table."""

from __future__ import annotations

import bisect
import functools
import re
from importlib import resources as importlib_resources

import pandas as pd

from .lexicon import PRONOUNS, _Para, document_nouns
from .frames import _Quote, _inner
from .direct import _has_word


#: Words after the head of a speaker phrase that start its modifier ("a schedule seen by reporters").
_POST_HEAD = frozenset("""by of from seen obtained released published filed issued sent signed posted written
    in on at with that which""".split())


#: Emphatic reflexives after a head ("the report itself"): not the head.
EMPHATIC = frozenset("itself themselves himself herself".split())


def _head_word(surface: str) -> str:
    """The head of a speaker phrase: its last word before a post-modifier ("a schedule seen by
    reporters" → "schedule", "a report from the agency" → "report"; "the report itself" → "report"),
    as written."""
    words = [w for w in re.findall(r"[\w’'\-]+", surface) if w.lower() not in EMPHATIC]
    for k, w in enumerate(words):
        if k and w.lower() in _POST_HEAD:
            return words[k - 1]
    return words[-1] if words else ""


def _document(surface: str) -> bool:
    """The speaker phrase is a document or recording ("a schedule", "the indictment", "an open letter")."""
    head = _head_word(surface)
    return bool(head) and head.lower() in document_nouns() and not head[:1].isupper()


#: Heads of speaker phrases that are publications: their author speaks through them ("a Guardian
#: article claiming …", "the campaign's web site states …"); with no author named they stay as written.
PUBLICATION_NOUNS = frozenset(
    """report reports study article articles statement release survey analysis book editorial op-ed column
    ad ads advertisement tweet tweets post blog site page press""".split())
_AUTHOR_AFTER = re.compile(r"\s*,?\s*(?:(?:filed|issued|released|published|written|signed|sent|posted|"
                           r"obtained|prepared|commissioned)\s+)?(?:by|from|of)\s+(?:(?:the|a|an)\s+)?"
                           r"(?:[\w\-]+\s+){0,2}$")


def _publication(surface: str) -> bool:
    """The speaker phrase is a publication ("a Guardian article", "the campaign's web site")."""
    head = _head_word(surface)
    return bool(head) and head.lower() in PUBLICATION_NOUNS and not head[:1].isupper()


def _author(sentence: str, a: int, b: int, surface: str, mentions) -> str:
    """The actor whose document the speaker phrase ``sentence[a:b]`` names: a mention before its head
    ("a Homeland Security memo", "the campaign's web site", "his letter"), else one right after it
    ("a complaint filed by the federal Securities and Exchange Commission", "a report from the
    GAO"); "" when there is none."""
    words = list(re.finditer(r"[\w’'\-]+", surface))
    k = next((k for k, w in enumerate(words) if k and w.group().lower() in _POST_HEAD), len(words)) - 1
    head, head_end = (a + words[k].start(), a + words[k].end()) if words else (b, b)
    inside = [m for m in mentions if a <= m[0] and m[1] <= head and isinstance(m[2], str) and m[2].strip()]
    if inside:
        return max(inside, key=lambda m: m[1])[2]
    printed = words and words[k].group().lower() in PRINTED_IN
    after = [m for m in mentions if m[0] >= head_end and isinstance(m[2], str) and m[2].strip()
             and (_AUTHOR_AFTER.fullmatch(sentence[head_end:m[0]])
                  or (printed and _PRINTED_IN.fullmatch(sentence[head_end:m[0]])))]
    return min(after, key=lambda m: m[0])[2] if after else ""


#: Pieces a publication prints: "an editorial in The Des Moines Register" is the paper's.
PRINTED_IN = frozenset("editorial editorials article column op-ed piece essay".split())
_PRINTED_IN = re.compile(r"\s+in\s+(?:(?:the|a|an|The)\s+)?")


#: Words that make a speaker phrase definite: it refers back to a document named before.
DEFINITE = frozenset("the this that".split())
#: What may stand between an author's mention and the document's head word ("a Times article",
#: "the IPCC's latest report", "a 1995 GAO study"): a possessive and at most one more word.
_AUTHOR_GAP = re.compile(r"(?:[’']s)?\s+(?:[\w\-]+\s+)?")


def _earlier_author(surface: str, sid: int, start: int, sent_text: dict, mentions_by_sent: dict,
                    back: int = 5) -> str:
    """The author of the document a definite phrase refers back to ("The report itself says …" after
    "IPCC report authors framed …"; "…,” the article read." after "a Times article hailed …"): the
    actor named (capitalised, not a pronoun) right before, or after "by"/"from", the latest earlier
    use of the same head word, in this sentence before ``start`` or in the ``back`` sentences
    before; "" when there is none or the phrase is not definite."""
    words = re.findall(r"[\w’'\-]+", surface)
    head = _head_word(surface)
    if not words or words[0].lower() not in DEFINITE or not head:
        return ""
    pattern = re.compile(rf"\b{re.escape(head)}s?\b", re.IGNORECASE)
    for k in range(sid, sid - back - 1, -1):
        sentence = sent_text.get(k, "")
        limit = start if k == sid else len(sentence)
        for hit in reversed(list(pattern.finditer(sentence, 0, limit))):
            mentions = [m for m in mentions_by_sent.get(k, ()) if isinstance(m[2], str) and m[2].strip()
                        and sentence[m[0]:m[0] + 1].isupper()]  # a name, not a pronoun ("they")
            before = [m for m in mentions if m[1] <= hit.start() and _AUTHOR_GAP.fullmatch(sentence[m[1]:hit.start()])]
            if before:
                return max(before, key=lambda m: m[1])[2]
            after = [m for m in mentions if m[0] >= hit.end() and _AUTHOR_AFTER.fullmatch(sentence[hit.end():m[0]])]
            if after:
                return min(after, key=lambda m: m[0])[2]
    return ""


@functools.lru_cache(maxsize=1)
def _person_nouns() -> frozenset[str]:
    """Heads that make "the …" a person: ``data/person_nouns.txt`` (`actors.person_nouns`) and the
    office titles of ``data/titles.txt`` that describe a person alone ("the senator", "the presumptive
    nominee"); nouns in -ist count too (`_person_head`)."""
    from ..actors.person_nouns import person_nouns

    nouns = set(person_nouns())
    data = importlib_resources.files("helpers").joinpath("data")
    for line in data.joinpath("titles.txt").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if not line.startswith("#") and len(cols) >= 4 and cols[3].strip() == "yes":
            nouns.add(cols[0].split(" of ")[0].split()[-1])  # "secretary of state": the secretary
    return frozenset(nouns)


def _person_head(word: str) -> bool:
    """``word`` (lower case) heads a description of a person (`_person_nouns`, or a noun in -ist)."""
    from ..actors.person_nouns import is_person_noun

    return word in _person_nouns() or is_person_noun(word)


def _person_description(surface: str) -> bool:
    """A singular definite description of a person that names nobody: "the 34-year-old mother of
    three", "The Republican", "the former senator" (the article means someone it named before): "the"
    and at most six more words, the head a person noun (`_person_nouns`), no comma or possessive."""
    words = re.findall(r"[\w’'\-]+", surface)
    if not 2 <= len(words) <= 7 or words[0].lower() != "the" or re.search(r"[,’']", surface):
        return False
    return _person_head(_head_word(surface).lower())


def _outside_quotes(sentence: str, pos: int) -> bool:
    """No quotation is open at ``pos`` of ``sentence``: as many curly opening as closing marks before
    it and no closing mark after it before the next opening one (a quote begun in an earlier
    sentence: "… Donald Trump offers our country,” Clinton told ABC News."), an even number of
    straight marks before it."""
    before, after = sentence[:pos], sentence[pos:]
    close, reopen = after.find("”"), after.find("“")
    closes_first = close != -1 and (reopen == -1 or close < reopen)
    return before.count("“") <= before.count("”") and not closes_first and before.count('"') % 2 == 0


#: What may stand before a sentence's subject, after a quotation it frames ("“…,” Sanders
#: responded"): only capitalised words, "the" or "former" ("Sen. X", "Former Gov. X").
_SUBJECT_PREFIX = re.compile(r"[\W]*(?:(?:[A-Z][\w.’'\-]*|the|former)\s+)*")


def _subject_prefix(prefix: str) -> bool:
    """``prefix`` (the sentence before a name) leaves the name its subject: see ``_SUBJECT_PREFIX``."""
    cut = max(prefix.rfind("”"), prefix.rfind('"'))
    return bool(_SUBJECT_PREFIX.fullmatch(prefix[cut + 1:]))


def _description_antecedent(sid: int, start: int, mentions_by_sent: dict, kinds: dict[str, str],
                            sent_text: dict, back: int = 2) -> str:
    """The person a description speaker refers back to: the subject of its sentence before it, else
    of the nearest of the ``back`` sentences before that names a person ("Cruz held his seat … The
    Republican has dismissed …"; "She said …, the 34-year-old mother of three replied"). The subject
    is the first person named (or a pronoun resolved to one) outside quotation marks, when only a
    quotation it frames, capitalised words, "the" or "former" stand before it; when that sentence's
    first person is no subject ("If it worked against Mitt Romney, …"), "" (the description stays
    as written)."""
    for k in range(sid, sid - back - 1, -1):
        sentence = sent_text.get(k, "")
        found = [m for m in mentions_by_sent.get(k, ()) if kinds.get(m[2]) == "person"
                 and (k != sid or m[1] <= start) and _outside_quotes(sentence, m[0])]
        if found:
            first = min(found, key=lambda m: m[0])
            # the subject (see _SUBJECT_PREFIX); a sentence whose subject is unnamed gives nobody
            return first[2] if _subject_prefix(sentence[:first[0]]) else ""
    return ""


def _actor_kinds(mentions: pd.DataFrame | None) -> dict[str, str]:
    """Actor → kind (`actors.actor_kinds`)."""
    from ..actors import actor_kinds

    return actor_kinds(mentions)


def _it_antecedent(first_sid: int, mentions_by_sent: dict, kinds: dict[str, str], back: int = 2) -> str:
    """Speaker "it": the organisation or country named first in the nearest of the ``back`` sentences
    before the quote (sentence ``first_sid``): "The American Petroleum Institute, a defendant in the
    case, disagreed. “…,” it said in a statement." → American Petroleum Institute; "" when none."""
    for sid in range(first_sid - 1, first_sid - 1 - back, -1):
        found = [m for m in mentions_by_sent.get(sid, ()) if kinds.get(m[2]) in ("organization", "country")]
        if found:
            return min(found, key=lambda m: m[0])[2]
    return ""


def _speaker_name(sid: int, a: int, b: int, surface: str, mentions_by_sent: dict) -> str:
    """Actor of the mention covering the head (last word; before an appositive's comma, the last
    word before it; after a lower-case description, the name's last word: "A spokeswoman, Anna
    Kessel" → Anna Kessel) of the speaker phrase, else the surface.

    ``mentions_by_sent`` is `text.mentions_by_sentence` of the mentions table. Where several
    mentions cover the head, the longest wins (the first of equally long ones).
    """
    # an appositive ("Erik Grafe, an attorney with Earthjustice"): the head ends the name before it
    cut = re.search(r"\s*[,—–]", surface)
    words = list(re.finditer(r"[\w’'\-.]+", surface[:cut.start()] if cut and cut.start() > 0 else surface))
    if cut and words and words[-1].group().islower():
        # a description before the name ("A spokeswoman, Anna Kessel"): the head is the name's last word
        after = list(re.finditer(r"[\w’'\-.]+", surface[cut.end():]))
        if 1 <= len(after) <= 4 and all(w.group()[:1].isupper() for w in after):
            head = after[-1]
            head_a, head_b = a + cut.end() + head.start(), a + cut.end() + head.end()
            covering = [m for m in mentions_by_sent.get(sid, ()) if m[0] < head_b and m[1] > head_a]
            named = [m for m in covering if isinstance(m[2], str) and m[2].strip()]
            if named:
                return max(named, key=lambda m: m[1] - m[0])[2]
    head_a, head_b = (a + words[-1].start(), a + words[-1].end()) if words else (a, b)
    of = [k for k, w in enumerate(words) if w.group() in ("of", "from") and 0 < k < len(words) - 1]
    if of and words[of[-1] - 1].group()[:1].isupper():
        # "Prime Minister Aron Keel of Korvenia", "Sen. Ana Ruiz from Ostmark": a name's "of" qualifier
        # is where the person is from; the head is the name before it, when a mention of its own covers it
        k = of[-1] - 1
        pa, pb = a + words[k].start(), a + words[k].end()
        named = [m for m in mentions_by_sent.get(sid, ()) if m[0] < pb and m[1] > pa and isinstance(m[2], str)
                 and m[2].strip() and m[1] <= a + words[of[-1]].start()]
        if named:
            return max(named, key=lambda m: m[1] - m[0])[2]
    is_pronoun = surface.strip().lower() in PRONOUNS
    covering = [m for m in mentions_by_sent.get(sid, ()) if m[0] < head_b and m[1] > head_a]
    if covering:
        actor = max(covering, key=lambda m: m[1] - m[0])[2]
        if isinstance(actor, str) and actor.strip():
            return actor
    return "" if is_pronoun else surface


#: Rows whose quotation marks inside their content give ``partial`` quote rows ("Cruz said he has
#: had "areas of significant disagreement" with Trump"): statements; of stances, see NAMING_CUES.
PARTIAL_KINDS = frozenset({"reported", "mixed", "according", "belief"})
#: Stance cues that are themselves acts of speech: naming, describing, judging aloud. The words in
#: quotation marks inside such a stance ("Cruz called Trump a "pathological liar"", "…, calling him
#: a "dictator"") are the speaker's words, so they are ``partial`` quotes too; a stance that is a
#: position or a wish ("X wants a "fair deal"", "X endorsed the "Green New Deal"") is not.
NAMING_CUES = frozenset(
    """call calls called calling dub dubs dubbed dubbing label labels labeled labelled labeling
    labelling brand brands branded branding describe describes described describing dismiss
    dismisses dismissed dismissing denounce denounces denounced denouncing condemn condemns
    condemned condemning decry decries decried decrying mock mocks mocked mocking slam slams
    slammed slamming blast blasts blasted blasting hail hails hailed hailing praise praises praised
    praising criticize criticizes criticized criticizing criticise criticises criticised
    criticising accuse accuses accused accusing urge urges urged urging exhort exhorts exhorted
    exhorting lament laments lamented lamenting attack attacks attacked attacking reject rejects
    rejected rejecting welcome welcomes welcomed welcoming applaud applauds applauded applauding
    thank thanks thanked thanking""".split()
)


def quotes_words(kind: str, cue: str) -> bool:
    """Whether quotation marks inside a row of this ``kind`` and ``cue`` are the speaker's words
    (``partial`` rows): statements always, stances only when the cue is an act of speech."""
    return kind in PARTIAL_KINDS or (kind == "stance" and cue.lower() in NAMING_CUES)


def _partials(para: _Para, q: _Quote, spans: list[tuple[int, int]], starts: list[int],
              direct: "_Intervals") -> list[tuple[int, int]]:
    """Inner offsets of the quotations that lie inside the content pieces of reported speech ``q``
    (both marks inside one piece, at least one word) and are no direct quote of their own
    (``direct``: their contents): the words the speaker is quoted with. ``spans`` are the
    paragraph's quotations in order and ``starts`` their start offsets (bisected: linear overall)."""
    out = []
    for a, b in q.pieces or [q.content]:
        for i in range(bisect.bisect_left(starts, a), len(spans)):
            span = spans[i]
            if span[0] > b:
                break
            if span[1] > b + 1:
                continue
            inner = _inner(para.text, span)
            k = bisect.bisect_right(direct.starts, inner[1] - 1) - 1
            if k >= 0 and direct.ends[k] > inner[0]:  # overlaps a direct quote
                continue
            if inner[1] > inner[0] and _has_word(para.text, inner[0], inner[1]):
                out.append(inner)
    return out
