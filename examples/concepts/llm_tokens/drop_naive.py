"""A common retry loop catches ConnectionError, which a dropped stream is not."""

import asyncio

from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI

model = ChatOpenAI(model="gpt-4o-mini")
chain = ChatPromptTemplate.from_template("讲一个关于{topic}的笑话") | model


# --8<-- [start:main]
async def stream_with_retry(chain, input, max_retries=3):
    for attempt in range(max_retries):
        try:
            async for chunk in chain.astream(input):
                print(chunk.content, end="", flush=True)
            break

        except ConnectionError as e:  # (1)!
            print(f"\n连接中断: {e}")
            if attempt < max_retries - 1:
                print(f"重试 {attempt + 1}/{max_retries}...")
                await asyncio.sleep(2**attempt)
            else:
                print("达到最大重试次数")
                raise


# --8<-- [end:main]


async def main() -> None:
    print("openai 客户端的 max_retries：", model.root_async_client.max_retries)
    try:
        await stream_with_retry(chain, {"topic": "程序员"})
    except Exception as exc:
        print("\n没有被 except ConnectionError 接住，而是抛出了：")
        print(f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}")
        print("isinstance(exc, ConnectionError)：", isinstance(exc, ConnectionError))
        print("继承链：")
        for cls in type(exc).__mro__[1:-2]:
            print(f"  {cls.__module__}.{cls.__qualname__}")


if __name__ == "__main__":
    asyncio.run(main())
