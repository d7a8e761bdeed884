"""Speaker classes seen on an invented strike article (issue 12, "speakers that are not speakers"),
each on invented sentences with other names: a relative clause or a number between the subject and
the cue, a possessive description before an appositive name, a name's "of" qualifier, and an
inverted frame after a clause with commas."""
from __future__ import annotations

import pytest

from helpers import actors, attribution, text
from helpers.article import Article


def speakers(*paragraphs: str) -> list[tuple[str, str]]:
    """(speaker, kind) of every quote row of an invented article, in order."""
    sents = text.sentences(Article(paragraphs=list(paragraphs)))
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    return list(zip(quotes["speaker"], quotes["kind"]))


@pytest.mark.parametrize("paragraph, speaker", [
    # a relative clause (holding a number with a thousands separator) between subject and cue
    ("The Ferry Workers' Guild, which represents about 12,500 porters, said the strike would go on.",
     "Ferry Workers' Guild"),
    ("Senator Ilse Marnow, who chairs the transport panel, said the vote would be delayed.", "Ilse Marnow"),
    # a possessive description before the appositive name
    ("Orvik Freight said it had made a fair offer. Its chief executive, Tobias Rehn, said the union was stalling.",
     "Tobias Rehn"),
    ("Ostmark offered to mediate. Its foreign minister, Greta Vill, said talks could start next week.", "Greta Vill"),
    # a name's "of" qualifier is where the person is from, not the speaker
    ("Prime Minister Aron Sepp of Korvenia said the talks had failed.", "Aron Sepp"),
    ("Senator Ilse Marnow of Ostmark said the vote would be delayed.", "Ilse Marnow"),
    # an inverted frame after a clause with commas and numbers
    ("In 2024, 1,200 people left, 300 came back, said Greta Vill, the mayor.", "Greta Vill"),
])
def test_the_speaker_is_the_head_of_the_subject(paragraph, speaker):
    got = speakers(paragraph)
    assert got and got[-1][0] == speaker, got


def test_an_organisation_of_name_keeps_its_name():
    assert speakers("The Bank of Ostmark said it would cut rates.")[0][0] == "Bank of Ostmark"


@pytest.mark.parametrize("paragraph, speaker", [
    # "told X": X is the one spoken to
    ("“The port is closed,” Tobias Rehn, the chief executive of Orvik Freight, told The Harbour Gazette.",
     "Tobias Rehn"),
    # a stance cue's object is never an inverted speaker
    ("Greta Vill, the veteran activist who founded the Porters' Guild, has endorsed Senator Ilse Marnow for mayor.",
     "Greta Vill"),
    # a name after the cue that opens a longer clause is its subject, not the speaker
    ("The mayor, Greta Vill, said Marnow, her deputy, would lead the talks.", "Greta Vill"),
])
def test_a_name_after_the_cue_is_not_always_the_speaker(paragraph, speaker):
    got = speakers(paragraph)
    assert got and got[0][0] == speaker, got


def quote_rows(*paragraphs: str) -> list[tuple[str, str, str]]:
    """(speaker, kind, content) of every quote row of an invented article, in order."""
    sents = text.sentences(Article(paragraphs=list(paragraphs)))
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    return list(zip(quotes["speaker"], quotes["kind"], quotes["content"]))


def speaker_of(rows, words: str) -> list[str]:
    """Speakers of the direct rows whose content is ``words`` (without end punctuation)."""
    return [s for s, kind, content in rows if kind in ("direct", "partial", "continuation")
            and content.rstrip(".,") == words]


@pytest.mark.parametrize("paragraph, speaker, words", [
    # a stance cue after a relative clause holding a form of "be" (not a passive)
    ("Osk Varga, who is running for reelection this year, praised Mira Tenn for showing "
     "“the courage of her convictions.”", "Osk Varga", "the courage of her convictions"),
    # an insertion between commas before "that"
    ("Instead of answering, Piet Halloran insisted, with a hand on his heart, that he cared “deeply,” and left.",
     "Piet Halloran", "deeply"),
    # a modifier in -ing between capitalised words of an inverted frame
    ("“The vote was rushed,” said Transport ranking Democrat Ilse Marnow (D-Ost.).", "Ilse Marnow",
     "The vote was rushed"),
    # a participle clause after a subject whose verb is no speech verb
    ("Bishop Arvo Kettil made clear that the visit was private, saying critics should “look elsewhere.”",
     "Arvo Kettil", "look elsewhere"),
])
def test_speaker_of_a_quote_across_an_insertion(paragraph, speaker, words):
    rows = quote_rows(paragraph)
    assert speaker_of(rows, words) == [speaker], rows


