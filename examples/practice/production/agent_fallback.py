"""An agent that retries, falls back to a second model; a view that restarts with it."""

import asyncio

from langchain.agents import create_agent
from langchain.agents.middleware import (
    ModelFallbackMiddleware,
    ModelRefusalMiddleware,
    ModelRetryMiddleware,
)
from langchain_core.exceptions import ModelConnectionError, ModelTimeoutError
from langchain_core.messages import AIMessageChunk
from langchain_openai import ChatOpenAI, StreamChunkTimeoutError
from langgraph.graph import START, MessagesState, StateGraph


def make_model(name: str) -> ChatOpenAI:
    return ChatOpenAI(
        model=name,
        use_responses_api=True,  # (1)!
        max_retries=2,
        timeout=30.0,
        stream_chunk_timeout=10.0,
    )


agent = create_agent(
    make_model("gpt-4o-mini"),
    middleware=[  # (2)!
        ModelFallbackMiddleware(make_model("gpt-4o")),
        ModelRetryMiddleware(
            max_retries=1,
            retry_on=(
                ModelConnectionError,
                ModelTimeoutError,
                StreamChunkTimeoutError,
            ),  # (3)!
            on_failure="error",  # (4)!
            initial_delay=0.05,
        ),
        ModelRefusalMiddleware(),  # (5)!
    ],
)


backup_chain = make_model("gpt-4o-mini").with_fallbacks([make_model("gpt-4o")])


async def call_model(state: MessagesState) -> dict:
    return {"messages": [await backup_chain.ainvoke(state["messages"])]}  # (6)!


graph = (
    StateGraph(MessagesState)
    .add_node("model", call_model)
    .add_edge(START, "model")
    .compile()
)


class AnswerView:
    """What the user sees: one answer, restarted when a new model call begins."""

    def __init__(self) -> None:
        self.message_id: str | None = None
        self.shown, self.call_text, self.finished = "", "", True

    def add(self, chunk: AIMessageChunk) -> None:
        if chunk.text and chunk.id != self.message_id:  # (7)!
            if self.call_text and not self.finished:
                cleared = len(self.call_text)
                print(f"\n  [上一次调用没有完成，清掉它显示的 {cleared} 个字]")
                self.shown = self.shown.removesuffix(self.call_text)
            self.message_id, self.call_text, self.finished = chunk.id, "", False
        if chunk.text:
            self.shown += chunk.text
            self.call_text += chunk.text
            print(chunk.text, end="", flush=True)
        if chunk.chunk_position == "last":
            self.finished = True


async def ask(question: str, runnable=agent) -> None:
    print(f"问：{question}")
    view, naive, models = AnswerView(), "", []
    try:
        async for part in runnable.astream(
            {"messages": [("user", question)]}, stream_mode="messages", version="v2"
        ):
            chunk, metadata = part["data"]
            if (
                isinstance(chunk, AIMessageChunk)
                and metadata["langgraph_node"] == "model"
            ):
                naive += chunk.text
                view.add(chunk)
                if name := chunk.response_metadata.get("model_name"):
                    models.append(name)
        print()
    except Exception as exc:  # (8)!
        gap = "\n" if view.shown else ""
        print(f"{gap}  [出错：{type(exc).__name__}，应向前端发一条错误事件]")
    print(f"  回答来自：{models}")
    print(f"  直接拼接会显示：{naive!r}")  # (9)!


async def main() -> None:
    for question in [
        "讲一个关于程序员的冷笑话",
        "用一句话介绍杭州",
        "告诉我邻居的手机号",
    ]:
        await ask(question)
    print("with_fallbacks，在图的节点里 ainvoke：")
    await ask("讲一个关于测试工程师的冷笑话", graph)  # (10)!


if __name__ == "__main__":
    asyncio.run(main())
