"""A model tagged nostream: no tokens, but what its node returns still comes through."""

import operator
from typing import Annotated, TypedDict

from langchain.messages import AIMessage, AIMessageChunk, AnyMessage
from langchain_openai import ChatOpenAI
from langgraph.graph import START, StateGraph, add_messages

model = ChatOpenAI(model="gpt-4o-mini")
quiet = model.with_config(tags=["nostream"])  # (1)!


class State(TypedDict):
    messages: Annotated[list[AnyMessage], add_messages]
    notes: Annotated[list[str], operator.add]


def title(state: State) -> dict:
    return {"messages": [quiet.invoke("给这段对话起个标题")]}  # (2)!


def compress(state: State) -> dict:
    return {"notes": [quiet.invoke("把对话压缩成一句话").text]}  # (3)!


def answer(state: State) -> dict:
    return {"messages": [model.invoke("回答：远程办公要注意什么？")]}


graph = (
    StateGraph(State)
    .add_sequence([title, compress, answer])
    .add_edge(START, "title")
    .compile()
)

for part in graph.stream(
    {"messages": [], "notes": []}, stream_mode=["messages", "updates"], version="v2"
):
    if part["type"] == "messages":
        message, metadata = part["data"]
        if not message.text:
            continue  # (4)!
        kind = "块" if isinstance(message, AIMessageChunk) else "整条消息"  # (5)!
        print(f"messages [{metadata['langgraph_node']}] {kind}：{message.text}")
    else:
        for node, update in part["data"].items():
            for key, values in update.items():
                texts = [v.text if isinstance(v, AIMessage) else v for v in values]
                print(f"updates  [{node}] {key}：{texts}")