@pytest.mark.parametrize("paragraphs, words, speaker", [
    # the outlet relays what its source said: the words are the source's, once
    (["Tomas Vell has since explained his remark, noting at a town hall that he did not mean it as "
      "“an insult to anyone,” the Harbour Gazette reported."], "an insult to anyone", "Tomas Vell"),
    (["Bishop Arvo Kettil made clear that the visit was private, saying that critics should "
      "“look elsewhere,” according to Radio Ostmark."], "look elsewhere", "Arvo Kettil"),
    # and the quotation that continues them in the next sentence follows the same speaker
    (["Mira Tenn defended the levy, noting that “it pays for the ferries,” the Harbour Gazette reported. "
      "“And nobody has offered another way.”"], "And nobody has offered another way", "Mira Tenn"),
])
def test_nested_statements_give_quoted_words_to_the_inner_speaker(paragraphs, words, speaker):
    rows = quote_rows(*paragraphs)
    assert speaker_of(rows, words) == [speaker], rows


def test_a_relayed_statement_keeps_its_outlet_row():
    """The outer statement stays in the table (the outlet did report it); only the quoted words
    are not given to it twice."""
    rows = quote_rows("Tomas Vell has since explained his remark, noting at a town hall that he did not mean it "
                      "as “an insult to anyone,” the Harbour Gazette reported.")
    assert ("Harbour Gazette", "mixed") in [(s, k) for s, k, _ in rows]


@pytest.mark.parametrize("paragraph, speaker, words", [
    # the -ing form of any speech verb of the list, before "that"
    ("“The levy was rushed,” Ana Ruiz said, remarking that while there are “still some voters angry,” "
     "the council had acted.", "Ana Ruiz", "still some voters angry"),
    ("Tomas Vell spoke for an hour, conceding that the plan “went too far.”", "Tomas Vell", "went too far"),
    # a possessor and a noun of speech
    ("The Mine Guild is unlikely to back Ana Ruiz after her March comment that, “We are going to close "
     "a lot of mines.”", "Ana Ruiz", "We are going to close a lot of mines"),
    ("Tomas Vell's claim the “port will close in twelve years” should surprise nobody.", "Tomas Vell",
     "port will close in twelve years"),
])
def test_speaker_of_a_statement_named_by_a_participle_or_a_noun(paragraph, speaker, words):
    rows = quote_rows(paragraph)
    assert speaker_of(rows, words) == [speaker], rows


def test_a_participle_of_another_verb_is_no_statement():
    """"pointing to" and "continuing to" are no speech; only "pointing out that …" style uses are."""
    rows = quote_rows("Ana Ruiz left early, pointing to the “broken promises” of the council.")
    assert not [r for r in rows if r[1] == "reported"], rows


def test_a_participle_after_a_described_subject_and_never_inverted():
    """"The mayor spoke …, conceding that …": the description is the speaker (and resolves to the
    person named before); "…, saying nothing" has no speaker after the participle."""
    rows = quote_rows("Mayor Ana Ruiz faced the council on Monday. The mayor spoke for an hour, conceding that "
                      "the plan “went too far.”")
    assert speaker_of(rows, "went too far") == ["Ana Ruiz"], rows
    assert quote_rows("The harbour plan failed, saying nothing about the ferries.") == []


def test_a_participle_clause_opening_the_sentence_takes_the_subject_after_it():
    rows = quote_rows("Ana Ruiz wrote about the storm in her memoir. After saying the harbour was “lost for a "
                      "decade,” she called for a new sea wall.")
    assert speaker_of(rows, "lost for a decade") == ["Ana Ruiz"], rows
    # its content is the opening clause, not the sentence it opens
    assert [c for s, k, c in rows if k == "reported"] == ["the harbour was “lost for a decade,”"], rows


@pytest.mark.parametrize("paragraph, words, speaker", [
    # British and tabloid style: quotations in single marks, curly or straight
    ("‘We will not back down,’ said Ana Ruiz, the union leader.", "We will not back down", "Ana Ruiz"),
    ("Tomas Vell said: 'The workers' rights come first, and we don't bargain them away.'",
     "The workers' rights come first, and we don't bargain them away", "Tomas Vell"),
    ("'It is a reckless gamble', Mira Tenn said of the strike.", "It is a reckless gamble", "Mira Tenn"),
])
def test_quotations_in_single_marks(paragraph, words, speaker):
    rows = quote_rows(paragraph)
    assert speaker in speaker_of(rows, words), rows


