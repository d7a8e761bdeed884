"""Who blames whom: parsing Park et al. lines, the shipped classifier, and its evaluation."""
from __future__ import annotations

import pandas as pd
import pytest

from helpers import directed


def test_parse_plain_brackets():
    text, e1, e2 = directed.parse_bracketed("[Trump] attacked [Clinton] on Monday.")
    assert text == "Trump attacked Clinton on Monday."
    assert text[slice(*e1)] == "Trump" and text[slice(*e2)] == "Clinton"


def test_parse_brackets_closing_early():
    text, e1, e2 = directed.parse_bracketed("[Democrat]s blamed [the United State]s for the [delay].")
    assert text == "Democrats blamed the United States for the delay."  # a third bracket is dropped
    assert text[slice(*e1)] == "Democrats" and text[slice(*e2)] == "the United States"
    text, e1, _ = directed.parse_bracketed("[Kasich’]s plan angered [Cruz].")
    assert text[slice(*e1)] == "Kasich’s"
    text, e1, _ = directed.parse_bracketed("[Britain]’s capital and [London] rents.")
    assert text[slice(*e1)] == "Britain"  # the word had ended: no extension


def test_parse_csv_quoted_line_and_errors():
    text, e1, e2 = directed.parse_bracketed('"[Moscow] could cut gas to [Europe.""It]\'s a problem."')
    assert text == 'Moscow could cut gas to Europe."It\'s a problem.'
    assert text[slice(*e1)] == "Moscow" and text[slice(*e2)] == 'Europe."It'
    with pytest.raises(ValueError):
        directed.parse_bracketed("only [one] entity here")


