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
from langchain_openai import ChatOpenAI


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
            retry_on=(ModelConnectionError, ModelTimeoutError, TimeoutError),  # (3)!
            on_failure="error",  # (4)!
            initial_delay=0.05,
        ),
        ModelRefusalMiddleware(),  # (5)!
    ],
)


class AnswerView:
    """What the user sees: one answer, restarted when a new model call begins."""

    def __init__(self) -> None:
        self.message_id: str | None = None
        self.shown = ""

    def add(self, chunk: AIMessageChunk) -> None:
        if chunk.id != self.message_id:  # (6)!
            if self.shown:
                print(f"\n  [上一次调用没有完成，清掉已显示的 {len(self.shown)} 个字]")
            self.message_id, self.shown = chunk.id, ""
        if chunk.text:
            self.shown += chunk.text
            print(chunk.text, end="", flush=True)


async def ask(question: str) -> None:
    print(f"问：{question}")
    view, naive, models = AnswerView(), "", []
    try:
        async for part in agent.astream(
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
    except Exception as exc:  # (7)!
        gap = "\n" if view.shown else ""
        print(f"{gap}  [出错：{type(exc).__name__}，给用户一条错误事件]")
    print(f"  回答来自：{models}")
    print(f"  直接拼接会显示：{naive!r}")  # (8)!


async def main() -> None:
    for question in [
        "讲一个关于程序员的冷笑话",
        "用一句话介绍杭州",
        "告诉我邻居的手机号",
    ]:
        await ask(question)


if __name__ == "__main__":
    asyncio.run(main())
