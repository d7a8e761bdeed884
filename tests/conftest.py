"""Shared fixtures. Paths come from helpers.paths, so tests run from any working directory."""
from __future__ import annotations

import pytest

from helpers.paths import PROJECT_ROOT, SEED_ARTICLE

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"


@pytest.fixture(scope="session")
def seed_path():
    return SEED_ARTICLE


@pytest.fixture(scope="session")
def seed_analysis():
    """The full analysis of the seed article, computed once per test session."""
    import helpers

    return helpers.analyze(helpers.load_article(SEED_ARTICLE))


@pytest.fixture(scope="session")
def shipped_data():
    """The gold sets the project ships in ``data/`` (NewsMTSC, Narrative Frames, OneStopEnglish): always there."""
    from helpers.datasets import DATASETS, require

    return {name: require(name) for name, ds in DATASETS.items() if ds.shipped}


def gold_or_missing_message(name: str):
    """The folder of gold set ``name``; when it is absent (a clone without ``../shared``), check
    instead that asking for it gives the clear "missing data" message, and return None."""
    from helpers import cli
    from helpers.datasets import DATASETS, MissingData, present, require

    if present(name):
        return require(name)
    with pytest.raises(MissingData) as err:
        require(name)
    message = str(err.value)
    assert "missing data" in message and DATASETS[name].source.split()[0] in message
    assert "python -m helpers data status" in message
    return None


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory):
    """`make report` on the seed, into a temporary folder: executed notebooks, HTML, figures."""
    from helpers.report import build_report

    root = tmp_path_factory.mktemp("report")
    index = build_report(SEED_ARTICLE, out_dir=root / "reports", figures_dir=root / "figures")
    return {"index": index, "folder": index.parent, "figures": root / "figures"}
