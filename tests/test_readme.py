"""The README's Python example runs as written (from the project root)."""
from __future__ import annotations

import re

from helpers.paths import PROJECT_ROOT


def test_readme_python_example_runs(tmp_path, monkeypatch):
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", readme, re.S).group(1)
    block = block.replace('"out/"', repr(str(tmp_path / "out")))  # write into the test's folder
    monkeypatch.chdir(PROJECT_ROOT)
    namespace: dict = {}
    exec(compile(block, "README.md", "exec"), namespace)
    assert (tmp_path / "out" / "trump-urges-russia-to-stop" / "actor_sentiment.csv").exists()
    assert namespace["helpers"].sentiment.classify_target("Critics slammed Mr. Smith.", 16, 25) == "negative"
