"""LLM tokens from inside an agent: messages mode yields (chunk, metadata) pairs."""

# --8<-- [start:main]
from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "北京现在天气怎么样？"}]}

for chunk, metadata in agent.stream(question, stream_mode="messages"):  # (1)!
    if metadata["langgraph_node"] == "model" and chunk.text:  # (2)!
        print(chunk.text, end="", flush=True)
print()
# --8<-- [end:main]
