"""Text chunks: keep the model node's chunks with text; .text is a string."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "用两句话介绍一下杭州"}]}

# --8<-- [start:main]
for token, metadata in agent.stream(question, stream_mode="messages"):
    if metadata["langgraph_node"] == "model" and token.text:  # (1)!
        print(token.text, end="|", flush=True)
print()
# --8<-- [end:main]
