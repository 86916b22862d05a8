"""Two model calls streaming at once: aggregate per message id, not in one."""

from langchain_core.messages import AIMessageChunk
from langchain_openai import ChatOpenAI
from langgraph.graph import END, START, MessagesState, StateGraph

# --8<-- [start:graph]
model = ChatOpenAI(model="gpt-4o-mini")


def pros(state: MessagesState) -> dict:
    return {"messages": [model.invoke("远程办公的一个优点")]}


def cons(state: MessagesState) -> dict:
    return {"messages": [model.invoke("远程办公的一个缺点")]}


builder = StateGraph(MessagesState)
builder.add_node(pros)
builder.add_node(cons)
builder.add_edge(START, "pros")  # (1)!
builder.add_edge(START, "cons")
builder.add_edge(["pros", "cons"], END)
graph = builder.compile()
# --8<-- [end:graph]

question = {"messages": [{"role": "user", "content": "谈谈远程办公"}]}

# --8<-- [start:main]
single = None  # (1)!
single_results = []
by_id: dict[str, AIMessageChunk] = {}  # (2)!
node_of: dict[str, str] = {}

for token, metadata in graph.stream(question, stream_mode="messages"):
    if not isinstance(token, AIMessageChunk):
        continue
    single = token if single is None else single + token
    if token.chunk_position == "last":
        single_results.append(single.text)
        single = None

    by_id[token.id] = by_id[token.id] + token if token.id in by_id else token  # (3)!
    node_of[token.id] = metadata["langgraph_node"]

answers = {
    "远程办公省去了通勤时间，时间更自由。",
    "远程办公沟通成本更高，容易感到孤立。",
}
print(f"一个累加器拼出的是真实回答吗：{[text in answers for text in single_results]}")
mixed = "省去" in single_results[0] and "成本" in single_results[0]
print(f"第一条里有两个回答的文字：{mixed}")
for message_id, message in sorted(by_id.items(), key=lambda item: node_of[item[0]]):
    print(f"按 id 聚合 {node_of[message_id]}：{message.text}")
# --8<-- [end:main]
