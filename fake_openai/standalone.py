"""The fake server in a process of its own, keeping a timetable and reporting how well it kept it.

    python -m fake_openai.standalone --replies replies.toml

prints its base URL (``http://127.0.0.1:<port>/v1``) as the first line on stdout, then serves
until its stdin closes or it gets SIGTERM. `StandaloneServer` runs it from Python. It answers
from the same replies file, in the same wire format, as the in-thread `FakeOpenAI`, with three
differences that a benchmark needs:

- Time is kept on an absolute timetable: chunk k of a streamed reply is due at
  ``start + ttft + k * token_delay`` (``start``: when the request came in), so one late wake-up
  does not push back every chunk after it.
- A non-streamed reply is sent when its streamed twin would have sent its last chunk: a real
  model generates the whole answer before it can send it.
- It measures itself: ``GET /_timing`` returns how late (in seconds) each chunk and each
  non-streamed reply was handed to the socket since the previous call, and the CPU seconds the
  server used meanwhile.

Faults are not played: a reply that has one is answered with HTTP 500.
"""

import argparse
import asyncio
import contextlib
import json
import selectors
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any, Self

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from . import errors, models, wire
from .app import Backend, stream_option, with_request_ids
from .script import Script, ScriptError
from .server import uvicorn_config

_START_STOP_TIMEOUT = 10.0


class _Timing:
    """Lateness of every send, and the CPU time used, since the last report."""

    def __init__(self) -> None:
        self.lateness: list[float] = []
        self._cpu = time.process_time()

    def report(self) -> dict[str, Any]:
        cpu, self._cpu = self._cpu, time.process_time()
        lateness, self.lateness = self.lateness, []
        return {"lateness": lateness, "cpu_seconds": self._cpu - cpu}


class _TimedJSONResponse(JSONResponse):
    def __init__(self, content: Any, timing: _Timing, due: float) -> None:
        super().__init__(content)
        self._timing, self._due = timing, due

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await super().__call__(scope, receive, send)
        self._timing.lateness.append(asyncio.get_running_loop().time() - self._due)


def create_app(backend: Backend, timing: _Timing) -> ASGIApp:
    async def chat_completions(request: Request) -> Response:
        start = asyncio.get_running_loop().time()
        body = await errors.read_body(request)
        if not isinstance(body, dict):
            return body
        if error := errors.invalid(body):
            return error
        model = models.snapshot(body["model"])
        if model is None:
            return errors.model_not_found(body["model"])
        prompt, turn = wire.prompt_and_turn(body["messages"])
        reply, _ = backend.answer(prompt, turn)
        if reply is None:
            return errors.unscripted(prompt, turn, backend.script_path)
        if reply.fault is not None:
            return errors.error(500, "The standalone fake server plays no faults.", "server_error")
        completion = wire.Completion(
            reply,
            prompt=prompt,
            turn=turn,
            model=model,
            prompt_tokens=wire.prompt_tokens(body["messages"], body.get("tools")),
        )
        first_due = start + reply.ttft
        frames = completion.frames(
            include_usage=stream_option(body, "include_usage", False),
            include_obfuscation=stream_option(body, "include_obfuscation", True),
        )
        if body.get("stream") is True:
            return StreamingResponse(
                _stream(timing, completion, frames, first_due, reply.token_delay),
                media_type="text/event-stream",
            )
        last_due = first_due + (len(frames) - 1) * reply.token_delay
        await _sleep_until(last_due)
        return _TimedJSONResponse(completion.body(), timing, last_due)

    async def report(request: Request) -> JSONResponse:
        return JSONResponse(timing.report())

    return with_request_ids(
        Starlette(
            routes=[
                Route("/v1/chat/completions", chat_completions, methods=["POST"]),
                Route("/_timing", report, methods=["GET"]),
            ],
            exception_handlers=errors.ERROR_HANDLERS,
        )
    )


async def _stream(
    timing: _Timing,
    completion: wire.Completion,
    frames: list[wire.Frame],
    first_due: float,
    delay: float,
) -> AsyncIterator[bytes]:
    loop = asyncio.get_running_loop()
    for index, frame in enumerate(frames):
        due = first_due + index * delay
        await _sleep_until(due)
        yield completion.encode(frame)
        # Starlette resumes this generator only once send() has taken the chunk.
        timing.lateness.append(loop.time() - due)
    yield completion.done


async def _sleep_until(due: float) -> None:
    # A plain sleep: Backend.pause wakes early on shutdown but costs a task per chunk; here
    # uvicorn's graceful-shutdown timeout ends the sleeping streams instead.
    await asyncio.sleep(due - asyncio.get_running_loop().time())


def serve(replies: Path) -> None:
    backend = Backend()
    backend.install(Script.load(replies))
    # With proto left 0 (as socket.create_server leaves it), asyncio does not set TCP_NODELAY
    # on accepted connections, and a chunk sent right after the response headers then waits
    # for the client's delayed ACK (40 ms on Linux).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    server = uvicorn.Server(
        uvicorn_config(
            create_app(backend, _Timing()),
            # Idle connections are the client's to close (as with the real API), so that a
            # pooled connection is never cut just as the client reuses it.
            timeout_keep_alive=60,
            timeout_graceful_shutdown=1,
        )
    )

    async def main() -> None:
        loop = asyncio.get_running_loop()

        def stop() -> None:
            server.should_exit = True

        def stop_at_end_of_stdin() -> None:
            sys.stdin.read()
            with contextlib.suppress(RuntimeError):  # the loop may be gone already
                loop.call_soon_threadsafe(stop)

        threading.Thread(target=stop_at_end_of_stdin, daemon=True).start()
        print(f"http://127.0.0.1:{sock.getsockname()[1]}/v1", flush=True)
        await server.serve(sockets=[sock])

    asyncio.run(main())


class StandaloneServer:
    """Runs ``python -m fake_openai.standalone`` as a child process; a context manager."""

    def __init__(self, replies: Path) -> None:
        self._replies = Path(replies)
        self._process: subprocess.Popen[str] | None = None
        self.base_url = ""

    @property
    def pid(self) -> int:
        assert self._process is not None
        return self._process.pid

    def start(self) -> Self:
        self._process = subprocess.Popen(
            [sys.executable, "-m", "fake_openai.standalone", "--replies", str(self._replies)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        with selectors.DefaultSelector() as selector:
            selector.register(self._process.stdout, selectors.EVENT_READ)
            ready = selector.select(_START_STOP_TIMEOUT)
        line = self._process.stdout.readline().strip() if ready else ""
        if not line.startswith("http://127.0.0.1:"):
            self.stop()
            raise RuntimeError(f"the standalone fake server did not start (said {line!r})")
        self.base_url = line
        return self

    def timing(self) -> dict[str, Any]:
        """Lateness of each send (seconds) and server CPU seconds since the previous call."""
        url = self.base_url.removesuffix("/v1") + "/_timing"
        with urllib.request.urlopen(url, timeout=_START_STOP_TIMEOUT) as response:
            return json.load(response)

    def stop(self) -> None:
        if self._process is None:
            return
        with contextlib.suppress(BrokenPipeError):
            self._process.stdin.close()
        try:
            self._process.wait(_START_STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process.stdout.close()
        self._process = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m fake_openai.standalone",
        description="Serve the fake OpenAI API in this process, on a kept timetable.",
    )
    parser.add_argument("--replies", type=Path, required=True, help="the replies file")
    args = parser.parse_args(argv)
    try:
        serve(args.replies)
    except ScriptError as exc:
        parser.error(str(exc))
    return 0


if __name__ == "__main__":
    sys.exit(main())
