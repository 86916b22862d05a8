"""What running one example yields, as the process that ran it leaves it for the test process.

Kept apart from tests/support/example_child.py, which imports the whole LangChain stack to warm
it up: the pytest processes that only read outcomes need none of it.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from pathlib import Path

from fake_openai.script import Reply


@dataclass
class Outcome:
    """One example's run, as the test process receives it."""

    writes: list[tuple[float, str]] = field(default_factory=list)
    failure: str | None = None  # the example raised (ExampleError's message), or worse
    unscripted: list[str] = field(default_factory=list)
    paced: list[Reply] = field(default_factory=list)
    stderr: str = ""
    # (message, category name, filename, lineno) of warnings the filters let through
    warnings: list[tuple[str, str, str, int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(text for _, text in self.writes)


def keep(outcome: Outcome, target: Path) -> None:
    partial = target.with_suffix(".partial")
    partial.write_bytes(pickle.dumps(outcome))
    partial.replace(target)
