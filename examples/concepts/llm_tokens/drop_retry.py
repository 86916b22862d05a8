"""Retry a dropped stream on the exception really raised, and tell the user."""

import asyncio

from langchain_core.exceptions import ModelConnectionError, ModelTimeoutError
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

model = ChatOpenAI(model="gpt-4o-mini")
chain = ChatPromptTemplate.from_template("讲一个关于{topic}的冷笑话") | model


# --8<-- [start:main]
async def stream_with_retry(chain, inputs: dict, attempts: int = 3) -> str:
    for attempt in range(1, attempts + 1):
        received = ""
        try:
            async for chunk in chain.astream(inputs):
                received += chunk.text
                print(chunk.text, end="", flush=True)
            print()
            return received
        except (ModelConnectionError, ModelTimeoutError, TimeoutError) as exc:  # (1)!
            shown = len(received)
            print(f"\n[连接中断（{type(exc).__name__}），已显示的 {shown} 个字作废]")
            if attempt == attempts:
                raise
            print(f"[第 {attempt + 1} 次尝试，从头重新生成…]")  # (2)!
            await asyncio.sleep(0.1 * 2 ** (attempt - 1))  # (3)!


async def main() -> None:
    print("max_retries =", model.root_async_client.max_retries)  # (4)!
    await stream_with_retry(chain, {"topic": "猫"})


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
