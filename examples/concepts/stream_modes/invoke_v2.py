"""invoke() in v1 and v2: a dict, a GraphOutput, or a list of StreamParts."""

import warnings
from typing import TypedDict

from langchain.tools import ToolRuntime, tool
from langchain_openai import ChatOpenAI
from langgraph.config import get_stream_writer
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode


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
old = graph.invoke(question)  # (1)!
print(f"v1：{type(old).__name__} {sorted(old)}")

out = graph.invoke(question, version="v2")  # (2)!
print(f"v2：{type(out).__name__} {sorted(out.value)} interrupts = {out.interrupts}")

parts = graph.invoke(question, stream_mode="updates", version="v2")  # (3)!
print(f"v2 + updates：{type(parts).__name__} {[part['type'] for part in parts]}")

with warnings.catch_warnings(record=True) as caught:  # (4)!
    warnings.simplefilter("always")
    out["card"]
print(f"out['card'] 发出 {caught[0].category.__name__}：{caught[0].message}")
# --8<-- [end:main]
