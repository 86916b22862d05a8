"""A client LangChain does not wrap: relay its streamed deltas through the writer."""

# --8<-- [start:main]
from typing import TypedDict

from langgraph.config import get_stream_writer
from langgraph.graph import START, StateGraph
from openai import OpenAI

client = OpenAI()  # (1)!


class State(TypedDict):
    question: str
    answer: str


def answer(state: State) -> dict:
    writer = get_stream_writer()
    stream = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": state["question"]}],
        stream=True,
    )
    parts = []
    for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            parts.append(chunk.choices[0].delta.content)
            writer({"type": "token", "text": parts[-1]})  # (2)!
    return {"answer": "".join(parts)}


graph = StateGraph(State).add_node("answer", answer).add_edge(START, "answer").compile()

inputs = {"question": "用一句话解释什么是流式输出", "answer": ""}
messages_items = 0
for mode, data in graph.stream(inputs, stream_mode=["custom", "messages"]):  # (3)!
    if mode == "custom":
        print(data["text"], end="|", flush=True)
    else:
        messages_items += 1
print(f"\nmessages 流模式收到 {messages_items} 项")
# --8<-- [end:main]
