"""The article reader: the seed as pasted from the web, Markdown, HTML, and bad input."""
from __future__ import annotations

import helpers


import pytest

from helpers.article import (
    Article,
    english_share,
    furniture_rules,
    is_dateline,
    load_article,
    name_from_url,
    outlets,
    parse_bare_byline,
    parse_byline,
    strip_markdown,
)
from helpers.errors import InputError
from helpers.paths import PROJECT_ROOT, SEED_ARTICLE

FIXTURES = PROJECT_ROOT / "tests" / "fixtures" / "articles"

GERMAN = (
    "Der ukrainische Präsident hat am Donnerstag erneut um Unterstützung gebeten. Die Angriffe auf Kiew "
    "seien in der Nacht heftiger gewesen als in den Wochen zuvor, sagte ein Sprecher der Stadtverwaltung. "
    "Mehrere Menschen wurden getötet, viele weitere verletzt. Die Regierung in Moskau äußerte sich zunächst "
    "nicht zu den Vorwürfen, kündigte aber eine Erklärung für den Abend an."
)


@pytest.fixture(scope="module")
def seed() -> Article:
    return load_article(SEED_ARTICLE)


@pytest.fixture(scope="module")
def seed_lines() -> list[str]:
    return SEED_ARTICLE.read_text(encoding="utf-8").splitlines()


# --- the seed ---------------------------------------------------------------------------------

def test_seed_header(seed):
    assert seed.title == "Trump Urges Russia to ‘STOP!’ After Deadly Attack on Ukraine’s Capital"
    assert seed.dek == (
        "President Trump also sought to divert blame should negotiations fall apart, a sign that he is "
        "perhaps more pessimistic about a deal than he was when he took office in January."
    )
    assert seed.byline == "Jonathan Swan"
    assert seed.outlet == "The New York Times"
    assert seed.url == "https://www.nytimes.com/by/jonathan-swan"
    assert seed.format == "text" and seed.encoding == "utf-8" and seed.warnings == []


def test_seed_body_starts_and_ends_at_the_article(seed, seed_lines):
    assert seed.paragraphs[0] == (
        "President Trump made an unusually sharp appeal to President Vladimir V. Putin of Russia on Thursday, "
        "calling on him to stop his bombing campaign in Ukraine and agree to a peace deal after the deadliest "
        "attack on Kyiv in nearly a year."
    )
    assert seed.paragraphs[-1] == (
        "The Israeli government has been pushing Mr. Trump to support a military campaign that would destroy "
        "Iran’s nuclear facilities. The president has so far withheld his support for Israel’s mission, "
        "preferring to give diplomacy a chance. But he has also insisted that he will never allow Iran to "
        "obtain a nuclear weapon."
    )
    # Every other body line of the paste, in order, verbatim (one paragraph per line).
    assert seed.paragraphs[1:] == seed_lines[4:6] + seed_lines[7:24]
    assert len(seed.paragraphs) == 20
    assert seed.words == 798


def test_seed_furniture_verbatim_in_order(seed, seed_lines):
    assert seed.furniture == [seed_lines[0], seed_lines[6]] + seed_lines[24:]
    assert seed.furniture[:3] == [
        "Credit...Haiyun Jiang for The New York Times",
        "CreditCredit...Brendan Hoffman for The New York Times",
        "Our Coverage of the War in Ukraine",
    ]
    assert seed.furniture[3].startswith("- Red Line on Crimea:")
    assert seed.furniture[10] == "How We Verify Our Reporting"
    assert seed.furniture[-1].endswith("Read more about our reporting efforts.")
    assert len(seed.furniture) == 13
    body = seed.body
    for piece in ("Credit", "Our Coverage", "How We Verify", "NY Times", "https://"):
        assert piece not in body


def test_seed_article_json_contract(seed):
    data = seed.to_dict()
    for key in ["title", "dek", "byline", "outlet", "url", "paragraphs", "words", "furniture",
                "date", "source", "format", "warnings"]:
        assert key in data
    assert data["words"] == 798 and data["slug"] == "trump-urges-russia-to-stop"


def test_seed_as_text_or_str_path_gives_the_same_article(seed):
    from_text = load_article(SEED_ARTICLE.read_text(encoding="utf-8"))
    assert from_text.source == "<text>" and from_text.encoding == ""
    assert (from_text.title, from_text.paragraphs, from_text.furniture) == (seed.title, seed.paragraphs, seed.furniture)
    assert load_article(str(SEED_ARTICLE)).paragraphs == seed.paragraphs
    assert load_article(seed) is seed


