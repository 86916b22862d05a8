"""lc_agent_name is in the metadata only when create_agent() got a name."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


question = {"messages": [{"role": "user", "content": "广州今天热吗？"}]}

# --8<-- [start:main]
named = create_agent(model="gpt-4o-mini", tools=[get_weather], name="weather_agent")
unnamed = create_agent(model="gpt-4o-mini", tools=[get_weather])

for label, agent in [("name='weather_agent'", named), ("不传 name", unnamed)]:
    names = {
        md.get("lc_agent_name")
        for _, md in agent.stream(question, stream_mode="messages")
    }
    print(f"{label}：lc_agent_name 取值 {names}")  # (1)!
# --8<-- [end:main]
