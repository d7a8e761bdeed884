"""The dependency files agree: pyproject.toml is the source, environment.yml and the lock mirror it."""
from __future__ import annotations

import re
import tomllib

import yaml

from helpers.paths import PROJECT_ROOT


def _name(spec: str) -> str:
    return re.split(r"[<>=!~\[ ;]", spec.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject():
    data = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    deps = data["project"]["dependencies"] + data["project"]["optional-dependencies"]["test"]
    return {_name(d): d.replace(" ", "") for d in deps}


def test_environment_yml_mirrors_pyproject():
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "conda-forge" in env["channels"]
    assert any(re.fullmatch(r"python=3\.\d+", d) for d in conda), "Python pinned to a minor version"
    assert "-e ." in pip, "the package itself is installed editable"
    conda_specs = {_name(d): d.lower().replace(" ", "") for d in conda if not d.startswith(("python", "pip"))}
    pyproject_specs = {name: spec.lower() for name, spec in _pyproject().items()}
    assert conda_specs == pyproject_specs


def test_lock_pins_every_dependency():
    lock = (PROJECT_ROOT / "requirements.lock").read_text().splitlines()
    pinned = {_name(line): line for line in lock if line and not line.startswith("#")}
    for name in _pyproject():
        assert name in pinned, f"{name} missing from requirements.lock"
        assert "==" in pinned[name]


def test_python_version_agrees():
    data = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text())
    minor = next(d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python=")).split("=")[1]
    assert f">={minor}" in data["project"]["requires-python"]
