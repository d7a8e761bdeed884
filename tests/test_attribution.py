"""Who speaks: find_quotes on the seed, an invented article, hand-built tables, and PolNeAR."""
from __future__ import annotations

import pandas as pd
import pytest

import helpers
from helpers import actors, attribution, text
from helpers.article import Article
from helpers.paths import PROJECT_ROOT, SEED_ARTICLE
from helpers.tables import COLUMNS

FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "articles" / "attribution_port_talks.txt"


def _quotes(source):
    article = source if isinstance(source, Article) else helpers.load_article(source)
    sents = text.sentences(article)
    return attribution.find_quotes(sents, actors.find_mentions(sents)), sents


@pytest.fixture(scope="module")
def seed():
    return _quotes(SEED_ARTICLE)


@pytest.fixture(scope="module")
def port():
    return _quotes(FIXTURE)


def _row(quotes, needle):
    """The one statement (not a ``partial`` row repeating its quoted words) containing ``needle``."""
    quotes = quotes[quotes["kind"] != "partial"]
    rows = quotes[quotes["content"].str.contains(needle, regex=False)]
    assert len(rows) == 1, (needle, quotes[["speaker", "content"]])
    return rows.iloc[0]


def test_columns_and_empty_input():
    out = attribution.find_quotes(pd.DataFrame(columns=COLUMNS["sentences"]), pd.DataFrame(columns=COLUMNS["mentions"]))
    assert list(out.columns[:5]) == COLUMNS["quotes"] and len(out) == 0
    assert list(out.columns[5:]) == attribution.EXTRA_COLUMNS
    assert len(attribution.find_quotes(pd.DataFrame(columns=COLUMNS["sentences"]), None)) == 0


def test_speech_verbs_file():
    verbs = attribution.speech_verbs()
    assert verbs["said"] == "speech" and verbs["wrote"] == "writing" and verbs["told"] == "object"
    assert set(verbs.values()) <= {"speech", "writing", "belief", "object", "stance", "evidence"}
    assert verbs["endorsed"] == "stance" and verbs["found"] == "evidence"
    assert "declined" not in verbs  # "declined to say" is a refusal, not a statement


def test_seed_social_media_quote_over_four_sentences(seed):
    quotes, sents = seed
    row = _row(quotes, "Vladimir, STOP!")
    assert "Trump" in row.speaker and row.cue == "wrote" and bool(row.direct)
    assert row.content.startswith("Not necessary") and row.content.endswith("DONE!")
    ids = [int(i) for i in row.sent_ids.split("|")]
    assert row.sent_id == ids[0] and len(ids) >= 2
    # offsets point at the content: start in the first sentence, end in the last
    first = sents.set_index("sent_id").loc[ids[0], "text"]
    last = sents.set_index("sent_id").loc[ids[-1], "text"]
    assert first[row.start:].startswith("Not necessary") and last[:row.end].endswith("DONE!")


def test_seed_biden_war_both_parts(seed):
    quotes, _ = seed
    mine = _row(quotes, "This isn’t my war")
    biden = _row(quotes, "It’s Biden’s war")
    assert "Trump" in mine.speaker and "Trump" in biden.speaker
    assert bool(mine.direct) and bool(biden.direct) and mine.cue == "said"
    assert biden.kind == "continuation" and biden.sent_id == mine.sent_id + 1


def test_seed_rutte_added(seed):
    quotes, _ = seed
    row = _row(quotes, "the ball is clearly in the Russian court")
    assert "Rutte" in row.speaker and row.cue == "added" and bool(row.direct)
    assert row.speaker_surface == "Mr. Rutte"


def test_seed_reported_speech(seed):
    quotes, _ = seed
    row = _row(quotes, "it had agreed to stop")
    assert "Trump" in row.speaker and row.cue == "said" and not bool(row.direct)
    assert row.content.startswith("it had agreed to stop")  # after "that"
    row = _row(quotes, "very good meeting")
    assert "Rutte" in row.speaker and not bool(row.direct)
    assert row.content.startswith("he had a “very good meeting”")  # "said afterward that"
    row = _row(quotes, "using a lot of pressure")
    assert "Trump" in row.speaker and row.cue == "claimed"