# --- Markdown and HTML fixtures ---------------------------------------------------------------

def test_markdown_article():
    a = load_article(FIXTURES / "dam-talks.md")
    assert a.format == "markdown"
    assert a.title == "Upstream dam talks stall as Valdoria and Ostmark trade accusations"
    assert a.dek == ("Negotiators blame each other for the collapse of a water-sharing deal, leaving farmers "
                     "downstream without a plan for the dry season")
    assert a.byline == "Mara Lindqvist and Tomas Berg"
    assert a.outlet == "The Guardian"
    assert a.url == "https://www.theguardian.com/world/2025/mar/14/seren-dam-talks-stall"
    assert a.date == "2025-03-14"
    assert a.paragraphs[0] == (
        "Talks between Valdoria and Ostmark over a dam on the Seren river broke down on Thursday, with each "
        "government accusing the other of walking away from a deal that had taken two years to draft."
    )
    # bullets inside the body stay (marker and emphasis stripped); the last paragraph ends the article
    assert a.paragraphs[4:] == [
        "Rice growers in the delta need the water by April.",
        "Fishing villages downstream report their lowest catches in a decade.",
        "Both governments said they were willing to return to the table, but neither set a date.",
    ]
    assert a.furniture == [
        "![Farmers inspect a dry canal near Lenz](https://example.org/canal.jpg)",
        "*Farmers inspect a dry irrigation canal near Lenz last week. Photograph: Ana Ruiz/Getty Images*",
        "Advertisement",
        "## Related",
        "- [Seren river drought: what we know](https://example.org/seren-drought)",
        "- [Farmers march on Lenz](https://example.org/lenz-march)",
        "Sign up to the Global Dispatch newsletter",
    ]
    assert "**" not in a.body and "](" not in a.body and a.warnings == []


def test_html_article():
    a = load_article(FIXTURES / "harbour-vote.html")
    assert a.format == "html"
    assert a.title == "Harbour board delays vote on new ferry terminal"
    assert a.dek.startswith("Residents filled the meeting hall for a third week")
    assert a.byline == "Ines Calloway"
    assert a.outlet == "The Eastport Courier"
    assert a.url == "https://www.eastportcourier.example/news/2025/03/03/harbour-board-delays-vote"
    assert a.date == "2025-03-03"
    assert a.paragraphs[0].startswith("The harbour board of Eastport postponed its vote")
    assert a.paragraphs[-1] == "A spokesman for Northline said the company would wait for the study. \"We want to be good neighbours,\" he said."
    assert len(a.paragraphs) == 5
    assert a.furniture == ["Advertisement"]
    for junk in ("cookies", "Most read", "Privacy", "Subscribe", "By Ines Calloway"):
        assert junk not in a.body


# --- paragraphs, markup, detection ------------------------------------------------------------

def test_paragraphs_split_on_single_and_blank_lines():
    text = "  First paragraph here, with words.  \nSecond one follows it.\n\n\n   \nThird after blanks.\n"
    assert load_article(text).paragraphs == ["First paragraph here, with words.", "Second one follows it.",
                                             "Third after blanks."]


def test_hard_wrapped_text_is_joined_into_paragraphs():
    text = ("The council met on Monday and agreed, after a long\n"
            "debate, to close the old bridge for repairs.\n\n"
            "Drivers will have to use the ring road, which adds\n"
            "about ten minutes to the trip into town.\n")
    assert load_article(text).paragraphs == [
        "The council met on Monday and agreed, after a long debate, to close the old bridge for repairs.",
        "Drivers will have to use the ring road, which adds about ten minutes to the trip into town.",
    ]


def test_strip_markdown():
    assert strip_markdown("A **bold** and *italic* [link](http://x.org) with `code` and ~~old~~ \\*star") == \
        "A bold and italic link with code and old *star"
    assert strip_markdown("snake_case_name stays, 2 * 3 * 4 stays") == "snake_case_name stays, 2 * 3 * 4 stays"


def test_format_is_sniffed_without_a_suffix(tmp_path):
    md = tmp_path / "story"
    md.write_text("# A headline here\n\nBody text with a [link](http://x.org) in it.\n", encoding="utf-8")
    assert load_article(md).format == "markdown"
    html = tmp_path / "page.txt"  # a saved page, whatever its suffix
    html.write_text((FIXTURES / "harbour-vote.html").read_text(encoding="utf-8"), encoding="utf-8")
    assert load_article(html).format == "html"


