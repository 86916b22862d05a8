"""The ASGI app: ``POST /v1/chat/completions`` and ``POST /v1/responses`` answered from a script.

Requests are checked as OpenAI checks them (`errors`); every answer, errors included, is
OpenAI-shaped and carries an ``x-request-id``.
"""

import asyncio
import contextlib
import itertools
import threading
from collections import Counter
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import errors, models, responses_wire, wire
from .script import Fault, Reply, Script


class CutConnection(Exception):
    """Raised mid-response to make uvicorn drop the TCP connection (a "drop" fault)."""


class Backend:
    """State shared by the serving thread and the thread that drives the tests.

    With ``keep_log`` false (a long-running server) no request body or unscripted
    prompt is kept, so memory does not grow with the number of requests.
    """

    def __init__(self, keep_log: bool = True) -> None:
        self._lock = threading.Lock()
        self._keep_log = keep_log
        self._script = Script({})
        self._requests: list[dict[str, Any]] = []
        self._unscripted: list[tuple[str, int]] = []
        self._paced: list[Reply] = []
        self._abandoned: list[str] = []
        self._attempts: Counter[tuple[str, int]] = Counter()
        # Set (from the serving loop) when the server stops, so that no
        # ttft/token_delay/stall keeps the shutdown waiting.
        self.closing = asyncio.Event()

    def install(self, script: Script) -> None:
        with self._lock:
            self._script = script
            self._requests.clear()
            self._unscripted.clear()
            self._paced.clear()
            self._abandoned.clear()
            self._attempts.clear()

    def uninstall(self) -> None:
        """Answer nothing any more, but keep the logs readable."""
        with self._lock:
            self._script = Script({})

    @property
    def requests(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._requests)

    @property
    def unscripted(self) -> list[tuple[str, int]]:
        with self._lock:
            return list(self._unscripted)

    @property
    def paced(self) -> list[Reply]:
        with self._lock:
            return list(self._paced)

    @property
    def abandoned(self) -> list[str]:
        with self._lock:
            return list(self._abandoned)

    def client_left(self, prompt: str) -> None:
        """The client closed a streamed reply to `prompt` before its end."""
        if self._keep_log:
            with self._lock:
                self._abandoned.append(prompt)

    def record(self, body: dict[str, Any]) -> None:
        if self._keep_log:
            with self._lock:
                self._requests.append(body)

    def answer(self, prompt: str, turn: int) -> tuple[Reply | None, Fault | None]:
        """The scripted reply, and its fault if this attempt should get it."""
        with self._lock:
            reply = self._script.reply_for(prompt, turn)
            if reply is None:
                if self._keep_log:
                    self._unscripted.append((prompt, turn))
                return None, None
            self._attempts[prompt, turn] += 1
            fault = reply.fault
            if fault is None or (
                fault.times is not None and self._attempts[prompt, turn] > fault.times
            ):
                return reply, None
            return reply, fault

    @property
    def script_path(self) -> str | None:
        path = self._script.path
        return None if path is None else str(path)

    def streamed_paced(self, reply: Reply) -> None:
        with self._lock:
            self._paced.append(reply)

    async def pause(self, seconds: float) -> None:
        if seconds > 0:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.closing.wait(), seconds)


def stream_option(body: dict[str, Any], name: str, default: bool) -> bool:
    options = body.get("stream_options")
    value = options.get(name) if isinstance(options, dict) else None
    return value if isinstance(value, bool) else default


class _Chat:
    """How ``/v1/chat/completions`` reads a request and renders a reply."""

    invalid = staticmethod(errors.invalid)

    @staticmethod
    def messages(body: dict[str, Any]) -> list[dict[str, Any]]:
        return body["messages"]

    @staticmethod
    def render(reply: Reply, prompt: str, turn: int, model: str, body: dict[str, Any]) -> Any:
        tokens = wire.prompt_tokens(body["messages"], body.get("tools"))
        return wire.Completion(reply, prompt=prompt, turn=turn, model=model, prompt_tokens=tokens)

    @staticmethod
    def frames(completion: wire.Completion, body: dict[str, Any]) -> list[wire.Frame]:
        return completion.frames(
            include_usage=stream_option(body, "include_usage", False),
            include_obfuscation=stream_option(body, "include_obfuscation", True),
        )


