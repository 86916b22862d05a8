"""Time to first token versus total time for one streamed answer."""

# --8<-- [start:main]
import math
import time

from langchain_openai import ChatOpenAI

model = ChatOpenAI(model="gpt-4o-mini")


def tenths(seconds: float) -> str:
    return f"{math.floor(seconds * 10) / 10:.1f} s"  # (1)!


start = time.perf_counter()
first = None
for chunk in model.stream("写一段 50 字左右的产品介绍"):
    if first is None and chunk.content:
        first = time.perf_counter() - start
total = time.perf_counter() - start

print(f"首个令牌：{tenths(first)}")
print(f"完整回答：{tenths(total)}")
# --8<-- [end:main]
