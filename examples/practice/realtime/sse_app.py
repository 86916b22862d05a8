"""A FastAPI app that streams an agent's answer to a browser as server-sent events.

`python sse_app.py --serve` serves it on http://127.0.0.1:8001/ until Ctrl-C; without
`--serve` it starts itself on a free loopback port, plays three conversations against itself
with an HTTP client, prints what the client and the server saw, and stops.
"""

import asyncio
import json
import socket
import sys
import uuid
from pathlib import Path

import httpx
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, StreamingResponse
from langchain.agents import create_agent
from langchain.agents.middleware import wrap_model_call
from langchain.tools import tool
from langchain_core.messages import AIMessageChunk, ToolMessage
from langgraph.checkpoint.memory import InMemorySaver
from pydantic import BaseModel

PAGE = Path(__file__).parent / "chat.html"
SERVE_PORT = 8001
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}  # (1)!


def log(message: str) -> None:
    print(f"[服务端] {message}", flush=True)


@tool
async def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    await asyncio.sleep(1.0)  # (2)!
    return f"{city}：多云，21°C"


@wrap_model_call
async def report_cancellation(request, handler):
    try:
        return await handler(request)
    except asyncio.CancelledError:  # (3)!
        log("模型节点收到 CancelledError，对模型的请求随之关闭")
        raise


class Question(BaseModel):
    message: str
    thread_id: str | None = None


def sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"  # (4)!


def create_app(heartbeat: float = 15.0) -> FastAPI:
    app = FastAPI()
    agent = create_agent(
        model="gpt-4o-mini",
        tools=[get_weather],
        middleware=[report_cancellation],
        checkpointer=InMemorySaver(),  # (5)!
    )
    app.state.cancelled = []  # thread_ids whose run stopped because the client left

    async def run_agent(
        question: Question, thread_id: str, queue: asyncio.Queue
    ) -> None:
        config = {"configurable": {"thread_id": thread_id}}
        answer = []
        try:
            async for part in agent.astream(
                {"messages": [{"role": "user", "content": question.message}]},
                config,
                stream_mode=["messages", "updates"],
                version="v2",
            ):
                if part["type"] == "messages":
                    token, metadata = part["data"]
                    if (
                        metadata["langgraph_node"] == "model"
                        and isinstance(token, AIMessageChunk)
                        and token.text
                    ):  # (6)!
                        answer.append(token.text)
                        await queue.put(("token", {"text": token.text}))
                    continue
                for node, update in part["data"].items():
                    for message in (update or {}).get("messages", []):
                        for call in getattr(message, "tool_calls", []):
                            progress = {"name": call["name"], "args": call["args"]}
                            await queue.put(("tool", {**progress, "status": "started"}))
                        if isinstance(message, ToolMessage):
                            result = {"name": message.name, "result": message.text}
                            await queue.put(("tool", {**result, "status": "finished"}))
            state = await agent.aget_state(config)
            count = len(state.values["messages"])
            end = {"thread_id": thread_id, "answer": "".join(answer), "messages": count}
            await queue.put(("end", end))
        except Exception as error:  # (7)!
            log(f"运行出错：{type(error).__name__}")
            await queue.put(
                ("error", {"type": type(error).__name__, "message": "模型服务出错"})
            )

    async def events(request: Request, question: Question):
        thread_id = question.thread_id or uuid.uuid4().hex
        queue: asyncio.Queue = asyncio.Queue()
        run = asyncio.create_task(run_agent(question, thread_id, queue))
        finished = False
        try:
            yield sse("start", {"thread_id": thread_id})
            while True:
                try:
                    event, data = await asyncio.wait_for(queue.get(), heartbeat)
                except TimeoutError:
                    if await request.is_disconnected():  # (8)!
                        break
                    yield ": ping\n\n"  # (9)!
                    continue
                yield sse(event, data)
                if event in ("end", "error"):
                    finished = True
                    break
        finally:
            if not run.done():
                run.cancel()  # (10)!
                try:
                    await run
                except asyncio.CancelledError:
                    pass
            if not finished:
                app.state.cancelled.append(thread_id)
                log("客户端在回答结束前断开，这次运行已取消")

    @app.get("/")
    async def page() -> HTMLResponse:
        return HTMLResponse(PAGE.read_text(encoding="utf-8"))

    @app.post("/chat")
    async def chat(request: Request, question: Question) -> StreamingResponse:
        return StreamingResponse(
            events(request, question),
            media_type="text/event-stream",
            headers=SSE_HEADERS,
        )

    return app


