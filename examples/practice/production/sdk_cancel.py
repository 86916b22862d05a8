"""What the LangGraph SDK sends for on_disconnect and runs.cancel, recorded on the wire.

There is no Agent Server here: a small recorder on a free loopback port answers the two
endpoints the SDK calls (a streaming run and its cancellation), notes each request and
each closed stream, and the program prints what it noted.
"""

import asyncio
import json
import socket
import uuid
from contextlib import aclosing

import uvicorn
from langgraph_sdk import get_client
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route


def sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"


def create_recorder() -> Starlette:
    log: list[str] = []
    closed: asyncio.Queue[str] = asyncio.Queue()
    runs: set[str] = set()

    def where(request: Request) -> str:
        path = request.url.path
        for name, value in request.path_params.items():
            if name != "run_id" or value in runs:  # (1)!
                path = path.replace(value, "{" + name + "}")
        query = f"?{request.url.query}" if request.url.query else ""
        return f"{request.method} {path}{query}"

    async def stream_run(request: Request) -> StreamingResponse:
        body = await request.json()
        run_id = str(uuid.uuid4())
        runs.add(run_id)
        log.append(where(request))
        if "on_disconnect" in body:
            log.append(f"    on_disconnect = {json.dumps(body['on_disconnect'])}")
        else:
            log.append("    请求体里没有 on_disconnect 字段")

        async def events():
            try:
                yield sse("metadata", {"run_id": run_id})  # (2)!
                yield sse("updates", {"model": {"messages": [{"content": "你好！"}]}})
                await asyncio.Event().wait()  # (3)!
            finally:
                log.append("    （记录器：客户端关闭了这个流）")
                closed.put_nowait(run_id)

        return StreamingResponse(events(), media_type="text/event-stream")

    async def cancel_run(request: Request) -> Response:
        body = await request.body()
        log.append(where(request))
        log.append(f"    请求体 {len(body)} 字节")
        return Response(status_code=204)

    async def anything_else(request: Request) -> Response:  # (4)!
        log.append(f"{where(request)}    （记录器没有这个端点）")
        return Response(status_code=404)

    app = Starlette(
        routes=[
            Route("/threads/{thread_id}/runs/stream", stream_run, methods=["POST"]),
            Route(
                "/threads/{thread_id}/runs/{run_id}/cancel",
                cancel_run,
                methods=["POST"],
            ),
            Route(
                "/{path:path}", anything_else, methods=["GET", "POST", "PUT", "DELETE"]
            ),
        ]
    )
    app.state.log, app.state.closed = log, closed
    return app


async def first_events(client, thread_id: str, **options) -> str:
    stream = client.runs.stream(
        thread_id,
        "agent",
        input={"messages": [{"role": "user", "content": "你好"}]},
        stream_mode="updates",
        if_not_exists="create",
        **options,  # (5)!
    )
    async with aclosing(stream) as parts:  # (6)!
        async for part in parts:
            print(f"  客户端收到 {part.event} 事件")
            if part.event == "metadata":
                run_id = part.data["run_id"]
            else:
                break
    return run_id


async def stream_closed(app: Starlette) -> None:
    try:
        await asyncio.wait_for(app.state.closed.get(), 10)
        print("  记录器看到这个流被关闭了")
    except TimeoutError:
        print("  10 秒内记录器没有看到这个流被关闭")


async def main() -> None:
    app = create_recorder()
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    listener = socket.create_server(("127.0.0.1", 0))
    serving = asyncio.create_task(server.serve(sockets=[listener]))
    url = f"http://127.0.0.1:{listener.getsockname()[1]}"
    client = get_client(url=url, api_key=None)  # (7)!
    thread_id = str(uuid.uuid4())

    print('1. on_disconnect="cancel"，读到 updates 事件就离开循环')
    run_id = await first_events(client, thread_id, on_disconnect="cancel")
    await stream_closed(app)
    cancels = sum("/cancel" in line for line in app.state.log)
    print(f"  到这时记录器收到的取消请求：{cancels} 个")  # (8)!

    print("2. 用 metadata 事件里的 run_id 调用 client.runs.cancel")
    await client.runs.cancel(thread_id, run_id)  # (9)!
    await client.runs.cancel(thread_id, run_id, wait=True, action="rollback")
    print("  两次调用都已返回")

    print("3. 不传 on_disconnect")
    await first_events(client, thread_id)
    await stream_closed(app)

    await client.aclose()
    server.should_exit = True
    await serving
    print("记录器收到的请求，按到达顺序：")
    for line in app.state.log:
        print(f"  {line}")


if __name__ == "__main__":
    asyncio.run(main())
