"""Hostile input to the reader and to `report` (issue 15, findings 4, 6, 7, 8, 10)."""
from __future__ import annotations

import json
import os
import shlex
import stat
import subprocess

import nbformat
import pandas as pd
import pytest

from helpers import batch, report
from helpers.article import decode_with_notes, load_article
from helpers.cli import main
from helpers.errors import InputError
from helpers.paths import PROJECT_ROOT, SEED_ARTICLE

from hostile import SENTENCE


# --------------------------------------------------------------------------- finding 4: one bad byte
def test_one_stray_cp1252_byte_keeps_the_rest_utf8_and_says_where():
    data = SEED_ARTICLE.read_bytes()
    cut = data.index(b"Putin")
    broken = data[:cut] + b"Russia\x92s " + data[cut:]
    article = load_article(broken)
    clean = load_article(data)
    assert article.encoding == "utf-8"
    assert "Russia\u2019s Putin" in article.body
    assert article.title == clean.title and "\u2018STOP!\u2019" in article.title
    line = data.count(b"\n", 0, cut) + 1
    assert article.warnings[0].startswith(f"1 byte(s) are not valid UTF-8 and were read as Windows-1252 (at line {line}, ")


def test_a_legacy_file_is_still_read_as_windows_1252():
    text, encoding, notes = decode_with_notes("Caf\u00e9 owners said the \u201cplan\u201d works.".encode("cp1252"))
    assert (text, encoding, notes) == ("Caf\u00e9 owners said the \u201cplan\u201d works.", "cp1252", [])


# --------------------------------------------------------------------------- finding 10: controls, bidi, UTF-16, emoji, HTML
def test_nul_and_terminal_escapes_after_64kb_never_reach_the_outputs(tmp_path):
    body = SENTENCE * 700  # > 64 KB before the controls
    path = tmp_path / "controls.txt"
    path.write_bytes(("Controls\n\n" + body + "\x00\x1b[31mKremlin\x1b[0m said \x07so.\x00\n").encode("utf-8"))
    batch.run([path], tmp_path / "out", progress=False, figures=False)
    folder = tmp_path / "out" / "controls"
    for name in ["article.json", "sentences.csv", "mentions.csv"]:
        raw = (folder / name).read_bytes()
        assert b"\x00" not in raw and b"\x1b" not in raw and b"\x07" not in raw, name
    record = json.loads((folder / "article.json").read_text(encoding="utf-8"))
    assert record["paragraphs"][-1].endswith("Kremlin said so.")
    assert "5 control character(s) or terminal escape(s) removed" in record["warnings"]


def test_bidi_marks_are_stripped_and_do_not_split_a_name():
    from helpers import actors, text

    article = load_article("War news\n\nVladimir\u200e V.\u200f Putin\u202e said the war would go on. Putin\u2066 left.\n")
    assert "Vladimir V. Putin said the war would go on." in article.body
    assert not any(ch in article.body for ch in "\u200e\u200f\u202e\u2066")
    mentions = actors.find_mentions(text.sentences(article))
    assert set(mentions["actor"]) == {"Vladimir V. Putin"}


def test_utf16_without_bom_is_read_not_called_binary():
    article = load_article(("UTF-16 text\n\n" + SENTENCE * 3).encode("utf-16-le"))
    assert article.encoding == "utf-16-le" and article.paragraphs[0].startswith("Vladimir Putin said")
    assert load_article(("UTF-16 text\n\n" + SENTENCE * 3).encode("utf-16-be")).encoding == "utf-16-be"


