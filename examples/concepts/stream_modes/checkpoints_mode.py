"""checkpoints mode: one item per checkpoint, so nothing without a checkpointer."""

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
items = list(graph.stream(question, stream_mode="checkpoints"))
print(f"没有 checkpointer：{len(items)} 项")

saved = builder.compile(checkpointer=InMemorySaver())  # (1)!
config = {"configurable": {"thread_id": "weather-1"}}
for checkpoint in saved.stream(question, config, stream_mode="checkpoints"):
    step, source = checkpoint["metadata"]["step"], checkpoint["metadata"]["source"]
    count = len(checkpoint["values"].get("messages", []))
    print(f"step={step:>2} {source:<5} 消息 {count} 条 next={checkpoint['next']}")
print(f"键：{sorted(checkpoint)}")  # (2)!
snapshot = saved.get_state(config)
print(f"最后一项与 get_state() 相同：{checkpoint['values'] == snapshot.values}")
# --8<-- [end:main]
