"""What v2 adds to values: an interrupts field, and state in the schema's own type."""

from typing import TypedDict

from langchain.tools import ToolRuntime, tool
from langchain_openai import ChatOpenAI
from langgraph.checkpoint.memory import InMemorySaver
from langgraph.config import get_stream_writer
from langgraph.graph import END, START, MessagesState, StateGraph
from langgraph.prebuilt import ToolNode
from langgraph.types import interrupt
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


# --8<-- [start:interrupts]
def confirm(state: State) -> dict:
    answer = interrupt("要把卡片发给用户吗？")  # (1)!
    return {"card": f"{state['card']}（{answer}）"}


approval = (
    StateGraph(State)
    .add_node(confirm)
    .add_edge(START, "confirm")
    .compile(checkpointer=InMemorySaver())
)
state = {"messages": [], "card": "🌤 上海现在多云，22°C。"}
config = {"configurable": {"thread_id": "approval-0"}}
for item in approval.stream(state, config, stream_mode="values"):  # (2)!
    found = [i.value for i in item.get("__interrupt__", ())]
    print("v1 values 键 =", sorted(item), found)
config = {"configurable": {"thread_id": "approval-1"}}
modes = ["values", "updates"]
for part in approval.stream(state, config, stream_mode=modes, version="v2"):
    if part["type"] == "values":
        print("values  interrupts =", [i.value for i in part["interrupts"]])
    else:
        print("updates data =", {k: type(v).__name__ for k, v in part["data"].items()})
config = {"configurable": {"thread_id": "approval-2"}}
out = approval.invoke(state, config, version="v2")
print(f"GraphOutput.interrupts：{[i.value for i in out.interrupts]}")
# --8<-- [end:interrupts]


# --8<-- [start:coercion]
class Forecast(BaseModel):
    city: str
    text: str = ""


def lookup(state: Forecast) -> dict:
    return {"text": f"{state.city}：多云，22°C"}


forecast = StateGraph(Forecast).add_node(lookup).add_edge(START, "lookup").compile()
for version in ("v1", "v2"):
    items = forecast.stream({"city": "上海"}, stream_mode="values", version=version)
    last = list(items)[-1]
    data = last["data"] if version == "v2" else last  # (1)!
    print(version, type(data).__name__, data)
# --8<-- [end:coercion]
