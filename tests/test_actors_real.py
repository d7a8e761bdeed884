"""The fault classes that real news exposed (issue 12), each on invented texts with other names and outlets."""
from __future__ import annotations

import helpers
from helpers import actors, attribution, resources, text


def _analyse(raw: str):
    art = helpers.load_article(raw)
    sents = text.sentences(art)
    mentions = actors.find_mentions(sents)
    return art, sents, mentions


def _actor_of(mentions, surface: str) -> str:
    rows = mentions[mentions["surface"] == surface]
    assert not rows.empty, f"no mention {surface!r}"
    return rows["actor"].iloc[0]


BODY = ("Lawmakers met on Tuesday to weigh the proposal for the harbour, which has divided the coastal towns "
        "for years and is expected to come to a vote before the end of the month.")


def test_headlines_with_dotted_abbreviations_a_leading_number_or_a_final_stop():
    for title in ("N.J. Senator Rejects Harbour Plan", "Gov. Hale Signs Budget Into Law",
                  "2024 Hopefuls Demand a Debate on Water", "Harbour plan draws fire from both parties.",
                  "U.N. Envoy Warns of Famine"):
        art = helpers.load_article(f"{title}\n\n{BODY}\n\nMore followed on Wednesday.")
        assert art.title == title, title
        assert art.paragraphs[0] == BODY
    # a headline with a semicolon takes its second line as the dek (USA Today style)
    art = helpers.load_article(f"Water bill stalls again;\n\nSmall towns wait for repairs.\n\n{BODY}")
    assert (art.title, art.dek, art.paragraphs[0]) == ("Water bill stalls again;", "Small towns wait for repairs.", BODY)
    # a short first paragraph with a final stop is not a headline when no long paragraph follows
    art = helpers.load_article("First line here, with words.\nSecond one follows it.\n\nThird.")
    assert art.title == "" and len(art.paragraphs) == 3


def test_fragments_before_a_name_are_not_part_of_it():
    raw = ("Voters Who Backed Hale Are Angry\n\n" + BODY + " Critics say Hale is wrong. Plus Hale is "
           "nominating a judge. Members Who Criticized Hale were upset. Robert Hale said nothing. "
           "The Kelmar Gazette wrote about it.")
    _, _, m = _analyse(raw)
    names = set(m["actor"])
    assert "Robert Hale" in names and "Kelmar Gazette" in names
    assert not any(a.startswith(("Plus", "Criticized", "Who", "Say")) for a in names)
    assert set(m[m["surface"].str.endswith("Hale")]["actor"]) == {"Robert Hale"}


def test_relatives_keep_their_own_names_and_the_titled_person_keeps_the_title():
    raw = ("Governor and family\n\n" + BODY + " Governor Robert Hale spoke on Monday. His son Robert Hale Jr. "
           "and Marta Hale watched. Governor Hale said he was proud. Hale Jr. said nothing. Mr. Hale left. "
           "Marta Hale smiled, and Hale waved.")
    _, _, m = _analyse(raw)
    assert _actor_of(m, "Robert Hale Jr.") == "Robert Hale Jr."
    assert _actor_of(m, "Governor Hale") == "Robert Hale"
    assert _actor_of(m, "Mr. Hale") == "Robert Hale"
    assert _actor_of(m, "Hale Jr.") == "Robert Hale Jr."
    # a bare shared surname: the most recently named compatible person (documented rule)
    assert m[m["surface"] == "Hale"]["actor"].iloc[-1] == "Marta Hale"


def test_apposition_introduces_a_person_of_her_own():
    raw = ("Family feud\n\n" + BODY + " Ines Varga, one of former Senator Paul Varga's two daughters, spoke. "
           "Former Senator Varga agreed. Ines Varga said she disagreed.")
    _, _, m = _analyse(raw)
    assert _actor_of(m, "Ines Varga") == "Ines Varga"
    assert _actor_of(m, "Former Senator Varga") == "Paul Varga"
    assert m[m["surface"] == "she"]["actor"].iloc[0] == "Ines Varga"


