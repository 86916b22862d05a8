"""The smallest stream: a chat model, synchronously, chunk by chunk."""

# --8<-- [start:main]
from langchain_openai import ChatOpenAI

model = ChatOpenAI(model="gpt-4o-mini")

for chunk in model.stream("用一句话介绍 Python"):
    print(chunk.text, end="|", flush=True)  # (1)!
print()
# --8<-- [end:main]
