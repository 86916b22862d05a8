"""Don't: stream_mode="checkpoints" without a checkpointer yields nothing, silently."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    return f"{city}：晴，23°C，微风"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])  # (1)!
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}

checkpoints = list(agent.stream(question, stream_mode="checkpoints"))
print(f"checkpoints 模式：{len(checkpoints)} 项，没有报错")
kinds = [event["type"] for event in agent.stream(question, stream_mode="debug")]
print(f"debug 模式：{len(kinds)} 项，类型只有 {sorted(set(kinds))}")
