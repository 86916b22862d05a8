"""The real-time chapter's SSE app (sse_app.py), with this chapter's multi-step tool.

`python progress_sse.py --serve` serves it on http://127.0.0.1:8001/chat until Ctrl+C.
Without `--serve` it starts itself on a free loopback port, talks to itself with an HTTP
client (a conversation, a client that leaves mid-answer, one that leaves while the tool
runs and comes back, a broken upstream, fifty clients at once), prints what it saw, and
stops.
"""

import asyncio
import json
import socket
import sys
import uuid
from typing import Literal, TypedDict

import httpx
import uvicorn
from fastapi import FastAPI
from fastapi.responses import StreamingResponse
from langchain.agents import create_agent
from langchain.agents.middleware import wrap_model_call
from langchain.messages import AIMessage, AIMessageChunk, ToolMessage
from langchain.tools import ToolRuntime, tool
from langgraph.checkpoint.memory import InMemorySaver
from pydantic import BaseModel

SERVE_PORT = 8001
SSE_HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}


class Progress(TypedDict):  # (1)!
    type: Literal["progress"]
    id: str
    step: str
    current: int
    total: int
    status: Literal["running", "done", "error"]
    message: str


ZONES = {
    "上海仓": {"A 区": 120, "B 区": 80, "C 区": 45},
    "杭州仓": {"A 区": 90, "B 区": 70, "C 区": 100, "D 区": 50},
}


async def count_zone(warehouse: str, zone: str) -> int:
    await asyncio.sleep(0.2)
    return ZONES[warehouse][zone]


@tool
async def count_stock(
    warehouse: Literal["上海仓", "杭州仓"], runtime: ToolRuntime
) -> str:
    """盘点一个仓库各个库区的库存。"""
    zones = list(ZONES[warehouse])

    def report(
        current: int, status: Literal["running", "done", "error"], message: str
    ) -> None:
        runtime.stream_writer(
            Progress(
                type="progress",
                id=runtime.tool_call_id,
                step=f"盘点{warehouse}",
                current=current,
                total=len(zones),
                status=status,
                message=message,
            )
        )

    report(0, "running", "开始")
    total = 0
    try:
        for current, zone in enumerate(zones, start=1):
            count = await count_zone(warehouse, zone)
            total += count
            report(current, "running", f"{zone} {count} 件")
    except asyncio.CancelledError:  # (2)!
        where = f"{current - 1}/{len(zones)}"
        print(
            f"[服务端] 盘点{warehouse}的工具在 {where} 处收到 CancelledError",
            flush=True,
        )
        raise
    except Exception as error:
        report(current - 1, "error", str(error))
        raise
    report(len(zones), "done", f"共 {total} 件")
    return f"{warehouse}共 {total} 件"


class Question(BaseModel):
    message: str
    thread_id: str | None = None


def sse(event: str, data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, default=str)
    return f"event: {event}\ndata: {text}\n\n"


@wrap_model_call
async def answer_cancelled_tool_calls(request, handler):
    answered = {m.tool_call_id for m in request.messages if isinstance(m, ToolMessage)}
    messages = []
    for message in request.messages:
        messages.append(message)
        for call in getattr(message, "tool_calls", []):
            if call["id"] not in answered:  # (3)!
                print("[服务端] 给被取消的工具调用补上一条工具消息", flush=True)
                cancelled = ToolMessage(
                    "已取消：客户端在工具运行时断开了连接",
                    tool_call_id=call["id"],
                    name=call["name"],
                    status="error",
                )
                messages.append(cancelled)
    return await handler(request.override(messages=messages))