def test_given_names_from_the_maintained_data_set_give_names_and_gender():
    genders = resources.given_name_genders()
    assert genders["petra"] == "f" and genders["tomas"] == "m" and len(genders) > 30_000
    raw = ("Talks resume\n\n" + BODY + " President Petra Halvorsen met Tomas Brun. She said the talks went well. "
           "Halvorsen thanked Brun, and he smiled.")
    _, _, m = _analyse(raw)
    assert _actor_of(m, "President Petra Halvorsen") == "Petra Halvorsen"
    assert m[m["surface"] == "She"]["actor"].iloc[0] == "Petra Halvorsen"
    assert m[m["surface"] == "he"]["actor"].iloc[0] == "Tomas Brun"
    assert set(m[m["actor"] == "Petra Halvorsen"]["kind"]) == {"person"}


def test_sentences_do_not_split_after_dotted_acronyms_or_party_state_tags():
    split = lambda t: [t[a:b] for a, b in resources.split_sentences(t)]  # noqa: E731
    assert split("Officials at the F.B.I. warnings went unheeded. Then it rained.") == [
        "Officials at the F.B.I. warnings went unheeded.", "Then it rained."]
    assert split("Sen. Ana Ruiz (D-Colo.) was offered a post. She refused.") == [
        "Sen. Ana Ruiz (D-Colo.) was offered a post.", "She refused."]
    assert split("Reps. Tom Ade (R-Tenn.) and Lee Moy (D-Ore.) spoke. They left.") == [
        "Reps. Tom Ade (R-Tenn.) and Lee Moy (D-Ore.) spoke.", "They left."]
    assert split("It makes most of the power in the U.S. The group said so.") == [
        "It makes most of the power in the U.S.", "The group said so."]
    assert split("The U.S. Senate voted. It passed.") == ["The U.S. Senate voted.", "It passed."]


def test_towns_datelines_and_demonyms_of_a_country_the_article_names():
    raw = ("Lorvania and Brestia trade blame\n\nKELMAR, Lorvania — President Ida Sorel of Lorvania said on Monday "
           "that Brestia had closed the border. Lorvanian farmers in Dunsk said the Lorvanian government had "
           "failed them. A farmer near Vessa agreed. Brestian officials denied it. The Lorvanians protested in "
           "Kelmar, and residents of the Drava valley joined them.")
    _, _, m = _analyse(raw)
    actors_ = set(m["actor"])
    assert {"Lorvania", "Brestia", "Ida Sorel"} <= actors_
    assert not actors_ & {"Kelmar", "Dunsk", "Vessa", "Drava"}
    assert set(m[m["surface"].isin(["Lorvanian", "Lorvanians", "the Lorvanian government"])]["actor"]) == {"Lorvania"}
    assert _actor_of(m, "Brestian") == "Brestia"
    assert set(m[m["actor"] == "Lorvania"]["kind"]) == {"country"}
    # the dateline's country is not a mention either: the first Lorvania is the one after "of"
    first = m[m["actor"] == "Lorvania"].iloc[0]
    assert first["sent_id"] == 0 and first["start"] > len("KELMAR, Lorvania —")
    # a city of the gazetteer in a multi-word name is a place; a surname that is also a town stays a name
    _, _, m2 = _analyse("Harbour\n\n" + BODY + " Officials in Fort Worth agreed with Ana Warren. Warren said so.")
    assert "Fort Worth" not in set(m2["actor"]) and _actor_of(m2, "Warren") == "Ana Warren"


def test_related_headings_and_reporter_notes_are_furniture():
    raw = ("Rivers run low in the north\n\n" + BODY + "\n\nRelated stories\nPledges of aid fall short\n"
           "Explainer: the drought and the vote\n\nThe ministry said it would send water trucks.\n\n"
           "More coverage\nGrowers Brace for Price Rises\n\n"
           "Lena Fisk reported from Kelmar and Ole Brandt from Dunsk.")
    art = helpers.load_article(raw)
    assert art.paragraphs == [BODY, "The ministry said it would send water trucks."]
    assert "Pledges of aid fall short" in art.furniture
    assert art.furniture[-1] == "Lena Fisk reported from Kelmar and Ole Brandt from Dunsk."


