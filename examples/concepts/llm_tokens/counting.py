"""Counting chunks is not counting tokens; usage_metadata is."""

import asyncio

from langchain.tools import tool
from langchain_openai import ChatOpenAI


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


# --8<-- [start:naive]
async def naive_count(model, question: str) -> None:
    token_count = 0
    word_count = 0
    async for chunk in model.astream(question):
        if chunk.content:
            token_count += 1  # (1)!
            word_count += len(chunk.content.split())  # (2)!
    print(f"  按块计数：token 数 {token_count}，单词数 {word_count}")


# --8<-- [end:naive]


# --8<-- [start:usage]
async def usage_count(model, question: str) -> None:
    total = None
    chunks = 0
    async for chunk in model.astream(question):
        chunks += 1
        total = chunk if total is None else total + chunk  # (1)!
    usage = total.usage_metadata
    if usage is None:
        print(f"  收到 {chunks} 块，usage_metadata=None")
    else:
        counts = (f"{key}={usage[key]}" for key in ("input_tokens", "output_tokens"))
        print(f"  收到 {chunks} 块，" + " ".join(counts))


# --8<-- [end:usage]


# --8<-- [start:main]
async def main() -> None:
    plain = ChatOpenAI(model="gpt-4o-mini")
    counted = ChatOpenAI(model="gpt-4o-mini", stream_usage=True)  # (1)!
    print(f"stream_usage 默认值：{plain.stream_usage}")
    print("'用一句话介绍长城'.split() ->", "用一句话介绍长城".split())

    print("文本回答：")
    await naive_count(plain, "用一句话介绍长城")
    await usage_count(plain, "用一句话介绍长城")  # (2)!
    await usage_count(counted, "用一句话介绍长城")

    print("工具调用：")
    await naive_count(plain.bind_tools([get_weather]), "长沙现在天气如何？")
    await usage_count(counted.bind_tools([get_weather]), "长沙现在天气如何？")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