def test_emoji_only_text_is_a_clear_error(tmp_path, capsys):
    path = tmp_path / "emoji.txt"
    path.write_text("\U0001F600\U0001F525 " * 50, encoding="utf-8")
    assert main(["analyze", str(path), "--out", str(tmp_path / "out"), "-q", "--no-figures"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"error: {path}: no words to analyse (the text has no letters: only symbols, emoji or numbers)"


def test_html_nested_5000_deep_is_read():
    page = ("<!DOCTYPE html><html><head><title>Deep page</title></head><body>" + "<div>" * 5000
            + f"<p>{SENTENCE * 4}</p>" + "</div>" * 5000 + "</body></html>")
    article = load_article(page, format="html")
    assert article.paragraphs and article.paragraphs[0].startswith("Vladimir Putin said on Tuesday")


# --------------------------------------------------------------------------- finding 6: report and non-regular files
@pytest.fixture()
def tiny_notebook(tmp_path, monkeypatch):
    """A one-cell article notebook (parameters: article, out_dir) so `report` runs in seconds."""
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    params = nbformat.v4.new_code_cell('article = ""\nout_dir = ""')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [params, nbformat.v4.new_code_cell("from helpers.article import load_article\n"
                                                  "print(load_article(article).title)")]
    path = tmp_path / "nb" / "00_tiny.ipynb"
    path.parent.mkdir()
    nbformat.write(nb, path)
    monkeypatch.setattr(report, "article_notebooks", lambda root=None: [path])
    return path


def test_report_refuses_a_fifo_and_dev_zero_and_goes_on_with_the_rest(tmp_path, tiny_notebook, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    out = tmp_path / "reports"
    code = main(["report", str(fifo), "/dev/zero", str(SEED_ARTICLE), "--out", str(out),
                 "--figures", str(tmp_path / "fig")])
    captured = capsys.readouterr()
    assert code == 2
    assert f"error: {fifo}: not a regular file" in captured.err
    assert "error: /dev/zero: not a regular file" in captured.err
    assert "Traceback" not in captured.err
    assert (out / "trump-urges-russia-to-stop" / "index.html").exists()


def test_analyze_refuses_a_fifo_named_directly(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        load_article(fifo)


# --------------------------------------------------------------------------- finding 7: braces and spaces in paths
def test_report_paths_with_braces_and_spaces(tmp_path, tiny_notebook):
    article = tmp_path / "in {article} dir" / "my {x} story.txt"
    article.parent.mkdir()
    article.write_bytes(SEED_ARTICLE.read_bytes())
    out = tmp_path / "a{x} reports {article}"
    index = report.build_report(article, out_dir=out, figures_dir=tmp_path / "fig {y}")
    assert index == out / "my-x-story" / "index.html" and index.exists()
    executed = nbformat.read(out / "my-x-story" / "00_tiny.ipynb", as_version=4)
    assert "Trump Urges Russia" in executed.cells[-1].outputs[0]["text"]
    assert stat.S_IMODE((out / "my-x-story").stat().st_mode) == 0o777 & ~_umask()
    assert [p.name for p in out.iterdir()] == ["my-x-story"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_report_removes_temp_folders_of_killed_runs(tmp_path, tiny_notebook):
    out = tmp_path / "reports"
    dead = out / ".seed.999999999.tmp-abcd1234"  # no such pid
    dead.mkdir(parents=True)
    report.build_report(SEED_ARTICLE, out_dir=out, figures_dir=tmp_path / "fig")
    assert sorted(p.name for p in out.iterdir()) == ["trump-urges-russia-to-stop"]


# --------------------------------------------------------------------------- finding 8: the Makefile quotes ARTICLE
def test_makefile_passes_an_article_with_spaces_as_one_argument():
    cmd = subprocess.run(["make", "-n", "-C", str(PROJECT_ROOT), "report", "ARTICLE=my article's copy.txt",
                          "OUT=out dir", "REPORTS=rep {x}"], capture_output=True, text=True, check=True).stdout
    lines = [shlex.split(line) for line in cmd.splitlines() if "-m helpers" in line]
    assert [words[-4:] for words in lines] == [["analyze", "my article's copy.txt", "--out", "out dir"],
                                               ["report", "my article's copy.txt", "--out", "rep {x}"]]


# --------------------------------------------------------------------------- notebook figures are atomic
def test_save_figure_leaves_no_temporaries_and_whole_files(tmp_path):
    import matplotlib.pyplot as plt

    from helpers.figures import save_figure

    fig, ax = plt.subplots()
    ax.plot([1, 2], [3, 4])
    paths = save_figure(fig, "01-line", pd.DataFrame({"x": [1, 2]}), tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["01-line.csv", "01-line.png", "01-line.svg"]
    assert paths["png"].read_bytes().startswith(b"\x89PNG") and paths["csv"].read_text() == "x\n1\n2\n"