def test_documents_places_and_fixed_phrases_in_speaker_selection():
    raw = ("Growers wait\n\n" + BODY + " Growers in the Drava valley say the river is lower than ever. "
           "The talks will resume on Friday, according to a timetable released by the ministry. "
           "Minister Adrian Vos spoke on Monday. He went on to say that the trucks would come. "
           "The indictment says the minister lied. An open letter said the plan had failed.")
    _, sents, m = _analyse(raw)
    q = attribution.find_quotes(sents, m)
    by_content = dict(zip(q["content"], zip(q["speaker"], q["kind"])))
    assert by_content["the river is lower than ever"][0] == "Growers"
    assert by_content["The talks will resume on Friday"] == ("", "evidence")
    assert by_content["the trucks would come"][0] == "Adrian Vos"
    assert by_content["the minister lied"] == ("", "evidence")
    assert by_content["the plan had failed"] == ("", "evidence")


def test_definite_phrases_for_a_country_or_an_organisation_named_before():
    raw = ("Harbour\n\n" + BODY + " Norway's fishing fleet is idle, Oslo said. The Kelmar Fisheries Agency "
           "warned of losses. The agency said the country would need aid. Officials said the federal "
           "government had not answered. The company said nothing.")
    _, _, m = _analyse(raw)
    assert _actor_of(m, "The agency") == "Kelmar Fisheries Agency"
    assert _actor_of(m, "the country") == "Norway"
    assert _actor_of(m, "the federal government") == "Norway"
    assert "The company" not in set(m["surface"])  # nothing it could stand for: no mention


def test_codes_plural_acronyms_and_party_adjectives_are_no_actors():
    raw = ("Visas\n\n" + BODY + " The EB-5 program lets investors buy visas. Two super PACs spent more; one "
           "PAC spent most. Democratic donors and Republican governors met Rep. Ana Ruiz (D-Colo.) and the FBI.")
    _, _, m = _analyse(raw)
    names = set(m["actor"])
    assert not names & {"EB-5", "EB", "PAC", "PACs", "Democratic", "Republican", "D-Colo", "Democrats", "Republicans"}
    assert {"Ana Ruiz", "FBI"} <= names


def test_opening_marks_moved_by_a_lost_paragraph_break_are_put_back():
    from helpers.article import repair_quotes

    flat = ('The council voted on Monday to close the harbour." We cannot wait any longer," Mayor Ilse Varn said. '
            '"Every week costs the town dearly." It will take a year," she added, "and we will start now." '
            'He called it "a disaster." Critics said the plan was "dead," and left.')
    pieces = repair_quotes(flat)
    assert pieces == ['The council voted on Monday to close the harbour.',
                      '"We cannot wait any longer," Mayor Ilse Varn said. "Every week costs the town dearly.',
                      '"It will take a year," she added, "and we will start now." He called it "a disaster." '
                      'Critics said the plan was "dead," and left.']
    assert repair_quotes('He said "no." Then he left. "Yes," she said.') == ['He said "no." Then he left. "Yes," she said.']
    # the reader applies it, and the raw-offset map still finds every paragraph
    raw = "Harbour closes\n\n" + BODY + " " + flat
    art = helpers.load_article(raw)
    assert text.RawMap(raw, art).missing == []
    q = attribution.find_quotes(text.sentences(art), actors.find_mentions(text.sentences(art)))
    direct = q[q["direct"] & (q["kind"] != "partial")]
    assert list(direct["content"])[:3] == ["We cannot wait any longer", "Every week costs the town dearly.",
                                           "It will take a year"]
    assert set(direct["speaker"]) == {"Ilse Varn"}
    # "Critics said the plan was "dead,"": the quoted word of a reported statement (attribution's partial rows);
    # "He called it "a disaster."": a naming stance, its quoted words are his too ("he" unresolved: speaker "")
    assert q[q["kind"] == "partial"][["speaker", "speaker_surface", "content"]].values.tolist() == [
        ["", "He", "a disaster."], ["Critics", "Critics", "dead"]]


def test_a_pronoun_in_a_who_clause_refers_to_the_name_before_who():
    _, _, m = _analyse("Endorsement\n\n" + BODY + " Senator Ana Ruiz endorsed Paul Varga, who says he is honored.")
    assert m[m["surface"] == "he"]["actor"].iloc[0] == "Paul Varga"


