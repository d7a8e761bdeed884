"""Blame edges, hidden agency and generic frames (helpers.framing) on hand-built inputs.

Mentions and quotes are built by hand here, so these tests do not depend on the actor and
attribution stages; one integration test at the end runs the whole pipeline on the seed.
"""
from __future__ import annotations

import re

import pandas as pd
import pytest

from helpers import framing, text
from helpers.article import Article
from helpers.paths import PROJECT_ROOT
from helpers.tables import BLAME_RELATIONS, COLUMNS, empty

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "articles"

# The body paragraphs of the seed article that carry blame (verbatim).
SEED_PARAGRAPHS = [
    "President Trump made an unusually sharp appeal to President Vladimir V. Putin of Russia on Thursday, calling on him to stop his bombing campaign in Ukraine and agree to a peace deal after the deadliest attack on Kyiv in nearly a year.",
    "“Not necessary, and very bad timing. Vladimir, STOP! 5000 soldiers a week are dying. Let’s get the Peace Deal DONE!” Mr. Trump wrote on social media.",
    "Russia’s missile attack came a day after the Trump administration threatened to abandon peace talks if Ukraine did not accept a U.S. peace proposal that heavily favored Russia.",
    "Mr. Trump’s comments were striking because he has mostly avoided even mild criticism of Mr. Putin in his handling of the talks so far. Instead, he has directed most of his anger toward President Volodymyr Zelensky of Ukraine, calling him a “dictator” and describing him as the main impediment to a peace deal.",
    "While Mr. Trump made clear he was running out of patience for the two sides to agree on a peace deal, he also sought to pre-emptively divert blame should the negotiations fall apart, a sign that he is perhaps more pessimistic than he was when he regained the presidency brimming with confidence about his talent as a negotiator.",
    "“This isn’t my war,” Mr. Trump said during a Thursday Oval Office meeting with Norway’s prime minister. “It’s Biden’s war.”",
    "Mr. Trump refused to draw a moral distinction between Russia and Ukraine, or to blame Mr. Putin for his invasion — something he has repeatedly refused to do in his second term.",
    "He reiterated, though, that he was “not happy” with Russia’s deadly attack on Kyiv overnight, which came as the Trump administration demanded that Mr. Zelensky accept a peace settlement that would grant Russia essentially all the territory it had gained in the war, while offering Ukraine tenuous security assurances from the Europeans.",
    "The plan, which would also block Ukraine from ever joining NATO, was rejected by Mr. Zelensky, infuriating Mr. Trump.",
    "When a reporter on Thursday asked Mr. Trump whether he would impose new sanctions on Russia after the overnight bombing of Kyiv, Mr. Trump declined to say, adding only that he should be asked again in a week.",
    "“There is something on the table now, I think, where Ukrainians are really playing ball, and I think the ball is clearly in the Russian court,” Mr. Rutte added.",
    "The Israeli government has been pushing Mr. Trump to support a military campaign that would destroy Iran’s nuclear facilities.",
]

# Names (regex → actor, via) found everywhere; pronouns are resolved by hand below.
SEED_NAMES = [
    (r"(?:President |Mr\. )?Trump(?! administration)", "Donald Trump", "name"),
    (r"the Trump administration", "Donald Trump", "alias"),
    (r"(?:President )?Vladimir V\. Putin|Mr\. Putin|Vladimir(?=,)", "Vladimir Putin", "name"),
    (r"(?:President Volodymyr |Mr\. )Zelensky", "Volodymyr Zelensky", "name"),
    (r"Biden", "Joe Biden", "name"),
    (r"Mr\. Rutte", "Mark Rutte", "name"),
    (r"Russia(?!n)", "Russia", "name"),
    (r"Russian", "Russia", "demonym"),
    (r"Ukraine", "Ukraine", "name"),
    (r"Ukrainians", "Ukraine", "demonym"),
    (r"Israeli", "Israel", "demonym"),
    (r"Iran", "Iran", "name"),
    (r"NATO", "NATO", "name"),
]
# (words the sentence starts with, pronoun, occurrence, actor)
SEED_PRONOUNS = [
    ("President Trump made", "him", 0, "Vladimir Putin"),
    ("Mr. Trump’s comments", "he", 0, "Donald Trump"),
    ("Instead, he", "he", 0, "Donald Trump"),
    ("Instead, he", "him", 0, "Volodymyr Zelensky"),
    ("Instead, he", "him", 1, "Volodymyr Zelensky"),
    ("While Mr. Trump", "he", 1, "Donald Trump"),
    ("He reiterated", "He", 0, "Donald Trump"),
    ("He reiterated", "he", 0, "Donald Trump"),
    ("When a reporter", "he", 0, "Donald Trump"),
]


