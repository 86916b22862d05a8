"""Node timeouts: idle_timeout kept alive by streamed tokens, run_timeout a hard cap."""

import asyncio

from langchain_core.messages import AIMessageChunk
from langchain_openai import ChatOpenAI
from langgraph.errors import NodeTimeoutError
from langgraph.graph import START, MessagesState, StateGraph
from langgraph.types import RetryPolicy, TimeoutPolicy

model = ChatOpenAI(model="gpt-4o-mini")


async def call_model(state: MessagesState) -> dict:  # (1)!
    return {"messages": [await model.ainvoke(state["messages"])]}


def build(policy: TimeoutPolicy):
    return (
        StateGraph(MessagesState)
        .add_node(
            "model",
            call_model,
            timeout=policy,
            retry_policy=RetryPolicy(max_attempts=2, initial_interval=0.05),  # (2)!
        )
        .add_edge(START, "model")
        .compile()
    )


async def run(label: str, policy: TimeoutPolicy) -> None:
    print(label)
    graph, ids, text = build(policy), [], ""
    try:
        async for chunk, _ in graph.astream(
            {"messages": [("user", "写一段西湖的导游词")]}, stream_mode="messages"
        ):
            if isinstance(chunk, AIMessageChunk):
                if chunk.id not in ids:
                    ids.append(chunk.id)
                    text = ""  # (3)!
                text += chunk.text
        print(f"  完成：{len(ids)} 次模型调用，最终显示 {text!r}")
    except NodeTimeoutError as exc:  # (4)!
        print(
            f"  NodeTimeoutError：节点 {exc.node!r}，{exc.kind}，时限 {exc.timeout} 秒"
        )
        print(
            f"  {len(ids)} 次模型调用都被截断，界面上留着半截回答：{0 < len(text) < 31}"
        )


async def main() -> None:
    await run("idle_timeout=0.5：", TimeoutPolicy(idle_timeout=0.5))  # (5)!
    await run("run_timeout=0.5：", TimeoutPolicy(run_timeout=0.5))  # (6)!


if __name__ == "__main__":
    asyncio.run(main())
