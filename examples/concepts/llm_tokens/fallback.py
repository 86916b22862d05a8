"""On a stalled stream keep what arrived, then fall back to a timed ainvoke."""

import asyncio

from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

chain = ChatPromptTemplate.from_template("用三句话介绍{city}") | ChatOpenAI(
    model="gpt-4o-mini"
)


# --8<-- [start:main]
async def stream_with_fallback(chain, inputs: dict, seconds: float = 2.0) -> str:
    received = ""
    try:
        async with asyncio.timeout(seconds):
            async for chunk in chain.astream(inputs):
                received += chunk.text
                print(chunk.text, end="", flush=True)
        print()
        return received
    except TimeoutError:  # (1)!
        print(f"\n[流式超时，已显示 {len(received)} 个字]")
        print("[改用非流式请求，拿到后替换上面的内容]")

    async with asyncio.timeout(5):  # (2)!
        message = await chain.ainvoke(inputs)  # (3)!
    print(message.text)
    return message.text


async def main() -> None:
    await stream_with_fallback(chain, {"city": "苏州"})


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
