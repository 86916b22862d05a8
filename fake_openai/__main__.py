"""Run an example offline against the fake server, or serve it for a notebook.

    python -m fake_openai path/to/example.py [--replies path/to/replies.toml] [-- ARGS...]
    python -m fake_openai --serve --replies path/to/replies.toml [--port 8765]

The first starts the server, points ``OPENAI_BASE_URL``/``OPENAI_API_KEY`` at it and runs
the example as ``__main__``, with ARGS (after ``--``) as its command-line arguments. Replies
come from ``replies.toml`` next to the example unless ``--replies`` says otherwise. Exits with
status 1 if the example sent a prompt the replies file does not script, printing a
``[[reply]]`` entry for it to paste into the file.

The second serves until Ctrl-C and prints the environment a client (a Jupyter kernel, say)
needs. An unscripted prompt gets an HTTP 400 error that names it. No request is kept, so
the server can run for as long as you like.
"""

import argparse
import os
import runpy
import signal
import sys
import threading
from pathlib import Path

from .script import Script, ScriptError, stub
from .server import OVERRIDING_ENV, FakeOpenAI, apply_env

SERVE_PORT = 8765


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m fake_openai",
        description="Run an example against the fake OpenAI server, or serve it until Ctrl-C.",
    )
    parser.add_argument("example", type=Path, nargs="?", help="the example script to run")
    parser.add_argument(
        "arguments", nargs="*", metavar="-- ARGS", help="the example's own arguments, after --"
    )
    parser.add_argument(
        "--replies", type=Path, help="the replies file (default: replies.toml next to the example)"
    )
    parser.add_argument("--serve", action="store_true", help="serve until Ctrl-C; needs --replies")
    parser.add_argument(
        "--port", type=int, default=SERVE_PORT, help=f"with --serve (default: {SERVE_PORT})"
    )
    args = parser.parse_args(argv)
    if args.serve:
        if args.example or args.arguments or not args.replies:
            parser.error("--serve takes --replies and no example")
        replies: Path = args.replies
    else:
        if args.example is None:
            parser.error("name an example to run, or --serve")
        if not args.example.is_file():
            parser.error(f"no such example: {args.example}")
        replies = args.replies or args.example.parent / "replies.toml"
    if not replies.is_file():
        parser.error(f"no replies file at {replies}; write one or pass --replies")
    try:
        script = Script.load(replies)
    except ScriptError as exc:
        parser.error(str(exc))
    return (
        serve(script, replies, args.port)
        if args.serve
        else run(args.example, script, args.arguments)
    )


def run(example: Path, script: Script, arguments: list[str] | None = None) -> int:
    with FakeOpenAI() as server, server.scripted(script):
        apply_env(os.environ, server.client_env)
        sys.argv = [str(example), *(arguments or [])]
        sys.path.insert(0, str(example.parent.resolve()))
        try:
            runpy.run_path(str(example), run_name="__main__")
        finally:
            unscripted = server.unscripted_turns
            if unscripted:
                _report_unscripted(unscripted, script.path)
    return 1 if unscripted else 0


def _report_unscripted(unscripted: list[tuple[str, int]], replies: Path | None) -> None:
    print(f"fake_openai: no scripted reply in {replies} for these prompts:", file=sys.stderr)
    for prompt, turn in unscripted:
        print(f"  {prompt!r} (turn {turn})", file=sys.stderr)
    last_turns: dict[str, int] = {}
    for prompt, turn in unscripted:
        last_turns[prompt] = max(turn, last_turns.get(prompt, 0))
    print(f"Add to {replies}:\n", file=sys.stderr)
    for prompt, turn in last_turns.items():
        print(stub(prompt, turn), file=sys.stderr)


def serve(script: Script, replies: Path, port: int) -> int:
    # It serves until Ctrl-C, even when started from a shell's background job or another
    # program that ignores SIGINT, which the process would otherwise inherit and never stop.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    # Ctrl-C may come at any moment, the startup messages included: the whole lifetime of
    # the server is inside the try, and leaving the `with` stops the server.
    try:
        try:
            server = FakeOpenAI(port, keep_log=False)
        except OSError as exc:
            print(
                f"fake_openai: {exc}. Is a fake model already running? "
                "For another port: --port N (make fake-model PORT=N)",
                file=sys.stderr,
            )
            return 1
        with server, server.scripted(script):
            print(
                f"The fake model answers from {replies} until Ctrl-C. "
                "Set, before the client starts:"
            )
            for name, value in server.env.items():
                print(f"  {name}={value}")
            print(f"and unset {' and '.join(OVERRIDING_ENV)}.", flush=True)
            threading.Event().wait()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