def create_app(heartbeat: float = 15.0) -> FastAPI:
    app = FastAPI()
    app.state.node_cancelled = asyncio.Event()
    app.state.runs = runs = set()

    @wrap_model_call
    async def report_cancellation(request, handler):
        try:
            return await handler(request)
        except asyncio.CancelledError:
            print("[服务端] 模型节点收到 CancelledError", flush=True)
            app.state.node_cancelled.set()
            raise

    agent = create_agent(
        model="gpt-4o-mini",
        tools=[count_stock],
        middleware=[answer_cancelled_tool_calls, report_cancellation],
        checkpointer=InMemorySaver(),
    )

    async def run_agent(message: str, thread_id: str, queue: asyncio.Queue) -> None:
        answer = ""
        try:
            async for part in agent.astream(
                {"messages": [{"role": "user", "content": message}]},
                {"configurable": {"thread_id": thread_id}},
                stream_mode=["messages", "updates", "custom"],
                version="v2",
            ):
                if part["type"] == "custom":
                    await queue.put(("progress", part["data"]))  # (4)!
                elif part["type"] == "messages":
                    token, metadata = part["data"]
                    if (
                        metadata["langgraph_node"] == "model"
                        and isinstance(token, AIMessageChunk)
                        and token.text
                    ):
                        await queue.put(("token", {"text": token.text}))
                else:
                    for update in part["data"].values():
                        for message in (update or {}).get("messages", []):
                            if isinstance(message, ToolMessage):
                                end = {"name": message.name, "result": message.text}
                                await queue.put(("tool", {**end, "status": "end"}))
                            elif isinstance(message, AIMessage):
                                answer = message.text  # (5)!
                                for call in message.tool_calls:
                                    start = {"name": call["name"], "args": call["args"]}
                                    await queue.put(
                                        ("tool", {**start, "status": "start"})
                                    )
            await queue.put(("end", {"answer": answer}))
        except Exception as error:  # (6)!
            print(f"[服务端] 运行出错：{type(error).__name__}", flush=True)
            failure = {"type": type(error).__name__, "message": "模型服务暂时不可用"}
            await queue.put(("error", failure))

    async def events(question: Question):
        thread_id = question.thread_id or uuid.uuid4().hex
        queue: asyncio.Queue = asyncio.Queue()
        run = asyncio.create_task(run_agent(question.message, thread_id, queue))
        runs.add(run)
        run.add_done_callback(runs.discard)
        try:
            yield sse("start", {"thread_id": thread_id})
            while True:
                try:
                    event, data = await asyncio.wait_for(queue.get(), heartbeat)
                except TimeoutError:
                    yield ": ping\n\n"
                    continue
                yield sse(event, data)
                if event in ("end", "error"):
                    return
        finally:
            if not run.done():
                print("[服务端] 客户端在回答结束前断开，取消这次运行", flush=True)
                run.cancel()  # (7)!

    @app.post("/chat")
    async def chat(question: Question) -> StreamingResponse:
        return StreamingResponse(
            events(question), media_type="text/event-stream", headers=SSE_HEADERS
        )

    return app


def parse(lines: list[str]) -> tuple[list[tuple[str, dict]], int]:
    """SSE lines -> (event, data) pairs, and the number of comment lines."""
    parsed, comments, event, data = [], 0, "message", []
    for line in lines:
        if line.startswith(":"):
            comments += 1
        elif line == "":
            if data:
                parsed.append((event, json.loads("\n".join(data))))
            event, data = "message", []
        else:
            field, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if field == "event":
                event = value
            elif field == "data":
                data.append(value)
    return parsed, comments


def show(parsed: list[tuple[str, dict]]) -> None:
    tokens = [data["text"] for event, data in parsed if event == "token"]
    shown_tokens = False
    for event, data in parsed:
        if event == "start":
            print(f"  start     thread_id 共 {len(data['thread_id'])} 位")
        elif event == "tool":
            print(f"  tool      {data['name']} {data['status']}")
        elif event == "progress":
            where = f"{data['current']}/{data['total']}"
            print(
                f"  progress  {data['step']} {where} {data['status']} {data['message']}"
            )
        elif event == "token" and not shown_tokens:
            shown_tokens = True
            print(f"  token ×{len(tokens)}  {''.join(tokens)}")
        elif event == "end":
            same = "相同" if data["answer"] == "".join(tokens) else "不同"
            print(f"  end       answer 与各 token 拼接的结果{same}")
        elif event == "error":
            print(f"  error     {data['type']}：{data['message']}")


async def ask(client: httpx.AsyncClient, url: str, body: dict) -> tuple[list, int]:
    async with client.stream("POST", url, json=body) as response:
        return parse([line async for line in response.aiter_lines()])


