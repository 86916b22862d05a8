"""stream_mode="tools": tool lifecycle events (accepted, yet not in StreamMode)."""

from langchain.agents import create_agent
from langchain.tools import ToolRuntime, tool


@tool
def get_weather(city: str, runtime: ToolRuntime) -> str:
    """查询城市今天的天气。"""
    runtime.emit_output_delta(f"已连接{city}气象站")  # (1)!
    return f"{city}：晴，23°C，微风"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])
question = {"messages": [{"role": "user", "content": "杭州今天适合出门吗？"}]}

calls: dict[str, int] = {}
for event in agent.stream(question, stream_mode="tools"):  # (2)!
    number = calls.setdefault(event["tool_call_id"], len(calls) + 1)  # (3)!
    if event["event"] == "tool-started":
        print(f"#{number} tool-started       {event['tool_name']} {event['input']}")
    elif event["event"] == "tool-output-delta":
        print(f"#{number} tool-output-delta  {event['delta']}")
    elif event["event"] == "tool-finished":
        print(f"#{number} tool-finished      {event['output'].text}")
    else:
        print(f"#{number} tool-error         {event['message']}")
