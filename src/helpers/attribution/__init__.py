"""Who speaks: direct quotes and reported speech, with their speakers.

`find_quotes(sentences, mentions)` reads the sentences table paragraph by paragraph and returns
the quotes table of the contract (speaker, cue, content, sent_id, direct) plus columns that let a
reader trace every row back to the text:

- ``speaker_surface``: the words naming the speaker as written ("Mr. Trump", "he", "a spokesman").
- ``start``/``end``: character offsets of the content; ``start`` in the text of the first sentence
  (``sent_id``), ``end`` in the text of the last sentence (``sent_ids[-1]``), end exclusive.
- ``sent_ids``: every sentence the content touches (``|``-joined ids, e.g. ``"3|4|5"``).
- ``speaker_sent_id``, ``speaker_start``, ``speaker_end``: where the speaker's words are
  (offsets inside that sentence's text; -1 when there are none).
- ``kind``: ``direct`` (quotation marks and a speech frame), ``continuation`` (a quote that follows
  another quote of the same speaker without a frame of its own), ``reported`` (“X said that …”,
  “…, X said.”), ``mixed`` (a partial quotation inside the speaker's sentence: “… would be “a very
  difficult thing to do,” he said”), ``according`` (“according to X”), ``belief`` (“X believes …”),
  ``stance`` (a position, intention or evaluation: “X endorsed Cruz”, “X wants to win”, “X called
  for an inquiry”, “…, calling him a liar”), ``evidence`` (“a poll found that …”), ``colon`` (a
  headline or transcript line “Warren: Trump Is a ‘Proven Failure’”), ``partial`` (the words in
  quotation marks inside a ``reported``, ``mixed``, ``according`` or ``belief`` row, or inside a
  ``stance`` row whose cue is an act of speech, ``speakers.NAMING_CUES``: “Cruz said he had “areas
  of significant disagreement” with Trump” gives the reported row and a ``partial`` row “areas of
  significant disagreement”, direct, same speaker and cue, right after it; “Cruz called Trump a
  “pathological liar”” gives the stance row and a ``partial`` row “pathological liar”). ``stance``
  and ``evidence`` rows are attributions but not speech: filter on ``kind`` to count only what
  people said (and leave out ``partial`` to count each statement once).
  Stand-alone quotations with no speaker are left out.

Rules, in order, without a parser:
1. Quotation marks (curly “…” or straight "…") are paired within a paragraph; an opening mark with
   no closing one runs to the paragraph end (the newspaper convention for quotes continued in the
   next paragraph). A quotation is a *direct quote* when a speech frame touches it: after it
   (“…,” Mr. Rutte added. / “…,” said Mr. X) or before it (Mr. X said: “…”), or when it stands
   alone right after another quote of the same paragraph (continuation, same speaker). Also
   direct: a quotation that opens a paragraph after one ending in a frame and a colon ("Cruz
   continued:"), a reported statement or colon line whose content is one whole quotation ("The
   deputy mayor, Piet Halloran, said: “…”", "Continued Halloran: “…”"), and a quotation framed
   before by a subject with an appositive ("X, a spokeswoman for Y, said in a statement: “…”").
   An opening mark typed for a closing one ("…,“ said X") closes the quotation. Short
   quotations inside a sentence are not direct quotes by themselves: they are ``partial`` rows of
   the statement or naming stance around them ("calling him a “dictator”"), and nothing when no
   frame has them (scare quotes: "the so-called “reform”"; docs/annotation-actors.md).
2. Reported speech: a speech cue from ``data/speech_verbs.txt`` with a noun phrase right before it
   (skipping auxiliaries and adverbs: "has also insisted") and content after it (after "that" if it
   comes within a few words: "said afterward that …"; after the listener for "told reporters that
   …"), or content before it ("The deal is dead, he said."), or on both sides of an insertion
   ("The deal, he said, is dead.").
   A frame inside a relative clause (“The war, which Mr. X had said he could end in a day, is …”)
   or an opening subordinate clause (“When a reporter asked X whether …, X declined”) keeps its
   content to that clause. An insertion may hold an earlier attribution in its first part.
   Speakers may be "who"/"which" after a noun phrase (the name is that phrase), the subject of a
   participle clause (“…, saying …”, “by saying …”), or a title-case headline subject (“X Says …”).
   Between speaker and cue the rules skip auxiliaries, adverbs, "here", a comma-enclosed sentence
   adverb ("officials, however, said") and a parenthesis ("Rep. X (D-Ore.) said"); a speaker may
   carry a long appositive ("X, the owner of … who …, says") or follow a description that opens the
   clause ("A spokeswoman, Anna Kessel, said …": the subject, never an inverted frame); a cue
   coordinated with an earlier verb ("Twitter reported …, and said it …") takes the sentence
   subject; after an inverted cue a pronoun is a speaker only at the clause end ("…, said he."),
   not in "said they believed …".
   Curly and straight quotation marks pair with each other (mixed typing).
3. "according to X": content is the rest of the clause; an attribution inside it ("X told her
   that …, according to Y") is kept as well (nested, as PolNeAR annotates it). Stance and evidence cues
   (``data/speech_verbs.txt``) take the rest of the clause after the verb as content, however
   short; not after a form of "be" (passive) or a possessive/determiner (“his support”).
4. A paragraph opening with a capitalised name and a colon is a headline/transcript attribution.
5. The speaker is the actor of the mention (from the mentions table) that covers the head word of
   the speaker phrase (its last word; before an appositive's comma, the name: "Erik Grafe, an
   attorney with Earthjustice"); a pronoun with no actor gives speaker ""; a phrase with no
   mention gives its surface ("a White House spokesman"). A document or publication ("a Homeland
   Security memo", "a complaint filed by the SEC") speaks for the actor named in or after it, else
   it is no speaker (kind ``evidence``); a definite one with no author ("The report itself says")
   speaks for the author named at the latest earlier use of its head word ("IPCC report authors …",
   five sentences back at most). An unresolved "it" of a speech frame is the organisation or
   country named first in the nearest of the two sentences before the quote. A definite
   description of a person naming nobody ("The Republican", "the 34-year-old mother of three";
   ``data/person_nouns.txt`` and the person titles of ``data/titles.txt``) is the first person
   named outside quotation marks earlier in its sentence, else in the nearest of the two before.
6. Also frames: "as X put it" (the words after it when a comma follows, else the clause before it)
   and a credit line after a quotation ("“…” ― Name").

Measured on PolNeAR dev (see ``helpers.evaluation.attribution``).
References: Newell, Margolin & Ruths (2018), "An Attribution Relations Corpus for Political News",
LREC (PolNeAR); Asr, Mazraeh, Lopes et al. (2021), "The Gender Gap Tracker", PLoS ONE 16(1)
(quote extraction rules and reporting verbs); Pareti (2016), "PARC 3.0", LREC.

Modules, by stage: `lexicon` (tokens, word lists, paragraphs, noun phrases), `frames` (quotation
spans and the speech frames that touch them), `reported` (reported speech, "according to", stance
and evidence cues), `direct` (direct quotes, continuations, colon headlines), `speakers` (from a
speaker phrase to an actor) and `table` (`find_quotes`, the quotes table).
"""

from .lexicon import EXTRA_COLUMNS, document_nouns, speech_verbs
from .table import find_quotes

__all__ = ["EXTRA_COLUMNS", "document_nouns", "find_quotes", "speech_verbs"]
