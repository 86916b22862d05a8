"""The same loop with subgraphs=True: ns says which graph each part came from."""

from typing import TypedDict

from langchain.agents import create_agent
from langchain.messages import AIMessageChunk
from langchain.tools import tool
from langgraph.config import get_stream_writer
from langgraph.graph import END, START, StateGraph
from langgraph.types import StreamPart


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    get_stream_writer()({"stage": "lookup", "message": f"正在查询{city}的天气"})
    return f"{city}：晴，23°C，微风"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather])


class Trip(TypedDict):
    question: str
    answer: str


def ask_agent(state: Trip) -> dict:
    result = agent.invoke(
        {"messages": [{"role": "user", "content": state["question"]}]}
    )  # (1)!
    return {"answer": result["messages"][-1].text}


def sign_off(state: Trip) -> dict:
    return {"answer": state["answer"] + "（以上由天气助手提供）"}


trip = (
    StateGraph(Trip)
    .add_node(ask_agent)
    .add_node(sign_off)
    .add_edge(START, "ask_agent")
    .add_edge("ask_agent", "sign_off")
    .add_edge("sign_off", END)
    .compile()
)


def show(part: StreamPart, mid_line: bool) -> bool:
    """Print one part, prefixed with its source.

    Return whether the cursor is left in the middle of a line.
    """
    where = part["ns"][0].split(":")[0] if part["ns"] else "顶层图"  # (2)!
    if part["type"] == "messages":
        token, metadata = part["data"]
        if (
            metadata["langgraph_node"] == "model"
            and isinstance(token, AIMessageChunk)
            and token.text
        ):
            if not mid_line:
                print(f"[{where}] ", end="")
            print(token.text, end="", flush=True)
            return True
        return mid_line
    if mid_line:
        print()
    if part["type"] == "custom":
        print(f"[{where}] [进度] {part['data']['message']}")
    elif part["type"] == "updates":
        for node in part["data"]:
            print(f"[{where}] [{node} 完成]")
    return False


answer = ""
mid_line = False
for part in trip.stream(
    {"question": "杭州今天适合出门吗？"},
    stream_mode=["updates", "messages", "custom"],
    subgraphs=True,  # (3)!
    version="v2",
):
    mid_line = show(part, mid_line)
    if part["type"] == "updates" and "sign_off" in part["data"]:
        answer = part["data"]["sign_off"]["answer"]  # (4)!
print(f"最终回答：{answer}")