def test_a_headline_glued_to_the_first_sentence_of_a_flattened_text():
    from helpers.article import split_glued_headline

    body = " ".join([BODY] * 3)
    cases = {
        "Court halts harbour sale brought by fishing families KELMAR, Lorvania – The court ruled on Monday. ":
            "Court halts harbour sale brought by fishing families",
        "Is Ana Ruiz the greenest senator yet? It was not hard for Ruiz to look green. ":
            "Is Ana Ruiz the greenest senator yet?",
        "Mayor signs orders that make it harder to sell the harbour Governor Hale on Tuesday signed two orders. ":
            "Mayor signs orders that make it harder to sell the harbour",
        "Despite Doubts And Delays, The Harbour Plan Wins Friends Local fishermen occupied the office. ":
            "Despite Doubts And Delays, The Harbour Plan Wins Friends",
    }
    for start, title in cases.items():
        assert split_glued_headline(start + body)[0] == title
        art = helpers.load_article(start + body)
        assert art.title == title and not art.paragraphs[0].startswith(title)
    # a first sentence that is a plain sentence, or a text with line breaks, keeps its start
    assert split_glued_headline("The harbour closed on Monday after the vote. " + body) is None
    art = helpers.load_article("Harbour closes, officials say,\n" + body)  # two lines: not a flattened text
    assert art.paragraphs[0] == "Harbour closes, officials say,"


def test_documents_laws_events_and_section_labels_are_no_actors():
    raw = ("Rights\n\nLETTERS.\n\n" + BODY + " The Second Amendment and the Constitution were cited, as was the "
           "Affordable Care Act and World War II. Ana Ruiz and the War Department disagreed.\n\nFACEBOOK.\n\n"
           "Readers wrote in.")
    art, _, m = _analyse(raw)
    assert "LETTERS." in art.furniture and "FACEBOOK." in art.furniture
    names = set(m["actor"])
    assert not any(w in a for a in names for w in ("Amendment", "Constitution", "Care Act", "World War"))
    assert {"War Department", "Ana Ruiz"} <= names


def test_organisation_names_keep_their_first_word_and_outlets_their_place_word():
    raw = ("Debate\n\n" + BODY + " Green Party candidate Ana Ruiz left Kelmar University on Monday. Secret Service "
           "agents watched, The Wall Street Journal reported. Yesterday Parliament voted. Officials in Orangeburg "
           "County agreed.")
    _, _, m = _analyse(raw)
    names = set(m["actor"])
    assert {"Green Party", "Secret Service", "The Wall Street Journal", "Parliament", "Kelmar University"} <= names
    assert not names & {"Party", "Service", "Yesterday Parliament", "Orangeburg County", "Orangeburg"}


def test_the_seat_as_a_prize_is_no_government():
    _, _, m = _analyse("Race\n\n" + BODY + " Ruiz is in the race for the White House. The White House said no. "
                       "Talks resume on Sept. 26 in the capital.")
    wh = m[m["surface"] == "White House"]
    assert len(wh) == 1 and wh["actor"].iloc[0] == "United States"
    assert "Sept" not in set(m["actor"])


def test_a_title_or_dotted_acronym_before_a_name_never_ends_a_sentence():
    split = lambda t: [t[a:b] for a, b in resources.split_sentences(t)]  # noqa: E731
    assert split("“Mr. Hale, the developer, left,” she said.") == ["“Mr. Hale, the developer, left,” she said."]
    assert split('They cited the U.S. Constitution." It was late.') == ['They cited the U.S. Constitution."', "It was late."]
    assert split("He met Joseph R. Hale Jr. Lorvania was next.") == ["He met Joseph R. Hale Jr.", "Lorvania was next."]


def test_a_bare_shared_surname_after_an_aside_about_a_relative_is_the_principal():
    raw = ("Mayor under fire\n\n" + BODY + " Mayor Lena Ostrova defended the budget on Monday. Ostrova said the "
           "harbour would be rebuilt. Critics circulated a photo of her husband, Piotr Ostrova, at a yacht club. "
           "Ostrova called the photo a distraction. Piotr Ostrova declined to comment, and Ostrova waved.")
    _, _, m = _analyse(raw)
    hits = m[m["surface"] == "Ostrova"]["actor"].tolist()
    # named as an object ("a photo of … Piotr Ostrova"): the bare surname stays with the principal;
    # named as the subject of the same sentence: the bare surname is him
    assert hits == ["Lena Ostrova", "Lena Ostrova", "Piotr Ostrova"]


