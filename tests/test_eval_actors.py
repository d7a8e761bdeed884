"""The actor gold-set evaluator and the body → raw offset map, on invented texts."""
from __future__ import annotations

import csv
import hashlib
import json

import pytest

import helpers
from helpers import actors, text
from helpers.evaluation import actors as ev

RAW = ("Harbour Board Rejects Pay Offer.\r\n\r\nBy Lena Fisk\r\n\r\n"
       "Dockworkers at\u00a0the port of Velmar walked out on Monday.  Union leader Marta Quist said the\r\n"
       "offer was \"an insult to every family here.\"\r\n\r\n"
       "Quist met the Harbour Board on Tuesday. She said talks would go on.\r\n")


def test_raw_map_gives_back_the_raw_characters_of_every_sentence_and_mention():
    art = helpers.load_article(RAW)
    sents = text.sentences(art)
    rmap = text.RawMap(RAW, art)
    assert rmap.missing == []
    for start, end, sent in zip(sents["start"], sents["end"], sents["text"]):
        a, b = rmap.body_span(int(start), int(end))
        assert " ".join(RAW[a:b].split()) == sent
    mentions = actors.find_mentions(sents)
    starts = dict(zip(sents["sent_id"], sents["start"]))
    assert len(mentions) >= 3
    for sid, s, e, surface in zip(mentions["sent_id"], mentions["start"], mentions["end"], mentions["surface"]):
        a, b = rmap.body_span(starts[sid] + int(s), starts[sid] + int(e))
        assert " ".join(RAW[a:b].split()) == surface
    # the NBSP and the doubled space are collapsed by the reader; the map steps over them
    at = art.body.index("the port")
    assert RAW[rmap.body(at):rmap.body(at) + 8] == "the port"


def test_raw_map_title_and_a_paragraph_the_reader_changed():
    art = helpers.load_article(RAW)
    rmap = text.RawMap(RAW, art)
    assert art.title == "Harbour Board Rejects Pay Offer."
    a, b = rmap.title_span(0, 7)
    assert RAW[a:b] == "Harbour"
    art.paragraphs = art.paragraphs + ["A paragraph that is not in the raw text at all."]
    rmap = text.RawMap(RAW, art)
    assert rmap.missing == [len(art.paragraphs) - 1]
    assert rmap.body(len(art.body) - 3) is None


def _span(raw, needle, nth=0, actor=None, kind="name"):
    at = -1
    for _ in range(nth + 1):
        at = raw.index(needle, at + 1)
    out = {"start": at, "end": at + len(needle), "text": needle}
    if actor:
        out.update(actor=actor, type=kind)
    return out


def _gold(raw, doc_id="pn-velmar", source="polnear/velmar.txt", corpus="polnear"):
    return {
        "doc_id": doc_id, "corpus": corpus, "outlet": "invented", "source": source,
        "text_sha256": hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        "title": _span(raw, "Harbour Board Rejects Pay Offer."), "byline": _span(raw, "By Lena Fisk"),
        "body": {"start": raw.index("Dockworkers"), "end": raw.index("go on.") + 6},
        "furniture": [],
        "sentence_ends": [raw.index("Monday.") + 7, raw.index("here.\"") + 6, raw.index("Tuesday.") + 8,
                          raw.index("go on.") + 6],
        "actors": [{"id": "A1", "name": "Marta Quist", "kind": "person"},
                   {"id": "A2", "name": "Harbour Board", "kind": "organization"}],
        "mentions": [_span(raw, "Harbour Board", 0, "A2"), _span(raw, "Marta Quist", 0, "A1"),
                     _span(raw, "Quist", 1, "A1"), _span(raw, "Harbour Board", 1, "A2"),
                     _span(raw, "She", 0, "A1", "pronoun")],
        "quotes": [{**_span(raw, "an insult to every family here."), "speaker": "A1", "speaker_text": "Marta Quist"}],
        "notes": "",
    }


