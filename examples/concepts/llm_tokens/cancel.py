"""Leaving a stream early: close it, and the running node is cancelled."""

import asyncio
import time
from contextlib import aclosing

from langchain_openai import ChatOpenAI
from langgraph.graph import END, START, MessagesState, StateGraph

model = ChatOpenAI(model="gpt-4o-mini")
question = {"messages": [{"role": "user", "content": "从一数到三十"}]}
log = []


# --8<-- [start:graph]
async def write(state: MessagesState) -> dict:
    try:
        message = await model.ainvoke(state["messages"])
    except asyncio.CancelledError:
        log.append("write 节点被取消")  # (1)!
        raise
    log.append("write 节点跑完了")
    return {"messages": [message]}


def write_sync(state: MessagesState) -> dict:
    message = model.invoke(state["messages"])
    log.append("write_sync 节点跑完了")
    return {"messages": [message]}


def build(node) -> StateGraph:
    builder = StateGraph(MessagesState)
    builder.add_node("write", node)
    builder.add_edge(START, "write")
    builder.add_edge("write", END)
    return builder.compile()


# --8<-- [end:graph]


# --8<-- [start:main]
async def main() -> None:
    graph = build(write)
    async with aclosing(
        graph.astream(question, stream_mode="messages")
    ) as stream:  # (1)!
        received = 0
        async for _item in stream:
            received += 1
            if received == 4:
                break  # (2)!
    print(f"异步：{log}")

    log.clear()
    for received, _item in enumerate(
        build(write_sync).stream(question, stream_mode="messages"), 1
    ):
        if received == 4:
            broke_at = time.perf_counter()
            break  # (3)!
    waited = time.perf_counter() - broke_at
    print(f"同步：{log}；break 之后又等了至少 1 秒才返回：{waited >= 1.0}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:main]