def test_everyday_words_in_capitals_are_not_actors():
    raw = ("Storm season\n\n" + BODY + " Drilling in the Arctic Ocean worried Nadia Kessler of the Tidewater "
           "Council. Kessler warned of tax breaks in New York City. Harbour Pilots have the right to strike, "
           "the pilots' union said.")
    _, _, m = _analyse(raw)
    names = set(m["actor"])
    assert {"Nadia Kessler", "Tidewater Council"} <= names
    # a place's head word, or a word the article also writes in lower case ("pilots")
    assert not names & {"Ocean", "City", "Pilots", "Harbour Pilots"}
    # a surname that is an everyday word is still a name ("Brown's plan", "Bush lost")
    _, _, m2 = _analyse("Plan\n\n" + BODY + " The brown river rose. Critics mocked Brown's plan, and Bush lost the vote.")
    assert {"Brown", "Bush"} <= set(m2["actor"])


def test_a_country_inside_an_organisation_name_is_part_of_it():
    raw = ("Money race\n\n" + BODY + " The anti-Varga Forward USA Fund raised $3 million, Lena Varga told "
           "Kelmar Today. Lobbyists from the Canadian Grain Association and Open Roads US, a group of unions, "
           "met officials of Canada Citizenship and Immigration Services. U.S. District Court Judge Ana Ruiz "
           "ruled against them, and Canada protested.")
    _, _, m = _analyse(raw)
    names = set(m["actor"])
    assert {"Forward USA Fund", "Canadian Grain Association", "Open Roads US",
            "Canada Citizenship and Immigration Services", "U.S. District Court"} <= names
    assert _actor_of(m, "Varga") == "Lena Varga"  # the name in "anti-Varga" is a name of its own
    assert _actor_of(m, "Judge Ana Ruiz") == "Ana Ruiz"
    # the country itself is only where the text names it
    assert m[m["actor"] == "Canada"]["surface"].tolist() == ["Canada"]
    assert "United States" not in names


def test_furniture_left_inside_a_flattened_text_is_cut_out():
    body = ("Harbour pilots walked off the job on Tuesday, the Kelmar Port Authority said, leaving dozens of "
            "ships waiting outside the breakwater for a second day. ")
    caption = "Pilots gather outside the port office in Kelmar on Tuesday. "
    raw = ("Pilots strike leaves ships stranded " + body + caption + "**Ana Ruiz/Reuters******hide caption******"
           "**toggle caption****Ana Ruiz/Reuters " + caption.strip() + " Ana Ruiz/Reuters The strike began after "
           "talks with Mayor Ines Varga Ines Maria Varga Storm closes schools Budget vote delayed again MORE broke "
           "down on Monday. (RELATED: Port Strike Enters Day Two As Talks Stall) The pilots want higher pay. "
           "CLICK HERE TO GET THE KELMAR TIMES APPThe authority said it would meet them on Friday, and Varga "
           "urged both sides to compromise before the weekend, when the ferries to the islands are full. "
           "The Kelmar Wire contributed to this report.")
    art = helpers.load_article(raw)
    body_text = " ".join(art.paragraphs)
    for gone in ("hide caption", "Ana Ruiz", "RELATED", "CLICK HERE", "Ines Maria Varga", "Storm closes",
                 "contributed to this report", "Pilots gather"):
        assert gone not in body_text, gone
    assert any("hide caption" in f for f in art.furniture)
    assert "talks with Mayor Ines Varga" in body_text and "The authority said it would meet them" in body_text
    # what stays maps back to the raw text (only whole pieces were cut)
    rmap = text.RawMap(raw, art)
    assert not rmap.missing
    _, _, m = _analyse(raw)
    assert "Ana Ruiz" not in set(m["actor"]) and "Reuters" not in set(m["actor"])