# --- byline, outlets, furniture rules ---------------------------------------------------------

def test_parse_byline_forms():
    glued = parse_byline("by https://www.nytimes.com/by/jonathan-swan · NY TimesPresident Trump made an appeal.")
    assert (glued.byline, glued.outlet, glued.url, glued.rest) == (
        "Jonathan Swan", "The New York Times", "https://www.nytimes.com/by/jonathan-swan", "President Trump made an appeal.")
    sep = parse_byline("By Jane Doe · ReutersKYIV, Ukraine — Officials said on Friday.")
    assert (sep.byline, sep.outlet, sep.rest) == ("Jane Doe", "Reuters", "KYIV, Ukraine — Officials said on Friday.")
    line = parse_byline("By Jane Doe and John Roe, The Guardian")
    assert (line.byline, line.outlet, line.rest) == ("Jane Doe and John Roe", "The Guardian", "")
    assert parse_byline("By Jane Doe, Staff Reporter").byline == "Jane Doe, Staff Reporter"
    assert parse_byline("By Monday, officials had left the city.") is None
    assert parse_byline("By the time the talks ended, nobody was left.") is None
    assert parse_byline("Jane Doe reported from Kyiv.") is None


def test_dateline_is_a_line_with_only_a_date_or_time():
    for line in ["Feb. 9, 2026", "Updated 5:02 p.m. ET", "Monday, Feb. 9, 2026", "2026-02-09",
                 "Published March 3, 2026, 6:00 a.m. ET | Updated 7:10 a.m. ET", "9 February 2026 at 14:05 GMT"]:
        assert is_dateline(line), line
    for line in ["On Feb. 9, 2026, the Senate voted.", "May 2026", "Updated", "March 5 is the deadline", ""]:
        assert not is_dateline(line), line


def test_parse_bare_byline_needs_names_and_evidence():
    given = frozenset({"emily", "jane"})
    assert parse_bare_byline("Catie Edmondson and Emily Cochrane", given).byline == "Catie Edmondson and Emily Cochrane"
    assert parse_bare_byline("Jane A. Doe, Ali Khan and Ruth O’Neill", given) is not None
    # capitalised words alone are not enough: a section label has no given name and no date beside it
    assert parse_bare_byline("Middle East Crisis", given) is None
    assert parse_bare_byline("Catie Edmondson", given) is None
    assert parse_bare_byline("Catie Edmondson", given, next_to_date=True).byline == "Catie Edmondson"
    assert parse_bare_byline("Emily Cochrane reported from Washington.", given) is None
    assert parse_bare_byline("Live", given, next_to_date=True) is None


def test_header_without_by_dek_names_and_date_are_not_body():
    text = ("Senate Passes Budget Deal After Late-Night Vote\n"
            "The measure now goes to the House, where its fate is uncertain.\n"
            "Catie Edmondson and Emily Cochrane\n"
            "Feb. 9, 2026\n"
            "WASHINGTON — The Senate passed a sweeping budget agreement early Friday.\n"
            "Senator Chuck Schumer praised the deal. \"This is a good day,\" he said.")
    a = load_article(text)
    assert a.title == "Senate Passes Budget Deal After Late-Night Vote"
    assert a.dek == "The measure now goes to the House, where its fate is uncertain."
    assert (a.byline, a.date) == ("Catie Edmondson and Emily Cochrane", "Feb. 9, 2026")
    assert a.paragraphs[0].startswith("WASHINGTON — The Senate") and len(a.paragraphs) == 2
    assert a.furniture == ["Feb. 9, 2026"]  # removed lines are always reported
    # a single name counts when a date line stands beside it, also one a furniture rule removed
    c = load_article("A headline for the test here\nCatie Edmondson\nPublished Feb. 9, 2026\nThe Senate passed the bill.")
    assert (c.byline, c.date, c.paragraphs) == ("Catie Edmondson", "Feb. 9, 2026", ["The Senate passed the bill."])
    # a label that only looks like names stays in the body: no given name, no date beside it
    b = load_article("A headline for the test\nMiddle East Crisis\nThe talks ended on Monday without a deal.")
    assert b.byline == "" and b.paragraphs[0] == "Middle East Crisis"


