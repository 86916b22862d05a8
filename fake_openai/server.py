"""`FakeOpenAI`: the fake server running in a background thread."""

import asyncio
import contextlib
import logging
import socket
import threading
import time
from collections.abc import Iterator, MutableMapping
from typing import Any, Self

import uvicorn
from starlette.types import ASGIApp

from .app import Backend, CutConnection, create_app
from .script import Reply, Script

_START_STOP_TIMEOUT = 5.0

# langchain-openai takes its base URL from these before OPENAI_BASE_URL; left set,
# they would send requests past the fake server. Unset them next to applying `env`.
OVERRIDING_ENV = ("OPENAI_API_BASE", "LANGSMITH_GATEWAY")
# Examples build real LangChain objects; tracing stays off so nothing tries to phone home.
TRACING_OFF = {"LANGSMITH_TRACING": "false", "LANGCHAIN_TRACING_V2": "false"}
# What a client's environment needs besides the server's address: None unsets the name.
CLIENT_ENV: dict[str, str | None] = {**dict.fromkeys(OVERRIDING_ENV), **TRACING_OFF}


def uvicorn_config(app: ASGIApp, **settings: Any) -> uvicorn.Config:
    """uvicorn as both fake servers run it: one asyncio loop, HTTP/1.1, quiet."""
    return uvicorn.Config(
        app,
        http="h11",
        loop="asyncio",
        lifespan="off",
        ws="none",
        log_config=None,
        log_level="warning",
        access_log=False,
        **settings,
    )


def apply_env(environ: MutableMapping[str, str], changes: dict[str, str | None]) -> None:
    for name, value in changes.items():
        if value is None:
            environ.pop(name, None)
        else:
            environ[name] = value


class _HideCutConnections(logging.Filter):
    """Drop uvicorn's traceback for the connections a "drop" fault cuts on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], CutConnection))


_UVICORN_LOGGER = logging.getLogger("uvicorn.error")
_HIDE_CUT_CONNECTIONS = _HideCutConnections()


class FakeOpenAI:
    """An OpenAI-compatible server on 127.0.0.1 (on `port`, or any free one), answering
    from a script.

    Use as a context manager; point clients at it with ``server.env``. With ``keep_log``
    false, `requests` and `unscripted` stay empty, for a server that runs for long.
    """

    def __init__(self, port: int = 0, keep_log: bool = True) -> None:
        self._backend = Backend(keep_log)
        self._socket = socket.create_server(("127.0.0.1", port))
        self.port: int = self._socket.getsockname()[1]
        self._server = uvicorn.Server(
            uvicorn_config(
                create_app(self._backend),
                # No keep-alive: langchain-openai shares one cached async HTTP client
                # between event loops (langchain-ai/langchain#35783), so a connection
                # pooled under one asyncio.run() breaks the next with "Event loop is
                # closed". Readers run one example per process; the tests run many.
                headers=[("connection", "close")],
            )
        )
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread = threading.Thread(target=self._run, name="fake-openai", daemon=True)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def env(self) -> dict[str, str]:
        return {"OPENAI_BASE_URL": self.base_url, "OPENAI_API_KEY": "sk-fake"}

    @property
    def client_env(self) -> dict[str, str | None]:
        """Every change a client's environment needs to use this server (None: unset it)."""
        return {**CLIENT_ENV, **self.env}

    @property
    def requests(self) -> list[dict[str, Any]]:
        """Request bodies received since the last `scripted()`."""
        return self._backend.requests

    @property
    def unscripted(self) -> list[str]:
        """Prompts that had no scripted reply since the last `scripted()`."""
        return [prompt for prompt, _ in self._backend.unscripted]

    @property
    def unscripted_turns(self) -> list[tuple[str, int]]:
        """(prompt, turn) of each request that had no scripted reply."""
        return self._backend.unscripted

    @property
    def paced(self) -> list[Reply]:
        """Replies streamed with a `token_delay` since the last `scripted()`: the ones whose
        chunks were paced like a real model's."""
        return self._backend.paced

    @property
    def abandoned(self) -> list[str]:
        """Prompts whose streamed reply the client closed before its end, since the last
        `scripted()`: the proof that a client cancelled its request upstream."""
        return self._backend.abandoned

    @contextlib.contextmanager
    def scripted(self, script: Script) -> Iterator[Self]:
        """Answer from `script`; resets the request log, `unscripted` and fault counters."""
        self._backend.install(script)
        try:
            yield self
        finally:
            self._backend.uninstall()

    def start(self) -> Self:
        if _HIDE_CUT_CONNECTIONS not in _UVICORN_LOGGER.filters:
            _UVICORN_LOGGER.addFilter(_HIDE_CUT_CONNECTIONS)
        self._thread.start()
        deadline = time.monotonic() + _START_STOP_TIMEOUT
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the fake OpenAI server did not start")
            time.sleep(0.001)
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._backend.closing.set)
        self._server.should_exit = True
        self._thread.join(_START_STOP_TIMEOUT)
        if self._thread.is_alive():
            raise RuntimeError("the fake OpenAI server did not stop")

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _run(self) -> None:
        asyncio.run(self._serve())

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        await self._server.serve(sockets=[self._socket])
