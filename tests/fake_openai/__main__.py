"""Run an example offline against the fake server.

    python -m tests.fake_openai path/to/example.py [--replies path/to/replies.toml]

Starts the server, points ``OPENAI_BASE_URL``/``OPENAI_API_KEY`` at it and runs
the example as ``__main__``. Replies come from ``replies.toml`` next to the
example unless ``--replies`` says otherwise. Exits with status 1 if the example
sent a prompt the replies file does not script.
"""

import argparse
import os
import runpy
import sys
from pathlib import Path

from .script import Script, ScriptError
from .server import OVERRIDING_ENV, FakeOpenAI


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.fake_openai",
        description="Run an example against the fake OpenAI server.",
    )
    parser.add_argument("example", type=Path, help="the example script to run")
    parser.add_argument(
        "--replies", type=Path, help="the replies file (default: replies.toml next to the example)"
    )
    args = parser.parse_args(argv)
    example: Path = args.example
    if not example.is_file():
        parser.error(f"no such example: {example}")
    replies: Path = args.replies or example.parent / "replies.toml"
    if not replies.is_file():
        parser.error(f"no replies file at {replies}; write one or pass --replies")
    try:
        script = Script.load(replies)
    except ScriptError as exc:
        parser.error(str(exc))

    with FakeOpenAI() as server, server.scripted(script):
        for name in OVERRIDING_ENV:
            os.environ.pop(name, None)
        os.environ.update(server.env)
        sys.argv = [str(example)]
        sys.path.insert(0, str(example.parent.resolve()))
        try:
            runpy.run_path(str(example), run_name="__main__")
        finally:
            unscripted = server.unscripted
            if unscripted:
                print("fake_openai: no scripted reply for these prompts:", file=sys.stderr)
                for prompt in unscripted:
                    print(f"  {prompt!r}", file=sys.stderr)
    return 1 if unscripted else 0


if __name__ == "__main__":
    sys.exit(main())
