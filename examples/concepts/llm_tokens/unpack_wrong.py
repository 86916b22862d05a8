"""A messages-mode item is a (message, metadata) tuple, not a message."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "用两句话介绍一下杭州"}]}

try:
    # --8<-- [start:main]
    for chunk in agent.stream(question, stream_mode="messages"):
        print(chunk.content)  # (1)!
    # --8<-- [end:main]
except AttributeError as exc:
    print(f"{type(exc).__module__}.{type(exc).__qualname__}: {exc}")