def test_wire_story_paste_outlet_after_names_date_and_contributor_line():
    text = ("Zelensky says Ukraine will not cede territory as talks resume\n\n"
            "By ILLIA NOVIKOV and SAMYA KULLAB Associated Press\n\n"
            "Updated 3:14 PM EST, March 2, 2026\n\n"
            "KYIV, Ukraine (AP) — Ukrainian President Volodymyr Zelenskyy said Sunday that his country would "
            "not give up land.\n\n"
            "Russian President Vladimir Putin has demanded that Kyiv withdraw from four regions.\n\n___\n\n"
            "Associated Press writer Jim Heintz in Tallinn, Estonia, contributed.\n")
    a = load_article(text)
    assert (a.byline, a.outlet) == ("ILLIA NOVIKOV and SAMYA KULLAB", "The Associated Press")
    assert a.date == "Updated 3:14 PM EST, March 2, 2026"
    assert a.furniture == ["Updated 3:14 PM EST, March 2, 2026", "___",
                           "Associated Press writer Jim Heintz in Tallinn, Estonia, contributed."]
    assert len(a.paragraphs) == 2 and a.paragraphs[-1].startswith("Russian President")
    assert parse_byline("By Jane Doe Reuters").outlet == "Reuters"


def test_guardian_style_paste_label_names_in_place_date_and_topics_box():
    text = ("Ukraine war\nRussia launches largest drone attack of the war on Kyiv\n\n"
            "At least 12 people killed as air defences intercept hundreds of drones, Ukrainian officials say\n\n"
            "Shaun Walker in Kyiv and Pjotr Sauer\nSat 8 Mar 2026 09.12 GMT\n\n"
            "Russia launched its largest drone attack of the war overnight, killing at least 12 people.\n\n"
            "The Kremlin said it had targeted military facilities.\n\n"
            "Explore more on these topics\nUkraine\nRussia\nEurope\nnews\nShare\nReuse this content\n")
    a = load_article(text)
    assert a.title == "Russia launches largest drone attack of the war on Kyiv"
    assert a.dek.startswith("At least 12 people killed")
    assert (a.byline, a.date) == ("Shaun Walker in Kyiv and Pjotr Sauer", "Sat 8 Mar 2026 09.12 GMT")
    assert a.paragraphs == ["Russia launched its largest drone attack of the war overnight, killing at least 12 people.",
                            "The Kremlin said it had targeted military facilities."]
    assert a.furniture == ["Ukraine war", "Sat 8 Mar 2026 09.12 GMT", "Explore more on these topics", "Ukraine",
                           "Russia", "Europe", "news", "Share", "Reuse this content"]
    # a short last line without a box heading before it is the article's own
    b = load_article("A headline for the test\nThe talks ended on Monday without a deal.\nNothing more")
    assert b.paragraphs[-1] == "Nothing more"


def test_bbc_and_cnn_style_pastes():
    bbc = load_article("Trump says Putin 'wants peace' after call\n\n2 hours ago\nShare\nSave\nBernd Debusmann Jr\n"
                       "BBC News, White House\nGetty Images\n\nUS President Donald Trump has said Russian President "
                       "Vladimir Putin wants peace.\n\nTrump said the call had been \"very productive\".\n\n"
                       "Related\nUkraine war: What we know\nZelensky visits front line\n")
    assert (bbc.byline, bbc.outlet, bbc.date) == ("Bernd Debusmann Jr", "BBC News", "2 hours ago")
    assert bbc.paragraphs[0].startswith("US President") and len(bbc.paragraphs) == 2
    assert bbc.furniture[-3:] == ["Related", "Ukraine war: What we know", "Zelensky visits front line"]
    cnn = load_article("Trump says Putin ‘wants peace’ after call\n\nBy Kevin Liptak, CNN\n\n"
                       "Updated 6:42 PM EDT, Tue March 18, 2026\n\nWashington\nCNN\n —\n"
                       "President Donald Trump said Tuesday that Russian President Vladimir Putin wants peace.\n")
    assert (cnn.byline, cnn.outlet) == ("Kevin Liptak", "CNN")
    assert cnn.paragraphs == ["President Donald Trump said Tuesday that Russian President Vladimir Putin wants peace."]
    assert cnn.furniture == ["Updated 6:42 PM EDT, Tue March 18, 2026", "Washington", "CNN", "—"]


