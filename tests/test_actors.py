"""Actors: every name the article gives a person, country or organisation merges into one actor.

Expectations were checked by hand against the seed article and the invented fixture
``tests/fixtures/articles/actors_harbour_strike.txt``.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

import helpers
from helpers import actors
from helpers.paths import PROJECT_ROOT, SEED_ARTICLE
from helpers.tables import ACTOR_KINDS, COLUMNS, MENTION_VIA
from helpers.text import sentences

FIXTURE = PROJECT_ROOT / "tests" / "fixtures" / "articles" / "actors_harbour_strike.txt"


def one_sentence(text: str) -> pd.DataFrame:
    return pd.DataFrame({"sent_id": [0], "para_id": [0], "start": [0], "end": [len(text)], "text": [text]})


def frame(*texts: str) -> pd.DataFrame:
    return pd.DataFrame({"sent_id": range(len(texts)), "para_id": range(len(texts)), "start": 0,
                         "end": [len(t) for t in texts], "text": list(texts)})


@pytest.fixture(scope="module")
def seed():
    sents = sentences(helpers.load_article(SEED_ARTICLE))
    mentions = actors.find_mentions(sents)
    return sents, mentions, actors.actor_table(mentions)


@pytest.fixture(scope="module")
def invented():
    sents = sentences(helpers.load_article(FIXTURE))
    mentions = actors.find_mentions(sents)
    return sents, mentions, actors.actor_table(mentions)


def actor_of(mentions: pd.DataFrame, surface: str) -> set[str]:
    return set(mentions.loc[mentions["surface"] == surface, "actor"])


def forms(table: pd.DataFrame, actor: str) -> list[str]:
    return table.set_index("actor").loc[actor, "aliases"].split("|")


# --- the seed article -------------------------------------------------------------------------


def test_seed_putin_forms_merge(seed):
    _, mentions, table = seed
    assert actor_of(mentions, "President Vladimir V. Putin of Russia") == {"Vladimir V. Putin"}
    assert actor_of(mentions, "Mr. Putin") == {"Vladimir V. Putin"}
    assert actor_of(mentions, "Vladimir") == {"Vladimir V. Putin"}  # first name alone, inside the quote
    row = mentions[mentions["surface"] == "Vladimir"].iloc[0]
    assert row["via"] == "alias"
    assert table.set_index("actor").loc["Vladimir V. Putin", "kind"] == "person"


def test_seed_biden_rutte_rubio_zelensky(seed):
    _, mentions, table = seed
    assert actor_of(mentions, "Joseph R. Biden Jr.") == {"Joseph R. Biden Jr."}
    assert actor_of(mentions, "Biden") == {"Joseph R. Biden Jr."}  # "It's Biden's war."
    assert actor_of(mentions, "Mark Rutte") == {"Mark Rutte"}
    assert actor_of(mentions, "Mr. Rutte") == {"Mark Rutte"}
    assert actor_of(mentions, "Secretary of State Marco Rubio") == {"Marco Rubio"}
    assert actor_of(mentions, "President Volodymyr Zelensky of Ukraine") == {"Volodymyr Zelensky"}
    assert actor_of(mentions, "Mr. Zelensky") == {"Volodymyr Zelensky"}
    assert table.set_index("actor").loc["Mark Rutte", "mentions"] == 7  # 2 names + 2 "Mr. Rutte" ... + he x3


def test_seed_trump_titles_and_pronouns(seed):
    sents, mentions, table = seed
    assert actor_of(mentions, "President Trump") == {"Trump"}
    assert actor_of(mentions, "Mr. Trump") == {"Trump"}
    assert actor_of(mentions, "The president") == {"Trump"}
    # "He reiterated, though, that he was 'not happy'..." and the last sentence
    he = mentions[mentions["surface"].isin(["He", "he"])]
    assert set(he["actor"]) == {"Trump", "Mark Rutte"}
    last = sents["sent_id"].max()
    assert set(mentions.loc[(mentions["sent_id"] == last) & (mentions["via"] == "pronoun"), "actor"]) == {"Trump"}
    assert table.iloc[0]["actor"] == "Trump"  # the most mentioned actor
    # titles are part of names, never actors of their own
    assert not set(table["actor"]) & {"President", "Secretary of State", "Mr.", "Prime Minister"}


def test_seed_object_pronoun_is_not_the_subject(seed):
    sents, mentions, _ = seed
    first = sents.iloc[0]["text"]
    him = mentions[(mentions["sent_id"] == 0) & (mentions["surface"] == "him")].iloc[0]
    assert first[him["start"]:him["end"]] == "him"
    assert him["actor"] == "Vladimir V. Putin"  # "... appeal to President Putin, calling on him to stop"
    sid = sents.loc[sents["text"].str.startswith("Instead, he has directed"), "sent_id"].iloc[0]
    rows = mentions[mentions["sent_id"] == sid]
    assert list(rows["actor"]) == ["Trump", "Trump", "Volodymyr Zelensky", "Volodymyr Zelensky", "Volodymyr Zelensky"]


def test_seed_countries_demonyms_and_capitals(seed):
    sents, mentions, table = seed
    by_actor = table.set_index("actor")
    assert set(forms(table, "Russia")) == {"Russia", "Russian"}
    assert {"Ukraine", "Ukrainian", "Ukrainians"} <= set(forms(table, "Ukraine"))
    assert by_actor.loc["Russia", "kind"] == "country"
    assert by_actor.loc["NATO", "kind"] == "organization"
    assert by_actor.loc["Trump administration", "kind"] == "organization"
    assert "Israeli government" in forms(table, "Israel")
    # Kyiv only appears after "on"/"of" (a place: an attack on Kyiv), so it is never a mention;
    # the White House appears only as "at the White House"
    assert "Kyiv" not in set(mentions["surface"])
    assert "White House" not in set(mentions["surface"])
    assert "United States" in by_actor.index
    assert set(forms(table, "United States")) == {"U.S.", "United States", "American"}


def test_seed_unnamed_office_holder(seed):
    _, mentions, table = seed
    assert actor_of(mentions, "Norway’s prime minister") == {"Prime minister of Norway"}
    assert table.set_index("actor").loc["Prime minister of Norway", "kind"] == "person"


def test_seed_furniture_names_absent(seed):
    _, mentions, table = seed
    names = set(table["actor"])
    for absent in ("Ivan Popov", "Popov", "Vitalii Dribnytsia", "Dribnytsia", "Crimea", "Peace Deal", "Thursday"):
        assert absent not in names


def test_seed_offsets_and_categories(seed):
    sents, mentions, table = seed
    text = sents.set_index("sent_id")["text"]
    for row in mentions.itertuples():
        assert text[row.sent_id][row.start:row.end] == row.surface
    assert set(mentions["via"]) <= set(MENTION_VIA)
    assert set(table["kind"]) <= set(ACTOR_KINDS)
    assert list(mentions.columns[:6]) == COLUMNS["mentions"]
    assert list(table.columns) == COLUMNS["actors"]
    assert table["mentions"].sum() == (mentions["actor"] != "").sum()


def test_seed_user_alias_override(seed):
    sents, _, _ = seed
    mentions = actors.find_mentions(sents, aliases={"the Trump administration": "Trump"})
    rows = mentions[mentions["surface"] == "the Trump administration"]
    assert len(rows) == 2 and set(rows["actor"]) == {"Trump"} and set(rows["via"]) == {"alias"}
    table = actors.actor_table(mentions)
    assert "Trump administration" not in set(table["actor"])
    # a target given by surname or full name finds the same person
    by_full = actors.find_mentions(sents, aliases={"Kremlin": "Vladimir Putin", "the Trump administration": "Donald Trump"})
    assert set(by_full.loc[by_full["surface"] == "the Trump administration", "actor"]) == {"Trump"}


# --- an invented article: unknown people, a woman referred to as "she" -------------------------


def test_invented_people_merge(invented):
    _, mentions, table = invented
    by_actor = table.set_index("actor")
    assert set(forms(table, "Ilse Marrow")) == {
        "Prime Minister Ilse Marrow of Australia", "her", "Ms. Marrow", "she", "the prime minister", "Ilse", "herself"}
    assert by_actor.loc["Ilse Marrow", "mentions"] == 12
    assert set(forms(table, "Tobias Renwick")) == {"Tobias Renwick", "Mr. Renwick", "he", "his"}
    assert set(forms(table, "Carla Mendes")) == {"Carla Mendes", "Ms. Mendes", "she"}
    assert set(forms(table, "Hanna Ostrova")) == {"Dr. Hanna Ostrova", "she"}


def test_invented_she_follows_the_right_woman(invented):
    sents, mentions, _ = invented
    def pronouns(prefix):
        sid = sents.loc[sents["text"].str.startswith(prefix), "sent_id"].iloc[0]
        return list(mentions.loc[(mentions["sent_id"] == sid) & (mentions["via"] == "pronoun"), "actor"])
    assert pronouns("She said Canberra") == ["Hanna Ostrova"]
    assert pronouns("She told the Harbour Times") == ["Carla Mendes"]
    assert pronouns("Mr. Renwick said he would wait") == ["Tobias Renwick", "Ilse Marrow"]
    assert pronouns("Asked whether she") == ["Ilse Marrow"] * 3


def test_invented_country_and_organisations(invented):
    _, mentions, table = invented
    by_actor = table.set_index("actor")
    # "the country" and "the government" stand for the article's home country (issue 12)
    assert set(forms(table, "Australia")) == {"Australian", "Canberra", "the country", "the government"}
    for org in ("Dockworkers Federation", "Harbour Times", "Australian Council of Trade Unions", "ILO"):
        assert by_actor.loc[org, "kind"] == "organization"
    assert "Gerald Fontaine" not in by_actor.index  # furniture
    assert "Tuesday" not in " ".join(by_actor.index)


# --- rules on single sentences -----------------------------------------------------------------


def test_capital_as_government_or_place():
    m = actors.find_mentions(frame("Kyiv rejected the plan.", "Russia hit targets in Kyiv overnight."))
    assert list(zip(m["sent_id"], m["actor"], m["via"])) == [(0, "Ukraine", "demonym"), (1, "Russia", "name")]
    # "Missiles" starts a sentence and the article also writes "missiles": an ordinary word
    m = actors.find_mentions(frame("Missiles hit Kyiv.", "More missiles fell on Kyiv."))
    assert list(zip(m["sent_id"], m["surface"], m["actor"])) == [(0, "Kyiv", "Ukraine")]
    m = actors.find_mentions(one_sentence("The Kremlin said Moscow would respond."))
    assert list(m["actor"]) == ["Russia", "Russia"]


def test_unresolvable_pronoun_kept_empty():
    m = actors.find_mentions(one_sentence("He said the plan would fail."))
    assert list(m["surface"]) == ["He"] and list(m["actor"]) == [""] and list(m["via"]) == ["pronoun"]
    assert actors.actor_table(m).empty and list(actors.actor_table(m).columns) == COLUMNS["actors"]


def test_gender_from_honorific_blocks_wrong_pronoun():
    m = actors.find_mentions(frame("Ms. Arden met Mr. Kovac on Monday.", "She said the talks went well."))
    assert m.iloc[-1]["actor"] == "Arden"
    m = actors.find_mentions(frame("Ms. Arden met Mr. Kovac on Monday.", "He said the talks went well."))
    assert m.iloc[-1]["actor"] == "Kovac"


def test_same_surname_different_people():
    m = actors.find_mentions(frame("Bill Clinton praised Hillary Clinton.", "Mrs. Clinton thanked him."))
    table = actors.actor_table(m).set_index("actor")
    assert set(table.index) == {"Bill Clinton", "Hillary Clinton"}
    assert m.iloc[2]["actor"] == "Hillary Clinton" and m.iloc[3]["actor"] == "Bill Clinton"


def test_initial_is_evidence_of_a_person():
    # no title, honorific, known given name, pronoun or "said": only the middle initial says person
    m = actors.find_mentions(frame("The spokesman, Zorvath Q. Mellinger, answered questions at Hollin Vale Partners."))
    kinds = dict(actors.actor_table(m)[["actor", "kind"]].values)
    assert kinds["Zorvath Q. Mellinger"] == "person"
    bare = actors.find_mentions(frame("At the briefing, Zorvath Mellinger answered questions at Hollin Vale Partners."))
    assert dict(actors.actor_table(bare)[["actor", "kind"]].values)["Zorvath Mellinger"] == "other"
    # an office in apposition before the name is evidence too ("The spokesman, Zorvath Mellinger,")
    titled = actors.find_mentions(frame("The spokesman, Zorvath Mellinger, answered questions at Hollin Vale Partners."))
    assert dict(actors.actor_table(titled)[["actor", "kind"]].values)["Zorvath Mellinger"] == "person"


@pytest.mark.parametrize("first, expected", [
    ("WASHINGTON — The Senate passed the bill.", [("Senate", "Senate")]),
    ("KYIV, Ukraine — Russia fired missiles at Kyiv.", [("Russia", "Russia")]),
    ("LONDON (Reuters) - Britain said on Monday it would act.", [("Britain", "United Kingdom")]),
    ("NATO — the alliance said it would act.", [("NATO", "NATO"), ("the alliance", "NATO")]),  # an actor, not a place
    ("OTTAWA ― Canada's Senate passed the bill.", [("Canada", "Canada"), ("Senate", "Senate")]),  # a horizontal bar
    # a capitalised town read as an acronym goes too, and the word after the dateline starts the sentence
    ("TROMSO — The harbour was closed.", []),
    ("BERGEN — Dock workers walked out on Tuesday.", []),
])
def test_wire_dateline_places_are_not_mentions(first, expected):
    m = actors.find_mentions(frame(first, "WASHINGTON said it would act."))
    assert list(zip(m.loc[m.sent_id == 0, "surface"], m.loc[m.sent_id == 0, "actor"])) == expected
    assert actors.dateline_length(first) > 0
    # only the body's opening line has a dateline
    assert list(m.loc[m.sent_id == 1, "actor"]) == ["United States"]


def test_common_words_are_not_actors():
    m = actors.find_mentions(one_sentence("“Let’s get the Peace Deal DONE! STOP!” Senior officials said on Thursday."))
    assert m.empty and list(m.columns) == COLUMNS["mentions"] + ["kind"]


def test_empty_and_degenerate_input():
    empty = actors.find_mentions(pd.DataFrame(columns=COLUMNS["sentences"]))
    assert empty.empty and list(empty.columns) == COLUMNS["mentions"] + ["kind"]
    assert actors.find_mentions(None).empty
    table = actors.actor_table(empty)
    assert table.empty and list(table.columns) == COLUMNS["actors"]
    assert actors.find_mentions(frame("", "   ", "12 345 ...")).empty
    # a mentions frame without the extra kind column still gives kinds
    bare = pd.DataFrame({"actor": ["X", "X", "Y"], "sent_id": [0, 1, 1], "start": 0, "end": 1,
                         "surface": ["X", "he", "Yish"], "via": ["name", "pronoun", "demonym"]})
    assert dict(actors.actor_table(bare)[["actor", "kind"]].values) == {"X": "person", "Y": "country"}


def test_pipeline_uses_the_mentions(seed_analysis):
    table = seed_analysis.tables["actors"]
    assert table.iloc[0]["actor"] == "Trump"
    assert "Vladimir V. Putin" in set(table["actor"])


# --- evaluation ---------------------------------------------------------------------------------


def test_evaluate_mentions_small_file(tmp_path):
    from helpers.evaluation.mentions import evaluate

    rows = [
        {"sentence": "Cruz came in third behind Walker.", "from": 0, "to": 4, "mention": "Cruz", "polarity": 0},
        {"sentence": "He was willing to meet.", "from": 0, "to": 2, "mention": "He", "polarity": 1},
        {"sentence": "The bill passed on Friday.", "from": 19, "to": 25, "mention": "Friday", "polarity": 0},
    ]
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    metrics, table = evaluate(path)
    assert metrics == {"task": "mentions", "n": 3, "recall": round(2 / 3, 4)}
    assert set(table["category"]) == {"name", "pronoun", "all"}


def test_evaluate_mentions_dev(shipped_data):
    from helpers.evaluation.mentions import evaluate

    metrics, _ = evaluate(shipped_data["newsmtsc"] / "dev_rw.jsonl")
    assert metrics["n"] == 343 and metrics["recall"] >= 0.95


def test_shared_surname_goes_to_the_latest_mentioned():
    m = actors.find_mentions(frame("Bill Clinton met Hillary Clinton.", "Later Hillary Clinton spoke.",
                                   "Clinton said the plan was good."))
    assert m.iloc[-1]["actor"] == "Hillary Clinton"


# --- summaries and figures ----------------------------------------------------------------------


def test_mentions_by_via_and_positions(seed):
    sents, mentions, _ = seed
    by_via = actors.mentions_by_via(mentions, top=5)
    assert list(by_via.columns) == ["actor", "kind", *MENTION_VIA, "total"]
    trump = by_via.set_index("actor").loc["Trump"]
    assert trump["title"] == 1 and trump["total"] == trump[list(MENTION_VIA)].sum()
    assert by_via.set_index("actor").loc["Russia", "demonym"] == 2  # "Russian" twice
    pos = actors.positions(mentions, sents, top=3)
    assert list(pos.columns) == ["actor", "paragraph", "mentions", "first_paragraph"]
    assert set(pos["actor"]) == {"Trump", "Russia", "Ukraine"}
    putin = actors.positions(mentions, sents, actors=["Vladimir V. Putin"])
    assert putin["paragraph"].tolist()[0] == 1 and putin["mentions"].sum() == 10
    assert actors.unresolved(mentions, sents).empty
    for func in (actors.mentions_by_via,):
        assert func(actors.find_mentions(None)).empty
    assert actors.positions(actors.find_mentions(None), sents).empty


def test_figures_draw_and_skip(seed_analysis):
    from helpers import figures
    from helpers.article import Article
    from helpers.pipeline import analyze

    for stem in ("21-mentions-by-actor", "22-actor-positions"):
        fig, data = figures.make(stem, seed_analysis)
        assert len(data) > 0 and fig.axes[0].get_title(loc="left")
        import matplotlib.pyplot as plt

        plt.close(fig)
    nobody = analyze(Article(paragraphs=["the rain fell all day and the river rose."]))
    assert figures.make("21-mentions-by-actor", nobody) is None
    assert figures.make("22-actor-positions", nobody) is None


@pytest.mark.parametrize("sentence, person", [
    ("“We had a problem,” said Dockers Union Secretary-Treasurer Ilse Marnow.", "Ilse Marnow"),
    ("“We had a problem,” said Ferry Guild Vice-President Tomas Vell.", "Tomas Vell"),
    ("Co-founder Piet Halloran left the firm in May.", "Piet Halloran"),
    ("Then-President Arvo Kettil signed the treaty.", "Arvo Kettil"),
])
def test_hyphenated_titles_are_titles(sentence, person):
    """A title written as one hyphenated word (two titles, a prefix and a title, a time prefix) is
    not part of the person's name, nor of the organisation before it."""
    from helpers.article import Article

    names = set(actors.find_mentions(sentences(Article(paragraphs=[sentence])))["actor"].dropna())
    assert person in names, names
    assert not any(person in n and n != person for n in names), names
    assert not names & {"Co", "Then", "Vice"}, names