def test_a_bare_shared_surname_stays_with_the_person_the_article_calls_by_it():
    # the relative is named in full every time, the principal by the surname: "Dole" stays his
    raw = ("Leave plan\n\n" + BODY + " Marek Dole unveiled a leave plan on Monday. Dole said it would help parents. "
           "His daughter Anya Dole wrote the plan. In an interview, Anya Dole defended it. Critics were unmoved. "
           "Anya Dole said more was coming. Economists were split. The cost of Dole's plan is unclear.")
    _, _, m = _analyse(raw)
    assert m[m["surface"] == "Dole"]["actor"].tolist() == ["Marek Dole", "Marek Dole"]


def test_role_descriptions_with_party_words_apposition_and_campaign_roles():
    raw = ("Race tightens\n\n" + BODY + " Marta Olsen campaigned in the valley on Monday. The Republican nominee "
           "promised lower rents. \"I will vote for the Democratic candidate, Tomas Berg,\" a voter said. Ana Berg, "
           "the Democratic candidate's sister, agreed. Kelmar Shipping CEO Ivo Lind said the Democratic senator, "
           "Ruth Kane, would decide. Lind hoped Berg might be that candidate.")
    _, _, m = _analyse(raw)
    assert _actor_of(m, "The Republican nominee") == "Marta Olsen"  # nobody is titled nominee: the one named most
    assert _actor_of(m, "the Democratic candidate") == "Tomas Berg"  # the name in apposition after it
    row = m[m["surface"].str.startswith("the Democratic candidate")]
    assert row["actor"].tolist() == ["Tomas Berg", "Tomas Berg"]  # not Ana Berg, the subject of that sentence
    assert _actor_of(m, "the Democratic senator") == "Ruth Kane"
    assert _actor_of(m, "Kelmar Shipping") == "Kelmar Shipping"  # a company before "CEO" and a name
    assert set(m[m["actor"] == "Kelmar Shipping"]["kind"]) == {"organization"}
    assert "that candidate" not in set(m["surface"])  # a predicate after "be" stands for nobody


def test_headlines_glued_to_a_flattened_body():
    rest = ("the harbour board said on Tuesday, after a week of talks with the pilots' union broke down over pay "
            "and the length of shifts, and the ferries to the islands stayed in port while the ministers argued "
            "about who should pay for the repairs to the breakwater and the old quay.")
    cases = {
        # a headline of two Title Case sentences, then the body's subject with party, place and office
        "Varga's Harbour Plan Isn't New. She's Just Repeating Years Of Board Promises Conservative "
        "Councillor Ana Ruiz's plan": ("Varga's Harbour Plan Isn't New. She's Just Repeating Years Of Board Promises",
                                      "Conservative Councillor Ana Ruiz's plan"),
        "Pilots walk out as talks collapse... Dozens of ships wait": ("Pilots walk out as talks collapse...",
                                                                     "Dozens of ships wait"),
        "Harbour is closed. The pilots want more pay Kelmar (Reuters) Dozens of ships wait": (
            "Harbour is closed. The pilots want more pay", "Kelmar (Reuters) Dozens of ships wait"),
        "Court halts harbour dredging plan A federal judge halted": ("Court halts harbour dredging plan",
                                                                    "A federal judge halted"),
        "Ana Ruiz Says Any Serious Harbour Plan Has To Include Dredging Among the board's members, Ruiz": (
            "Ana Ruiz Says Any Serious Harbour Plan Has To Include Dredging", "Among the board's members, Ruiz"),
    }
    for start, (title, body_start) in cases.items():
        art = helpers.load_article(f"{start} {rest}")
        assert art.title == title, start
        assert art.paragraphs[0].startswith(body_start), start
    # Title Case words that only look like sentence openers stay in the headline
    art = helpers.load_article("Pilots Say The Harbour Plan Is Bound To Fail For Years The harbour board said " + rest)
    assert art.title == "Pilots Say The Harbour Plan Is Bound To Fail For Years"


