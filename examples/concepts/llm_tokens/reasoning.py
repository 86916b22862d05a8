"""Reasoning through the Responses API: .text drops it, content_blocks keep it apart."""

from langchain.agents import create_agent
from langchain_openai import ChatOpenAI

# --8<-- [start:main]
model = ChatOpenAI(
    model="gpt-5-mini",
    reasoning={"effort": "low", "summary": "auto"},  # (1)!
)
agent = create_agent(model=model, tools=[])
question = {"messages": [{"role": "user", "content": "9.11 和 9.9 哪个大？"}]}

reasoning, answer, text_chunks = "", "", 0
message = None
for token, metadata in agent.stream(question, stream_mode="messages"):
    if metadata["langgraph_node"] != "model":
        continue
    for block in token.content_blocks:  # (2)!
        if block["type"] == "reasoning":
            reasoning += block.get("reasoning", "")
        elif block["type"] == "text":
            answer += block["text"]
    text_chunks += bool(token.text)  # (3)!
    message = token if message is None else message + token

print(f"推理摘要：{reasoning}")
print(f"回答：{answer}")
print(f"带文字的块：{text_chunks}")
usage = message.usage_metadata
print(
    f"用量：{usage['output_tokens']} 个输出 token，"
    f"其中推理 {usage['output_token_details']['reasoning']} 个"
)  # (4)!
# --8<-- [end:main]