def test_seed_no_quote_from_refusals_and_naming_quotes_are_partial(seed):
    quotes, _ = seed
    # "calling him a “dictator”": a naming verb with a speaker, so the quoted word is his (partial)
    dictator = quotes[quotes["content"] == "dictator"]
    assert dictator[["speaker", "cue", "kind"]].values.tolist() == [["Trump", "calling", "partial"]]
    assert not quotes["cue"].isin(["declined", "refused"]).any()
    # the interrupted quote is not also reported as speech of its own frame
    assert (quotes["content"].str.contains("This isn’t my war", regex=False)).sum() == 1


def test_invented_article(port):
    quotes, _ = port
    first = _row(quotes, "We have been patient")
    assert first.speaker == "Ingrid Halvorsen" and first.cue == "said" and bool(first.direct)  # "…," said X
    assert first.content == "We have been patient for two years. Nobody in the capital listens"
    assert _row(quotes, "Now they will listen").speaker == "Ingrid Halvorsen"
    told = _row(quotes, "blockade was illegal")
    assert told.speaker == "Daniel Okoro" and told.cue == "told"
    assert told.content == "the blockade was illegal and would be cleared by Friday"
    # nested: the report's account holds the figures' evidence; both rows, as PolNeAR annotates them
    catch = quotes[quotes["content"].str.contains("catch fell by a third")]
    assert catch[["cue", "kind"]].values.tolist() == [["according to", "according"], ["show", "evidence"]]
    according = catch.iloc[0]
    assert according.speaker == "Coastal Research Institute"
    assert according.content == "The ministry's own figures show the catch fell by a third"
    assert catch.iloc[1].speaker_surface == "The ministry's own figures"
    she = _row(quotes, "meet again on Sunday")
    assert she.speaker == "Ingrid Halvorsen" and she.speaker_surface == "She"
    insertion = _row(quotes, "protect the fish stocks")
    assert insertion.content == "The new rules were meant to protect the fish stocks for the next generation"
    assert insertion.speaker == "Daniel Okoro"
    appositive = _row(quotes, "damage the port's reputation")
    assert appositive.speaker_surface.startswith("Harbour master Pieter Vos") and appositive.cue == "warned"
    # a description is a stance of its speaker (PolNeAR annotates "X described Y as Z"), not speech
    described = _row(quotes, "tense but calm")
    assert described.kind == "stance" and described.cue == "described" and not bool(described.direct)
    assert described.speaker_surface == "Local shop owners"
    assert not quotes["content"].str.contains("compensate").any()  # "declined to say"


def test_pronoun_speaker_resolved_through_mentions_or_empty():
    article = Article(paragraphs=["The talks failed, he said."])
    sents = text.sentences(article)
    start = sents.loc[0, "text"].index(" he ") + 1
    mentions = pd.DataFrame([{"actor": "Rafael Ortiz", "sent_id": 0, "start": start, "end": start + 2,
                              "surface": "he", "via": "pronoun"}])
    row = attribution.find_quotes(sents, mentions).iloc[0]
    assert row.speaker == "Rafael Ortiz" and row.content == "The talks failed" and row.speaker_surface == "he"
    mentions.loc[0, "actor"] = ""
    assert attribution.find_quotes(sents, mentions).iloc[0].speaker == ""
    assert attribution.find_quotes(sents, None).iloc[0].speaker == ""


def test_straight_quotes_speaker_before_and_inverted():
    article = Article(paragraphs=[
        'The mayor said: "The bridge will open in May."',
        '"It is a disgrace," said Councillor Ana Ruiz.',
        "Dr. Lee argued that the costs had doubled since 2020.",
    ])
    quotes = attribution.find_quotes(text.sentences(article), None)
    assert quotes[["speaker", "cue", "direct"]].values.tolist() == [
        ["The mayor", "said", True], ["Councillor Ana Ruiz", "said", True], ["Dr. Lee", "argued", False]]
    assert quotes["content"].tolist() == [
        "The bridge will open in May.", "It is a disgrace", "the costs had doubled since 2020"]


def test_quote_continued_in_next_paragraph():
    article = Article(paragraphs=[
        "“We will not give up,” Ms. Berg said. “The fight goes on.”",
        "“Our members voted for this strike.”",
    ])
    quotes = attribution.find_quotes(text.sentences(article), None)
    assert quotes["speaker"].tolist() == ["Ms. Berg"] * 3
    assert quotes["kind"].tolist() == ["direct", "continuation", "continuation"]


