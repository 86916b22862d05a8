"""Time to first token versus total time for one streamed answer."""

# --8<-- [start:main]
import time

from langchain_openai import ChatOpenAI

model = ChatOpenAI(model="gpt-4o-mini")

start = time.perf_counter()
first = None
chunks = 0
for chunk in model.stream("写一段 50 字左右的产品介绍"):
    if chunk.text:
        chunks += 1
        if first is None:
            first = time.perf_counter() - start
total = time.perf_counter() - start

print(f"带文字的块共 {chunks} 块")
if first < total / 2:  # (1)!
    print("首 token 延迟不到完整回答用时的一半")
else:
    print("首 token 延迟超过了完整回答用时的一半")
# --8<-- [end:main]
