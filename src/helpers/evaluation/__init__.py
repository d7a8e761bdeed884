"""Validation against public gold sets: ``python -m helpers evaluate TASK PATH [--json]``.

Each task module exposes ``evaluate(path) -> (metrics: dict, table: DataFrame)``: ``metrics`` is
the JSON object of the contract (it always has ``"task"``), ``table`` the readable breakdown.
"""
from __future__ import annotations

import importlib

#: task name -> module (under helpers.evaluation) and what PATH is.
TASKS = {
    "onestop": ("onestop", "folder with advanced/, intermediate/, elementary/"),
    "newsmtsc": ("newsmtsc", "NewsMTSC .jsonl file"),
    "mentions": ("mentions", "NewsMTSC .jsonl file"),
    "directed": ("directed", "Park et al. 2021 .txt file"),
    "attribution": ("attribution", "PolNeAR folder with text/ and attributions/"),
    "frames": ("frames", "Narrative Frames folder with articles.tsv and roles.tsv"),
    "actors": ("actors", "folder of actor gold JSON files (data/gold/actors/dev)"),
}


def run(task: str, path: str):
    """Run one evaluation task; returns ``(metrics, table)``."""
    module_name, _ = TASKS[task]
    module = importlib.import_module(f"{__name__}.{module_name}")
    return module.evaluate(path)