def make_sentences(paragraphs):
    return text.sentences(Article(paragraphs=list(paragraphs)))


def make_mentions(sentences, names, pronouns=()):
    rows = []
    for s in sentences.itertuples():
        taken = []
        for pattern, actor, via in names:
            for m in re.finditer(rf"\b(?:{pattern})\b", s.text):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    taken.append((m.start(), m.end()))
                    rows.append((actor, s.sent_id, m.start(), m.end(), m.group(0), via))
        for prefix, word, nth, actor in pronouns:
            if s.text.startswith(prefix):
                hits = list(re.finditer(rf"\b{word}\b", s.text))
                m = hits[nth]
                rows.append((actor, s.sent_id, m.start(), m.end(), word, "pronoun"))
    return pd.DataFrame(rows, columns=COLUMNS["mentions"]).sort_values(["sent_id", "start"]).reset_index(drop=True)


@pytest.fixture(scope="module")
def seed():
    sents = make_sentences(SEED_PARAGRAPHS)
    ments = make_mentions(sents, SEED_NAMES, SEED_PRONOUNS)
    def sid(prefix):
        return int(sents[sents["text"].str.startswith(prefix)]["sent_id"].iloc[0])

    quotes = pd.DataFrame(
        [
            ("Donald Trump", "wrote", "Not necessary, and very bad timing. Vladimir, STOP!", sid("“Not necessary"), True),
            ("Donald Trump", "said", "This isn’t my war,", sid("“This isn’t my war"), True),
            ("Mark Rutte", "added", "There is something on the table now", sid("“There is something"), True),
        ],
        columns=COLUMNS["quotes"],
    )
    return sents, ments, quotes


def edges_of(blame, source, target=None, relation=None, negated=None):
    df = blame[blame["source"] == source]
    if target is not None:
        df = df[df["target"] == target]
    if relation is not None:
        df = df[df["relation"] == relation]
    if negated is not None:
        df = df[df["negated"] == negated]
    return df


# ----------------------------------------------------------------------------- seed expectations
def test_seed_trump_criticises_zelensky(seed):
    blame = framing.find_blame(*seed)
    crit = edges_of(blame, "Donald Trump", "Volodymyr Zelensky", "criticism", False)
    assert len(crit) == 1  # one sentence, three cues
    cues = crit["cue"].iloc[0]
    assert "anger toward" in cues and "dictator" in cues and "main impediment" in cues


def test_seed_trump_blames_biden_inside_quote(seed):
    blame = framing.find_blame(*seed)
    row = edges_of(blame, "Donald Trump", "Joe Biden", "blame", False)
    assert len(row) == 1
    assert row["evidence"].iloc[0] == "“It’s Biden’s war.”"
    assert row["source_via"].iloc[0] == "speaker"


def test_seed_biden_edge_without_quotes_table(seed):
    sents, ments, _ = seed  # the speaker comes from "”, Mr. Trump said" in the same paragraph
    blame = framing.find_blame(sents, ments, empty("quotes"))
    assert len(edges_of(blame, "Donald Trump", "Joe Biden", "blame", False)) == 1


def test_seed_refusal_to_blame_putin_is_negated_never_plain(seed):
    sents = seed[0]
    blame = framing.find_blame(*seed)
    refusal_sid = sents[sents["text"].str.startswith("Mr. Trump refused")]["sent_id"].iloc[0]
    at = blame[blame["sent_id"] == refusal_sid]
    assert len(edges_of(at, "Donald Trump", "Vladimir Putin", "blame", True)) == 1
    assert edges_of(at, "Donald Trump", "Vladimir Putin", "blame", False).empty
    assert at["negation_cue"].iloc[0] == "refused to"
    # nowhere in the seed does Trump plainly blame Putin
    assert edges_of(blame, "Donald Trump", "Vladimir Putin", "blame", False).empty


def test_seed_avoided_criticism_is_negated(seed):
    blame = framing.find_blame(*seed)
    row = edges_of(blame, "Donald Trump", "Vladimir Putin", "criticism")
    assert row["negated"].tolist() == [True]
    assert row["negation_cue"].iloc[0] == "avoided"


def test_seed_rutte_holds_russia_responsible(seed):
    blame = framing.find_blame(*seed)
    row = edges_of(blame, "Mark Rutte", "Russia", "responsibility", False)
    assert len(row) == 1 and row["cue"].iloc[0].startswith("ball is clearly in the Russian court")
    # ... and praises the Ukrainians for "playing ball"
    assert len(edges_of(blame, "Mark Rutte", "Ukraine", "praise", False)) == 1