def test_single_marks_inside_a_quotation_or_as_apostrophes_stay():
    from helpers.attribution.lexicon import single_quotes_as_double

    nested = "“He never said ‘back of the queue’ to us,” Ana Ruiz said."
    assert single_quotes_as_double(nested) == nested
    plain = "In the '90s the workers' union told 'em they'd won."
    assert single_quotes_as_double(plain) == plain
    assert quote_rows("Ana Ruiz said the '90s were hard for the workers' union.")[0][1] == "reported"


def test_a_stand_alone_quotation_continues_the_statement_before_it():
    rows = quote_rows("Piet Halloran, the former chairman, told the council on Monday that the levy was fair. "
                      "“It might just pass.” “Nobody can stop it now.” The council met later.")
    assert speaker_of(rows, "It might just pass") == ["Piet Halloran"], rows
    assert speaker_of(rows, "Nobody can stop it now") == ["Piet Halloran"], rows
    # not after a sentence with no statement in it
    rows = quote_rows("Ana Ruiz said the levy was fair. The council met on Monday. “It will pass.”")
    assert speaker_of(rows, "It will pass") == [], rows


def test_doubled_apostrophes_as_quotation_marks_close_at_the_sentence_end():
    """The archive style ''…'': a closing pair ends its sentence ("''Can we win?'' Mr. X asked.")."""
    rows = quote_rows("''Can we win the port vote?'' Mr. Halloran asked. ''I do not know. But we can make them spend.''")
    assert speaker_of(rows, "Can we win the port vote?") == ["Halloran"], rows
    assert speaker_of(rows, "I do not know. But we can make them spend") == ["Halloran"], rows


def test_reads_frames_a_document_and_an_editorial_is_its_papers():
    rows = quote_rows("“There are clams with more spine than Senator Ilse Marnow,” reads a Wednesday editorial "
                      "in the Harbour Gazette.")
    assert speaker_of(rows, "There are clams with more spine than Senator Ilse Marnow") == ["Harbour Gazette"], rows
    # a noun, not a cue: no statement, and no reported speech of "reads the paper"
    assert quote_rows("One of his recent reads, “The Long Tide,” by Ana Ruiz, drove that point home.") == []
    assert quote_rows("Tomas Vell reads the Harbour Gazette every day.") == []


@pytest.mark.parametrize("paragraph, speaker, words", [
    # a name opening the clause with lower-case modifiers in it, not the verb after it
    ("Band member Piet Halloran shared the news last week, writing “Feels great to support the crews.”",
     "Piet Halloran", "Feels great to support the crews"),
    ("Harbour presidential candidate Ana Ruiz quickly took to the radio, saying that the levy was "
     "“a disaster for the ferries.”", "Ana Ruiz", "a disaster for the ferries"),
    ("Ruiz threw her support behind Vell on Wednesday, saying it is time for “a captain in the town hall.”",
     "Ruiz", "a captain in the town hall"),
    # a participle opening the speaker's appositive
    ("The row began after Tomas Vell, asked about the strike, had said, “The crews can wait.”", "Tomas Vell",
     "The crews can wait"),
    # "in her words"
    ("Ana Ruiz promised to stay because, in her words, “she knows the port.”", "Ana Ruiz", "she knows the port"),
])
def test_speaker_of_a_clause_with_modifiers_appositives_and_in_her_words(paragraph, speaker, words):
    rows = quote_rows(paragraph)
    assert speaker in speaker_of(rows, words), rows


@pytest.mark.parametrize("paragraph, speaker, words", [
    ("“It is fiscally responsible,” Leonard E. Burman, director of the Harbour Policy Center at Kelmar "
     "University, said.", "Leonard E. Burman", "It is fiscally responsible"),
    ("“Absolutely hate this framing,” Piet R. Halloran II, a writer for The Harbour Gazette, said on the radio.",
     "Piet R. Halloran II", "Absolutely hate this framing"),
])
def test_a_frame_after_the_quotation_with_an_appositive_between_commas(paragraph, speaker, words):
    rows = quote_rows(paragraph)
    assert speaker_of(rows, words) == [speaker], rows


def test_names_listed_after_a_quotation_are_no_appositive_frame():
    rows = quote_rows("“It is over,” Ana Ruiz, the mayor, and Tomas Vell agreed.")
    assert speaker_of(rows, "It is over") == [], rows
