"""stream_events(version="v3"): a projection sees only what comes after you read it."""

import warnings
from typing import TypedDict

from langchain.tools import ToolRuntime, tool
from langchain_core._api import LangChainBetaWarning
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

warnings.simplefilter("ignore", LangChainBetaWarning)

# --8<-- [start:subscribe]
run = graph.stream_events(question, version="v3")
for sub in run.subgraphs:
    print(f"子图 {sub.graph_name} 的 values：{list(sub.values)}")  # (1)!
print(f"接着读顶层图的 values：{len(list(run.values))} 项")  # (2)!

run = graph.stream_events(question, version="v3")
for name, item in run.interleave("values", "subgraphs"):  # (3)!
    if name == "values":
        print("values   ", sorted(item), len(item["messages"]), "条消息")
    else:
        print("subgraphs", item.graph_name, item.status)
# --8<-- [end:subscribe]
