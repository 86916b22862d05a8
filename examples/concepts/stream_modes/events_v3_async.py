"""astream_events(version="v3"): it returns a coroutine; await it to get the run."""

import asyncio
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


# --8<-- [start:main]
warnings.simplefilter("ignore", LangChainBetaWarning)


async def main() -> None:
    pending = graph.astream_events(question, version="v3")  # (1)!
    try:
        print(pending.messages)
    except AttributeError as error:
        print(f"没有 await：{type(error).__name__}: {error}")
    pending.close()  # (2)!

    run = await graph.astream_events(question, version="v3")
    async for message in run.messages:
        text = "|".join([piece async for piece in message.text])
        call = (await message.output).tool_calls  # (3)!
        text = text or f"调用工具 {call[0]['name']} {call[0]['args']}"
        print(f"{message.node}：{text}")
    output = await run.output()  # (4)!
    print(f"output：{output['card']}")


if __name__ == "__main__":
    asyncio.run(main())
# --8<-- [end:main]