def test_reuters_style_paste():
    a = load_article("Russia says it will respond to new EU sanctions\n\nBy Guy Faulconbridge and Andrew Osborn\n\n"
                     "March 4, 2026 10:15 AM GMT Updated 2 hours ago\n\n"
                     "MOSCOW, March 4 (Reuters) - Russia will respond to the European Union's latest sanctions, "
                     "the Kremlin said on Wednesday.\n\nKremlin spokesman Dmitry Peskov told reporters that Moscow "
                     "would respond.\n\nReporting by Guy Faulconbridge; Editing by Andrew Osborn\n\n"
                     "Our Standards: The Thomson Reuters Trust Principles.\n")
    assert (a.byline, a.outlet) == ("Guy Faulconbridge and Andrew Osborn", "Reuters")
    assert a.date == "March 4, 2026 10:15 AM GMT Updated 2 hours ago"
    assert len(a.paragraphs) == 2 and a.paragraphs[0].startswith("MOSCOW, March 4 (Reuters) - Russia")
    assert a.furniture[1:] == ["Reporting by Guy Faulconbridge; Editing by Andrew Osborn",
                               "Our Standards: The Thomson Reuters Trust Principles."]


def test_washington_post_and_al_jazeera_style_pastes():
    body = ("President Donald Trump pressed Russian President Vladimir Putin for a ceasefire during a tense phone "
            "call on Wednesday, according to two people familiar with the conversation. ") * 3
    wapo = load_article("Democracy Dies in Darkness\nTrump presses Putin on ceasefire in tense call\n"
                        "The president said the Russian leader was “not doing what he should be doing.”\n5 min read\n"
                        "March 19, 2026 at 7:02 p.m. EDT\n"
                        "President Donald Trump at the White House on Wednesday. (Jabin Botsford/The Washington Post)\n"
                        "By Michael Birnbaum and Natalie Allison\n" + body + "\nWhat readers are saying\n"
                        "The comments were mostly critical of the administration.\n")
    assert wapo.dek == "The president said the Russian leader was “not doing what he should be doing.”"
    assert (wapo.byline, wapo.date) == ("Michael Birnbaum and Natalie Allison", "March 19, 2026 at 7:02 p.m. EDT")
    assert wapo.paragraphs == [body.strip()]
    assert wapo.furniture[-2:] == ["What readers are saying", "The comments were mostly critical of the administration."]
    assert "5 min read" in wapo.furniture
    aj = load_article("Russia-Ukraine war\nRussia, Ukraine trade blame over attack on energy sites\n"
                      "Kyiv says Moscow violated a partial truce.\nBy Al Jazeera Staff\nPublished On 20 Mar 2026\n"
                      "Russia and Ukraine have accused each other of violating a partial ceasefire.\n"
                      "Source: Al Jazeera and news agencies\n")
    assert (aj.byline, aj.outlet, aj.date) == ("Al Jazeera Staff", "Al Jazeera", "20 Mar 2026")
    assert aj.paragraphs == ["Russia and Ukraine have accused each other of violating a partial ceasefire."]
    # a closing-section heading with most of the article after it is not a closing section
    long_tail = load_article("A headline for the test\nThe talks ended on Monday.\nWhat readers are saying\n" + body)
    assert long_tail.paragraphs == ["The talks ended on Monday.", "What readers are saying", body.strip()]


def test_byline_sentence_stays_in_the_body():
    text = "A headline for the test\nBy the time the talks ended, nobody was left in the room.\nThen it rained."
    a = load_article(text)
    assert a.byline == "" and a.title == "A headline for the test"
    assert a.paragraphs[0].startswith("By the time")


def test_name_from_url_and_outlet_lookup():
    assert name_from_url("https://www.nytimes.com/by/jonathan-swan") == "Jonathan Swan"
    assert name_from_url("https://www.theguardian.com/profile/ludwig-van-der-berg/") == "Ludwig van der Berg"
    assert name_from_url("https://example.org/article/12345") == ""
    known = outlets()
    assert known.from_domain("https://www.bbc.co.uk/news/world-123") == "BBC News"
    assert known.from_domain("edition.cnn.com") == "CNN"
    assert known.from_domain("https://example.org") == ""
    assert known.canonical("ny  times") == "The New York Times" and known.canonical("Eastport Courier") == ""


