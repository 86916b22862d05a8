"""The "tools" stream mode: Pregel.stream accepts it; StreamMode does not list it."""

# --8<-- [start:main]
from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "北京现在天气怎么样？"}]}

for event in agent.stream(question, stream_mode="tools"):  # (1)!
    if event["event"] == "tool-started":
        print(f"{event['event']}：{event['tool_name']} {event['input']}")
    else:
        output = event["output"]
        print(f"{event['event']}：{type(output).__name__} {output.content}")
# --8<-- [end:main]
