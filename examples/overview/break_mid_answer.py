"""Stopping mid-answer: a sync break waits for the model call; async cancels it."""

# --8<-- [start:main]
import asyncio
from contextlib import aclosing

from langchain.agents import create_agent
from langchain_core.callbacks import BaseCallbackHandler


class TokenCounter(BaseCallbackHandler):
    """Counts the chunks the model really generated, whether anyone read them or not."""

    def __init__(self) -> None:
        self.tokens = 0
        self.finished = False

    def on_llm_new_token(self, token, **kwargs) -> None:
        self.tokens += 1

    def on_llm_end(self, response, **kwargs) -> None:
        self.finished = True


agent = create_agent(model="gpt-4o-mini", tools=[])
question = {"messages": [{"role": "user", "content": "讲一个长一点的故事"}]}

counter = TokenCounter()
for token, _ in agent.stream(
    question, {"callbacks": [counter]}, stream_mode="messages"
):
    if token.text:
        break  # (1)!
state = "已完成" if counter.finished else "未完成"
print(f"同步：break 之后，模型调用{state}，生成了全部 {counter.tokens} 块")


async def main() -> None:
    counter = TokenCounter()
    stream = agent.astream(question, {"callbacks": [counter]}, stream_mode="messages")
    async with aclosing(stream):  # (2)!
        async for token, _ in stream:
            if token.text:
                break
    closed_at = counter.tokens
    await asyncio.sleep(1)  # (3)!
    state = "已完成" if counter.finished else "被取消"
    after = "没有再生成新的块" if counter.tokens == closed_at else "还在生成"
    print(f"异步：break 之后，模型调用{state}，关闭之后{after}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:main]
