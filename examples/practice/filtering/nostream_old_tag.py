"""The old tag spelling langsmith:nostream: LangGraph 1.x reads only nostream."""

from langchain_openai import ChatOpenAI
from langgraph.graph import START, MessagesState, StateGraph

old_spelling = ChatOpenAI(model="gpt-4o-mini").with_config(tags=["langsmith:nostream"])


def title(state: MessagesState) -> dict:
    old_spelling.invoke("给这次周会起个标题")  # (1)!
    return {}


graph = StateGraph(MessagesState).add_node(title).add_edge(START, "title").compile()

pieces = [
    message.text
    for message, metadata in graph.stream({"messages": []}, stream_mode="messages")
    if message.text
]
print(f"标签 langsmith:nostream，流里仍有 {len(pieces)} 块：{pieces}")
