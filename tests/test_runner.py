"""The example runner: it runs a file as `python file.py` would, failures stay readable, and
stdout is captured as a terminal shows it."""

from __future__ import annotations

import sys

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

AS_A_SCRIPT = """\
import sys

import sibling

print(__name__, __file__ == sys.argv[0], sibling.VALUE)
"""


def test_an_exception_is_reported_once_with_the_examples_own_lines(tmp_path):
    example = tmp_path / "failing.py"
    example.write_text(FAILING)
    with pytest.raises(ExampleError) as raised:
        run_example(example)
    message = str(raised.value)
    assert message.startswith(f"{example} raised json.decoder.JSONDecodeError: Expecting")
    assert message.splitlines()[1:] == [
        f"  {example}:8 in <module>: parse()",
        f'  {example}:5 in parse: return json.loads("{{not json")',
    ]
    assert raised.value.__cause__ is None and raised.value.__suppress_context__ is False
    assert raised.value.__context__ is None, "the report must not chain the original exception"


def test_an_example_runs_as_main_beside_its_own_modules(tmp_path):
    (tmp_path / "sibling.py").write_text("VALUE = 42\n")
    example = tmp_path / "script.py"
    example.write_text(AS_A_SCRIPT)
    argv, path = list(sys.argv), list(sys.path)
    assert run_example(example).text == "__main__ True 42\n"
    assert (sys.argv, sys.path) == (argv, path)
    assert "sibling" not in sys.modules, "a sibling module must not outlive its example"


def test_a_clean_exit_passes_and_a_failing_one_fails(tmp_path):
    example = tmp_path / "exits.py"
    example.write_text("import sys\nprint('bye')\nsys.exit(0)\n")
    assert run_example(example).text == "bye\n"
    example.write_text("import sys\nsys.exit(3)\n")
    with pytest.raises(ExampleError, match=r"raised SystemExit: 3\n.*exits.py:2 in <module>"):
        run_example(example)


def test_stdout_is_captured_as_a_terminal_shows_it(tmp_path):
    example = tmp_path / "streaming.py"
    example.write_text(STREAMING)
    captured = run_example(example)
    assert captured.text == "流式 output\ndone\n"
    times = [at for at, _ in captured.writes]
    assert times == sorted(times) and len(captured.writes) >= 4
