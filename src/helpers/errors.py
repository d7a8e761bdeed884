"""Errors the package raises on bad input: one line, naming the file and the problem."""
from __future__ import annotations


class InputError(ValueError):
    """Bad input that the user can fix (missing file, empty text, binary data, …).

    ``str(err)`` is one line: ``"<source>: <problem>"``. The CLI prints it as is and exits
    non-zero; it never shows a traceback from inside a library.
    """

    def __init__(self, source: str, problem: str):
        self.source = str(source)
        self.problem = " ".join(str(problem).split())
        super().__init__(f"{self.source}: {self.problem}")