def test_generic_furniture_rules():
    text = "\n".join([
        "Supported by",
        "Port strike ends after nine days",
        "By Jane Doe, Reuters",
        "Share full article",
        "Dock workers returned to the port of Lenz on Friday after a nine-day strike over pay.",
        "Workers walk past cranes at the port. Photograph: Ana Ruiz/AFP/Getty Images",
        "Related: Ferry fares rise again",
        "The union said its members had accepted a rise of six percent over two years.",
        "Listen to this article · 4:12 min Learn more",
        "Shipping companies said the backlog would take a week to clear.",
        "Jane Doe contributed reporting from Lenz.",
        "More on this story",
        "- Why the port matters",
        "- Timeline of the strike",
    ])
    a = load_article(text)
    assert a.title == "Port strike ends after nine days" and a.byline == "Jane Doe" and a.outlet == "Reuters"
    assert a.paragraphs == [
        "Dock workers returned to the port of Lenz on Friday after a nine-day strike over pay.",
        "The union said its members had accepted a rise of six percent over two years.",
        "Shipping companies said the backlog would take a week to clear.",
    ]
    assert a.furniture == [
        "Supported by", "Share full article",
        "Workers walk past cranes at the port. Photograph: Ana Ruiz/AFP/Getty Images",
        "Related: Ferry fares rise again", "Listen to this article · 4:12 min Learn more",
        "Jane Doe contributed reporting from Lenz.", "More on this story",
        "- Why the port matters", "- Timeline of the strike",
    ]


def test_bullets_inside_the_body_and_unheaded_trailing_list_stay():
    text = "A headline for the list test\nThe plan has three parts.\n- Build a road.\n- Open a school.\nWork starts in May.\n- A final point."
    assert load_article(text).paragraphs == ["The plan has three parts.", "Build a road.", "Open a school.",
                                             "Work starts in May.", "A final point."]


def test_furniture_rules_file_compiles_and_rejects_bad_rules(tmp_path):
    rules = furniture_rules()
    assert rules.line.search("Credit...Haiyun Jiang for The New York Times")
    assert rules.box.search("Our Coverage of the War in Ukraine")
    assert not rules.line.search("President Trump made an unusually sharp appeal to President Vladimir V. Putin.")
    bad = tmp_path / "rules.txt"
    bad.write_text("# comment\nsometimes ^Credit\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 2"):
        furniture_rules(str(bad))


# --- bad input ----------------------------------------------------------------------------------

def _error(arg) -> InputError:
    with pytest.raises(InputError) as info:
        load_article(arg)
    message = str(info.value)
    assert "\n" not in message and "Traceback" not in message
    return info.value


def test_missing_path(tmp_path):
    missing = tmp_path / "nowhere.txt"
    err = _error(missing)
    assert str(err) == f"{missing}: no such file"
    assert _error("no-such-story.md").problem == "no such file"  # a short str that names a file
    assert _error(str(missing)).source == str(missing)


