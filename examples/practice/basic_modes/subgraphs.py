"""The same loop with subgraphs=True: ns says which graph each part came from."""

from typing import TypedDict

from langchain.agents import create_agent
from langchain.tools import tool
from langgraph.graph import END, START, StateGraph


@tool
def get_weather(city: str) -> str:
    """查询城市今天的天气。"""
    return f"{city}：晴，23°C，微风"


agent = create_agent(model="gpt-4o-mini", tools=[get_weather], name="weather_agent")


class Trip(TypedDict):
    question: str
    answer: str


def ask_agent(state: Trip) -> dict:
    result = agent.invoke(
        {"messages": [{"role": "user", "content": state["question"]}]}
    )  # (1)!
    return {"answer": result["messages"][-1].content}


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

for part in trip.stream(
    {"question": "杭州今天适合出门吗？"},
    stream_mode=["updates"],
    subgraphs=True,  # (2)!
    version="v2",
):
    where = part["ns"][0].split(":")[0] if part["ns"] else "父图"  # (3)!
    for node in part["data"]:
        print(f"[{where}] {node}")
print(
    trip.invoke({"question": "杭州今天适合出门吗？"}, version="v2").value["answer"]
)  # (4)!