def test_seed_trump_deflects(seed):
    blame = framing.find_blame(*seed)
    defl = edges_of(blame, "Donald Trump", relation="deflection", negated=False)
    assert set(defl["cue"]) == {"divert blame", "n't my war"}
    assert set(defl["target"]) == {""}


def test_seed_pressure_edges(seed):
    blame = framing.find_blame(*seed)
    pressure = edges_of(blame, "Donald Trump", relation="pressure")
    plain = set(pressure[~pressure["negated"]]["target"])
    assert {"Vladimir Putin", "Ukraine", "Volodymyr Zelensky"} <= plain  # appeal/calling on; threat; demanded that
    # "asked whether he would impose sanctions on Russia, Mr. Trump declined to say": a refusal
    sanctions = pressure[pressure["cue"] == "sanctions on"]
    assert sanctions["target"].tolist() == ["Russia"] and sanctions["negated"].tolist() == [True]
    assert len(edges_of(blame, "Israel", "Donald Trump", "pressure", False)) == 1
    assert len(edges_of(blame, "Donald Trump", "Russia", "criticism", False)) == 1  # "not happy" with Russia's attack


def test_seed_no_edge_from_agentive_passive(seed):
    blame = framing.find_blame(*seed)
    sents = seed[0]
    sid = sents[sents["text"].str.startswith("The plan")]["sent_id"].iloc[0]
    assert blame[blame["sent_id"] == sid].empty


def test_blame_table_contract(seed):
    blame = framing.find_blame(*seed)
    assert list(blame.columns[:7]) == COLUMNS["blame"]
    assert set(blame["relation"]) <= set(BLAME_RELATIONS)
    assert blame["negated"].dtype == bool
    assert not ((blame["source"] == blame["target"]) & (blame["relation"] != "deflection")).any()


# ----------------------------------------------------------------------------- invented article
def fixture_paragraphs():
    """Body paragraphs of the invented article (the first line is its title)."""
    raw = (FIXTURES / "framing_river_dispute.txt").read_text(encoding="utf-8")
    return [p.strip() for p in raw.split("\n\n")[1:] if p.strip()]


FIXTURE_NAMES = [
    (r"(?:Governor |Ms\. )?Okafor", "Amara Okafor", "name"),
    (r"(?:Mayor |Mr\. )?Lindqvist", "Per Lindqvist", "name"),
    (r"(?:the )?Harlow Water Company", "Harlow Water Company", "name"),
    (r"[Tt]he company", "Harlow Water Company", "alias"),
    (r"(?:the )?Fisheries Board", "Fisheries Board", "name"),
    (r"Brenner", "Tomas Brenner", "name"),
    (r"Danish", "Denmark", "demonym"),
    (r"Denmark", "Denmark", "name"),
]
FIXTURE_PRONOUNS = [
    ("Asked whether", "she", 0, "Amara Okafor"),
    ("Asked whether", "she", 1, "Amara Okafor"),
    ("Mr. Lindqvist, who", "her", 0, "Amara Okafor"),
]


@pytest.fixture(scope="module")
def invented():
    sents = make_sentences(fixture_paragraphs())
    ments = make_mentions(sents, FIXTURE_NAMES, FIXTURE_PRONOUNS)
    return sents, ments, empty("quotes")


def test_invented_article_edges(invented):
    blame = framing.find_blame(*invented)
    got = {(r.source, r.target, r.relation, bool(r.negated)) for r in blame.itertuples()}
    expected = {
        ("Per Lindqvist", "Harlow Water Company", "blame", False),  # "accused the Harlow Water Company"
        ("Harlow Water Company", "Fisheries Board", "blame", False),  # "the company blamed the Board"
        ("Tomas Brenner", "Fisheries Board", "criticism", False),  # passive: "was criticized by Tomas Brenner"
        ("Per Lindqvist", "Amara Okafor", "criticism", False),  # "branded her a puppet" (pronoun)
        ("Amara Okafor", "Harlow Water Company", "blame", True),  # "stopped short of blaming"
        ("Amara Okafor", "Per Lindqvist", "pressure", True),  # "declined to say" whether she urged
        ("Tomas Brenner", "Per Lindqvist", "praise", False),  # inside a quote, speaker after it
        ("Tomas Brenner", "Denmark", "responsibility", False),  # "It is up to the Danish ..."
        ("Harlow Water Company", "", "deflection", False),  # "denied any responsibility"
        ("narrator", "Harlow Water Company", "responsibility", False),  # "is responsible for" in the article's voice
    }
    assert expected <= got, expected - got
    assert ("Amara Okafor", "Harlow Water Company", "blame", False) not in got


