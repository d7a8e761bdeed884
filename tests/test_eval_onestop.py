"""helpers.evaluation.onestop: decoding, pairing by topic, ranking accuracy (synthetic + real files)."""
import json

import pytest

from helpers.errors import InputError
from helpers.evaluation import onestop
from helpers.paths import data_path

ONESTOP = data_path("onestopenglish")  # shipped in data/ (CC BY-SA 4.0)

LEVEL_TEXTS = {
    "advanced": ("Notwithstanding considerable institutional resistance, the administration's comprehensive "
                 "reorganisation of intergovernmental responsibilities complicated negotiations."),
    "intermediate": "The government changed how its departments work, and this made the talks more difficult.",
    "elementary": "The government made changes. The talks were hard.",
}


def _write_corpus(root, topics, reverse=()):
    """Three levels per topic; topics in ``reverse`` get advanced and elementary texts swapped."""
    for topic in topics:
        for folder, suffix in onestop.LEVELS:
            level = folder
            if topic in reverse and folder in ("advanced", "elementary"):
                level = "elementary" if folder == "advanced" else "advanced"
            (root / folder).mkdir(exist_ok=True)
            (root / folder / f"{topic}-{suffix}.txt").write_text(LEVEL_TEXTS[level] + "\n", encoding="utf-8")


def test_read_text_file_decodes_bom_plain_and_cp1252(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffIt’s here.\r\nNext line.".encode("utf-8"))
    (tmp_path / "plain.txt").write_bytes("It’s here.".encode("utf-8"))
    (tmp_path / "win.txt").write_bytes("It’s “here”.".encode("cp1252"))
    assert onestop.read_text_file(tmp_path / "bom.txt") == "It’s here.\nNext line."
    assert onestop.read_text_file(tmp_path / "plain.txt") == "It’s here."
    assert onestop.read_text_file(tmp_path / "win.txt") == "It’s “here”."
    with pytest.raises(InputError, match="missing.txt"):
        onestop.read_text_file(tmp_path / "missing.txt")


def test_topic_key_strips_level_and_spaces():
    assert onestop.topic_key("climate change -int.txt", "int") == "climate change"
    assert onestop.topic_key("Arctic mapping-adv.txt", "adv") == "arctic mapping"
    assert onestop.topic_key("WNL Ships noise-ELE.txt", "ele") == "wnl ships noise"


def test_synthetic_pairs_all_ordered(tmp_path):
    _write_corpus(tmp_path, ["Amazon", "Banksy"])
    metrics, table = onestop.evaluate(tmp_path)
    assert metrics["task"] == "onestop" and metrics["pairs"] == 6
    assert metrics["ranking_accuracy"]["flesch_kincaid_grade"] == 1.0
    assert metrics["ranking_accuracy"]["flesch_reading_ease"] == 1.0
    assert metrics["ranking_accuracy"]["smog_index"] is None  # no text has 30 sentences
    row = table.set_index("metric").loc["flesch_kincaid_grade"]
    assert row["pairs"] == 6 and row["correct"] == 6 and row["direction"] == "higher = harder"
    json.dumps(metrics)  # serialisable as the CLI prints it


def test_synthetic_reversed_topic_halves_the_wrong_pairs(tmp_path):
    # "Banksy" has advanced and elementary swapped: its adv>int, int>ele and adv>ele all fail.
    _write_corpus(tmp_path, ["Amazon", "Banksy"], reverse={"Banksy"})
    metrics, table = onestop.evaluate(tmp_path)
    assert metrics["ranking_accuracy"]["flesch_kincaid_grade"] == 0.5
    row = table.set_index("metric").loc["flesch_kincaid_grade"]
    assert (row["adv>int"], row["int>ele"], row["adv>ele"]) == (0.5, 0.5, 0.5)


def test_unpaired_files_are_not_pairs(tmp_path):
    _write_corpus(tmp_path, ["Amazon"])
    (tmp_path / "advanced" / "Lonely-adv.txt").write_text(LEVEL_TEXTS["advanced"], encoding="utf-8")
    assert onestop.evaluate(tmp_path)[0]["pairs"] == 3


def test_empty_folder_is_a_one_line_error(tmp_path):
    with pytest.raises(InputError, match="no OneStopEnglish texts"):
        onestop.evaluate(tmp_path)


def test_real_files_flesch_kincaid_orders_levels(tmp_path):
    topics = ["Amazon", "Amsterdam", "Anita", "Arctic mapping", "Banksy", "WNL Ships noise"]
    for folder, suffix in onestop.LEVELS:
        (tmp_path / folder).mkdir()
        for topic in topics:
            src = ONESTOP / folder / f"{topic}-{suffix}.txt"
            (tmp_path / folder / src.name).write_bytes(src.read_bytes())
    metrics, _ = onestop.evaluate(tmp_path)
    assert metrics["pairs"] == 18
    assert metrics["ranking_accuracy"]["flesch_kincaid_grade"] >= 0.94  # at most one of 18 wrong


def test_cp1252_file_decodes_with_curly_quotes():
    text = onestop.read_text_file(ONESTOP / "intermediate" / "WNL Ships noise-int.txt")
    assert "animals’ communication" in text and "\ufffd" not in text
