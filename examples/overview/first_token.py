"""Time to first token versus total time for one streamed answer."""

# --8<-- [start:main]
import time

from langchain_openai import ChatOpenAI

model = ChatOpenAI(model="gpt-4o-mini")

start = time.perf_counter()
first = None
chunks = 0
for chunk in model.stream("写一段 50 字左右的产品介绍"):
    if chunk.content:
        chunks += 1
        if first is None:
            first = time.perf_counter() - start
total = time.perf_counter() - start

print(f"完整回答分 {chunks} 块到达")
if first < total / 2:  # (1)!
    print("等首个令牌的时间，不到等完整回答的一半")
else:
    print("等首个令牌的时间，超过了等完整回答的一半")
# --8<-- [end:main]
