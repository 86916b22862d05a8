"""Node timeouts: idle_timeout kept alive by streamed tokens, run_timeout a hard cap."""

import asyncio

from langchain_core.exceptions import ModelConnectionError, ModelTimeoutError
from langchain_core.messages import AIMessageChunk
from langchain_openai import ChatOpenAI, StreamChunkTimeoutError
from langgraph.errors import NodeTimeoutError
from langgraph.graph import START, MessagesState, StateGraph
from langgraph.types import RetryPolicy, TimeoutPolicy

model = ChatOpenAI(model="gpt-4o-mini")
ANSWER = "各位游客，眼前就是西湖。湖光山色，四季皆宜。"
attempts = 0


async def call_model(state: MessagesState) -> dict:  # (1)!
    global attempts
    attempts += 1
    return {"messages": [await model.ainvoke(state["messages"])]}


def build(policy: TimeoutPolicy):
    return (
        StateGraph(MessagesState)
        .add_node(
            "model",
            call_model,
            timeout=policy,
            retry_policy=RetryPolicy(
                max_attempts=2,
                initial_interval=0.05,
                retry_on=(
                    NodeTimeoutError,
                    ModelConnectionError,
                    ModelTimeoutError,
                    StreamChunkTimeoutError,
                ),
            ),  # (2)!
        )
        .add_edge(START, "model")
        .compile()
    )


async def run(label: str, policy: TimeoutPolicy) -> None:
    global attempts
    print(label)
    graph, seen, shown, attempts = build(policy), [], "", 0
    try:
        async for chunk, _ in graph.astream(
            {"messages": [("user", "写一段西湖的导游词")]}, stream_mode="messages"
        ):
            if not isinstance(chunk, AIMessageChunk):
                continue
            if chunk.id not in seen:
                seen.append(chunk.id)
                shown = ""  # (3)!
            if chunk.id == seen[-1]:
                shown += chunk.text
        print(f"  节点运行 {attempts} 次，界面上的回答完整：{shown == ANSWER}")
    except NodeTimeoutError as exc:  # (4)!
        print(
            f"  NodeTimeoutError：节点 {exc.node!r}，"
            f"超时种类 {exc.kind}，时限 {exc.timeout} 秒"
        )
        print(f"  节点运行 {attempts} 次，界面上的回答完整：{shown == ANSWER}")


async def main() -> None:
    await run("idle_timeout=0.8：", TimeoutPolicy(idle_timeout=0.8))  # (5)!
    await run("run_timeout=0.4：", TimeoutPolicy(run_timeout=0.4))  # (6)!


if __name__ == "__main__":
    asyncio.run(main())
