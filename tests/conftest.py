"""Shared fixtures. Paths come from helpers.paths, so tests run from any working directory."""
from __future__ import annotations

import pytest

from helpers.paths import PROJECT_ROOT, SEED_ARTICLE, SHARED_DATA

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
def shared_data():
    """``../shared/data`` (benchmarks). CI has it; tests that need it skip only where it is absent."""
    if not SHARED_DATA.exists():
        pytest.skip(f"benchmark data not found at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seed_report(tmp_path_factory):
    """`make report` on the seed, into a temporary folder: executed notebooks, HTML, figures."""
    from helpers.report import build_report

    root = tmp_path_factory.mktemp("report")
    index = build_report(SEED_ARTICLE, out_dir=root / "reports", figures_dir=root / "figures")
    return {"index": index, "folder": index.parent, "figures": root / "figures"}
