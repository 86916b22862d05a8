"""Async node: tasks and to_thread keep the context; run_in_executor does not."""

import asyncio
from typing import TypedDict

from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph


class State(TypedDict):
    done: bool


def report(how: str) -> None:
    get_stream_writer()({"type": "status", "via": how})


# --8<-- [start:main]
async def work(state: State) -> dict:
    async def step() -> None:
        report("asyncio.create_task")

    await asyncio.create_task(step())  # (1)!
    await asyncio.to_thread(report, "asyncio.to_thread")  # (2)!
    loop = asyncio.get_running_loop()
    try:
        await loop.run_in_executor(None, report, "loop.run_in_executor")  # (3)!
    except RuntimeError as exc:
        print(f"loop.run_in_executor：RuntimeError: {exc}")
    return {"done": True}


async def main() -> None:
    graph = StateGraph(State).add_node("work", work).add_edge(START, "work").compile()
    async for data in graph.astream({"done": False}, stream_mode="custom"):
        print(f"收到：{data}")


# --8<-- [end:main]

if __name__ == "__main__":
    asyncio.run(main())
