"""Defaults: stream() and invoke() without stream_mode, at the top and in a node."""

from typing import TypedDict

from langchain.tools import ToolRuntime, tool
from langchain_core.messages import AIMessage
from langchain_core.runnables import RunnableConfig
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
print("graph.stream_mode =", repr(graph.stream_mode))  # (1)!
first = next(iter(graph.stream(question)))
print(f"stream() 不传 stream_mode，第一项：{list(first)} → {list(first['agent'])}")
print(f"invoke() 返回：{sorted(graph.invoke(question))}")


def keys(items) -> list:
    return [sorted(item) for item in items]


answer = {"messages": [AIMessage("上海现在多云，22°C。")]}
print(f"顶层调用 card.stream()：{keys(card.stream(answer))}")


def peek(state: State, config: RunnableConfig) -> dict:
    print(f"节点里，不传 config：{keys(card.stream(state))}")  # (2)!
    print(f"节点里，传入 config：{keys(card.stream(state, config))}")
    return {}


outer = StateGraph(State).add_node(peek).add_edge(START, "peek").compile()
outer.invoke(answer)
# --8<-- [end:main]