app = create_app()


def read_events(lines: list[str]) -> tuple[list[tuple[str, dict]], int]:
    """Parse SSE lines into (event, data) pairs; also count the comment lines."""
    parsed, comments, event, data = [], 0, "message", []
    for line in lines:
        if line.startswith(":"):
            comments += 1
        elif line.startswith("event: "):
            event = line.removeprefix("event: ")
        elif line.startswith("data: "):
            data.append(line.removeprefix("data: "))
        elif line == "" and data:
            parsed.append((event, json.loads("\n".join(data))))
            event, data = "message", []
    return parsed, comments


def show(parsed: list[tuple[str, dict]]) -> None:
    tokens = [data["text"] for event, data in parsed if event == "token"]
    first_token = next(
        (i for i, (event, _) in enumerate(parsed) if event == "token"), None
    )
    for position, (event, data) in enumerate(parsed):
        if event == "start":
            print(f"  start  thread_id 长 {len(data['thread_id'])} 位")
        elif event == "tool":
            print(f"  tool   {data['name']} {data['status']}")
        elif position == first_token:
            print(f"  token  ×{len(tokens)}：{''.join(tokens)}")
        elif event == "end":
            print(
                f"  end    answer 与 token 拼接相同：{data['answer'] == ''.join(tokens)}，"
                f"线程中共 {data['messages']} 条消息"
            )
        elif event == "error":
            print(f"  error  {data}")


async def demo() -> None:
    demo_app = create_app(heartbeat=0.2)
    server = uvicorn.Server(uvicorn.Config(demo_app, log_level="warning"))
    listener = socket.create_server(("127.0.0.1", 0))  # (11)!
    serving = asyncio.create_task(server.serve(sockets=[listener]))
    while not server.started:
        await asyncio.sleep(0.01)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/chat"
    async with httpx.AsyncClient(timeout=10) as client:
        thread_id = None
        for message in ["苏州今天适合出门吗？", "那明天呢？"]:
            print(f"客户端：{message}")
            body = {"message": message, "thread_id": thread_id}
            async with client.stream("POST", url, json=body) as response:
                if thread_id is None:
                    print(
                        f"  {response.headers['content-type']}，"
                        f"Cache-Control: {response.headers['cache-control']}，"
                        f"X-Accel-Buffering: {response.headers['x-accel-buffering']}"
                    )
                lines = [line async for line in response.aiter_lines()]
            parsed, pings = read_events(lines)
            thread_id = parsed[0][1]["thread_id"]
            show(parsed)
            print(f"  心跳注释行：{'有' if pings else '没有'}")

        print("客户端：详细介绍一下大运河（读到 3 个 token 就断开）")
        body = {"message": "详细介绍一下大运河"}
        async with client.stream("POST", url, json=body) as response:
            seen = 0
            async for line in response.aiter_lines():
                seen += line.startswith("event: token")
                if seen == 3:
                    break  # (12)!
        for _ in range(500):
            if demo_app.state.cancelled:
                break
            await asyncio.sleep(0.01)

        print("客户端：讲讲太湖（上游在第 3 个 token 后断线）")
        async with client.stream("POST", url, json={"message": "讲讲太湖"}) as response:
            parsed, _ = read_events([line async for line in response.aiter_lines()])
        show(parsed)
    server.should_exit = True
    await serving


async def main() -> None:
    if "--serve" in sys.argv:  # (13)!
        config = uvicorn.Config(app, host="127.0.0.1", port=SERVE_PORT)
        print(
            f"在浏览器中打开 http://127.0.0.1:{SERVE_PORT}/ ，按 Ctrl-C 停止",
            flush=True,
        )
        await uvicorn.Server(config).serve()
    else:
        await demo()


if __name__ == "__main__":
    asyncio.run(main())
