"""Other token sources: astream_events v2 and the beta stream_events v3."""

import asyncio
import warnings

from langchain.agents import create_agent
from langchain.tools import tool
from langchain_core._api import LangChainBetaWarning


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：多云，22°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "上海天气如何？"}]}


# --8<-- [start:v2]
async def events_v2() -> None:
    pieces = []
    async for event in agent.astream_events(question, version="v2"):  # (1)!
        if event["event"] == "on_chat_model_stream":  # (2)!
            chunk = event["data"]["chunk"]
            if chunk.text:
                pieces.append(chunk.text)
    print("astream_events v2：" + "|".join(pieces))


# --8<-- [end:v2]


# --8<-- [start:v3]
def events_v3() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", LangChainBetaWarning)  # (1)!
        stream = agent.stream_events(question, version="v3")
        for message in stream.messages:  # (2)!
            pieces = list(message.text)  # (3)!
            calls = [call["name"] for call in message.tool_calls.get()]  # (4)!
            text = "|".join(pieces)
            print(f"stream_events v3：{message.node} 文字={text!r} 工具调用={calls}")


# --8<-- [end:v3]


async def main() -> None:
    await events_v2()
    events_v3()


if __name__ == "__main__":
    asyncio.run(main())
