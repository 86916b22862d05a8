"""stream_events(version="v3"), sync: a run object with typed projections (beta)."""

import warnings
from typing import TypedDict

from langchain.agents import create_agent
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

# --8<-- [start:warning]
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    run = graph.stream_events(question, version="v3")
for w in caught:
    print(f"{w.category.__name__}: {w.message}")
warnings.simplefilter("ignore", LangChainBetaWarning)  # (1)!
# --8<-- [end:warning]

# --8<-- [start:main]
run = graph.stream_events(question, version="v3")
print(f"投影：{sorted(run.extensions)}")
for message in run.messages:  # (1)!
    text = "|".join(message.text)  # (2)!
    call = message.output.tool_calls
    shown = text or f"调用工具 {call[0]['name']} {call[0]['args']}"
    print(f"{message.node}：{shown}")
print(f"output：{sorted(run.output)} {run.output['card']}")  # (3)!
print(f"最后一条消息的 content：{run.output['messages'][-1].content}")  # (4)!
# --8<-- [end:main]

# --8<-- [start:agent]
assistant = create_agent(model="gpt-4o-mini", tools=[get_weather])
run = assistant.stream_events(question, version="v3")
print(f"create_agent 的投影：{sorted(run.extensions)}")
for call in run.tool_calls:  # (1)!
    deltas = list(call.output_deltas)  # (2)!
    print(f"{type(call).__name__}：{call.tool_name} {call.input} 输出增量 {deltas}")
    print(f"  output：{call.output!r}")
# --8<-- [end:agent]
