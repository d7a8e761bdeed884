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
    "speakers": ("speakers", "PolNeAR folder: direct-quote speakers scored as the actor gold set scores them"),
    "frames": ("frames", "Narrative Frames folder with articles.tsv and roles.tsv"),
    "actors": ("actors", "folder of actor gold JSON files (data/gold/actors/dev)"),
}


#: Tasks whose classifier is chosen with ``--sentiment encoder|fast``.
MODEL_TASKS = ("newsmtsc", "directed")


def run(task: str, path: str, sentiment: str | None = None):
    """Run one evaluation task; returns ``(metrics, table)``.

    ``sentiment`` (``"encoder"`` or ``"fast"``; for directed also ``"ensemble"``) picks the
    classifier of the newsmtsc and directed tasks (default: the encoder); the other tasks have one.
    """
    module_name, _ = TASKS[task]
    module = importlib.import_module(f"{__name__}.{module_name}")
    if task in MODEL_TASKS:
        return module.evaluate(path, sentiment or "encoder")
    return module.evaluate(path)
