"""Agent progress: one update per finished step, keyed by node name."""

# --8<-- [start:main]
from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "北京现在天气怎么样？"}]}

for update in agent.stream(question, stream_mode="updates"):
    for node, state in update.items():  # (1)!
        message = state["messages"][-1]
        shown = message.content or message.tool_calls
        print(f"[{node}] {type(message).__name__}: {shown}")
# --8<-- [end:main]