def test_invented_article_hidden_agency(invented):
    sents = invented[0]
    hidden = framing.passives(sents)
    cues = set(zip(hidden["kind"], hidden["cue"]))
    assert ("agentless passive", "were poisoned") in cues
    assert ("agentless passive", "was closed") in cues
    assert ("death verb", "died") in cues
    assert ("nominalisation", "spill") not in cues  # not in the list: no false claim
    assert ("nominalisation", "killing") in cues
    assert not any("criticized" in c for _, c in cues)  # has an agent ("by Tomas Brenner")


# ----------------------------------------------------------------------------- passives
@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The plan was rejected by Mr. Zelensky, infuriating Mr. Trump.", []),
        ("Three protesters were killed on Tuesday.", [("agentless passive", "were killed")]),
        ("The general was fired after airing grievances.", [("agentless passive", "was fired")]),
        ("5000 soldiers a week are dying.", [("death verb", "dying")]),
        ("He should be asked again in a week.", [("agentless passive", "be asked")]),
        ("The deadliest attack on Kyiv in nearly a year.", [("nominalisation", "attack")]),
        ("Russia’s missile attack came a day later.", []),
        ("He wants to stop his bombing campaign.", []),
        ("after the overnight bombing of Kyiv", [("nominalisation", "bombing")]),
        ("Russian strikes hit the city.", []),
        ("She was worried about the vote.", []),
        ("The bridge was not yet rebuilt.", [("agentless passive", "was not yet rebuilt")]),
        ("The bridge was heavily damaged by the storm.", []),
        ("They were never told.", [("agentless passive", "were never told")]),
    ],
)
def test_passives_rules(sentence, expected):
    sents = make_sentences([sentence])
    got = framing.passives(sents)
    assert list(zip(got["kind"], got["cue"])) == expected


def test_passives_seed_sentences(seed):
    got = framing.passives(seed[0])
    assert ("death verb", "dying") in set(zip(got["kind"], got["cue"]))
    assert "was rejected" not in set(got["cue"])
    assert list(got.columns) == framing.PASSIVE_COLUMNS


# ----------------------------------------------------------------------------- frames
def test_frames_seed(seed):
    table = framing.frames(*seed)
    assert list(table.columns[:6]) == framing.FRAME_COLUMNS
    assert len(table) == 20 and table["question_id"].tolist() == [f"Q{i}" for i in range(1, 21)]
    ans = dict(zip(table["question_id"], table["answer"]))
    assert ans["Q12"] and ans["Q4"] and ans["Q11"] and ans["Q13"]  # reproach, blame, disagreement, two sides
    assert ans["Q16"]  # "a moral distinction"
    assert not ans["Q10"] and table.set_index("question_id").loc["Q10", "evidence"] == "not applicable (text only)"
    no = table[~table["answer"].astype(bool) & table["applicable"]]
    assert (no["evidence"] == "no evidence").all() and (no["sent_ids"] == "").all()
    yes = table[table["answer"].astype(bool)]
    assert (yes["sent_ids"] != "").all()
    scores = framing.frame_scores(table).set_index("frame")
    assert list(scores.index) == list(framing.FRAMES)
    assert scores.loc["conflict", "score"] >= 0.75
    assert scores.loc["human_interest", "questions"] == 4
    assert ((scores["score"] >= 0) & (scores["score"] <= 1)).all()


def test_frame_scores_hand_computed():
    table = pd.DataFrame(
        {
            "frame": ["conflict"] * 4 + ["economic"] * 3,
            "question_id": ["Q11", "Q12", "Q13", "Q14", "Q18", "Q19", "Q20"],
            "answer": [True, True, False, False, True, False, False],
        }
    )
    s = framing.frame_scores(table).set_index("frame")
    assert s.loc["conflict", "score"] == 0.5 and s.loc["economic", "score"] == pytest.approx(1 / 3)
    assert s.loc["morality", "score"] == 0.0 and s.loc["morality", "questions"] == 0


# ----------------------------------------------------------------------------- lexicons
def test_lexicons_load_and_document():
    for name in ("blame_cues.tsv", "deflection_cues.tsv", "negation_cues.tsv", "passive_cues.tsv", "frame_questions.tsv"):
        raw = (framing.DATA / name).read_text(encoding="utf-8")
        assert raw.startswith("# "), f"{name} lacks its header"
        assert len(framing.load_lexicon(name)) > 3
    relations = {c.relation for c in framing.blame_cues()}
    assert relations == set(BLAME_RELATIONS)
    qs = framing.frame_questions()
    assert qs.groupby("frame").size().to_dict() == {
        "responsibility": 5, "human_interest": 5, "conflict": 4, "morality": 3, "economic": 3}


