"""Filter messages-mode items by the node that produced them."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：小雨，18°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "成都要带伞吗？"}]}

# --8<-- [start:main]
for token, metadata in agent.stream(question, stream_mode="messages"):
    node = metadata["langgraph_node"]
    if node == "model" and token.text:  # (1)!
        print(token.text, end="", flush=True)
    elif node == "tools":
        print(f"[工具结果] {token.content}")
print()
# --8<-- [end:main]
