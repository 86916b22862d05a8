"""A widely copied tool-call aggregation keyed by id, run on two parallel calls."""

import json

from langchain.agents import create_agent
from langchain.tools import tool


@tool
def get_weather(city: str) -> str:
    """查询城市的实时天气。"""
    return f"{city}：晴，24°C"


@tool
def get_time(timezone: str) -> str:
    """查询某个时区的当前时间。"""
    return f"{timezone}：15:30"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather, get_time])
question = {"messages": [{"role": "user", "content": "北京天气怎么样？东京现在几点？"}]}

# --8<-- [start:main]
tool_call_buffer = {}

for token, _metadata in agent.stream(question, stream_mode="messages"):
    if hasattr(token, "tool_call_chunks"):
        for chunk in token.tool_call_chunks:
            call_id = chunk.get("id")  # (1)!
            if call_id not in tool_call_buffer:
                tool_call_buffer[call_id] = {
                    "name": chunk.get("name"),
                    "args": "",
                    "id": call_id,
                }
            tool_call_buffer[call_id]["args"] += chunk.get("args", "")

for _call_id, call_data in tool_call_buffer.items():
    try:
        args = json.loads(call_data["args"])
        print(f"工具: {call_data['name']}, 参数: {args}")
    except json.JSONDecodeError:
        print(f"工具调用未完成: {call_data}")
# --8<-- [end:main]
