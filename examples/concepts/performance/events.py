"""One agent turn through astream_events(version="v2") and through messages mode."""

import asyncio
from collections import Counter

from langchain.agents import create_agent
from langchain_core.messages import AIMessageChunk
from langchain_core.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的天气。"""
    return f"{city}：阴，20°C"


agent = create_agent(model="openai:gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "成都天气如何？"}]}


# --8<-- [start:main]
async def main() -> None:
    kinds: Counter[str] = Counter()
    text_events = 0
    async for event in agent.astream_events(question, version="v2"):  # (1)!
        kinds[event["event"]] += 1
        if event["event"] == "on_chat_model_stream" and event["data"]["chunk"].text:
            text_events += 1
    print(f"astream_events：共 {kinds.total()} 个事件，其中带文字的 {text_events} 个")
    for kind, count in kinds.most_common():
        print(f"  {kind}: {count}")

    items = text_items = 0
    stream = agent.astream(question, stream_mode="messages")  # (2)!
    async for token, _metadata in stream:
        items += 1
        text_items += isinstance(token, AIMessageChunk) and bool(token.text)
    print(f"messages 流模式：共 {items} 项，其中带文字的 {text_items} 项")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
