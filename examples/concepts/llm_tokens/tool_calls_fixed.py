"""Two right ways to assemble tool calls: key by index, or add the chunks."""

import json

from langchain.agents import create_agent
from langchain.tools import tool
from langchain_core.messages import AIMessageChunk


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

# --8<-- [start:by_index]
calls = {}
for token, _metadata in agent.stream(question, stream_mode="messages"):
    for part in getattr(token, "tool_call_chunks", []):
        key = (token.id, part["index"])  # (1)!
        call = calls.setdefault(key, {"id": None, "name": None, "args": ""})
        call["id"] = call["id"] or part["id"]  # (2)!
        call["name"] = call["name"] or part["name"]
        call["args"] += part["args"] or ""  # (3)!

for call in calls.values():
    print(f"按 index：{call['name']} {json.loads(call['args'])} {call['id']}")
# --8<-- [end:by_index]

# --8<-- [start:by_add]
message = None
for token, _metadata in agent.stream(question, stream_mode="messages"):
    if not isinstance(token, AIMessageChunk):
        continue
    message = token if message is None else message + token  # (1)!
    if token.chunk_position == "last":  # (2)!
        for call in message.tool_calls:
            print(f"相加后：{call['name']} {call['args']} {call['id']}")
        message = None
# --8<-- [end:by_add]
