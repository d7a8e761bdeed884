"""Every notebook executes top to bottom on the seed article (as papermill / `make report` runs it)."""
from __future__ import annotations

import json

import nbformat
import pytest

from helpers.paths import PROJECT_ROOT, SEED_ARTICLE, SHARED_DATA

NOTEBOOKS = sorted((PROJECT_ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_notebooks_exist():
    names = {nb.name for nb in NOTEBOOKS}
    assert {"00_overview.ipynb", "01_article.ipynb", "05_readability.ipynb"} <= names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_committed_clean_with_one_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged 'parameters'"
    assert "out_dir" in tagged[0].source
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, "commit notebooks without outputs"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


@pytest.mark.notebooks
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path, tmp_path):
    import papermill as pm

    nb = nbformat.read(path, as_version=4)
    params_src = next(c.source for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", []))
    parameters = {"out_dir": str(tmp_path / "figures")}
    if "article =" in params_src:
        parameters["article"] = str(SEED_ARTICLE)
    if "data_dir =" in params_src:
        if not SHARED_DATA.exists():
            pytest.skip("benchmark data absent")
        parameters["data_dir"] = str(SHARED_DATA)
    if "corpus_out =" in params_src:
        parameters["corpus_out"] = str(tmp_path / "corpus-out")
    out = tmp_path / path.name
    pm.execute_notebook(str(path), str(out), parameters=parameters, cwd=str(PROJECT_ROOT),
                        progress_bar=False, execution_timeout=600)
    executed = json.loads(out.read_text())
    errors = [o for c in executed["cells"] for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
    # Figures shown in the notebook were exported beside their data.
    for png in (tmp_path / "figures").glob("*.png"):
        assert png.with_suffix(".svg").exists() and png.with_suffix(".csv").exists()
