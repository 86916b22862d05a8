"""Other stream() parameters: interrupt_before, durability and output_keys."""

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

# --8<-- [start:interrupt]
saved = builder.compile(checkpointer=InMemorySaver())
config = {"configurable": {"thread_id": "params-1"}}
before = ["tools"]  # (1)!
run = saved.stream(question, config, stream_mode="updates", interrupt_before=before)
for update in run:
    print(f"第一次运行：{update if '__interrupt__' in update else list(update)}")
print(f"停在：{saved.get_state(config).next}")
for update in saved.stream(None, config, stream_mode="updates"):  # (2)!
    print(f"继续运行：{list(update)}")
# --8<-- [end:interrupt]

# --8<-- [start:options]
for durability in ("sync", "async", "exit"):
    config = {"configurable": {"thread_id": f"durability-{durability}"}}
    items = list(
        saved.stream(question, config, stream_mode="checkpoints", durability=durability)
    )
    stored = list(saved.get_state_history(config))  # (1)!
    print(f"durability={durability!r:<7} 发出 {len(items)} 项，保存了 {len(stored)} 个")

cards = list(graph.stream(question, stream_mode="values", output_keys="card"))  # (2)!
print(f"output_keys='card'：{cards}")
# --8<-- [end:options]
