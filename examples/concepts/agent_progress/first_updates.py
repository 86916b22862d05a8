"""updates mode on a create_agent agent: one item per finished node."""

# --8<-- [start:agent]
from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：小雨，18°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "杭州天气怎么样？"}]}
# --8<-- [end:agent]

# --8<-- [start:main]
for part in agent.stream(question, stream_mode="updates", version="v2"):  # (1)!
    print(f"type={part['type']} ns={part['ns']} 节点={list(part['data'])}")  # (2)!
    for update in part["data"].values():
        for message in update["messages"]:  # (3)!
            print(f"  {type(message).__name__}", end=" ")
            if getattr(message, "tool_calls", None):
                print(
                    f"tool_calls={[(c['name'], c['args']) for c in message.tool_calls]}"
                )
            else:
                print(f"content={message.content!r}")
# --8<-- [end:main]
