"""A tool that returns Command(update=...): its update carries every key it writes."""

# --8<-- [start:agent]
import operator
from typing import Annotated

from langchain.agents import AgentState, create_agent
from langchain.messages import ToolMessage
from langchain.tools import ToolRuntime, tool
from langgraph.types import Command


class TripState(AgentState):
    cities: Annotated[list[str], operator.add]  # (1)!


@tool
def remember_city(city: str, runtime: ToolRuntime) -> Command:
    """记下用户要去的城市。"""
    return Command(
        update={
            "messages": [
                ToolMessage(f"已记下{city}", tool_call_id=runtime.tool_call_id)
            ],  # (2)!
            "cities": [city],
        }
    )


agent = create_agent(model="gpt-4o-mini", tools=[remember_city], state_schema=TripState)
question = {
    "messages": [{"role": "user", "content": "记下我这周要去的城市：成都和重庆"}]
}
# --8<-- [end:agent]

# --8<-- [start:main]
tool_updates = []
for part in agent.stream(question, stream_mode=["updates", "values"], version="v2"):
    if part["type"] == "updates" and "tools" in part["data"]:
        update = part["data"]["tools"]
        tool_updates.append((update["cities"], update["messages"][0].content))
    elif part["type"] == "values":
        final = part["data"]  # (1)!

for cities, content in sorted(tool_updates):
    print(f"tools 的一项更新：cities={cities} messages=[{content!r}]")
print(f"最终状态里的 cities：{sorted(final['cities'])}")
# --8<-- [end:main]