def test_polnear_dev_scores():
    from conftest import gold_or_missing_message
    from helpers.evaluation import attribution as ev

    folder = gold_or_missing_message("polnear")
    if folder is None:  # not redistributable: the missing-data message was checked instead
        return
    metrics, table = ev.evaluate(folder / "dev")
    assert metrics["task"] == "attribution" and metrics["n"] == 2193
    assert metrics["precision"] >= 0.86 and metrics["recall"] >= 0.51 and metrics["f1"] >= 0.645  # 0.873/0.522/0.653
    assert "all" in table["kind"].tolist()


def test_read_ann_discontinuous(tmp_path):
    from helpers.evaluation import attribution as ev

    ann = tmp_path / "x_a.ann"
    ann.write_text("T1\tSource 0 5\tMaria\nT2\tCue 6 10\tsaid\nT3\tContent 12 20;25 30\tabc\n"
                   "E1\tAttribution:T2 Source:T1 Cue:T2 Content:T3\nE2\tAttribution-no-source:T2 Content:T3\n",
                   encoding="utf-8")
    gold = ev.read_ann(ann)
    assert gold[0].source == [(0, 5)] and gold[0].content == [(12, 20), (25, 30)]
    assert gold[1].source == []


def test_seed_relative_clause_and_suggested_insertion(seed):
    quotes, _ = seed
    said = _row(quotes[quotes["cue"] == "said"], "he could resolve in")
    assert said.content == "he could resolve in “24 hours,”"  # stops at the end of the relative clause
    assert "Trump" in said.speaker and said.cue == "said"
    suggested = quotes[quotes["cue"] == "suggested"].iloc[0]
    assert "Trump" in suggested.speaker and suggested.speaker_surface == "he"
    assert suggested.content.startswith("The Russia-Ukraine war") and "was now a matter of great difficulty" in suggested.content


def test_seed_question_stops_before_main_clause(seed):
    quotes, _ = seed
    asked = _row(quotes, "impose new sanctions")
    assert asked.speaker_surface == "a reporter" and asked.content.endswith("the overnight bombing of Kyiv")
    assert "declined" not in asked.content
    adding = quotes[quotes["cue"] == "adding"].iloc[0]
    assert "Trump" in adding.speaker and adding.content == "he should be asked again in a week"


def _invented(*paragraphs):
    return attribution.find_quotes(text.sentences(Article(paragraphs=list(paragraphs))), None)


def test_stance_and_evidence_cues():
    quotes = _invented(
        "Governor Elena Marsh endorsed Tomas Reyes.",
        "The union wants a new contract before winter.",
        "A Harbor Institute poll found that most residents oppose the toll.",
        "Ms. Marsh called for an independent inquiry into the ferry accident.",
        "The senator was criticized by farmers for the vote.",
        "His support for the plan surprised everyone.",
    )
    got = quotes[["speaker", "cue", "kind", "content"]].values.tolist()
    assert got == [
        ["Governor Elena Marsh", "endorsed", "stance", "Tomas Reyes"],
        ["The union", "wants", "stance", "a new contract before winter"],
        ["A Harbor Institute poll", "found", "evidence", "most residents oppose the toll"],
        ["Ms. Marsh", "called", "stance", "an independent inquiry into the ferry accident"],
    ]  # no row for the passive ("was criticized by") or the noun ("His support")


def test_relative_who_participle_and_colon_headline():
    quotes = _invented(
        "Marsh: Toll Plan Is Dead.",
        "Update: the vote moved to Friday.",
        "The plan was backed by Pieter Vos, who said the ferry lost money every year.",
        "Ms. Okafor rejected the offer on Monday, saying the union would strike.",
        "Tomas Reyes Says He Will Not Run Again.",
    )
    rows = {r.cue: r for r in quotes.itertuples()}
    assert rows[":"].speaker == "Marsh" and rows[":"].content == "Toll Plan Is Dead" and rows[":"].kind == "colon"
    assert not quotes["content"].str.contains("vote moved").any()  # a label, not a speaker
    who = rows["said"]
    assert who.speaker_surface == "who" and who.speaker == "Pieter Vos"  # named by the phrase before "who"
    assert who.content == "the ferry lost money every year"
    assert rows["saying"].speaker == "Ms. Okafor" and rows["saying"].content == "the union would strike"
    assert rows["rejected"].content == "the offer on Monday"
    assert rows["Says"].speaker == "Tomas Reyes" and rows["Says"].content == "He Will Not Run Again"


