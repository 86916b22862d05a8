"""How many bytes each stream mode sends over a three-turn conversation."""

import asyncio
import json

from langchain.agents import create_agent
from langchain_core.load import dumpd
from langchain_core.tools import tool
from langgraph.checkpoint.memory import InMemorySaver


@tool
def get_weather(city: str) -> str:
    """查询城市的天气。"""
    return f"{city}：今天的天气数据"


agent = create_agent(
    model="openai:gpt-4o-mini", tools=[get_weather], checkpointer=InMemorySaver()
)


# --8<-- [start:main]
def wire_bytes(data: object) -> int:
    return len(json.dumps(dumpd(data), ensure_ascii=False).encode())  # (1)!


async def main() -> None:
    config = {"configurable": {"thread_id": "payload-demo"}}
    print("轮次  values：条数/字节  updates：条数/字节  messages：条数/字节")
    messages = {"全部": 0, "元数据": 0, "文字": 0}
    for turn, question in enumerate(["北京天气如何？", "上海呢？", "广州呢？"], 1):
        totals = {mode: [0, 0] for mode in ("values", "updates", "messages")}
        async for part in agent.astream(
            {"messages": [{"role": "user", "content": question}]},
            config,
            stream_mode=["values", "updates", "messages"],  # (2)!
            version="v2",
        ):
            totals[part["type"]][0] += 1
            totals[part["type"]][1] += wire_bytes(part["data"])
            if part["type"] == "messages":
                token, metadata = part["data"]
                messages["全部"] += wire_bytes(part["data"])
                messages["元数据"] += wire_bytes(metadata)  # (3)!
                messages["文字"] += len(token.text.encode())
        row = "  ".join(f"{n:>6} / {size:>6}" for n, size in totals.values())
        print(f"{turn:>4}  {row}")
    meta, text = (messages[k] / messages["全部"] for k in ("元数据", "文字"))
    print(f"messages 的字节中，元数据占 {meta:.1%}，文字只占 {text:.1%}")


# --8<-- [end:main]


if __name__ == "__main__":
    asyncio.run(main())
