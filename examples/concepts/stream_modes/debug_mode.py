"""debug mode: checkpoints and tasks events together, each with its type and step."""

from collections import Counter
from typing import TypedDict

from langchain.tools import ToolRuntime, tool
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import InMemorySaver
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
saved = builder.compile(checkpointer=InMemorySaver())
config = {"configurable": {"thread_id": "weather-debug"}}
kinds = Counter()
for event in saved.stream(question, config, stream_mode="debug"):
    kinds[event["type"]] += 1
    payload = event["payload"]
    what = payload.get("name") or f"next={payload['next']}"  # (1)!
    print(f"step={event['step']:>2} {event['type']:<11} {what}  键 {sorted(event)}")
print(dict(kinds))

config = {"configurable": {"thread_id": "weather-both"}}
modes = ["checkpoints", "tasks"]
both = Counter(mode for mode, _ in saved.stream(question, config, stream_mode=modes))
print(f"同一张图的 checkpoints + tasks：{dict(both)}")  # (2)!
# --8<-- [end:main]
