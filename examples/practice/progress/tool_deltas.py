"""Partial tool results: emit_output_delta() and stream_mode="tools"."""

import time
from typing import Literal

from langchain.agents import create_agent
from langchain.tools import ToolRuntime, tool

ZONES = {
    "上海仓": {"A 区": 120, "B 区": 80, "C 区": 45},
    "杭州仓": {"A 区": 90, "B 区": 70, "C 区": 100, "D 区": 50},
}


@tool
def count_stock(warehouse: Literal["上海仓", "杭州仓"], runtime: ToolRuntime) -> str:
    """盘点一个仓库各个库区的库存。"""
    total = 0
    for zone, count in ZONES[warehouse].items():
        time.sleep(0.1)
        total += count
        runtime.emit_output_delta(f"{zone} {count} 件")  # (1)!
    return f"{warehouse}共 {total} 件"


agent = create_agent(model="gpt-4o-mini", tools=[count_stock])
question = {"messages": [{"role": "user", "content": "盘点一下上海仓和杭州仓的库存"}]}

calls: dict[str, dict] = {}
for event in agent.stream(question, stream_mode="tools"):  # (2)!
    call = calls.setdefault(event["tool_call_id"], {"deltas": []})  # (3)!
    if event["event"] == "tool-started":
        call["warehouse"] = event["input"]["warehouse"]
    elif event["event"] == "tool-output-delta":
        call["deltas"].append(event["delta"])
    elif event["event"] == "tool-finished":
        call["result"] = event["output"].text
    else:
        call["result"] = f"出错：{event['message']}"

for call in sorted(calls.values(), key=lambda call: call["warehouse"]):
    print(f"{call['warehouse']}：{' | '.join(call['deltas'])}，结果：{call['result']}")