def test_every_cue_matches_its_example():
    for cue in framing.blame_cues():
        assert cue.regex.search(framing._straight(cue.example)), (cue.relation, cue.example)


# ----------------------------------------------------------------------------- degenerate input
def test_empty_inputs():
    none = empty("sentences")
    assert list(framing.find_blame(none, empty("mentions"), empty("quotes")).columns[:7]) == COLUMNS["blame"]
    assert framing.find_blame(none, empty("mentions"), empty("quotes")).empty
    assert framing.passives(none).empty and list(framing.passives(none).columns) == framing.PASSIVE_COLUMNS
    assert framing.frames(none, empty("mentions"), empty("quotes")).empty
    assert framing.frame_scores(framing.frames(none, empty("mentions"), empty("quotes"))).empty


def test_no_mentions_means_no_edges_but_deflection():
    sents = make_sentences(["“This isn’t my war,” he said. Officials blamed the weather."])
    blame = framing.find_blame(sents, empty("mentions"), empty("quotes"))
    assert blame["relation"].tolist() == ["deflection"]
    assert blame["source"].tolist() == ["narrator"] and blame["target"].tolist() == [""]


def test_unclosed_quote_and_odd_text_do_not_crash():
    sents = make_sentences(["“He blamed", "", "x", "Blame blame blame."])
    ments = pd.DataFrame([("Someone", 0, 3, 5, "He", "pronoun")], columns=COLUMNS["mentions"])
    out = framing.find_blame(sents, ments, empty("quotes"))
    assert list(out.columns[:7]) == COLUMNS["blame"]


# ----------------------------------------------------------------------------- integration
def _seed_stage_tables():
    from helpers import actors, attribution, load_article
    from helpers.paths import SEED_ARTICLE

    sents = text.sentences(load_article(SEED_ARTICLE))
    ments = actors.find_mentions(sents)
    return sents, ments, attribution.find_quotes(sents, ments)


def _check_seed_edges(blame):
    def has(src, tgt, rel, neg):
        return not blame[blame["source"].str.contains(src) & blame["target"].str.contains(tgt)
                         & (blame["relation"] == rel) & (blame["negated"] == neg)].empty

    assert has("Trump", "Zelensky", "criticism", False)
    assert has("Trump", "Biden", "blame", False)
    assert has("Trump", "Putin", "blame", True) and not has("Trump", "Putin", "blame", False)
    assert has("Rutte", "Russia", "responsibility", False)
    assert has("Trump", "", "deflection", False)


def test_integration_with_real_actor_and_quote_stages():
    sents, ments, quotes = _seed_stage_tables()
    if ments.empty:
        pytest.skip("actors.find_mentions returns nothing yet")
    _check_seed_edges(framing.find_blame(sents, ments, quotes))


def test_integration_through_analyze(seed_path):
    import helpers

    try:
        analysis = helpers.analyze(seed_path)
    except FileNotFoundError as err:  # a trained model of another stage not built yet
        pytest.skip(str(err))
    _check_seed_edges(analysis.blame)
    assert {"passives", "frames"} <= set(analysis.tables)
    assert len(analysis.frames) == 20


# ----------------------------------------------------------------------------- figures
def test_figures_blame_network_and_frames(seed):
    import matplotlib.pyplot as plt

    from helpers.figures import blame as fig_blame
    from helpers.pipeline import Analysis

    sents, ments, quotes = seed
    analysis = Analysis(article=Article(paragraphs=SEED_PARAGRAPHS), tables={
        "blame": framing.find_blame(sents, ments, quotes), "frames": framing.frames(sents, ments, quotes)})
    fig, data = fig_blame.blame_network(analysis)
    assert list(data.columns) == ["source", "target", "relation", "negated", "count"]
    assert data["count"].sum() == len(analysis.blame)
    assert fig_blame.NOBODY in set(data["target"])  # deflections that name no one
    plt.close(fig)
    fig, scores = fig_blame.frame_bars(analysis)
    assert scores["frame"].tolist() == list(framing.FRAMES)
    plt.close(fig)
    empty_analysis = Analysis(article=Article(), tables={"blame": empty("blame")})
    assert fig_blame.blame_network(empty_analysis) is None
    assert fig_blame.frame_bars(empty_analysis) is None
