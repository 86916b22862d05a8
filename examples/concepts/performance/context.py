"""What reaches code a node starts: a task, asyncio.to_thread, an executor thread."""

import asyncio
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from typing import TypedDict

from langchain_core.runnables.config import run_in_executor
from langchain_openai import ChatOpenAI
from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph

model = ChatOpenAI(model="gpt-4o-mini")


class State(TypedDict):
    errors: list[str]


# --8<-- [start:graph]
POOL = ThreadPoolExecutor(max_workers=1)


def report(where: str) -> str:
    try:
        get_stream_writer()(where)  # (1)!
        return ""
    except RuntimeError as exc:
        return f"{where}：RuntimeError: {exc}"


async def report_async(where: str) -> str:
    return report(where)


async def node(state: State) -> dict:
    loop = asyncio.get_running_loop()
    errors = [
        await asyncio.create_task(report_async("create_task")),  # (2)!
        await asyncio.to_thread(report, "to_thread"),  # (3)!
        await loop.run_in_executor(None, report, "loop.run_in_executor"),  # (4)!
        await run_in_executor(None, report, "core.run_in_executor(None)"),  # (5)!
        await run_in_executor(POOL, report, "core.run_in_executor(POOL)"),  # (6)!
    ]
    invoke = model.with_config(tags=["loop.run_in_executor"]).invoke
    await loop.run_in_executor(None, invoke, "说一句早安")  # (7)!
    invoke = model.with_config(tags=["to_thread"]).invoke
    await asyncio.to_thread(invoke, "说一句早安")
    return {"errors": [error for error in errors if error]}


graph = StateGraph(State).add_node(node).add_edge(START, "node").compile()
# --8<-- [end:graph]


# --8<-- [start:main]
async def main() -> None:
    custom, tokens, errors = [], Counter(), []
    async for mode, data in graph.astream(
        {}, stream_mode=["custom", "messages", "updates"]
    ):
        if mode == "custom":
            custom.append(data)
        elif mode == "messages":
            token, metadata = data
            tokens[metadata["tags"][0]] += bool(token.text)
        else:
            errors += data["node"]["errors"]
    print(f"custom 流模式收到：{custom}")
    print(f"写入器调用失败：{errors}")
    for where in ("loop.run_in_executor", "to_thread"):
        count = tokens[where]
        print(f"{where} 里的模型调用，messages 流模式收到的带文字的块：{count} 个")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:main]