class _Responses:
    """How ``/v1/responses`` reads a request and renders a reply."""

    invalid = staticmethod(errors.invalid_response)

    messages = staticmethod(responses_wire.chat_messages)

    @staticmethod
    def render(reply: Reply, prompt: str, turn: int, model: str, body: dict[str, Any]) -> Any:
        messages = responses_wire.chat_messages(body)
        tokens = wire.prompt_tokens(messages, responses_wire.chat_tools(body))
        return responses_wire.Response(
            reply, prompt=prompt, turn=turn, model=model, prompt_tokens=tokens, request=body
        )

    @staticmethod
    def frames(response: responses_wire.Response, body: dict[str, Any]) -> list[wire.Frame]:
        return response.frames()


def create_app(backend: Backend) -> ASGIApp:
    def answering(api: type[_Chat] | type[_Responses]) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Any:
            body = await errors.read_body(request)
            if not isinstance(body, dict):
                return body
            backend.record(body)
            if error := api.invalid(body):
                return error
            model = models.snapshot(body["model"])
            if model is None:
                return errors.model_not_found(body["model"])

            prompt, turn = wire.prompt_and_turn(api.messages(body))
            reply, fault = backend.answer(prompt, turn)
            if reply is None:
                return errors.unscripted(prompt, turn, backend.script_path)
            if fault is not None and fault.kind == "status":
                return errors.fault_error(fault, body["model"])

            rendered = api.render(reply, prompt, turn, model, body)
            if body.get("stream") is True:
                frames = api.frames(rendered, body)
                if reply.token_delay:
                    backend.streamed_paced(reply)
                return StreamingResponse(
                    _stream(backend, rendered, frames, reply, fault, prompt),
                    media_type="text/event-stream",
                )
            await backend.pause(reply.ttft)
            if fault is not None and fault.kind == "drop":
                return _cut_after_headers
            if fault is not None:
                await backend.pause(fault.seconds)
            return JSONResponse(rendered.body())

        return endpoint

    async def models_list(request: Request) -> JSONResponse:
        return JSONResponse(
            {
                "object": "list",
                "data": [
                    {"id": model, "object": "model", "created": wire.CREATED, "owned_by": "system"}
                    for model in models.KNOWN
                ],
            }
        )

    return with_request_ids(
        Starlette(
            routes=[
                Route("/v1/chat/completions", answering(_Chat), methods=["POST"]),
                Route("/v1/responses", answering(_Responses), methods=["POST"]),
                Route("/v1/models", models_list, methods=["GET"]),
            ],
            exception_handlers=errors.ERROR_HANDLERS,
        )
    )


def with_request_ids(app: ASGIApp) -> ASGIApp:
    """Wrap `app` so that every response carries ``x-request-id: req_<32 hex>``."""
    numbers = itertools.count()

    async def app_with_request_ids(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        header = (b"x-request-id", f"req_{wire.digest('request', next(numbers))[:32]}".encode())

        async def send_with_id(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), header]}
            await send(message)

        await app(scope, receive, send_with_id)

    return app_with_request_ids


async def _stream(
    backend: Backend,
    completion: wire.Completion | responses_wire.Response,
    frames: list[wire.Frame],
    reply: Reply,
    fault: Fault | None,
    prompt: str,
) -> AsyncIterator[bytes]:
    fault_at = _fault_position(frames, fault.after) if fault else None
    try:
        await backend.pause(reply.ttft)
        for position, frame in enumerate(frames):
            if position == fault_at:
                if fault.kind == "drop":
                    raise CutConnection
                await backend.pause(fault.seconds)
            if position:
                await backend.pause(reply.token_delay)
            yield completion.encode(frame)
        if completion.done:
            yield completion.done
    except (asyncio.CancelledError, GeneratorExit):
        # Starlette cancels the response when the client disconnects (or closes this
        # generator, if the cancellation came while it was sending): the client left early.
        backend.client_left(prompt)
        raise


def _fault_position(frames: list[wire.Frame], after: int) -> int:
    """Index of the frame a fault comes before: after the opening frame and `after` pieces."""
    ends_of_pieces = [index + 1 for index, frame in enumerate(frames) if frame.piece]
    return ends_of_pieces[min(after, len(ends_of_pieces)) - 1] if after else 1


async def _cut_after_headers(scope: Scope, receive: Receive, send: Send) -> None:
    start = {
        "type": "http.response.start",
        "status": 200,
        "headers": [(b"content-type", b"application/json")],
    }
    await send(start)
    raise CutConnection
