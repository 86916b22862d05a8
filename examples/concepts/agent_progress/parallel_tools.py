"""Parallel tool calls: one tools task per call, one step, one update each."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return {"北京": "北京：晴，24°C", "东京": "东京：多云，19°C"}[city]


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "北京和东京天气怎么样？"}]}

# --8<-- [start:main]
results = []
for part in agent.stream(question, stream_mode=["updates", "debug"], version="v2"):
    if part["type"] == "debug":  # (1)!
        event = part["data"]
        if event["type"] == "task":
            print(f"  [debug] 第 {event['step']} 步开始：{event['payload']['name']}")
        continue
    for node, update in part["data"].items():
        messages = update["messages"]
        print(f"[updates] {node}：{len(messages)} 条 {type(messages[0]).__name__}")
        if node == "tools":
            results.append(messages[0].content)

print(f"工具结果：{sorted(results)}")  # (2)!
# --8<-- [end:main]
