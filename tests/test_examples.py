"""Every example runs against the fake model, and its output must match what the pages show;
a streamed output must also have the replay file that lets a page replay it (guide/replay.py)."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from langchain_openai import ChatOpenAI

from fake_openai import Script
from guide import replay
from guide.layout import iter_examples, output_path, pages_showing, rel
from guide.runner import ExampleError, run_example

REPLIES = "replies.toml"
WARM_UP = Script.from_dict({"reply": [{"prompt": "warm up", "text": "ok"}]})


@pytest.fixture(scope="session")
def warm_client(fake_openai) -> None:
    """Make one request before any example runs.

    The first request in a process pays for openai's lazy imports (about 0.15 s here); examples
    that print time to first token would otherwise depend on which of them happens to run first.
    """
    with pytest.MonkeyPatch.context() as env, fake_openai.scripted(WARM_UP):
        for name, value in fake_openai.env.items():
            env.setenv(name, value)
        ChatOpenAI(model="gpt-4o-mini").invoke("warm up")


def script_for(example: Path) -> Script:
    replies = example.parent / REPLIES
    return Script.load(replies) if replies.exists() else Script.from_dict({})


def shown_on(example: Path) -> str:
    pages = pages_showing(example)
    return f"shown on: {', '.join(pages)}" if pages else "shown on no page"


@pytest.mark.parametrize("example", iter_examples(), ids=rel)
def test_example(
    example: Path, warm_client, openai_env, eval_example, request: pytest.FixtureRequest
) -> None:
    with openai_env.scripted(script_for(example)):
        try:
            captured = run_example(example, eval_example)
        except ExampleError as exc:
            pytest.fail(f"{exc}\n{shown_on(example)}", pytrace=False)
        unscripted = list(openai_env.unscripted)
    if unscripted:
        pytest.fail(
            f"{rel(example)} sent prompts with no scripted reply: {unscripted!r}; "
            f"add them to {rel(example.parent / REPLIES)}",
            pytrace=False,
        )

    recorded = output_path(example)
    frames = replay.frames(captured.writes)
    if request.config.getoption("update_outputs"):
        if captured.text:
            recorded.write_text(captured.text, encoding="utf-8")
        else:
            recorded.unlink(missing_ok=True)
        replay.record(frames, recorded)
        return

    expected = recorded.read_text(encoding="utf-8") if recorded.exists() else ""
    if captured.text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                captured.text.splitlines(keepends=True),
                fromfile=f"{rel(recorded)} (recorded)",
                tofile=f"{rel(example)} (this run)",
            )
        )
        pytest.fail(
            f"output of {rel(example)} changed ({shown_on(example)}).\n"
            f"If the new output is right, run `make outputs`.\n{diff}",
            pytrace=False,
        )

    if problem := replay.disagreement(frames, recorded):
        pytest.fail(f"{problem} ({shown_on(example)}).\nRun `make outputs`.", pytrace=False)