def test_read_file_skips_bad_lines(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("[A] praised [B].\tA\tB\t1\nno brackets\tA\tB\t0\n[C] hit [D]\tC\tD\tx\n", encoding="utf-8")
    pairs = directed.read_file(path)
    assert len(pairs) == 1 and pairs[0].label == 1 and pairs[0].e1 == (0, 1)


def _pair(sentence, a, b):
    return sentence.index(a), sentence.index(a) + len(a), sentence.index(b), sentence.index(b) + len(b)


@pytest.mark.parametrize("sentence, a, b, label", [
    ("Senator Warren sharply criticized Mr. Dimon for the bank's reckless lending.", "Senator Warren", "Mr. Dimon", 3),
    ("Mr. Dimon was attacked by Senator Warren, who accused him of fraud.", "Mr. Dimon", "Senator Warren", 4),
    ("Obama praised Merkel as a courageous and trusted partner.", "Obama", "Merkel", 1),
    ("Germany and France will hold elections in the spring.", "Germany", "France", 0),
])
def test_obvious_directions(sentence, a, b, label):
    s1, e1, s2, e2 = _pair(sentence, a, b)
    assert directed.classify_pair(sentence, (s1, e1), (s2, e2)) == label
    probs = directed.pair_probabilities(sentence, (s1, e1), (s2, e2))
    assert abs(sum(probs.values()) - 1) < 1e-6 and max(probs, key=probs.get) == label


def test_known_weakness_plain_passive():
    """Documented limitation: "X was criticized by Y" is read as X → Y (the model card says so)."""
    sentence = "Mr. Dimon was sharply criticized by Senator Warren for the bank's reckless lending."
    s1, e1, s2, e2 = _pair(sentence, "Mr. Dimon", "Senator Warren")
    assert directed.classify_pair(sentence, (s1, e1), (s2, e2)) in (3, 4)


def test_swapping_entities_flips_direction():
    sentence = "Senator Warren sharply criticized Mr. Dimon for the bank's reckless lending."
    s1, e1, s2, e2 = _pair(sentence, "Senator Warren", "Mr. Dimon")
    assert directed.classify_pair(sentence, (s2, e2), (s1, e1)) == 4


def test_bad_spans():
    with pytest.raises(ValueError):
        directed.classify_pair("short", (0, 3), (2, 5))
    with pytest.raises(ValueError):
        directed.classify_pair("short", (0, 2), (3, 99))


def test_model_file_is_small_and_portable():
    from importlib import resources

    path = resources.files("helpers") / "data" / directed.MODEL_FILE
    assert path.stat().st_size < 5_000_000
    m = directed.model()
    assert list(m.classes) == [0, 1, 2, 3, 4] and m.coef.shape == (5, len(m.vocab))


def test_valid_scores():
    from conftest import gold_or_missing_message
    from helpers.evaluation import directed as ev

    folder = gold_or_missing_message("directed_sentiment")
    if folder is None:  # not redistributable: the missing-data message was checked instead
        return
    metrics, table = ev.evaluate(folder / "valid.txt", sentiment="fast")
    assert metrics["task"] == "directed" and metrics["n"] == 1461 and metrics["model"] == "fast"
    assert metrics["f1_macro"] >= 0.62 and metrics["f1_micro"] >= 0.80
    assert table["support"].sum() == 1461


def _mentions(texts: dict[int, str], names: list[str]) -> pd.DataFrame:
    rows = []
    for sid, text in texts.items():
        for name in names:
            at = text.find(name)
            if at >= 0:
                rows.append({"actor": name, "sent_id": sid, "start": at, "end": at + len(name), "surface": name,
                             "via": "name"})
    return pd.DataFrame(rows)


def test_quote_over_two_sentences_pairs_the_speaker_with_the_actors_inside_the_quote_only():
    # start is an offset in the quote's first sentence, end in its last (helpers.attribution)
    texts = {0: "Before the vote Ortiz stood up: “Voss has failed the city.",
             1: "Kim and Lee will have to fix it,” Hale said, looking at Park."}
    sentences = pd.DataFrame({"sent_id": list(texts), "text": list(texts.values())})
    mentions = _mentions(texts, ["Ortiz", "Voss", "Kim", "Lee", "Hale", "Park"])
    start, end = texts[0].index("Voss"), texts[1].index("”")
    quotes = pd.DataFrame([{"speaker": "Hale", "cue": "said", "content": "…", "sent_id": 0, "sent_ids": "0|1",
                            "direct": True, "start": start, "end": end, "speaker_sent_id": 1,
                            "speaker_start": texts[1].index("Hale"), "speaker_end": texts[1].index("Hale") + 4}])
    quoted = {(c["sent_id"], c["a2"]) for c in directed.candidates(sentences, mentions, quotes)
              if c["via"] == "quote" and c["a1"] == "Hale"}
    assert quoted == {(0, "Voss"), (1, "Kim"), (1, "Lee")}  # not Ortiz (before the quote), not Park (after it)
    one = quotes.assign(sent_ids="1", sent_id=1, start=0)  # a one-sentence quote: both bounds in that sentence
    quoted = {c["a2"] for c in directed.candidates(sentences, mentions, one) if c["via"] == "quote"}
    assert quoted == {"Kim", "Lee"}


def test_candidates_pair_at_most_the_first_actors_of_a_sentence_and_never_far_apart_mentions():
    names = ["Abel", "Brandt", "Cruz", "Dahl", "Egan", "Frey", "Gold", "Hahn", "Ivers", "Jost"]
    assert len(names) > directed.MAX_PAIRED_ACTORS
    texts = {0: ", ".join(names) + " met on Monday.",
             1: "Kline spoke first" + " and on" * 90 + " until Lund left."}
    assert texts[1].index("Lund") - texts[1].index("Kline") - len("Kline") > directed.MAX_PAIR_CHARS
    sentences = pd.DataFrame({"sent_id": list(texts), "text": list(texts.values())})
    pairs = directed.candidates(sentences, _mentions(texts, names + ["Kline", "Lund"]))
    first = set(names[:directed.MAX_PAIRED_ACTORS])
    in_one = [c for c in pairs if c["sent_id"] == 0]
    k = directed.MAX_PAIRED_ACTORS
    assert len(in_one) == k * (k - 1) // 2 and all({c["a1"], c["a2"]} <= first for c in in_one)
    assert not [c for c in pairs if c["sent_id"] == 1]  # Kline and Lund: too far apart for one window