def test_tags_state_abbreviations_months_and_joined_outlet_names_leave_no_fragments():
    raw = ("Pilots and the vote\n\n" + BODY + " Rep. Ana Ruiz (D-N.M.) and Rep. Ivo Lind, R-S.D., spoke in Trenton, "
           "N.J., on Jan. 12. A pilot from Reno, Nev., said the Kelmar Times-NBC News poll and the Kelmar Times/CBS "
           "News survey agreed. Sens. Ida Moy (D-Ore.) and Tom Ade (R-Tenn.) voted no.")
    _, _, m = _analyse(raw)
    names = set(m["actor"])
    assert {"Ana Ruiz", "Ivo Lind", "Ida Moy", "Tom Ade", "Kelmar Times", "NBC News", "CBS News"} <= names
    assert not names & {"M.", "D.", "Jan", "Nev", "Reno", "Trenton", "N.J.", "Kelmar Times-NBC News"}
    assert _actor_of(m, "Sens. Ida Moy") == "Ida Moy"


def test_a_second_headline_line_in_headline_style_is_the_dek():
    lede = ("Harbour pilots in Kelmar walked off the job on Tuesday, leaving dozens of ships waiting outside the "
            "breakwater as talks with the port authority over pay and the length of shifts broke down again.")
    art = helpers.load_article(f"Pilots strike over pay.\n\nTalks stall as ships wait, union says.\n\n{lede}\n\nMore later.")
    assert (art.title, art.dek, art.paragraphs[0]) == ("Pilots strike over pay.", "Talks stall as ships wait, union says.", lede)
    # a short first paragraph written as a sentence is body, not a dek
    for first in ("The pilots have walked out again, the union said.", "Ana Ruiz led the pilots out of the port.",
                  "It is the third strike this year."):
        art = helpers.load_article(f"Pilots strike over pay.\n\n{first}\n\n{lede}")
        assert art.dek == "" and art.paragraphs[0] == first, first


def test_a_pronoun_inside_a_quotation_is_not_its_speaker():
    raw = ("Harbour talks\n\n" + BODY + " Mayor Piotr Varga met Tomas Brun on Monday. \"I think this is a case where "
           "he has not thought it through,\" Varga said. \"I am honoured by the support of Mayor Varga. We fought "
           "hard and he was a tough opponent. I look forward to working with him,\" said Brun.")
    _, _, m = _analyse(raw)
    pron = m[m["via"] == "pronoun"]
    assert pron["actor"].tolist() == ["Tomas Brun", "Piotr Varga", "Piotr Varga"]  # never the quotation's speaker


def test_continents_and_world_regions_are_not_actors():
    raw = ("Trade talks\n\n" + BODY + " Europe and Asia agreed, while Africa and Latin America waited. Antarctica "
           "and Scandinavia were not mentioned, and South America followed. Lorvania said it would join.")
    _, _, m = _analyse(raw)
    names = set(m["actor"])
    assert "Lorvania" in names
    assert not names & {"Europe", "Asia", "Africa", "Latin America", "Antarctica", "Scandinavia", "United States",
                        "South America"}


def test_definite_phrases_find_the_organisation_or_country_they_stand_for():
    raw = ("Harbour inquiry\n\n" + BODY + " Workers across the country walked out. The Harbour Oversight and Safety "
           "Committee voted 9-4 to subpoena the port's owner. Ana Ruiz of the Center for Coastal Studies spoke, "
           "and the center published a report. Later the Kelmar Budget Committee met. \"This is destroying the "
           "panel,\" a member said of the oversight vote. Norway's ministers agreed, and Norway paid.")
    _, _, m = _analyse(raw)
    assert _actor_of(m, "the country") == "Norway"  # named later, the article's only country
    assert _actor_of(m, "the center") == "Center for Coastal Studies"  # the head before "for"
    assert _actor_of(m, "the panel") == "Harbour Oversight and Safety Committee"  # a synonym; the first named


def test_capitalised_english_derivations_are_not_names_but_surnames_stay():
    raw = ("Harbour vote\n\n" + BODY + " Citing the report, Proponents of the plan won. \"Literally nobody came,\" "
           "Sterling said. Secrecy is no stranger to the board. A Conservative bloc and Environmental groups "
           "agreed with Jindal.")
    _, _, m = _analyse(raw)
    names = set(m["actor"])
    assert {"Sterling", "Jindal"} <= names
    assert not names & {"Citing", "Proponents", "Literally", "Secrecy", "Conservative", "Environmental"}


