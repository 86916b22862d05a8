"""version="v2": every item is a dict with type, ns and data, whatever the modes."""

# --8<-- [start:main]
from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "北京现在天气怎么样？"}]}

for part in agent.stream(
    question, stream_mode=["updates", "messages"], version="v2"
):  # (1)!
    if part["type"] == "updates":
        print(f"[updates] ns={part['ns']} 节点：{', '.join(part['data'])}")
    elif part["type"] == "messages":
        chunk, metadata = part["data"]  # (2)!
        if metadata["langgraph_node"] == "model" and chunk.text:
            print(f"[messages] {chunk.text}")
# --8<-- [end:main]
