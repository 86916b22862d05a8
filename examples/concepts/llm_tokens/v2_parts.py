"""messages mode with version="v2": every item is a dict with type, ns and data."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "用两句话介绍一下杭州"}]}

# --8<-- [start:main]
for part in agent.stream(question, stream_mode="messages", version="v2"):  # (1)!
    if part["type"] != "messages":
        continue
    token, metadata = part["data"]  # (2)!
    if (
        part["ns"] == () and metadata["langgraph_node"] == "model" and token.text
    ):  # (3)!
        print(token.text, end="", flush=True)
print()
print(f"一项的键：{sorted(part)}")
# --8<-- [end:main]
