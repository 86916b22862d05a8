"""ModelRetryMiddleware in messages mode: a failed attempt's chunks stay."""

from langchain.agents import create_agent
from langchain.agents.middleware import ModelRetryMiddleware
from langchain_core.messages import AIMessageChunk

question = {"messages": [{"role": "user", "content": "讲一个关于狗的冷笑话"}]}
another = {"messages": [{"role": "user", "content": "讲一个关于兔子的冷笑话"}]}

# --8<-- [start:agent]
agent = create_agent(
    model="gpt-4o-mini",
    tools=[],
    middleware=[ModelRetryMiddleware(max_retries=2, initial_delay=0.1)],  # (1)!
)
# --8<-- [end:agent]

# --8<-- [start:naive]
text = ""
for token, metadata in agent.stream(question, stream_mode="messages"):
    if metadata["langgraph_node"] == "model":
        text += token.text
print("直接拼接：", text)  # (1)!
# --8<-- [end:naive]

# --8<-- [start:by_id]
current_id, shown = None, ""
for token, metadata in agent.stream(another, stream_mode="messages"):
    if not isinstance(token, AIMessageChunk) or metadata["langgraph_node"] != "model":
        continue
    if token.id != current_id:  # (1)!
        if shown:
            print(f"\n[上一次调用没有收尾块就换了 id：清掉已显示的 {len(shown)} 个字]")
        current_id, shown = token.id, ""
    shown += token.text
    print(token.text, end="", flush=True)
    if token.chunk_position == "last":  # (2)!
        print()
        current_id, shown = None, ""
# --8<-- [end:by_id]
