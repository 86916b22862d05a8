"""The real metadata of a messages-mode item from create_agent, key by key."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather], name="weather_agent")
question = {"messages": [{"role": "user", "content": "广州今天热吗？"}]}

# --8<-- [start:main]
stream = agent.stream(question, config={"tags": ["chat-ui"]}, stream_mode="messages")
token, metadata = next(iter(stream))  # (1)!

for key in sorted(metadata):
    value = metadata[key]
    if key.endswith("checkpoint_ns"):
        value = value.split(":")[0] + ":<任务 id>"  # (2)!
    print(f"{key:<24} {value!r}")
# --8<-- [end:main]