def test_dateline_after_a_piped_byline_short_org_names_and_towns_after_a_place_noun():
    raw = ("Bridge loan stalls as Kastonia and Pellor trade charges\n\n"
           "By Tomas Brenner | The Harbour Courier | 3 March 2027\n\n"
           "VELDRA, Kastonia — Kastonia's finance minister, Rune Halden, said on Monday that Pellor had blocked "
           "the loan. The World Bank said it would review the project. A spokesman, Ivo Marsh, said the Bank "
           "was ready to help. Residents of the mountain village of Ostrin said the road had been closed "
           "for weeks. The region of Tesk was also cut off.")
    art, _, m = _analyse(raw)
    assert (art.byline, art.outlet) == ("Tomas Brenner", "The Harbour Courier")
    assert art.paragraphs[0].startswith("VELDRA, Kastonia —")
    actors_ = set(m["actor"])
    assert {"Kastonia", "Pellor", "Rune Halden", "World Bank", "Ivo Marsh"} <= actors_
    assert not actors_ & {"Veldra", "Ostrin", "Tesk", "Bank", "Courier", "Harbour Courier"}
    assert _actor_of(m, "Bank") == "World Bank"
    # the dateline's country is no mention; the first Kastonia is the possessive after the dash
    first = m[m["actor"] == "Kastonia"].iloc[0]
    assert first["sent_id"] == 0 and first["start"] > len("VELDRA, Kastonia —")


def test_a_short_org_name_joins_only_one_longer_name_named_earlier():
    raw = ("Funds and banks\n\n" + BODY + " The Regional Development Fund and the Coastal Recovery Fund "
           "both declined to comment. The Fund has not said when it will decide. The Nordhaven Commission "
           "met later. The Commission said it had no view. The Bank of Ostria and the Harbour Bank merged. "
           "The Bank said so.")
    _, _, m = _analyse(raw)
    assert _actor_of(m, "Commission") == "Nordhaven Commission"
    assert _actor_of(m, "Fund") not in ("Regional Development Fund", "Coastal Recovery Fund")  # two end so
    assert _actor_of(m, "Bank") not in ("Bank of Ostria", "Harbour Bank")  # "Bank of …" ends so before "of"


def test_the_capital_of_a_country_keeps_the_country():
    raw = "Talks resume\n\n" + BODY + " Envoys met in Dorvik, the capital of Sarnesia, on Monday."
    _, _, m = _analyse(raw)
    assert "Sarnesia" in set(m["actor"]) and "Dorvik" not in set(m["actor"])


def test_a_plural_pronoun_after_a_plural_common_noun_subject_is_those_people():
    raw = ("Harbour fees rise\n\n" + BODY + " The Tarsen Port Authority raised its fees on Monday. "
           "Fishermen in the Olde bay say they cannot pay their bills. The Tarsen Port Authority said "
           "they would be reviewed.")
    _, _, m = _analyse(raw)
    assert set(m[m["surface"].isin(["they", "their"]) & (m["sent_id"] == 2)]["actor"]) == {""}
    assert m[(m["surface"] == "they") & (m["sent_id"] == 3)]["actor"].tolist() == ["Tarsen Port Authority"]


def test_inline_furniture_is_cut_alike_in_a_very_long_paragraph():
    """A keyed inline rule is searched only around its literal in a long paragraph (a lazy pattern at
    every position cost seconds on 100,000 characters): the cut is the same as in a short one."""
    caption = "Pilots gather outside the port office in Kelmar on Tuesday. "
    block = ("**Ana Ruiz/Reuters******hide caption******" "**toggle caption****Ana Ruiz/Reuters "
             + caption.strip() + " Ana Ruiz/Reuters ")
    filler = "The pilots want higher pay and the authority said it would meet them on Friday. " * 120
    short = helpers.load_article("Pilots strike " + filler[:400] + caption + block + "The strike went on. " + filler)
    long = helpers.load_article("Pilots strike " + filler * 3 + caption + block + "The strike went on. " + filler)
    assert len(" ".join(long.paragraphs)) > 20000
    for art in (short, long):
        assert any("hide caption" in f for f in art.furniture), art.furniture
        assert "hide caption" not in " ".join(art.paragraphs)
