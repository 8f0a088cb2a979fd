"""The one shape every problem takes: where it is, what is wrong, how to fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        # path:line:column: message -- the shape compilers use, which editors and the GitHub
        # problem matcher in .github/problem-matcher.json turn into clickable annotations.
        message = self.message.replace("\r", "\\r").replace("\n", "\\n")
        return f"{self.path}:{self.line}:{self.column}: {message}"


class InvalidDirectory(Exception):
    """Raised by the core when the data has problems; carries all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the data files")
        self.problems = sorted(problems)


class SetupError(Exception):
    """The project itself is set up wrong (a missing folder or template); says what to fix."""


class Refused(Exception):
    """A command wrote nothing; `problems` says why and how to fix it, one line each."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems
