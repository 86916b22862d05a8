"""Don't: `await` the run task in the SSE generator's clean-up after the client left.

Two versions of one endpoint differ only in their `finally`. A client reads 3 tokens
of an answer that lasts over 3 s and leaves; then we watch the model node for 2 s.
"""

import asyncio
import socket

import httpx
import uvicorn
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from langchain.agents import create_agent
from langchain.agents.middleware import wrap_model_call


def create_app(await_the_run: bool) -> FastAPI:
    app = FastAPI()
    app.state.node_cancelled = asyncio.Event()

    @wrap_model_call
    async def report_cancellation(request, handler):
        try:
            return await handler(request)
        except asyncio.CancelledError:
            app.state.node_cancelled.set()
            raise

    agent = create_agent(model="gpt-4o-mini", middleware=[report_cancellation])

    async def run_agent(queue: asyncio.Queue) -> None:
        question = {"messages": [{"role": "user", "content": "大运河有多长？"}]}
        async for token, _ in agent.astream(question, stream_mode="messages"):
            await queue.put(token.text)

    async def events():
        queue: asyncio.Queue = asyncio.Queue()
        run = asyncio.create_task(run_agent(queue))
        try:
            while True:
                yield f"event: token\ndata: {await queue.get()}\n\n"
        finally:
            run.cancel()
            if await_the_run:
                try:
                    await run  # (1)!
                except asyncio.CancelledError:
                    pass

    @app.post("/chat")
    async def chat() -> StreamingResponse:
        return StreamingResponse(events(), media_type="text/event-stream")

    return app


async def leave_after_three_tokens(await_the_run: bool) -> None:
    app = create_app(await_the_run)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    listener = socket.create_server(("127.0.0.1", 0))
    serving = asyncio.create_task(server.serve(sockets=[listener]))
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/chat"
    async with httpx.AsyncClient(timeout=30) as client:
        async with client.stream("POST", url) as response:
            tokens = 0
            async for line in response.aiter_lines():
                tokens += line.startswith("event: token")
                if tokens == 3:
                    break
    try:
        await asyncio.wait_for(app.state.node_cancelled.wait(), 2)
        verdict = "模型节点收到了 CancelledError"
    except TimeoutError:
        verdict = "模型节点没有收到 CancelledError"  # (2)!
    print(f"{'await run' if await_the_run else '只调用 run.cancel()'}：2 秒内{verdict}")
    server.should_exit = True
    await serving


async def main() -> None:
    await leave_after_three_tokens(await_the_run=True)
    await leave_after_three_tokens(await_the_run=False)


if __name__ == "__main__":
    asyncio.run(main())
