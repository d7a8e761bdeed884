"""Paths that resolve from the project root, so JupyterLab, papermill and pytest agree.

The root is found from this file (``src/helpers/paths.py`` → two levels up) when the package is
installed editable, else from ``$HELPERS_PROJECT_ROOT``, else the current folder.
"""
from __future__ import annotations

import os
from pathlib import Path


def _find_root() -> Path:
    env = os.environ.get("HELPERS_PROJECT_ROOT")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve().parents[2]
    if (here / "pyproject.toml").exists() and (here / "notebooks").exists():
        return here
    return Path.cwd().resolve()


PROJECT_ROOT = _find_root()
SEEDS = PROJECT_ROOT / "seeds"
SEED_ARTICLE = SEEDS / "trump-urges-russia-to-stop.txt"
FIGURES = PROJECT_ROOT / "figures"
#: Data sets the project ships (their licences allow it): ``data/<set>/`` (see data/README.md).
DATA = PROJECT_ROOT / "data"
#: Benchmarks beside the project (``../shared/data``), or ``$HELPERS_SHARED_DATA``.
SHARED_DATA = Path(os.environ.get("HELPERS_SHARED_DATA", PROJECT_ROOT.parent / "shared" / "data")).resolve()
#: Where code looks for a data set, in order: the project's ``data/``, then ``../shared/data/``.
DATA_DIRS = (DATA, SHARED_DATA)


def data_path(name: str) -> Path:
    """``data/<name>`` if it exists, else ``../shared/data/<name>`` if it exists, else ``data/<name>``.

    The last is where a user places a data set the project may not ship (``python -m helpers data
    status`` says which); use `helpers.datasets.require` for a clear error when it is absent.
    """
    for folder in DATA_DIRS:
        if (folder / name).exists():
            return folder / name
    return DATA / name


def resolve(path) -> Path:
    """A user path: absolute as is; relative to the current folder if it exists there, else to the root."""
    path = Path(path)
    if path.is_absolute() or path.exists():
        return path
    return PROJECT_ROOT / path
