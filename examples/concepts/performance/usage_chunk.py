"""stream_usage=True adds one chunk to every streamed call: the usage chunk."""

from langchain_openai import ChatOpenAI

# --8<-- [start:main]
for stream_usage in (False, True):
    model = ChatOpenAI(model="gpt-4o-mini", stream_usage=stream_usage)
    chunks = list(model.stream("用一句话介绍西安"))
    with_usage = [c for c in chunks if c.usage_metadata]
    print(f"stream_usage={stream_usage}：{len(chunks)} 块，", end="")
    print(f"带用量的块 {len(with_usage)} 个")
# --8<-- [end:main]
