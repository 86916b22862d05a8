"""invoke(version="v2"): the final state in .value, interrupts in .interrupts."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    return f"{city}：晴，23°C，微风"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}

result = agent.invoke(question, version="v2")  # (1)!
print(f"返回类型：{type(result).__name__}")
print(f"中断：{result.interrupts}")
print(f"回答：{result.value['messages'][-1].text}")  # (2)!
