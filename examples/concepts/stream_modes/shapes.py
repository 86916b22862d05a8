"""The outer shape of each item: one mode, a list of modes, subgraphs=True, and both."""

import re
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


def shape(item: object) -> str:
    text = repr(item)
    text = re.sub(r"card:[0-9a-f-]{36}", "card:<task_id>", text)
    return text if len(text) < 70 else text[:66] + " …"


# --8<-- [start:main]
calls = {
    '"updates"': dict(stream_mode="updates"),
    '["updates", "custom"]': dict(stream_mode=["updates", "custom"]),
    '("updates", "custom")': dict(stream_mode=("updates", "custom")),  # (1)!
    '"updates", subgraphs=True': dict(stream_mode="updates", subgraphs=True),
    '["updates", "custom"], subgraphs=True': dict(
        stream_mode=["updates", "custom"], subgraphs=True
    ),
}
for label, kwargs in calls.items():
    print(f"stream_mode={label}")
    for item in graph.stream(question, **kwargs):
        print("   ", shape(item))
# --8<-- [end:main]
