"""The PolNeAR direct-quote speaker measure (`helpers.evaluation.speakers`) on invented texts."""
from helpers.evaluation import speakers as ev

TEXT = (
    "Officials in the port town of Tarnow met on Monday to discuss the harbour.\n\n"
    "“The port stays open,” said Lena Ostrova, a spokeswoman for the mayor.\n\n"
    "“We will not close it,” she said.\n\n"
    "The harbour board's motto is still “Open for all ships and all weather.”\n"
)


def _span(text, words):
    a = text.index(words)
    return a, a + len(words)


def _folder(tmp_path, golds):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc1.txt").write_text(TEXT, encoding="utf-8")
    lines = []
    for k, (source, content) in enumerate(golds):
        s, c = _span(TEXT, source), _span(TEXT, content)
        lines += [f"T{3 * k + 1}\tSource {s[0]} {s[1]}\t{source}", f"T{3 * k + 2}\tContent {c[0]} {c[1]}\t{content}",
                  f"E{k + 1}\tAttribution:T{3 * k + 2} Source:T{3 * k + 1} Content:T{3 * k + 2}"]
    (tmp_path / "attributions" / "doc1_a.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return tmp_path


def test_direct_quotation_needs_marks_at_its_start():
    text = "She said “the port is open” and the ships are “welcome.”"
    assert ev.is_direct(text, [_span(text, "“the port is open”")])
    assert not ev.is_direct(text, [_span(text, "the ships are “welcome.”")])  # a partial quotation
    assert ev.quoted_share("“ab” cd") == 0.5


def test_source_head_is_the_name_before_its_modifier():
    mentions = [(0, 12, "Lena Ostrova", "Lena Ostrova"), (33, 38, "Tarnow", "Tarnow")]
    text = "Lena Ostrova, a spokeswoman for Tarnow"
    assert ev.source_actor(text, [(0, len(text))], mentions) == ("Lena Ostrova", False)
    text2 = "a Tarnow port spokesman"
    assert ev.source_actor(text2, [(0, len(text2))], [(2, 8, "Tarnow", "Tarnow")]) == ("", False)


def test_classes_counted_on_an_invented_article(tmp_path):
    folder = _folder(tmp_path, [
        ("Lena Ostrova, a spokeswoman for the mayor", "“The port stays open,”"),
        ("she", "“We will not close it,”"),
        ("The harbour board", "“Open for all ships and all weather.”"),  # a motto: no speech frame
    ])
    metrics, table = ev.evaluate(folder)
    counts = dict(zip(table["class"], table["count"]))
    assert metrics["task"] == "speakers" and metrics["documents"] == 1
    assert metrics["n"] == 2 and metrics["pronoun_n"] == 1
    assert counts["right"] == 1 and counts["not_found"] == 1 and counts["pronoun_right"] == 1
    assert metrics["speaker_accuracy"] == 0.5 and metrics["quote_recall"] == 0.5
