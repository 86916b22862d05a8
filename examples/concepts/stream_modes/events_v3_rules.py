"""stream_events(version="v3"): custom needs a transformer; what v3 refuses."""

import warnings
from typing import TypedDict

from langchain.tools import ToolRuntime, tool
from langchain_core._api import LangChainBetaWarning
from langchain_openai import ChatOpenAI
from langgraph.config import get_stream_writer
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode
from langgraph.stream import CustomTransformer


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

# --8<-- [start:custom]
run = graph.stream_events(question, version="v3")
try:
    print(run.custom)
except AttributeError as error:
    print("AttributeError:", error)

run = graph.stream_events(question, version="v3", transformers=[CustomTransformer])
print(f"custom：{list(run.custom)}")
# --8<-- [end:custom]

# --8<-- [start:rules]
for kwargs in ({"stream_mode": "values"}, {"subgraphs": True}):
    try:
        graph.stream_events(question, version="v3", **kwargs)
    except TypeError as error:
        print(f"{kwargs} → TypeError:", str(error).split(";")[0])
try:
    graph.stream_events(question, version="v2")
except NotImplementedError as error:
    print("version='v2' → NotImplementedError:", error)
# --8<-- [end:rules]
