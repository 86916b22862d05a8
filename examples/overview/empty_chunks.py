"""Which chunks of a streamed answer carry no text, with and without streamed usage."""

# --8<-- [start:main]
from langchain_openai import ChatOpenAI


def what_it_carries(chunk) -> str:
    if chunk.chunk_position == "last":
        return "收尾块（chunk_position='last'）"
    if chunk.usage_metadata:
        return "用量块（usage_metadata）"
    if "finish_reason" in chunk.response_metadata:
        reason = chunk.response_metadata["finish_reason"]
        return f"带结束原因的块（finish_reason={reason!r}）"
    return "开头的空块"


for stream_usage in (False, True):  # (1)!
    model = ChatOpenAI(model="gpt-4o-mini", stream_usage=stream_usage)
    chunks = list(model.stream("用一句话介绍 Python"))
    empty = [(i, chunk) for i, chunk in enumerate(chunks, 1) if not chunk.text]
    print(f"stream_usage={stream_usage}：{len(chunks)} 块，{len(empty)} 块没有文字")
    for i, chunk in empty:
        print(f"  第 {i} 块：{what_it_carries(chunk)}")
# --8<-- [end:main]
