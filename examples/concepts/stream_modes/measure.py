"""What each mode sends for the same run: items and bytes, measured, never typed."""

import json
from collections import Counter
from typing import TypedDict

from langchain.tools import ToolRuntime, tool
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.config import get_stream_writer
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode
from pydantic import BaseModel


class State(MessagesState):
    card: str


class Card(TypedDict):
    card: str


@tool
def get_weather(city: str, runtime: ToolRuntime) -> str:
    """查询城市的实时天气。"""
    runtime.stream_writer({"进度": f"正在查询{city}"})
    runtime.emit_output_delta(f"已连接{city}气象站")
    return f"{city}：多云，22°C"


model = ChatOpenAI(model="gpt-4o-mini").bind_tools([get_weather])


def agent(state: State) -> dict:
    return {"messages": [model.invoke(state["messages"])]}


def route(state: State) -> str:
    return "tools" if state["messages"][-1].tool_calls else "card"


def render(state: State) -> Card:
    get_stream_writer()({"进度": "正在生成卡片"})
    return {"card": "🌤 " + state["messages"][-1].text}


card = (
    StateGraph(State, output_schema=Card)
    .add_node(render)
    .add_edge(START, "render")
    .compile()
)

builder = StateGraph(State)
builder.add_node(agent)
builder.add_node("tools", ToolNode([get_weather]))
builder.add_node("card", card)
builder.add_edge(START, "agent")
builder.add_conditional_edges("agent", route, ["tools", "card"])
builder.add_edge("tools", "agent")
builder.add_edge("card", END)
graph = builder.compile()

question = {"messages": [{"role": "user", "content": "上海天气如何？"}]}


# --8<-- [start:main]
MODES = ["values", "updates", "messages", "custom"]
MODES += ["checkpoints", "tasks", "debug", "tools"]


def size(data: object) -> int:  # (1)!
    def plain(value: object) -> object:
        if isinstance(value, BaseModel):
            return value.model_dump(exclude={"id"})  # (2)!
        return repr(value)

    return len(json.dumps(data, ensure_ascii=False, default=plain).encode())


def measure(subgraphs: bool) -> tuple[Counter, Counter]:
    saved = builder.compile(checkpointer=InMemorySaver())  # (3)!
    config = {"configurable": {"thread_id": f"measure-{int(subgraphs)}"}}
    items, sizes = Counter(), Counter()
    for part in saved.stream(  # (4)!
        question, config, stream_mode=MODES, subgraphs=subgraphs, version="v2"
    ):
        items[part["type"]] += 1
        sizes[part["type"]] += size(part["data"])
    return items, sizes


flat, nested = measure(subgraphs=False), measure(subgraphs=True)
print("| 模式 | 项数 | 字节 | 项数（subgraphs=True） | 字节（subgraphs=True） |")
for mode in MODES:
    counts = [flat[0][mode], flat[1][mode], nested[0][mode], nested[1][mode]]
    print(f"| {mode} | " + " | ".join(str(n) for n in counts) + " |")
total = [sum(flat[0].values()), sum(flat[1].values())]
total += [sum(nested[0].values()), sum(nested[1].values())]
print("| 合计 | " + " | ".join(str(n) for n in total) + " |")
# --8<-- [end:main]
