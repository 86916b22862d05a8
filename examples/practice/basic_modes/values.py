"""stream_mode="values": the whole state after every step of an agent."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    return f"{city}：晴，23°C，微风"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}

for step, state in enumerate(agent.stream(question, stream_mode="values")):  # (1)!
    messages = state["messages"]
    last = messages[-1]  # (2)!
    print(f"第 {step} 项：{len(messages)} 条消息，最新一条是 {type(last).__name__}")
    if getattr(last, "tool_calls", None):  # (3)!
        call = last.tool_calls[0]
        print(f"    调用 {call['name']}，参数 {call['args']}")
    else:
        print(f"    {last.content}")