def test_quote_right_after_cue_without_punctuation():
    quotes = _invented("The mayor's statement claims “the bridge is safe for traffic.”")
    row = quotes.iloc[0]
    assert row.speaker == "The mayor's statement" and row.cue == "claims" and bool(row.direct)
    assert row.content == "the bridge is safe for traffic."


def test_mixed_quote_marks_and_parenthesised_title():
    quotes = _invented("“The port will reopen in May,\" Rep. Anna Holt (D-Ore.) said.",
                       "Sen. Ivo Brandt (R-Ky.) said that the toll would stay.")
    got = quotes[["speaker_surface", "kind", "content"]].values.tolist()
    assert got == [["Rep. Anna Holt", "direct", "The port will reopen in May"],
                   ["Sen. Ivo Brandt", "reported", "the toll would stay"]]


def test_adverbs_between_speaker_and_cue_and_pronoun_after_said():
    quotes = _invented("Harbor officials, however, said they expected the strike to end soon.",
                       "Her campaign workers here said they had knocked on every door.")
    got = quotes[["speaker_surface", "cue", "content"]].values.tolist()
    assert got == [["Harbor officials", "said", "they expected the strike to end soon"],
                   ["Her campaign workers", "said", "they had knocked on every door"]]


def test_coordinated_cue_takes_the_sentence_subject():
    quotes = _invented("Ferrylink posted a quarterly loss, and said it would cut three routes next year.")
    row = quotes[quotes["cue"] == "said"].iloc[0]
    assert row.speaker_surface == "Ferrylink" and row.content == "it would cut three routes next year"


def test_long_appositive_speaker():
    quotes = _invented("Lena Ortiz, the owner of the harbor cafe who refused offers from developers to sell, "
                       "says the pier is safe for families.")
    row = quotes.iloc[0]
    assert row.speaker_surface.startswith("Lena Ortiz, the owner") and row.content == "the pier is safe for families"


def test_according_to_keeps_the_statement_it_holds():
    quotes = _invented("The mayor told her that the ferry was safe, according to an account she gave the Courier.",
                       "Pieter Vos is the resident most admired in town, according to a yearly Harbor poll.")
    got = quotes[["speaker_surface", "cue", "content"]].values.tolist()
    assert got == [["an account she gave the Courier", "according to", "The mayor told her that the ferry was safe"],
                   ["The mayor", "told", "the ferry was safe"],
                   ["a yearly Harbor poll", "according to", "Pieter Vos is the resident most admired in town"]]


def test_plural_present_cues_from_the_lexicon():
    quotes = _invented("Harbor polls show the mayor trailing by ten points.",
                       "Ms. Okafor notes the ferry has lost money since 2019.")
    got = quotes[["speaker_surface", "cue", "kind", "content"]].values.tolist()
    assert got == [["Harbor polls", "show", "evidence", "the mayor trailing by ten points"],
                   ["Ms. Okafor", "notes", "reported", "the ferry has lost money since 2019"]]


