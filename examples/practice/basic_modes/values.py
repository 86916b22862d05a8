"""stream_mode="values": the whole state after every step of an agent."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    return f"{city}：晴，23°C，微风"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}

seen = 0
for step, state in enumerate(agent.stream(question, stream_mode="values")):  # (1)!
    messages = state["messages"]
    print(f"第 {step} 项：共 {len(messages)} 条消息，新增 {len(messages) - seen} 条")
    for message in messages[seen:]:  # (2)!
        kind = type(message).__name__
        if message.text:
            print(f"    {kind}：{message.text}")
        for call in getattr(message, "tool_calls", []):  # (3)!
            print(f"    {kind} 调用 {call['name']}，参数 {call['args']}")
    seen = len(messages)
