"""Every example runs against the fake model, and its output must match what the pages show;
a streamed output must also have the replay file that lets a page replay it (guide/replay.py).

`make outputs` runs this module with --update-outputs; EX= (--example) narrows it to one example,
PAGE= (--page, tests/support/page_filter.py) to the examples of one page."""

from __future__ import annotations

import difflib
import json
import re
import sys
import tomllib
import warnings
from pathlib import Path

import pytest

from fake_openai import Script
from guide import replay
from guide.layout import example_dir, iter_examples, output_path, pages_showing, rel
from guide.runner import ExampleError, run_example
from tests.support.example_child import REPLIES
from tests.support.example_runs import outcome_of

NUMBER = re.compile(r"\d+(?:\.\d+)?")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "example" in metafunc.fixturenames:
        metafunc.parametrize("example", selected(metafunc.config), ids=rel)


def selected(config: pytest.Config) -> list[Path]:
    examples = iter_examples()
    if name := config.getoption("example"):
        chosen = [example for example in examples if example == Path(name).resolve()]
        if not chosen:
            raise pytest.UsageError(f"EX={name} is no example: name a file under examples/")
        return chosen
    return examples


def shown_on(example: Path) -> str:
    pages = pages_showing(example)
    return f"shown on: {', '.join(pages)}" if pages else "shown on no page"


def rerecord(example: Path) -> str:
    return f"`make outputs EX={rel(example)}`, then review `git diff`"


def unscripted_failure(example: Path, prompts: list[str]) -> str:
    stubs = "\n".join(
        f'[[reply]]\nprompt = {json.dumps(prompt, ensure_ascii=False)}\ntext = "…"\n'
        for prompt in prompts
    )
    return (
        f"{rel(example)} sent prompts with no scripted reply: {prompts!r}.\n"
        f"Add them to {rel(example.parent / REPLIES)}, e.g.:\n\n{stubs}\n"
        f"then run {rerecord(example)}."
    )


def changed_output(example: Path, recorded: Path, expected: str, got: str) -> str:
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            got.splitlines(keepends=True),
            fromfile=f"{rel(recorded)} (recorded)",
            tofile=f"{rel(example)} (this run)",
        )
    )
    if NUMBER.sub("#", expected) == NUMBER.sub("#", got):
        advice = (
            "Only numbers changed. If they are durations, this is timing, not a regression:"
            " do not re-record it; make the example print the duration in a form a busy"
            " machine cannot change (README, 'Durations in outputs'). If the numbers are"
            f" meant to change, run {rerecord(example)}."
        )
    else:
        advice = f"If the new output is right, run {rerecord(example)}."
    return f"output of {rel(example)} changed ({shown_on(example)}).\n{advice}\n{diff}"


def test_example(example: Path, request: pytest.FixtureRequest) -> None:
    """Judges the run tests/support/example_runs.py made of `example`, many at once."""
    outcome = outcome_of(request.config, example)
    sys.stderr.write(outcome.stderr)
    for message, category, filename, lineno in outcome.warnings:
        warnings.warn_explicit(f"{category}: {message}", UserWarning, filename, lineno)
    if outcome.unscripted:
        pytest.fail(unscripted_failure(example, outcome.unscripted), pytrace=False)
    if outcome.failure:
        pytest.fail(
            f"{outcome.failure}\n({shown_on(example)})\n"
            f"Fix {rel(example)} and try it with `make example EX={rel(example)}`.",
            pytrace=False,
        )
    writes, paced = outcome.writes, outcome.paced

    recorded = output_path(example)
    if request.config.getoption("update_outputs"):
        if outcome.text:
            recorded.write_text(outcome.text, encoding="utf-8")
        else:
            recorded.unlink(missing_ok=True)
        replay.record(writes, paced, recorded)
        return

    expected = recorded.read_text(encoding="utf-8") if recorded.exists() else ""
    if outcome.text != expected:
        pytest.fail(changed_output(example, recorded, expected, outcome.text), pytrace=False)
    if problem := replay.disagreement(writes, paced, recorded):
        pytest.fail(f"{problem} ({shown_on(example)}).\nRun {rerecord(example)}.", pytrace=False)


# --- the messages and the selection above, on made-up cases ---------------------------------

UNSCRIPTED = """\
from langchain_openai import ChatOpenAI

for chunk in ChatOpenAI(model="gpt-4o-mini").stream("把这份报告翻译成日文"):
    print(chunk.text)
"""


def test_an_unscripted_prompt_fails_naming_the_replies_file_with_a_stub(tmp_path, openai_env):
    example = tmp_path / "unscripted.py"
    example.write_text(UNSCRIPTED, encoding="utf-8")
    with openai_env.scripted(Script.from_dict({})), pytest.raises(ExampleError) as raised:
        run_example(example)
    assert openai_env.unscripted == ["把这份报告翻译成日文"]
    assert str(raised.value).count("No scripted reply") == 1
    assert f"{example}:3 in <module>: for chunk in" in str(raised.value)

    message = unscripted_failure(example, openai_env.unscripted)
    assert f"Add them to {example.parent / REPLIES}, e.g.:" in message
    assert f"`make outputs EX={example}`" in message
    stub = message.split("e.g.:\n\n")[1].split("\nthen run")[0].replace("…", "好")
    assert Script.from_dict(tomllib.loads(stub)).reply_for("把这份报告翻译成日文", 0)


def test_a_change_only_in_numbers_is_called_timing_not_a_regression(tmp_path):
    example, recorded = tmp_path / "x.py", tmp_path / "x.out"
    message = changed_output(example, recorded, "完整回答：1.3 s\n", "完整回答：1.4 s\n")
    assert "Only numbers changed" in message and "do not re-record it" in message
    assert "-完整回答：1.3 s\n+完整回答：1.4 s" in message
    message = changed_output(example, recorded, "已翻译 1/3 页\n", "已翻译一页\n")
    assert "Only numbers" not in message
    assert f"If the new output is right, run `make outputs EX={example}`" in message


class Options:
    def __init__(self, **options: str | None) -> None:
        self.options = options

    def getoption(self, name: str) -> str | None:
        return self.options.get(name)


def test_ex_chooses_the_example_to_run():
    first_token = example_dir("index") / "first_token.py"
    assert selected(Options(example=rel(first_token))) == [first_token]
    assert len(selected(Options())) == len(iter_examples())
    with pytest.raises(pytest.UsageError, match="EX=README.md is no example"):
        selected(Options(example="README.md"))