def test_partial_quotes_inside_reported_speech():
    article = Article(paragraphs=[
        "Governor Lena Brandt said the new dam was “a gift to the valley” and that its critics had "
        "“no idea what they are talking about.”",
        "Brandt called the protesters “a noisy minority” on Friday.",
        "“We will not stop,” said Omar Quist, who leads the protest. Quist said the dam was a mistake.",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    partial = quotes[(quotes["kind"] == "partial") & (quotes["sent_id"] == 0)]
    assert partial["content"].tolist() == ["a gift to the valley", "no idea what they are talking about."]
    assert partial["speaker"].tolist() == ["Lena Brandt"] * 2 and partial["direct"].all()
    assert partial["cue"].tolist() == ["said", "said"]
    # the statement itself is still one reported row, right before its quoted words
    reported = quotes[quotes["kind"] == "reported"].iloc[0]
    assert reported.content.startswith("the new dam was “a gift") and not bool(reported.direct)
    assert quotes.index[quotes["kind"] == "reported"][0] + 1 == partial.index[0]
    # a naming stance ("called X “…”") gives its quoted words as a partial row too, after it
    named = quotes[quotes["content"] == "a noisy minority"]
    assert named[["speaker", "cue", "kind"]].values.tolist() == [["Lena Brandt", "called", "partial"]]
    # a direct quote is never repeated as a partial one
    assert (quotes["content"] == "We will not stop").sum() == 1


def test_seed_partial_quote_of_reported_speech(seed):
    quotes, _ = seed
    row = quotes[(quotes["kind"] == "partial") & (quotes["content"] == "very good meeting")]
    assert len(row) == 1 and "Rutte" in row.iloc[0].speaker and bool(row.iloc[0].direct)


def test_naming_stances_give_partial_quotes_positions_and_scare_quotes_do_not():
    """Rule (docs/annotation-actors.md, Quotes): words in quotation marks inside a stance whose verb
    is an act of speech (call, dismiss as, describe as, blast …) and that has a speaker are a partial
    quote; inside a position or wish ("wants a “fair deal”") or with no frame at all they are not."""
    quotes = _invented(
        "The so-called “reform” package passed the assembly in Tarnow on Monday.",
        "Mayor Ilse Varga wants a “fair deal” for the port workers.",
        "Varga called the opposition leader, Piet Hollis, “a coward with a megaphone” on Friday.",
        "Hollis, in turn, dismissed the plan as a “fantasy” and blasted the mayor for her “arrogance.”",
        "Varga exhorted the council to “hold the line” before the vote.",
    )
    partial = quotes[quotes["kind"] == "partial"]
    assert partial[["speaker_surface", "cue", "content"]].values.tolist() == [
        ["Varga", "called", "a coward with a megaphone"],
        ["Hollis, in turn", "dismissed", "fantasy"],
        ["Hollis, in turn", "dismissed", "arrogance."],
        ["Varga", "exhorted", "hold the line"],
    ]
    assert partial["direct"].all()
    assert not quotes["content"].isin(["reform", "fair deal"]).any()


def test_think_tank_is_no_belief():
    article = Article(paragraphs=["The report came from the Orsen Institute, a small think tank in Lisbon."])
    quotes = attribution.find_quotes(text.sentences(article), None)
    assert len(quotes) == 0
    # nor does it stop an appositive speaker ("X, a founder of the think tank Y, said …")
    article = Article(paragraphs=["Matt Orsen, a founder of the think tank Third Path, said the plan was far too timid."])
    row = attribution.find_quotes(text.sentences(article), None).iloc[0]
    assert row.speaker_surface.startswith("Matt Orsen") and row.content == "the plan was far too timid"


def test_appositive_speaker_is_the_name_before_it():
    article = Article(paragraphs=[
        "Mara Lindqvist, an attorney with Greenfront, welcomed the ruling, saying it “puts the rivers first.”",
        "Officials at the Tarn Water Board, a unit of the Ministry of Rivers, said they were “deeply concerned.”",
        "Jana Petrov, a farmer from Oskarna, said the rain came “far too late” for her wheat.",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    got = quotes[quotes["content"].str.contains("rivers first|deeply concerned|rain came")]
    assert set(got["speaker"]) == {"Mara Lindqvist", "Tarn Water Board", "Jana Petrov"}, got[["speaker", "content"]]
    assert got["speaker_surface"].str.contains(", a").all()  # the surface keeps the appositive
    # the farmer's words are hers, not her town's
    assert quotes[quotes["content"] == "far too late"]["speaker"].tolist() == ["Jana Petrov"]


def test_quote_after_a_quote_continues_when_another_sentence_follows():
    # flattened texts (lost paragraph breaks): the next sentence stays in the same paragraph
    article = Article(paragraphs=[
        "“We cannot wait for the ministry,” Councillor Edda Brun said. “The river is rising every week.” "
        "The council meets again in June."])
    quotes = attribution.find_quotes(text.sentences(article), None)
    assert quotes[["speaker", "kind", "content"]].values.tolist() == [
        ["Councillor Edda Brun", "direct", "We cannot wait for the ministry"],
        ["Councillor Edda Brun", "continuation", "The river is rising every week."]]


def test_credit_line_after_a_quote():
    article = Article(paragraphs=[
        "“The new line saves me an hour a day.” ― Tomas J. Ferreira",
        "“I still drive to work.” — Ines Calloway.",
    ])
    quotes = attribution.find_quotes(text.sentences(article), None)
    assert quotes[["speaker", "cue", "content"]].values.tolist() == [
        ["Tomas J. Ferreira", "―", "The new line saves me an hour a day."],
        ["Ines Calloway", "—", "I still drive to work."]]
    # a dash before lower-case words is no credit
    article = Article(paragraphs=["The board met. “Nothing will change” — and then the mayor left."])
    assert len(attribution.find_quotes(text.sentences(article), None)) == 0


def test_present_tense_cues_of_listed_verbs():
    article = Article(paragraphs=["Ingrid Moe, an economist, agrees that the tax is “too blunt.”",
                                  "The ministry emphasizes that the harbour was closed twice.",
                                  "Harbour users see the points system as unfair."])
    quotes = attribution.find_quotes(text.sentences(article), None)
    assert quotes[["speaker_surface", "cue", "kind", "content"]].values.tolist() == [
        ["Ingrid Moe, an economist", "agrees", "reported", "the tax is “too blunt.”"],
        ["Ingrid Moe, an economist", "agrees", "partial", "too blunt."],
        ["The ministry", "emphasizes", "reported", "the harbour was closed twice"],
        ["Harbour users", "see", "stance", "the points system as unfair"]]  # "points" is no cue


def test_a_document_speaks_for_its_author():
    article = Article(paragraphs=[
        "According to a complaint filed by the Nordic Fisheries Council, the operator ignored “repeated warnings.”",
        "A Harbour Authority memo warned that the pier was “close to collapse.”",
        "According to a schedule seen by reporters, the minister will visit the port on Monday.",
        "The indictment says the mayor took “gifts worth millions.”",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    got = quotes[["speaker", "kind", "content"]].values.tolist()
    assert got[:4] == [
        ["Nordic Fisheries Council", "according", "the operator ignored “repeated warnings.”"],
        ["Nordic Fisheries Council", "partial", "repeated warnings."],
        ["Harbour Authority", "reported", "the pier was “close to collapse.”"],
        ["Harbour Authority", "partial", "close to collapse."]]
    # no author named: a document is no speaker (kind evidence), its quoted words keep that
    assert got[4] == ["", "evidence", "the minister will visit the port on Monday"]
    assert quotes.iloc[4].speaker_surface == "a schedule seen by reporters"
    assert got[5:] == [["", "evidence", "the mayor took “gifts worth millions.”"], ["", "partial", "gifts worth millions."]]


def test_it_said_is_the_organisation_named_just_before():
    article = Article(paragraphs=[
        "The Nordic Fisheries Council rejected the plan on Tuesday. “The quotas ignore the science,” it said.",
        "The plan was published in May. “It will cost jobs,” it said.",
        "The Kelmar Port Authority met the mayor. The plan was discussed. It calls for a ban on trawling.",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    speaker = dict(zip(quotes["content"], quotes["speaker"]))
    assert speaker["The quotas ignore the science"] == "Nordic Fisheries Council"
    # the council is three sentences back: too far; a stance of "it" is a plan's, not an organisation's
    assert speaker["It will cost jobs"] == "" and speaker["a ban on trawling"] == ""


def test_as_someone_put_it():
    article = Article(paragraphs=[
        "The main test for the permit is a “lawful source of income,” as a Harbour Authority memo put it.",
        "As one aide put it, the campaign is “running on fumes.”",
        "He owed the job to, as one diplomat put it, an “extreme makeover” of his image.",
        "She put it on the table.",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    assert quotes[["speaker", "cue", "kind", "content"]].values.tolist() == [
        ["Harbour Authority", "put", "reported", "The main test for the permit is a “lawful source of income,”"],
        ["Harbour Authority", "put", "partial", "lawful source of income"],
        ["one aide", "put", "reported", "the campaign is “running on fumes.”"],
        ["one aide", "put", "partial", "running on fumes."],
        ["one diplomat", "put", "reported", "an “extreme makeover” of his image"],
        ["one diplomat", "put", "partial", "extreme makeover"]]


def test_definite_document_speaker_refers_back_to_its_author():
    """"The report itself says “…”" two sentences after "a Marlow Institute report": the institute
    speaks; a document named before without a named author (or only a pronoun) gives no author."""
    article = Article(paragraphs=[
        "A Marlow Institute report on the Vessa river was published on Monday.",
        "Farmers near Tarnow have long complained about the water.",
        "The report itself says “there is no safe level of exposure” along the lower river.",
        "Officials in Tarnow received the documents on Friday, but they were incomplete. "
        "The documents say “the pumps failed twice” in March.",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    assert _row(quotes, "no safe level").speaker == "Marlow Institute"
    assert _row(quotes, "the pumps failed").speaker == ""


def test_description_speaker_refers_back_to_the_person_named_before():
    """"The veteran lawmaker has dismissed …" after a sentence whose subject is Tove Arnesen: she speaks; a
    name inside quotation marks is no antecedent; a plural ("the farmers") or an organisation
    ("the company") stays as written."""
    article = Article(paragraphs=[
        "Tove Arnesen kept her seat in Bergholm with a narrow win over Lars Vik in May.",
        "The veteran lawmaker has dismissed the tunnel plan as “a fantasy for engineers.”",
        "“We cannot trust Lars Vik with the budget,” Arnesen told the Bergholm Courier. "
        "“He has no plan,” the 52-year-old mother of two added.",
        "The farmers said “the tunnel will drain the lake.” The company said “the tunnel is safe.”",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    assert quotes.loc[quotes["content"] == "a fantasy for engineers.", "speaker"].tolist() == ["Tove Arnesen"]
    assert _row(quotes, "He has no plan").speaker == "Tove Arnesen"
    assert _row(quotes, "drain the lake").speaker == "The farmers"
    assert _row(quotes, "the tunnel is safe").speaker == "The company"


def test_description_then_name_is_the_subject_not_an_inverted_frame():
    """"A spokesman, Tor Halden, said X was …": subject + reported speech, never "[content], said X"."""
    paragraphs = [
        "A spokesman, Tor Halden, said the ministry was \"fully prepared\" and thanked Vesna Ilic for her help.",
        "Her lawyer, Sam Ortiz, told reporters that the charges would be dropped by spring.",
        "The company's chief executive, Mira Lund, said that profits fell in every region.",
        "The board fired its chief, Mira Lund, said a company spokesman.",
    ]
    sents = text.sentences(Article(paragraphs=paragraphs))
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    quotes = quotes[quotes["kind"] != "partial"]
    got = quotes[["speaker", "cue", "content"]].values.tolist()
    assert got == [
        ["Tor Halden", "said", "the ministry was \"fully prepared\" and thanked Vesna Ilic for her help"],
        ["Sam Ortiz", "told", "the charges would be dropped by spring"],
        ["Mira Lund", "said", "profits fell in every region"],
        # the name after an object ("fired its chief, Mira Lund,") stays content of the inverted frame
        ["a company spokesman", "said", "The board fired its chief, Mira Lund"],
    ]
    assert quotes.iloc[0].speaker_surface == "A spokesman, Tor Halden"


def test_quotation_after_a_subject_with_an_appositive_is_direct():
    """A frame before a quotation whose subject carries an appositive ("X, a spokeswoman for Y,
    said in a statement: “…”") gives a direct quote, all of the quotation, the named speaker."""
    article = Article(paragraphs=[
        "Harbour traffic in Tarnow fell by a third this spring.",
        "Lena Ostrova, a spokeswoman for the port authority, said in a statement: “The port stays open. "
        "We will not close it.”",
        "The deputy mayor, Piet Halloran, told the council, “Nobody here wants a closure.”",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    direct = quotes[quotes["direct"]]
    assert direct["content"].tolist() == ["The port stays open. We will not close it.",
                                          "Nobody here wants a closure."]
    assert direct["speaker"].tolist() == ["Lena Ostrova", "Piet Halloran"]
    assert direct["kind"].tolist() == ["direct", "direct"]


def test_frame_ending_a_paragraph_with_a_colon_opens_the_next_quote():
    """"Marrow told the farmers on Tuesday:" then a paragraph that is a quotation: a direct quote
    of Marrow (not a quote without a speaker); a colon after words with no speech verb opens none."""
    article = Article(paragraphs=[
        "Senator Ilse Marrow spoke for twenty minutes on the water budget.",
        "Marrow told the assembled farmers on Tuesday:",
        "“We will not let this valley go dry. Not this year and not the next.”",
        "The list of demands was short. Here it is:",
        "“Water, roads and schools for every village.”",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    assert quotes["content"].tolist() == ["We will not let this valley go dry. Not this year and not the next."]
    assert quotes["speaker"].tolist() == ["Ilse Marrow"] and quotes["kind"].tolist() == ["direct"]


def test_inverted_and_mistyped_frames_give_direct_quotes():
    """Three shapes of a frame after or before a quotation: a participle after a determiner in
    the speaker phrase ("the shipping magnate"), an opening mark typed for the closing one
    ("…,“ said X"), and an inverted colon line ("Continued Halloran: “…”")."""
    article = Article(paragraphs=[
        "“It was a fair price,” the shipping magnate told the Halden Courier in an interview.",
        "“The harbour will be dredged by spring,“ said Piet Halloran, the deputy mayor of Tarnow.",
        "Continued Halloran: “Nobody here wants a closure of the port.”",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    direct = quotes[quotes["direct"]]
    assert direct["content"].tolist() == ["It was a fair price", "The harbour will be dredged by spring",
                                          "Nobody here wants a closure of the port."]
    assert direct["speaker"].tolist() == ["the shipping magnate", "Piet Halloran", "Piet Halloran"]


def test_given_name_that_is_a_modal_after_an_inverted_cue():
    """"said Will Doyle" / "said May Ostrova": a capitalised modal before a capitalised word after
    the cue starts the speaker's name; a capitalised preposition does not ("said In Tarnow")."""
    article = Article(paragraphs=[
        "“The harbour fees are far too high,” said Will Branek, a shipping agent in Tarnow.",
        "“Nobody asked us,” said May Ostrova.",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    assert quotes["speaker_surface"].tolist() == ["Will Branek", "May Ostrova"]
    assert quotes["kind"].tolist() == ["direct", "direct"]


def test_word_in_ly_before_a_name_is_part_of_the_speaker_phrase():
    """"said Varga ally Tomas Brandt": a word in -ly before a capitalised name is a noun of the
    phrase, not an adverb ending it (the speaker is Brandt, not Varga); "said Brandt angrily" stops."""
    article = Article(paragraphs=[
        "“The mayor is a friend of the port,” said Varga ally Tomas Brandt.",
        "“Nobody asked the harbour workers,” said Ilse Marrow angrily.",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    assert quotes["speaker"].tolist() == ["Tomas Brandt", "Ilse Marrow"]
    assert quotes["speaker_surface"].tolist() == ["Varga ally Tomas Brandt", "Ilse Marrow"]


def test_participle_before_a_name_still_ends_an_inverted_phrase():
    """Only a word in -ly joins a following name: a verb in -ed before a name ("Weller started
    Marrow's rant") still ends the phrase, so the coordinated cue keeps the sentence subject."""
    article = Article(paragraphs=[
        "Retired Army Col. Anton Weller started Marrow’s rant when he brought up the harbour bombing "
        "and later said, “It’s not just sailors shooting people.”",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    assert quotes["speaker"].tolist() == ["Anton Weller"] and quotes["direct"].tolist() == [True]


def test_quote_continuing_a_statement_made_direct():
    """A reported statement made direct ("X, an aide, said: “…”") may be continued by the next
    paragraph's quotation: it keeps the same speaker (once a crash: no speaker paragraph)."""
    article = Article(paragraphs=[
        "Lena Ostrova, a spokeswoman for the port authority, said: “The port stays open.”",
        "“We will not close it for anyone this winter.”",
    ])
    sents = text.sentences(article)
    quotes = attribution.find_quotes(sents, actors.find_mentions(sents))
    assert quotes["speaker"].tolist() == ["Lena Ostrova", "Lena Ostrova"]
    assert quotes["kind"].tolist() == ["direct", "continuation"]


def test_a_name_before_a_finite_verb_after_said_is_the_contents_subject_not_an_inverted_speaker():
    # "X, said Volmark was ready": Volmark is who was ready, not who spoke (a that-less content clause)
    q, _ = _quotes('Its foreign minister, Piet Andersen, said Volmark was "ready to host talks tomorrow."')
    assert "Volmark" not in set(q["speaker"]), q
    assert not q["content"].str.startswith("Its foreign minister").any(), q
    # true inversions keep their speaker: the name ends the frame or a time or apposition follows it
    for s in ("The mayor will resign, said Councillor Ines Marte on Friday.",
              "The talks had failed, said Ines Marte, who chairs the council."):
        q, _ = _quotes(s)
        assert list(q["speaker"]) == ["Ines Marte"], (s, q)
