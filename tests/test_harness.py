"""The harness itself: failures stay readable, and stdout is captured as a terminal shows it."""

from __future__ import annotations

import pytest

from guide.runner import ExampleError, run_example

FAILING = """\
import json


def parse():
    return json.loads("{not json")


parse()
"""

STREAMING = """\
for piece in ["流", "式", " output"]:
    print(piece, end="", flush=True)
print()
print("done")
"""


def test_exception_in_example_is_a_clean_failure(tmp_path, eval_example):
    # pytest-examples 0.0.18 on CPython 3.11 turns this into INTERNALERROR unless handled.
    example = tmp_path / "failing.py"
    example.write_text(FAILING)
    with pytest.raises(ExampleError) as raised:
        run_example(example, eval_example)
    message = str(raised.value)
    assert "raised json.decoder.JSONDecodeError" in message
    assert f"{example}:5 in parse: return json.loads" in message
    assert f"{example}:8 in <module>: parse()" in message


def test_stdout_is_captured_as_a_terminal_shows_it(tmp_path, eval_example):
    example = tmp_path / "streaming.py"
    example.write_text(STREAMING)
    captured = run_example(example, eval_example)
    assert captured.text == "流式 output\ndone\n"
    times = [at for at, _ in captured.writes]
    assert times == sorted(times) and len(captured.writes) >= 4