def test_a_dateline_after_an_abstract_paragraph_is_no_mention():
    """An abstract or dek left as the body's first paragraph ("ABSTRACT … FULL TEXT.") puts the
    dateline in the second paragraph."""
    body = ["The merits of the harbour levy are being debated again.",
            "OSLO - A contentious levy that funds the ferries will expire unless Parliament acts.",
            "Norway said it would act."]
    m = actors.find_mentions(frame(*body))
    assert list(m.loc[m.sent_id == 1, "actor"]) == ["Parliament"], m
    assert list(m.loc[m.sent_id == 2, "actor"]) == ["Norway"]


def test_a_demonym_after_a_word_of_direction_is_a_region():
    """"South American countries", "East Asian markets" name no country; "South African" and "North
    Korean" are countries' demonyms (listed as phrases)."""
    m = actors.find_mentions(frame("Aid went to Brazil and other South American countries, and to East Asian markets.",
                                   "North Korean and South African officials met."))
    assert set(m["actor"]) == {"Brazil", "North Korea", "South Africa"}, m


def test_a_country_whose_gazetteer_name_has_brackets():
    """pycountry's "Holy See (Vatican City State)": the Holy See, also as "the Vatican"."""
    m = actors.find_mentions(frame("The Vatican said the visit was private.", "It was no endorsement from the Holy See."))
    assert list(m["actor"]) == ["Holy See", "Holy See"], m


def test_a_given_name_with_a_suffix_keeps_the_suffix():
    """"Don Jr." named alone is the son, not an actor "Don" beside his father."""
    m = actors.find_mentions(frame("President Tomas Vell's eldest son Piet Jr. criticised the paper.",
                                   "Piet Jr. said it was a gimmick."))
    assert set(m["actor"]) == {"Tomas Vell", "Piet Jr."}, m
