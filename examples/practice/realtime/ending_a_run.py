"""Don't: end the run in a way that leaves the model node running after the client left.

Five versions of one SSE endpoint differ only in how the run ends when the client
disconnects. Each time a client reads 3 tokens and leaves; then we wait for the model
node to end, and report how: cancelled (CancelledError), or finished normally with the
whole answer generated; and, for the two that wait for the run, whether they did.
"""

import asyncio
import json
import socket

import anyio
import httpx
import uvicorn
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from langchain.agents import create_agent
from langchain.agents.middleware import wrap_model_call

QUESTION = {"messages": [{"role": "user", "content": "大运河有多长？"}]}
ENDINGS = {
    "direct": "在生成器里直接遍历 agent.astream",
    "await": "finally 里 run.cancel() 之后 await run",
    "cancel": "finally 里只调用 run.cancel()",
    "wait": "finally 里 run.cancel() 之后 await asyncio.wait([run])",
    "shielded": "同上，但 asyncio.wait 放在 shield=True 的取消范围里",
}


def sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def create_app(ending: str) -> FastAPI:
    app = FastAPI()
    app.state.outcome = outcome = asyncio.get_running_loop().create_future()
    app.state.waited = waited = asyncio.get_running_loop().create_future()

    @wrap_model_call
    async def watch_the_node(request, handler):
        try:
            result = await handler(request)
        except asyncio.CancelledError:
            outcome.set_result("模型节点收到了 CancelledError")
            raise
        outcome.set_result("模型节点没有被取消，把回答生成完了")  # (1)!
        return result

    agent = create_agent(model="gpt-4o-mini", middleware=[watch_the_node])

    async def run_agent(queue: asyncio.Queue) -> None:
        async for token, _ in agent.astream(QUESTION, stream_mode="messages"):
            await queue.put(token.text)

    async def events():
        if ending == "direct":
            async for token, _ in agent.astream(
                QUESTION, stream_mode="messages"
            ):  # (2)!
                yield sse("token", {"text": token.text})
            return
        queue: asyncio.Queue = asyncio.Queue()
        run = asyncio.create_task(run_agent(queue))
        try:
            while True:
                yield sse("token", {"text": await queue.get()})
        finally:
            run.cancel()
            if ending == "await":
                try:
                    await run  # (3)!
                except asyncio.CancelledError:
                    pass
            elif ending == "wait":
                try:
                    await asyncio.wait([run])  # (4)!
                finally:
                    waited.set_result(run.done())
            elif ending == "shielded":
                with anyio.CancelScope(shield=True):  # (5)!
                    await asyncio.wait([run])
                waited.set_result(run.done())

    @app.post("/chat")
    async def chat() -> StreamingResponse:
        return StreamingResponse(events(), media_type="text/event-stream")

    return app


async def leave_after_three_tokens(ending: str) -> str:
    app = create_app(ending)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    listener = socket.create_server(("127.0.0.1", 0))
    serving = asyncio.create_task(server.serve(sockets=[listener]))
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/chat"
    async with httpx.AsyncClient(timeout=30) as client:
        async with client.stream("POST", url) as response:
            tokens = 0
            async for line in response.aiter_lines():
                tokens += line == "event: token"
                if tokens == 3:
                    break
    outcome = await asyncio.wait_for(app.state.outcome, 60)  # (6)!
    if ending in ("wait", "shielded"):
        done = await asyncio.wait_for(app.state.waited, 60)
        outcome += "；生成器" + ("等到了运行结束" if done else "没等到运行结束")
    server.should_exit = True
    await serving
    return outcome


async def main() -> None:
    for ending, label in ENDINGS.items():
        print(f"{label}：{await leave_after_three_tokens(ending)}")


if __name__ == "__main__":
    asyncio.run(main())