async def demo() -> None:
    app = create_app(heartbeat=0.1)  # (8)!
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    listener = socket.create_server(("127.0.0.1", 0))
    serving = asyncio.create_task(server.serve(sockets=[listener]))
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/chat"

    async with httpx.AsyncClient(timeout=30) as client:
        print("1. 同一会话线程里的两轮问答")
        body = {"message": "盘点一下上海仓的库存"}
        async with client.stream("POST", url, json=body) as r:
            print(f"  {r.headers['content-type']}")
            print(f"  Cache-Control: {r.headers['cache-control']}")
            print(f"  X-Accel-Buffering: {r.headers['x-accel-buffering']}")
            parsed, pings = parse([line async for line in r.aiter_lines()])
        show(parsed)
        print(f"  收到心跳：{'是' if pings else '否'}")
        thread_id = parsed[0][1]["thread_id"]
        body = {"message": "哪个库区最多？", "thread_id": thread_id}
        parsed, _ = await ask(client, url, body)
        show(parsed)
        same = parsed[0][1]["thread_id"] == thread_id
        print(f"  第二轮沿用同一个 thread_id：{'是' if same else '否'}")

        print("2. 客户端读到 3 个 token 事件就断开")
        body = {"message": "详细介绍一下大运河"}
        async with client.stream("POST", url, json=body) as r:
            tokens = 0
            async for line in r.aiter_lines():
                tokens += line == "event: token"
                if tokens == 3:
                    break
        try:
            await asyncio.wait_for(app.state.node_cancelled.wait(), 10)
            print("  服务端的模型节点在 10 秒内收到了 CancelledError")
        except TimeoutError:
            print("  10 秒内模型节点没有收到 CancelledError")

        print("3. 客户端在工具运行时断开，再在同一会话线程里接着问")
        body = {"message": "盘点一下上海仓的库存"}
        async with client.stream("POST", url, json=body) as r:
            async for line in r.aiter_lines():
                if line.startswith("data: ") and "thread_id" in line:
                    thread_id = json.loads(line.removeprefix("data: "))["thread_id"]
                if line == "event: progress":
                    break  # (9)!
        await asyncio.wait(set(app.state.runs))  # (10)!
        body = {"message": "刚才的盘点怎么样了？", "thread_id": thread_id}
        show((await ask(client, url, body))[0])

        print("4. 上游模型发出 3 块后断线")
        show((await ask(client, url, {"message": "讲讲太湖"}))[0])

        print("5. 50 个客户端同时提问，各开一个新会话线程")
        results = await asyncio.gather(
            *(ask(client, url, {"message": "盘点一下上海仓的库存"}) for _ in range(50))
        )
        expected = ["start", "tool", "progress", "tool", "token", "end"]
        complete = in_order = 0
        for parsed, _ in results:
            names = [event for event, _ in parsed]
            tokens = "".join(data["text"] for event, data in parsed if event == "token")
            complete += names[-1] == "end" and parsed[-1][1]["answer"] == tokens
            kinds = [n for i, n in enumerate(names) if i == 0 or n != names[i - 1]]
            in_order += kinds == expected
        errors = sum(event == "error" for parsed, _ in results for event, _ in parsed)
        threads = {parsed[0][1]["thread_id"] for parsed, _ in results}
        print(f"  收到 end 且回答完整：{complete}/50")
        print(f"  事件顺序 start→tool→progress→tool→token→end：{in_order}/50")
        print(f"  error 事件：{errors} 个；不同的 thread_id：{len(threads)} 个")
    server.should_exit = True
    await serving


async def main() -> None:
    if "--serve" in sys.argv:
        url = f"http://127.0.0.1:{SERVE_PORT}/chat"
        print(f"按 Ctrl+C 停止。问题以 POST 请求发往 {url}", flush=True)
        config = uvicorn.Config(create_app(), host="127.0.0.1", port=SERVE_PORT)
        await uvicorn.Server(config).serve()
    else:
        await demo()


if __name__ == "__main__":
    asyncio.run(main())
