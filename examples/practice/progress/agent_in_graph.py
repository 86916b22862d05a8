"""Progress from a node, a middleware and a tool, with the agent inside a graph."""

import time
from typing import Literal, TypedDict

from langchain.agents import AgentState, create_agent
from langchain.agents.middleware import after_agent, before_agent
from langchain.tools import ToolRuntime, tool
from langgraph.graph import END, START, StateGraph
from langgraph.runtime import Runtime


class Progress(TypedDict):
    type: Literal["progress"]
    id: str
    step: str
    current: int
    total: int
    status: Literal["running", "done", "error"]
    message: str


ZONES = {"上海仓": {"A 区": 120, "B 区": 80, "C 区": 45}}


@tool
def count_stock(warehouse: str, runtime: ToolRuntime) -> str:
    """盘点一个仓库各个库区的库存。"""
    zones = ZONES[warehouse]
    total = 0
    for current, (zone, count) in enumerate(zones.items(), start=1):
        time.sleep(0.1)
        total += count
        runtime.stream_writer(
            Progress(
                type="progress",
                id=runtime.tool_call_id,
                step=f"盘点{warehouse}",
                current=current,
                total=len(zones),
                status="done" if current == len(zones) else "running",
                message=f"{zone}已盘点",
            )
        )
    return f"{warehouse}共 {total} 件"


@before_agent
def agent_started(state: AgentState, runtime: Runtime) -> None:  # (1)!
    runtime.stream_writer(
        Progress(
            type="progress",
            id="agent",
            step="Agent 作答",
            current=0,
            total=1,
            status="running",
            message="开始",
        )
    )


@after_agent
def agent_finished(state: AgentState, runtime: Runtime) -> None:
    runtime.stream_writer(
        Progress(
            type="progress",
            id="agent",
            step="Agent 作答",
            current=1,
            total=1,
            status="done",
            message=f"共 {len(state['messages'])} 条消息",
        )
    )


agent = create_agent(
    model="gpt-4o-mini",
    tools=[count_stock],
    middleware=[agent_started, agent_finished],
)


class State(TypedDict):
    warehouse: str
    answer: str


def prepare(state: State, runtime: Runtime) -> dict:
    runtime.stream_writer(
        Progress(
            type="progress",
            id="prepare",
            step="准备盘点",
            current=1,
            total=1,
            status="done",
            message=f"目标为{state['warehouse']}",
        )
    )
    return {}


def ask_agent(state: State) -> dict:
    question = f"盘点一下{state['warehouse']}的库存"
    result = agent.invoke({"messages": [{"role": "user", "content": question}]})  # (2)!
    return {"answer": result["messages"][-1].text}


graph = (
    StateGraph(State)
    .add_node("prepare", prepare)
    .add_node("ask_agent", ask_agent)
    .add_edge(START, "prepare")
    .add_edge("prepare", "ask_agent")
    .add_edge("ask_agent", END)
    .compile()
)

for subgraphs in [False, True]:
    print(f"subgraphs={subgraphs}：")
    for part in graph.stream(
        {"warehouse": "上海仓", "answer": ""},
        stream_mode="custom",
        subgraphs=subgraphs,  # (3)!
        version="v2",
    ):
        source = part["ns"][0].split(":")[0] if part["ns"] else "父图"  # (4)!
        event = part["data"]
        print(
            f"  [{source}] {event['step']} {event['current']}/{event['total']} "
            f"{event['status']}：{event['message']}"
        )
