"""stream_events(version="v3"): one object per model message, with its text stream."""

# --8<-- [start:main]
import warnings

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "北京现在天气怎么样？"}]}

with warnings.catch_warnings(record=True) as caught:  # (1)!
    warnings.simplefilter("always")
    run = agent.stream_events(question, version="v3")
print(f"{caught[0].category.__name__}: {caught[0].message}")

for message in run.messages:  # (2)!
    print(f"[{message.node}] ", end="")
    for delta in message.text:  # (3)!
        print(delta, end="|", flush=True)
    calls = [call["name"] for call in message.tool_calls.get()]
    print(f"工具调用：{calls}" if calls else "")
print(run.output["messages"][-1].text)  # (4)!
# --8<-- [end:main]
