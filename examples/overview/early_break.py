"""Breaking out of a stream stops the run: a graph advances only as items are pulled."""

# --8<-- [start:main]
import asyncio
from contextlib import aclosing

from langchain.agents import create_agent
from langchain.tools import tool

tool_runs = []


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    tool_runs.append(city)
    return f"{city}：晴，24°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "北京现在天气怎么样？"}]}

for update in agent.stream(question, stream_mode="updates"):
    print(f"同步：收到 {', '.join(update)} 节点的更新，break")
    break  # (1)!
print(f"同步：工具执行了 {len(tool_runs)} 次")


async def main() -> None:
    async with aclosing(
        agent.astream(question, stream_mode="updates")
    ) as stream:  # (2)!
        async for update in stream:
            print(f"异步：收到 {', '.join(update)} 节点的更新，break")
            break
    print(f"异步：工具执行了 {len(tool_runs)} 次")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:main]
