"""Parallel Command updates to a key without a reducer: streamed, then rejected."""

from langchain.agents import AgentState, create_agent
from langchain.messages import ToolMessage
from langchain.tools import ToolRuntime, tool
from langgraph.errors import InvalidUpdateError
from langgraph.types import Command


# --8<-- [start:main]
class TripState(AgentState):
    cities: list[str]  # (1)!


@tool
def remember_city(city: str, runtime: ToolRuntime) -> Command:
    """记下用户要去的城市。"""
    return Command(
        update={
            "messages": [
                ToolMessage(f"已记下{city}", tool_call_id=runtime.tool_call_id)
            ],
            "cities": [city],
        }
    )


agent = create_agent(model="gpt-4o-mini", tools=[remember_city], state_schema=TripState)
question = {
    "messages": [{"role": "user", "content": "记下我这周要去的城市：成都和重庆"}]
}

try:
    for part in agent.stream(question, stream_mode="updates", version="v2"):
        for node, update in part["data"].items():
            print(f"收到 {node} 的更新，写入的键：{sorted(update)}")  # (2)!
except InvalidUpdateError as exc:
    print(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
# --8<-- [end:main]