def test_score_document_counts_matches_by_actor_and_by_span():
    raw = RAW
    doc = _gold(raw)
    g = {m["text"] + str(k): m for k, m in enumerate(doc["mentions"])}
    q1, q2 = doc["mentions"][1], doc["mentions"][2]
    she = doc["mentions"][4]
    pred = ev.Prediction(title="Harbour Board Rejects Pay Offer.", byline="By Lena Fisk")
    pred.mentions = [(q1["start"], q1["end"], "Marta Quist", "person", "name", ""),
                     (q2["start"], q2["end"], "Quist", "person", "name", ""),  # split off: a merge error
                     (she["start"], she["end"], "Marta Quist", "person", "pronoun", ""),
                     (raw.index("Velmar"), raw.index("Velmar") + 6, "Velmar", "other", "name", "")]  # a town
    pred.sentence_ends = doc["sentence_ends"][:1] + [raw.index("Quist said") - 1] + doc["sentence_ends"][1:]
    a, b = doc["quotes"][0]["start"], doc["quotes"][0]["end"]
    pred.quotes = [(a, b, "Marta Quist", True)]
    assert g  # built
    row = ev.score_document(doc, raw, pred)
    # 4 predicted, 5 gold; "Marta Quist" pairs with A1 (2 mentions), "Quist" pairs with nobody
    assert (row["pred_mentions"], row["gold_mentions"], row["matched"], row["detected"]) == (4, 5, 2, 3)
    assert row["paired_actors"] == 1 and row["kinds_right"] == 1
    # B³ over the 3 span-matched mentions, all gold A1: predicted clusters {2}, {1}
    assert row["b3_p"] == pytest.approx(3.0)
    assert row["b3_r"] == pytest.approx(2 / 3 + 2 / 3 + 1 / 3)
    assert (row["false_splits"], row["missed_splits"]) == (1, 0)
    assert row["title_right"] == 1 and row["byline_right"] == 1
    assert row["speakers_right"] == 1 and row["quotes_found"] == 1
    metrics = ev.summarize([row])
    assert metrics["mention_precision"] == pytest.approx(0.5)
    assert metrics["mention_recall"] == pytest.approx(0.4)
    assert metrics["detection_recall"] == pytest.approx(0.6)


def test_abbreviation_splits_are_counted_apart():
    raw = "The C.I.A. warned Rep. Joe Bale (D-Penn.) on Friday. He left."
    doc = {"doc_id": "x", "mentions": [], "actors": [], "quotes": [], "title": None, "byline": None,
           "body": {"start": 0, "end": len(raw)}, "sentence_ends": [raw.index("Friday.") + 7, len(raw)]}
    pred = ev.Prediction(title="", byline="")
    pred.sentence_ends = [raw.index("C.I.A.") + 6, raw.index("Penn.)") + 6, raw.index("Friday.") + 7, len(raw)]
    row = ev.score_document(doc, raw, pred)
    assert (row["false_splits"], row["abbreviation_splits"], row["missed_splits"]) == (2, 2, 0)


def test_evaluate_scores_available_texts_and_names_the_missing_ones(tmp_path, capsys):
    shared = tmp_path / "shared"
    (shared / "polnear").mkdir(parents=True)
    (shared / "polnear" / "velmar.txt").write_bytes(RAW.encode("utf-8"))
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "a.json").write_text(json.dumps(_gold(RAW)), encoding="utf-8")
    other = _gold(RAW, doc_id="pn-gone", source="polnear/gone.txt")
    (gold_dir / "b.json").write_text(json.dumps(other), encoding="utf-8")
    metrics, table = ev.evaluate(gold_dir, root=shared)
    assert metrics["n"] == 1 and metrics["missing"] == 1
    assert "PolNeAR" in capsys.readouterr().err
    assert list(table["doc_id"]) == ["pn-velmar"]
    assert metrics["title_accuracy"] == 1.0
    assert metrics["mention_recall"] >= 0.6
    # a Narrative Frames row is read from articles.tsv by ID
    nf = shared / "narrative_frames"
    nf.mkdir()
    with open(nf / "articles.tsv", "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t")
        w.writerow(["ID", "text"])
        w.writerow(["7", RAW])
    assert ev.raw_text("narrative_frames/articles.tsv#7", shared) == RAW
    assert ev.raw_text("narrative_frames/articles.tsv#8", shared) is None


def test_evaluate_without_any_text_is_a_one_line_error(tmp_path):
    from helpers.errors import InputError

    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    (gold_dir / "a.json").write_text(json.dumps(_gold(RAW)), encoding="utf-8")
    with pytest.raises(InputError, match="none of the gold texts"):
        ev.evaluate(gold_dir, root=tmp_path / "nothing")
