"""A failed run never wipes earlier results, and says what failed in one line."""
from __future__ import annotations

import nbformat
import pandas as pd
import pytest

from helpers import batch
from helpers.paths import PROJECT_ROOT

GOOD = PROJECT_ROOT / "tests" / "fixtures" / "report_articles" / "short-praise.txt"


def test_a_batch_where_every_input_fails_keeps_the_earlier_tables(tmp_path):
    first = batch.run([GOOD], tmp_path, progress=False, figures=False)
    assert first.ok == 1 and "articles/s" not in first.summary()
    again = batch.run([tmp_path / "missing.txt"], tmp_path, progress=False, figures=False)
    assert again.failed == 1 and again.kept_earlier and "earlier tables are kept" in again.summary()
    assert pd.read_csv(tmp_path / "articles.csv")["slug"].tolist() == ["short-praise"]
    assert "missing.txt" in pd.read_csv(tmp_path / "errors.csv")["source"].iloc[0]
    assert not list(tmp_path.glob(".*.part"))


def _notebook(path, code):
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}})
    params = nbformat.v4.new_code_cell('article = ""\nout_dir = None')
    params.metadata["tags"] = ["parameters"]
    nb.cells = [nbformat.v4.new_markdown_cell("# 00 · Test page"), params, nbformat.v4.new_code_cell(code)]
    nbformat.write(nb, path)
    return path


@pytest.mark.notebooks
def test_a_failing_notebook_names_itself_and_keeps_the_earlier_report(tmp_path):
    from helpers.report import ReportError, build_report

    ok = _notebook(tmp_path / "00_ok.ipynb", "print('fine')")
    index = build_report(GOOD, out_dir=tmp_path / "reports", figures_dir=tmp_path / "fig", notebooks=[ok])
    assert index.exists() and (index.parent / "00_ok.html").exists()
    bad = _notebook(tmp_path / "00_bad.ipynb", "raise ValueError('broken on purpose')")
    with pytest.raises(ReportError) as err:
        build_report(GOOD, out_dir=tmp_path / "reports", figures_dir=tmp_path / "fig", notebooks=[bad])
    message = str(err.value)
    assert message.startswith("00_bad.ipynb: cell") and "ValueError: broken on purpose" in message
    assert "\n" not in message
    assert (index.parent / "00_ok.html").exists(), "the earlier report is still there"
    assert [p.name for p in (tmp_path / "reports").iterdir()] == ["short-praise"], "no temporary folder left"


@pytest.mark.notebooks
@pytest.mark.parametrize("code, problem", [("import time\ntime.sleep(60)", "a cell ran longer than 3 s"),
                                           ("import os\nos._exit(1)", "the notebook's kernel died")])
def test_a_cell_timeout_or_a_dead_kernel_is_a_one_line_report_error(tmp_path, code, problem):
    from helpers.report import ReportError, execute_notebook

    nb = _notebook(tmp_path / "00_stuck.ipynb", code)
    with pytest.raises(ReportError) as err:
        execute_notebook(nb, tmp_path / "run" / nb.name, {"article": str(GOOD)}, timeout=3)
    message = str(err.value)
    assert message.startswith(f"00_stuck.ipynb: {problem}") and "\n" not in message


@pytest.mark.notebooks
def test_relative_report_and_figure_folders_are_where_the_command_runs(tmp_path, monkeypatch):
    """`python -m helpers report a.md --out out` run in a user's folder writes ./out/<slug>/ and
    ./figures/<slug>/ there, never into the project (the notebooks run in the project root)."""
    from helpers.paths import PROJECT_ROOT
    from helpers.report import build_report

    nb = _notebook(tmp_path / "00_fig.ipynb",
                   "import pathlib\np = pathlib.Path(out_dir)\np.mkdir(parents=True, exist_ok=True)\n"
                   "(p / 'made.txt').write_text('x')")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    index = build_report(GOOD, out_dir="out", notebooks=[nb])
    assert index == work / "out" / "short-praise" / "index.html" and index.exists()
    assert (work / "figures" / "short-praise" / "made.txt").exists()
    assert not (PROJECT_ROOT / "out" / "short-praise").exists()
    assert not (PROJECT_ROOT / "figures" / "short-praise" / "made.txt").exists()
