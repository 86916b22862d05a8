"""Tags given with with_config(tags=...) reach the metadata; filter on them."""

from langchain_openai import ChatOpenAI
from langgraph.graph import END, START, MessagesState, StateGraph

# --8<-- [start:graph]
model = ChatOpenAI(model="gpt-4o-mini")
outline_model = model.with_config(tags=["outline"])  # (1)!
answer_model = model.with_config(tags=["answer"])


def write(state: MessagesState) -> dict:
    outline = outline_model.invoke(state["messages"])
    answer = answer_model.invoke([*state["messages"], outline])
    return {"messages": [outline, answer]}


# --8<-- [end:graph]


builder = StateGraph(MessagesState)
builder.add_node(write)
builder.add_edge(START, "write")
builder.add_edge("write", END)
graph = builder.compile()
question = {"messages": [{"role": "user", "content": "怎样泡一杯好茶？"}]}

# --8<-- [start:main]
everything, answer = "", ""
for token, metadata in graph.stream(question, stream_mode="messages"):
    everything += token.text
    if "answer" in metadata.get("tags", []):  # (1)!
        answer += token.text
print(f"不过滤：{everything}")
print(f"只要 answer 标签：{answer}")
# --8<-- [end:main]
