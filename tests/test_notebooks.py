"""Every notebook executes top to bottom on the seed article (as papermill / `make report` runs it).

The article notebooks (00–05) run once, through `helpers.report.build_report` (the code path of
`make report`); the session fixture is shared with the browser test in test_report.py.
"""
from __future__ import annotations

import json

import nbformat
import pytest

from helpers.paths import PROJECT_ROOT
from helpers.report import article_notebooks

NOTEBOOKS = sorted((PROJECT_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
ARTICLE_NOTEBOOKS = article_notebooks()
OTHER_NOTEBOOKS = [nb for nb in NOTEBOOKS if nb not in ARTICLE_NOTEBOOKS]


def _errors(executed_path):
    executed = json.loads(executed_path.read_text())
    return [o for c in executed["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]


def test_notebooks_exist():
    names = {nb.name for nb in NOTEBOOKS}
    assert {"00_overview.ipynb", "01_article.ipynb", "05_readability.ipynb"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_committed_clean_with_one_parameters_cell(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert all("id" in c for c in raw["cells"]), "every cell has an id (nbformat 4.5; else a warning on read)"
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    assert "out_dir" in tagged[0].source
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, "commit notebooks without outputs"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


@pytest.mark.notebooks
@pytest.mark.parametrize("path", ARTICLE_NOTEBOOKS, ids=lambda p: p.name)
def test_article_notebook_executes_on_seed(path, seed_report):
    executed = seed_report["folder"] / path.name
    assert executed.exists()
    assert not _errors(executed)
    assert (seed_report["folder"] / f"{path.stem}.html").exists()


@pytest.mark.notebooks
def test_report_exports_figures_with_data(seed_report):
    pngs = sorted(seed_report["figures"].glob("*.png"))
    assert any(p.name.startswith("51-") for p in pngs)
    for png in pngs:
        assert png.with_suffix(".svg").exists() and png.with_suffix(".csv").exists()


@pytest.mark.notebooks
@pytest.mark.parametrize("path", OTHER_NOTEBOOKS, ids=lambda p: p.name)
def test_other_notebook_executes(path, tmp_path):
    import papermill as pm

    nb = nbformat.read(path, as_version=4)
    params_src = next(c.source for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", []))
    parameters = {"out_dir": str(tmp_path / "figures")}
    # 90_validation keeps its default data_dir (None: data/, then ../shared/data/): it runs on
    # whatever is present and lists each missing set with how to get it.
    if "corpus_out =" in params_src:
        parameters["corpus_out"] = str(tmp_path / "corpus-out")
    out = tmp_path / path.name
    pm.execute_notebook(str(path), str(out), parameters=parameters, cwd=str(PROJECT_ROOT),
                        progress_bar=False, execution_timeout=900)
    assert not _errors(out)


# Reports on articles unlike the seed (a saved HTML page, nobody named, …): tests/test_report.py.
