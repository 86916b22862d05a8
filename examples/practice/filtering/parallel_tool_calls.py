"""Two agents at once, each calling two tools in parallel: assemble each call."""

import json
import operator
from collections import defaultdict
from typing import Annotated, TypedDict

from langchain.agents import create_agent
from langchain.messages import AIMessage, AIMessageChunk
from langchain.tools import tool
from langgraph.graph import START, StateGraph


@tool
def get_weather(city: str) -> str:
    """查询城市现在的天气。"""
    return {"北京": "晴，24°C", "东京": "多云，19°C"}.get(city, "未知")


@tool
def get_time(city: str) -> str:
    """查询城市现在的时间。"""
    return {"北京": "14:30", "东京": "15:30"}.get(city, "未知")


agent = create_agent(model="gpt-4o-mini", tools=[get_weather, get_time])


class State(TypedDict):
    answers: Annotated[list[str], operator.add]


def ask(city: str):
    def desk(state: State) -> dict:
        question = f"{city}现在的天气和时间？"
        result = agent.invoke({"messages": [{"role": "user", "content": question}]})
        return {"answers": [result["messages"][-1].text]}

    return desk


graph = (
    StateGraph(State)
    .add_node("beijing", ask("北京"))
    .add_node("tokyo", ask("东京"))
    .add_edge(START, "beijing")  # (1)!
    .add_edge(START, "tokyo")
    .compile()
)

by_index = defaultdict(str)  # (2)!
sources = defaultdict(set)
by_message: dict[str, AIMessageChunk] = {}  # (3)!
streamed, completed = [], []

for part in graph.stream(
    {"answers": []}, stream_mode=["messages", "updates"], subgraphs=True, version="v2"
):
    desk = part["ns"][0].split(":")[0] if part["ns"] else "顶层图"
    if part["type"] == "messages":
        token, metadata = part["data"]
        if (
            not isinstance(token, AIMessageChunk)
            or metadata["langgraph_node"] != "model"
        ):
            continue
        for piece in token.tool_call_chunks:
            by_index[piece["index"]] += piece["args"] or ""
            sources[piece["index"]].add(token.id)
        so_far = by_message.get(token.id, AIMessageChunk(content=""))
        by_message[token.id] = so_far + token
        if token.chunk_position == "last":  # (4)!
            calls = by_message.pop(token.id).tool_calls
            streamed += [f"{desk}：{c['name']}({c['args']})" for c in calls]
    elif part["ns"]:
        for update in part["data"].values():  # (5)!
            for message in (update or {}).get("messages", []):
                if isinstance(message, AIMessage):
                    completed += [
                        f"{desk}：{c['name']}({c['args']})" for c in message.tool_calls
                    ]

print("❌ 只按 index 拼接：")
for index, args in sorted(by_index.items()):
    try:
        json.loads(args)
        verdict = "能解析"
    except json.JSONDecodeError:
        verdict = "无法解析"
    calls = len(sources[index])
    print(f"  index {index}：混进了 {calls} 次模型调用的片段，参数{verdict}")
print("✅ 按消息 id 分别相加，收尾块到达时读 .tool_calls：")
for line in sorted(streamed):
    print(f"  {line}")
print("updates 里模型节点给出的完整工具调用：")
for line in sorted(completed):
    print(f"  {line}")
