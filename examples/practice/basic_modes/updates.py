"""stream_mode="updates": only what each node returned, keyed by the node's name."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    return f"{city}：晴，23°C，微风"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}

for update in agent.stream(question, stream_mode="updates"):
    for node, delta in update.items():
        for message in (delta or {}).get("messages", []):  # (1)!
            if message.type == "ai" and message.tool_calls:
                calls = ", ".join(call["name"] for call in message.tool_calls)
                print(f"[{node}] 决定调用工具：{calls}")
            elif message.type == "tool":
                print(f"[{node}] {message.name} 返回：{message.text}")
            else:
                print(f"[{node}] 回答：{message.text}")
