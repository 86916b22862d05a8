"""A node calling model.invoke() still streams tokens; nostream opts out."""

# --8<-- [start:graph]
from langchain_core.messages import AIMessage
from langchain_openai import ChatOpenAI
from langgraph.graph import END, START, MessagesState, StateGraph

model = ChatOpenAI(model="gpt-4o-mini")


def draft(state: MessagesState) -> dict:
    return {"messages": [model.invoke(state["messages"])]}  # (1)!


def review(state: MessagesState) -> dict:
    silent = model.with_config(tags=["nostream"])  # (2)!
    return {"messages": [silent.invoke(state["messages"])]}


def sign(state: MessagesState) -> dict:
    return {"messages": [AIMessage("——由写作助手生成")]}  # (3)!


builder = StateGraph(MessagesState)
builder.add_node(draft)
builder.add_node(review)
builder.add_node(sign)
builder.add_edge(START, "draft")
builder.add_edge("draft", "review")
builder.add_edge("review", "sign")
builder.add_edge("sign", END)
graph = builder.compile()
# --8<-- [end:graph]

# --8<-- [start:main]
question = {"messages": [{"role": "user", "content": "写一句秋天的短诗"}]}
for token, metadata in graph.stream(question, stream_mode="messages"):
    print(
        f"{metadata['langgraph_node']:<6} {type(token).__name__:<14} {token.content!r}"
    )
# --8<-- [end:main]