def test_directory_is_refused(tmp_path):
    err = _error(tmp_path)
    assert err.source == str(tmp_path) and "is a directory, not a file" in err.problem


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\ufeff  \n".encode("utf-8")])
def test_empty_file(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    err = _error(path)
    assert err.source == str(path) and err.problem.startswith("empty file")


def test_empty_text_and_wrong_type():
    assert _error("   ").problem == "empty text"
    assert "expected a path or the article text" in _error(42).problem


@pytest.mark.parametrize("content, detail", [
    (b"ABC\x00\x01\x02 some text\x00" * 50, "contains NUL bytes"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a PDF document"),
    (bytes(range(1, 256)) * 40, "mostly control characters"),
])
def test_binary_file(tmp_path, content, detail):
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    err = _error(path)
    assert err.problem.startswith("binary file, not text") and detail in err.problem


def test_cp1252_file_is_decoded(tmp_path):
    text = ("Crème brûlée at the café, said Mr. Trump’s aide — “naïve.” The chef, Zoë, was in Zürich.\n"
            "Prices rose by 5 € overnight… nobody was surprised.")
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    a = load_article(path)
    assert a.encoding == "cp1252"
    assert a.paragraphs == text.split("\n")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_byte_order_mark_is_decoded(tmp_path, encoding):
    text = "Harbour vote delayed again\nThe board’s chair said the vote would wait.\n"
    path = tmp_path / "bom.txt"
    path.write_bytes(text.encode(encoding))
    a = load_article(path)
    assert a.encoding == encoding
    assert a.title == "Harbour vote delayed again" and not a.title.startswith("\ufeff")
    assert a.paragraphs == ["The board’s chair said the vote would wait."]


def test_undecodable_characters_are_reported():
    a = load_article("A headline for the test\nThe minister\ufffds aide said the talks had failed.")
    assert a.warnings == ["1 character(s) could not be decoded and show as \ufffd"]


def test_html_page_without_article(tmp_path):
    path = tmp_path / "login.html"
    path.write_text("<!DOCTYPE html><html><head><title>Log in</title></head><body><nav><a href='/'>Home</a></nav>"
                    "<form><label>Email</label><input name=e><button>Log in</button></form></body></html>",
                    encoding="utf-8")
    err = _error(path)
    assert str(err) == f"{path}: no article text found in this HTML page"


def test_extractor_failure_is_one_line(tmp_path, monkeypatch):
    import trafilatura

    def broken(*args, **kwargs):
        raise RuntimeError("parser exploded\nwith a second line")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    err = _error(FIXTURES / "harbour-vote.html")
    assert err.problem.startswith("could not read this HTML page (RuntimeError: parser exploded")


def test_only_furniture_is_refused():
    assert _error("Advertisement\nShare full article\nCredit...Jane Doe for Reuters").problem == \
        "no article text found (only page furniture)"


def test_very_long_text_reads_whole(seed):
    # its speed (linear in length) is measured by benchmarks/bench_reading.py, not here
    text = "A very long article\n" + "\n".join(seed.paragraphs * 600)  # 12,000 paragraphs
    assert len(text.encode("utf-8")) > 2_500_000
    a = load_article(text)
    assert a.title == "A very long article" and len(a.paragraphs) == 12000
    assert a.paragraphs[-1] == seed.paragraphs[-1]


def test_non_english_text_warns_but_reads():
    a = load_article(GERMAN)
    assert a.paragraphs == [GERMAN]
    assert len(a.warnings) == 1
    assert a.warnings[0].startswith("text does not look like English (share of common English words 0.0")
    assert a.warnings[0].endswith("results will be unreliable")
    share, n = english_share(GERMAN)
    assert share < 0.15 and n > 40


def test_english_share_of_english_news(seed):
    share, n = english_share(seed.body)
    assert 0.35 < share < 0.6 and n > 700
    assert english_share("") == (0.0, 0)


def test_title_case_headline_with_a_full_stop_before_short_paragraphs():
    # archives end headlines with a stop; Title Case tells it from a first sentence even when the
    # paragraphs after it are short (the length rule cannot decide)
    text = ("Harbor Fund Plan Is Ambitious but Costly.\n\nFew budgets are as tangled as this one.\n\n"
            "Mayor Ines Calder has made it more so.\n\nThe council votes on Monday, officials said.")
    a = load_article(text)
    assert a.title == "Harbor Fund Plan Is Ambitious but Costly."
    assert a.paragraphs[0] == "Few budgets are as tangled as this one."
    body = load_article("Ines Calder has come up with one.\n\nFew budgets are as tangled as this one.")
    assert body.title == "" and body.paragraphs[0] == "Ines Calder has come up with one."


def test_byline_fields_after_a_separator_give_outlet_and_date_not_a_paragraph():
    text = ("# Ferry talks stall in Kastel\n\nBy Mirela Dusk | The Adriatic Courier | 3 March 2027\n\n"
            "RIVA, Kastel — The harbour board rejected the offer on Monday, its chairman said.\n\n"
            "Talks resume next week.")
    a = load_article(text)
    assert (a.byline, a.outlet, a.date) == ("Mirela Dusk", "The Adriatic Courier", "3 March 2027")
    assert a.paragraphs[0].startswith("RIVA, Kastel —")
    # one field that is a whole sentence is still a paragraph glued to the byline
    glued = load_article("# Ferry talks stall\n\nBy Mirela Dusk · The board rejected the offer on Monday, its chairman said.\n\nMore.")
    assert glued.byline == "Mirela Dusk" and glued.date == ""


def test_a_headline_with_a_stop_above_a_dateline_paragraph_is_the_title():
    # round 6 (new dev part): a one-sentence headline ending in a stop, a short dateline paragraph under it
    raw = ("Kestrel says her talks with the harbour board were not a deal.\n\n"
           "LISBON - Ana Kestrel met the harbour board in private on Monday, the end of a long week of talks.\n\n"
           "The shipping minister said the meeting was a courtesy and nothing more.\n\n"
           "She promised the board nothing about the terminal, her office said.\n")
    art = helpers.load_article(raw)
    assert art.title == "Kestrel says her talks with the harbour board were not a deal."
    assert art.paragraphs[0].startswith("LISBON - Ana Kestrel")


def test_a_dek_may_open_with_a_number():
    raw = ("Audit: Port office was wrong on Kestrel.\n\n"
           "2019 records reply reported 'no files' from private accounts.\n\n"
           "Three years before the public learned of the minister's private account, the port office gave an "
           "incomplete answer about her records, the auditor found in a report released on Thursday.\n")
    art = helpers.load_article(raw)
    assert art.title == "Audit: Port office was wrong on Kestrel."
    assert art.dek == "2019 records reply reported 'no files' from private accounts."


def test_a_glued_headline_before_a_modified_office_and_a_name_is_split():
    body = ("Harbour minister breaks with Kestrel, says dredging does harm the estuary Harbour Minister Tomas "
            "Ekberg, departing from the government line on the estuary, told the Coastal Weekly on Monday that "
            "dredging does harm the river. " + "He said the matter needed study and that the board would meet. " * 6)
    art = helpers.load_article(body)
    assert art.title == "Harbour minister breaks with Kestrel, says dredging does harm the estuary"
    assert art.paragraphs[0].startswith("Harbour Minister Tomas Ekberg")
    hyphen = body.replace("estuary Harbour Minister", "estuary Vila-do-Conde Minister")
    assert not helpers.load_article(hyphen).title.endswith("Vila-do-Conde")


def test_a_glued_headline_with_an_abbreviation_in_it_is_split():
    """"Jr." or "Gov." inside a glued headline is no sentence end ("Tomas Vell Jr. criticizes …")."""
    body = ("Tomas Vell Jr. criticizes the Harbour Gazette for naming a ferry captain its person of the year "
            "Mayor Ana Ruiz's eldest son has criticized the paper in a mocking post. "
            + "He said the choice was a gimmick and that the paper should apologise. " * 6)
    art = helpers.load_article(body)
    assert art.title == "Tomas Vell Jr. criticizes the Harbour Gazette for naming a ferry captain its person of the year"
    assert art.paragraphs[0].startswith("Mayor Ana Ruiz's eldest son")


def test_an_outlet_not_listed_is_taken_from_the_byline_and_a_date_loses_its_label():
    body = ("\n\nTalks on the ferry contract stalled on Monday, the harbour board said, after the operator "
            "rejected a new offer for the third time this year.\n")
    art = helpers.load_article("Ferry Talks Stall in Lisbon\n\nBy Ana Ortiz, Riverside Ledger\n\nPublished 1 December 2026" + body)
    assert (art.byline, art.outlet, art.date) == ("Ana Ortiz", "Riverside Ledger", "1 December 2026")
    for role in ("Staff Writer", "Senior Political Reporter"):  # a role, not an outlet
        art = helpers.load_article(f"Ferry Talks Stall in Lisbon\n\nBy Ana Ortiz, {role}" + body)
        assert (art.byline, art.outlet) == (f"Ana Ortiz, {role}", "")
    art = helpers.load_article("Ferry Talks Stall in Lisbon\n\nBy Ana Ortiz\n\nUpdated: Dec. 1, 2026" + body)
    assert art.date == "Updated: Dec. 1, 2026"  # another date: its word stays


def test_a_photo_caption_with_its_credit_in_a_flattened_text_is_furniture():
    # a caption glued between the headline and the body ("… (Photo: X/Y via AP)Body …"), and one left
    # between two body sentences: only the sentence before the credit goes there
    lede = "The harbour board voted on Tuesday to close the old ferry pier for a year of repairs. "
    body = ("Ferry pier to close for a year of repairs\n\nCrews inspect the ferry pier in Porto. Divers found "
            "cracks in six of its piles. (Photo: Rui Matos/Harbour Ledger via AP)" + lede +
            "Ferries will dock at the north quay instead. Tomas Ekberg waits at the quay on Monday (Ledger "
            "Photo/Ana ORTIZ )The board said the work would cost 12 million euros.")
    art = helpers.load_article(body)
    assert art.title == "Ferry pier to close for a year of repairs"
    assert art.furniture[:2] == ["Crews inspect the ferry pier in Porto. Divers found cracks in six of its piles. "
                                 "(Photo: Rui Matos/Harbour Ledger via AP)",
                                 "Tomas Ekberg waits at the quay on Monday (Ledger Photo/Ana ORTIZ )"]
    text_ = " ".join(art.paragraphs)
    assert text_.startswith(lede.strip()) and "Ferries will dock at the north quay instead." in text_
    assert "Ekberg" not in text_ and text_.endswith("would cost 12 million euros.")
