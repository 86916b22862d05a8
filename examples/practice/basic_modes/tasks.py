"""stream_mode="tasks": a start event and an end event for every task (one node run)."""

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    return f"{city}：晴，23°C，微风"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}

started = {}
for event in agent.stream(question, stream_mode="tasks"):
    if "input" in event:  # (1)!
        started[event["id"]] = event["name"]
        print(f"开始 {event['name']:<5} 触发自 {event['triggers']}")
    else:
        status = "出错：" + repr(event["error"]) if event["error"] else "完成"
        print(
            f"结束 {event['name']:<5} {status}，写入 {sorted(event['result'])}"
        )  # (2)!
print(f"共 {len(started)} 个任务")
