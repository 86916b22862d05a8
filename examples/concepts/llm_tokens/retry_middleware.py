"""ModelRetryMiddleware in messages mode: a failed attempt's chunks stay."""

from langchain.agents import create_agent
from langchain.agents.middleware import ModelRetryMiddleware
from langchain_core.messages import AIMessageChunk

question = {"messages": [{"role": "user", "content": "讲一个关于狗的冷笑话"}]}
another = {"messages": [{"role": "user", "content": "讲一个关于兔子的冷笑话"}]}
hopeless = {"messages": [{"role": "user", "content": "讲一个关于熊猫的冷笑话"}]}

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
print(f"直接拼接：{text}")  # (1)!
# --8<-- [end:naive]


# --8<-- [start:by_id]
def show(inputs: dict) -> None:
    current_id, shown = None, ""
    for token, metadata in agent.stream(inputs, stream_mode="messages"):
        if metadata["langgraph_node"] != "model":
            continue
        if not isinstance(token, AIMessageChunk):  # (1)!
            print(f"\n[重试用完，清掉已显示的 {len(shown)} 个字。错误：{token.text}]")
            current_id, shown = None, ""
            continue
        if token.id != current_id:  # (2)!
            if shown:
                void = len(shown)
                print(f"\n[上一次调用没有收尾块就换了 id：清掉已显示的 {void} 个字]")
            current_id, shown = token.id, ""
        shown += token.text
        print(token.text, end="", flush=True)
        if token.chunk_position == "last":  # (3)!
            print()
            current_id, shown = None, ""


show(another)
show(hopeless)  # (4)!
# --8<-- [end:by_id]
